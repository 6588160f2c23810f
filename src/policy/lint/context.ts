/**
 * What every group of checks works on: the parsed policy, the JSON tree it
 * came from (for elements the AST does not keep, such as a misplaced key),
 * and a reporter that turns a code and a span into a Diagnostic with the
 * severity the registry gives that code.
 */
import { LineIndex, type Diagnostic, type Span } from '../../core/index.js';
import type { PolicyDocument, StatementNode } from '../ast.js';
import type { JsonMember, JsonNode, JsonObject } from '../json.js';
import type { PolicySource } from '../types.js';
import { checkSeverity } from './registry.js';

/** The policy kinds lint knows; `trust` is a role's resource-based policy for `sts:AssumeRole*`. */
export type LintKind = 'identity' | 'resource' | 'trust' | 'boundary' | 'scp' | 'rcp' | 'session';

export const LINT_KINDS: readonly LintKind[] = ['identity', 'resource', 'trust', 'boundary', 'scp', 'rcp', 'session'];

export interface LintStatement {
  node: StatementNode;
  json: JsonObject;
  /** `/Statement/0`, or `/Statement` when Statement is a single object. */
  pointer: string;
  member(key: string): JsonMember | undefined;
}

export class LintContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly statements: LintStatement[];
  /** Built on the first finding: a clean policy never needs positions. */
  private index: LineIndex | undefined;
  private lineStarts: number[] | undefined;

  constructor(
    readonly source: PolicySource,
    readonly kind: LintKind,
    readonly doc: PolicyDocument,
    readonly root: JsonObject,
  ) {
    this.statements = pairStatements(doc, root);
  }

  span(node: { start: number; end: number }): Span {
    this.index ??= new LineIndex(this.source.text);
    const s = this.index.span(node.start, node.end);
    const dl = this.source.lineOffset ?? 0;
    const dc = this.source.columnOffset ?? 0;
    return { line: s.line + dl, column: s.column + dc, endLine: s.endLine + dl, endColumn: s.endColumn + dc };
  }

  /** The text offset of a 1-based line and column in file coordinates, if it lies in this policy. */
  offsetOf(line: number, column: number): number | undefined {
    if (!this.lineStarts) {
      const text = this.source.text;
      this.lineStarts = [0];
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
    const start = this.lineStarts[line - (this.source.lineOffset ?? 0) - 1];
    return start === undefined ? undefined : start + column - (this.source.columnOffset ?? 0) - 1;
  }

  keySpan(member: JsonMember): Span {
    return this.span({ start: member.keyStart, end: member.keyEnd });
  }

  /** Reports a finding of a registered check; the severity comes from the registry. */
  report(code: string, span: Span, message: string, help?: string): void {
    this.diagnostics.push({ code, severity: checkSeverity(code), message, file: this.source.file, ...span, ...(help ? { help } : {}) });
  }
}

function pairStatements(doc: PolicyDocument, root: JsonObject): LintStatement[] {
  const member = root.members.find((m) => m.key === 'Statement');
  if (!member) return [];
  const items: JsonNode[] = member.value.kind === 'array' ? member.value.items : [member.value];
  const single = member.value.kind === 'object';
  const out: LintStatement[] = [];
  for (const node of doc.statements) {
    const json = items[node.index];
    if (json?.kind !== 'object') continue;
    out.push({
      node,
      json,
      pointer: single ? '/Statement' : `/Statement/${node.index}`,
      member: (key) => json.members.find((m) => m.key === key),
    });
  }
  return out;
}

/** Escapes a JSON pointer segment (RFC 6901). */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}
