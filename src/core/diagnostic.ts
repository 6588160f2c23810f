/**
 * One diagnostic type for every module: the pack loader, the policy parser
 * and validator, the grader and the CLI all report problems this way.
 * Messages are one sentence, lowercase, no final period, user input in
 * backticks; the fix goes in `help`.
 */
export type Severity = 'error' | 'warning' | 'suggestion' | 'security';

export interface Span {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  endLine: number;
  endColumn: number;
}

export interface RelatedLocation extends Partial<Span> {
  file?: string;
  message: string;
}

export interface Diagnostic extends Span {
  /** Stable PascalCase code, never renamed. */
  code: string;
  severity: Severity;
  message: string;
  /** File path, or a policy slot such as `identity[0]`. */
  file: string;
  help?: string;
  related?: RelatedLocation[];
  /** For findings inside a JSON document (a policy): the JSON pointer of the offending element, e.g. `/Statement/0/Effect`. */
  pointer?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

const severityOrder: Record<Severity, number> = { error: 0, security: 1, warning: 2, suggestion: 3 };

/** Sorts by file, then position, then severity, so output reads top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      severityOrder[a.severity] - severityOrder[b.severity],
  );
}

/** `file:line:column severity Code message`, the compiler-style line. */
export function formatDiagnosticLine(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;
}

/** The JSON shape promised by the CLI contract. */
export function diagnosticToJson(d: Diagnostic) {
  return {
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.help ? { help: d.help } : {}),
    ...(d.related ? { related: d.related } : {}),
    ...(d.pointer !== undefined ? { pointer: d.pointer } : {}),
  };
}

/**
 * The plain multi-line rendering: the finding line, the source line with
 * the span underlined, then the help. `source` is the whole file text.
 */
export function formatDiagnostic(d: Diagnostic, source?: string): string {
  const out = [formatDiagnosticLine(d)];
  const text = sourceLine(source, d.line);
  if (text !== undefined) {
    const gutter = String(d.line).length;
    let start = Math.max(1, d.column);
    let end = d.endLine === d.line ? Math.max(d.endColumn, start + 1) : text.length + 1;
    // A long line (a minified policy) is shown as a window around the finding.
    let shown = text;
    if (text.length > MAX_SHOWN) {
      const from = Math.max(0, Math.min(start - 1 - 40, text.length - MAX_SHOWN));
      const to = Math.min(text.length, from + MAX_SHOWN);
      shown = `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
      const shift = from - (from > 0 ? 1 : 0);
      start -= shift;
      end = Math.min(end - shift, shown.length + 1);
    }
    const visible = stripControl(shown);
    out.push(`${' '.repeat(gutter)} |`);
    out.push(`${d.line} | ${visible}`);
    out.push(`${' '.repeat(gutter)} | ${' '.repeat(Math.max(0, start - 1))}${'^'.repeat(Math.max(1, end - start))}`);
  }
  if (d.help) out.push(`  help: ${d.help}`);
  for (const r of d.related ?? []) {
    const where = r.file ? `${r.file}${r.line ? `:${r.line}:${r.column ?? 1}` : ''}: ` : '';
    out.push(`  note: ${where}${r.message}`);
  }
  return out.join('\n');
}

/** The widest source line shown under a finding. */
const MAX_SHOWN = 120;

/** The 1-based line of a text, found without splitting the whole text (it may be megabytes). */
function sourceLine(source: string | undefined, line: number): string | undefined {
  if (source === undefined || line < 1) return undefined;
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = source.indexOf('\n', start);
    if (next < 0) return undefined;
    start = next + 1;
  }
  const end = source.indexOf('\n', start);
  return source.slice(start, end < 0 ? source.length : end).replace(/\r$/, '');
}

/** Replaces terminal control characters so that no text reaches the terminal raw. */
export function stripControl(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
