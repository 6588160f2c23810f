/**
 * Renders docs/lint-checks.md from the registry and the examples, so that
 * the page lists every check with a policy that triggers it, the finding
 * lint prints for it, and the corrected policy. docs.test.ts keeps the page
 * in step with the code.
 */
import { formatDiagnosticLine } from '../../core/index.js';
import { CHECK_EXAMPLES } from './examples.js';
import { LINT_CHECKS, lintPolicy, type LintCheck } from './index.js';

const SEVERITY_ORDER = ['error', 'security', 'warning', 'suggestion'] as const;
const SEVERITY_TEXT: Record<(typeof SEVERITY_ORDER)[number], string> = {
  error: 'The policy is invalid, or cannot mean what it says.',
  security: 'The policy is valid but grants more than is safe.',
  warning: 'Probably not what was meant.',
  suggestion: 'Tighter or cleaner.',
};
const MAX_EXAMPLE_LINES = 16;

export function renderLintChecksMarkdown(): string {
  const out: string[] = [
    '# Policy lint checks',
    '',
    '<!-- Generated from src/policy/lint/registry.ts and examples.ts: UPDATE_DOCS=1 npx vitest run src/policy/lint/docs.test.ts -->',
    '',
    `\`iamprep lint FILE... [--type identity|resource|trust|boundary|scp|rcp|session] [--json]\` runs ${LINT_CHECKS.length} checks.`,
    'Severities follow IAM Access Analyzer\'s classes. Each finding has a stable code, a one-sentence message, a `help` with the fix,',
    'the span of the offending element (line:column to line:column) and, inside the policy, its JSON pointer.',
    'Stage `parse` and `compile` checks are the policy engine\'s own: it refuses to evaluate a policy with such an error.',
    '',
  ];
  for (const severity of SEVERITY_ORDER) {
    const checks = LINT_CHECKS.filter((c) => c.severity === severity);
    out.push(`## ${severity} (${checks.length})`, '', SEVERITY_TEXT[severity], '');
    out.push('| Code | Stage | What it finds |', '| --- | --- | --- |');
    for (const c of checks) out.push(`| [${c.code}](#${c.code.toLowerCase()}) | ${c.stage} | ${c.description.replace(/\|/g, '\\|')} |`);
    out.push('');
    for (const c of checks) out.push(...section(c));
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function section(check: LintCheck): string[] {
  const example = CHECK_EXAMPLES[check.code];
  const lines = [`### ${check.code}`, '', `${check.title} (${check.severity}, ${check.stage}). ${check.description}`, ''];
  if (!example) return lines;
  const type = example.type ?? 'identity';
  const finding = lintPolicy({ text: example.bad, file: 'policy.json' }, { type }).find((d) => d.code === check.code);
  lines.push(`Triggers it${type === 'identity' ? '' : ` (\`--type ${type}\`)`}:`, '', '```json', ...shorten(example.bad), '```', '');
  if (finding) {
    lines.push('```text', formatDiagnosticLine(finding), ...(finding.help ? [`  help: ${finding.help}`] : []), '```', '');
  }
  lines.push('Fixed:', '', '```json', ...shorten(example.good), '```', '');
  return lines;
}

function shorten(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length <= MAX_EXAMPLE_LINES) return lines;
  return [...lines.slice(0, MAX_EXAMPLE_LINES - 2), `    ... ${lines.length - MAX_EXAMPLE_LINES + 2} more lines`, ...lines.slice(-1)];
}
