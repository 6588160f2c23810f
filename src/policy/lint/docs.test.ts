import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderLintChecksMarkdown } from './docs.js';
import { LINT_CHECKS } from './index.js';

const PAGE = fileURLToPath(new URL('../../../docs/lint-checks.md', import.meta.url));

describe('docs/lint-checks.md', () => {
  it('shows every check with its example, as the code reports it today', () => {
    const rendered = renderLintChecksMarkdown();
    // UPDATE_DOCS=1 regenerates the page after a change to the checks.
    if (process.env.UPDATE_DOCS === '1') writeFileSync(PAGE, rendered);
    const page = readFileSync(PAGE, 'utf8');
    for (const check of LINT_CHECKS) expect(page).toContain(`### ${check.code}\n`);
    expect(page).toBe(rendered);
  });
});
