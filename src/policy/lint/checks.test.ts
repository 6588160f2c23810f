/**
 * One test per check: its example policy triggers it, and the corrected
 * policy neither triggers it nor has any error.
 */
import { describe, expect, it } from 'vitest';
import { CHECK_EXAMPLES } from './examples.js';
import { LINT_CHECKS, lintPolicy } from './index.js';

describe('every lint check', () => {
  it('has at least 60 distinct codes in the four severities', () => {
    expect(new Set(LINT_CHECKS.map((c) => c.code)).size).toBe(LINT_CHECKS.length);
    expect(LINT_CHECKS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(LINT_CHECKS.map((c) => c.severity))).toEqual(new Set(['error', 'security', 'warning', 'suggestion']));
  });

  it('has an example that triggers it and one that does not', () => {
    expect(Object.keys(CHECK_EXAMPLES).sort()).toEqual(LINT_CHECKS.map((c) => c.code).sort());
  });

  for (const check of LINT_CHECKS) {
    const example = CHECK_EXAMPLES[check.code];
    if (!example) continue;
    const options = { type: example.type ?? 'identity' } as const;

    it(`${check.code}: reports the faulty policy with its severity, span and help`, () => {
      const found = lintPolicy({ text: example.bad, file: 'bad.json' }, options).filter((d) => d.code === check.code);
      expect(found.length, `no ${check.code} in ${example.bad}`).toBeGreaterThan(0);
      for (const d of found) {
        expect(d.severity).toBe(check.severity);
        expect(d.help, `${check.code} has no help`).toBeTruthy();
        expect(d.message).toMatch(/^[^A-Z]|^`/);
        expect(d.message).not.toMatch(/\.$/);
        expect(d.endLine * 10_000 + d.endColumn).toBeGreaterThan(d.line * 10_000 + d.column);
      }
    });

    it(`${check.code}: stays quiet on the corrected policy`, () => {
      const found = lintPolicy({ text: example.good, file: 'good.json' }, options);
      expect(found.filter((d) => d.code === check.code)).toEqual([]);
      expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    });
  }
});
