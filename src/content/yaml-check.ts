/**
 * Reads YAML nodes against a Schema, keeping every problem with its
 * position in the file. Walks nodes itself (never `toJS`), so alias
 * expansion is bounded by a node budget and a "billion laughs" file is
 * rejected quickly.
 */
import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document, type LineCounter, type Node, Scalar } from 'yaml';
import { didYouMean, stripControl, type Diagnostic, type Severity, type Span } from '../core/index.js';
import { MAX_TEXT_LENGTH, type Schema } from './schema.js';
import type { PolicyOrigin } from './types.js';

/**
 * How many node visits one file may cost beyond its length. Without aliases a
 * file has fewer nodes than half its characters and each is visited at most
 * twice, so a budget of its length plus this covers any honest file, while a
 * small file of nested aliases ("billion laughs") runs out within milliseconds.
 */
export const NODE_BUDGET = 20_000;

export class YamlChecker {
  readonly diagnostics: Diagnostic[] = [];
  private readonly initialBudget: number;
  private budget: number;
  private budgetReported = false;

  constructor(
    readonly file: string,
    readonly doc: Document,
    readonly lineCounter: LineCounter,
    /** The file's text, to find where block scalars' content starts. */
    readonly text = '',
  ) {
    this.initialBudget = NODE_BUDGET + text.length;
    this.budget = this.initialBudget;
  }

  /** Where a policy held in this node starts, for positions inside it (see PolicyOrigin). */
  private lines?: string[];

  originOf(node: unknown): PolicyOrigin | undefined {
    if (isMap(node)) {
      const span = this.spanOf(node);
      return { file: this.file, lineOffset: span.line - 1, columnOffset: span.column - 1, kind: 'mapping' };
    }
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
    const start = this.lineCounter.linePos(node.range[0]);
    if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
      // The text's first line is the line after the `|` indicator; its indentation is the block's.
      // Split once per file: a pack with thousands of policies would otherwise split it thousands of times.
      const lines = (this.lines ??= this.text.split('\n'));
      let indent = 0;
      for (let i = start.line; i < lines.length; i++) {
        const line = lines[i]!;
        if (line.trim() === '') continue;
        indent = line.length - line.trimStart().length;
        break;
      }
      return { file: this.file, lineOffset: start.line, columnOffset: indent, kind: 'text' };
    }
    // A quoted scalar's text starts one column after its opening quote.
    const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
    return { file: this.file, lineOffset: start.line - 1, columnOffset: start.col - 1 + (quoted ? 1 : 0), kind: 'text' };
  }

  spanOf(node: unknown): Span {
    const range = (node as Node | undefined)?.range;
    if (!range) return { line: 1, column: 1, endLine: 1, endColumn: 2 };
    const start = this.lineCounter.linePos(range[0]);
    const end = this.lineCounter.linePos(Math.max(range[0], range[1]));
    return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
  }

  report(severity: Severity, code: string, message: string, at: unknown, extra: Partial<Diagnostic> = {}): void {
    this.diagnostics.push({ file: this.file, severity, code, message, ...this.spanOf(at), ...extra });
  }

  error(code: string, message: string, at: unknown, extra: Partial<Diagnostic> = {}): void {
    this.report('error', code, message, at, extra);
  }

  /** Follows aliases, spending budget so that expansion stays bounded. */
  private deref(node: unknown): unknown {
    let current = node;
    let hops = 0;
    while (isAlias(current)) {
      current = this.resolveAlias(current);
      if (++hops > 100) return undefined;
    }
    return current;
  }

  /** Anchored nodes by name, in file order; built once, on the first alias. */
  private anchors?: Map<string, Node[]>;

  /**
   * The node an alias stands for: the last node with its anchor before it.
   * `Alias.resolve` walks the whole document on every call, which made a
   * file of many aliases take seconds even within the node budget.
   */
  private resolveAlias(alias: Alias): unknown {
    if (!this.anchors) {
      const anchors = new Map<string, Node[]>();
      visit(this.doc, {
        Node: (_key, node) => {
          if (node.anchor) anchors.set(node.anchor, [...(anchors.get(node.anchor) ?? []), node]);
        },
      });
      this.anchors = anchors;
    }
    const at = alias.range?.[0] ?? Infinity;
    const candidates = this.anchors.get(alias.source) ?? [];
    let found: Node | undefined;
    for (const candidate of candidates) if ((candidate.range?.[0] ?? 0) < at) found = candidate;
    return found;
  }

  private spend(at: unknown): boolean {
    if (--this.budget >= 0) return true;
    if (!this.budgetReported) {
      this.budgetReported = true;
      this.error('TooManyValues', `the file expands to more values than its size allows (${this.initialBudget}), through nested aliases`, at, {
        help: 'remove deeply nested aliases; a pack never needs this many values',
      });
    }
    return false;
  }

  /** Checks a node against a schema and returns the plain value (undefined where invalid). */
  check(rawNode: unknown, schema: Schema, what: string): unknown {
    if (!this.spend(rawNode)) return undefined;
    const node = this.deref(rawNode);
    switch (schema.kind) {
      case 'string': {
        const value = this.scalar(node, 'string', what);
        if (typeof value !== 'string') return undefined;
        if (schema.minLength && value.trim().length < schema.minLength) {
          this.error('EmptyValue', `${what} is empty`, node);
          return undefined;
        }
        if (schema.maxLength && value.length > schema.maxLength) {
          this.error('ValueTooLong', `${what} is ${value.length} characters long, more than the ${schema.maxLength} allowed`, node);
          return undefined;
        }
        if (schema.pattern && !schema.pattern.test(value)) {
          this.error('InvalidValue', `${what} \`${clip(value)}\` is not ${schema.patternHint ?? 'in the expected form'}`, node);
          return undefined;
        }
        return value;
      }
      case 'boolean':
        return this.scalar(node, 'boolean', what);
      case 'number': {
        const value = this.scalar(node, 'number', what);
        if (typeof value !== 'number') return undefined;
        if ((schema.integer && !Number.isInteger(value)) || (schema.min !== undefined && value < schema.min) || (schema.max !== undefined && value > schema.max)) {
          this.error('InvalidValue', `${what} \`${value}\` is out of range`, node);
          return undefined;
        }
        return value;
      }
      case 'enum': {
        const value = this.scalar(node, 'string', what);
        if (typeof value !== 'string') return undefined;
        if (!schema.values.includes(value)) {
          const guess = didYouMean(value, schema.values);
          this.error('InvalidValue', `${what} \`${clip(value)}\` is not one of ${schema.values.map((v) => `\`${v}\``).join(', ')}`, node, guess ? { help: `did you mean \`${guess}\`?` } : {});
          return undefined;
        }
        return value;
      }
      case 'list': {
        if (!isSeq(node)) {
          this.error('WrongType', `${what} must be a list`, node ?? rawNode);
          return undefined;
        }
        if (schema.minItems !== undefined && node.items.length < schema.minItems) {
          this.error('TooFewItems', `${what} needs at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`, node);
        }
        if (schema.maxItems !== undefined && node.items.length > schema.maxItems) {
          this.error('TooManyItems', `${what} has ${node.items.length} items, more than the ${schema.maxItems} allowed`, node);
          return undefined;
        }
        return node.items.map((item, i) => this.check(item, schema.item, `${what}[${i}]`));
      }
      case 'object':
        return this.object(node ?? rawNode, schema, what);
      case 'any':
        return this.plain(node);
      case 'deferred':
        return node;
      case 'union': {
        for (const option of schema.options) {
          if (matchesKind(node, option)) return this.check(node, option, what);
        }
        this.error('WrongType', `${what} has the wrong type`, node ?? rawNode);
        return undefined;
      }
    }
  }

  private object(node: unknown, schema: Extract<Schema, { kind: 'object' }>, what: string): Record<string, unknown> | undefined {
    if (!isMap(node)) {
      this.error('WrongType', `${what} must be a mapping of fields`, node);
      return undefined;
    }
    const out: Record<string, unknown> = {};
    const known = Object.keys(schema.fields);
    for (const pair of node.items) {
      const keyNode = this.deref(pair.key);
      const key = isScalar(keyNode) ? keyNode.value : undefined;
      if (typeof key !== 'string') {
        this.error('WrongType', `a field name in ${what} must be text`, keyNode ?? node);
        continue;
      }
      const shownKey = this.checkText(key, keyNode);
      // Own fields only: `constructor` or `__proto__` in a file must not find Object.prototype's.
      const field = Object.hasOwn(schema.fields, key) ? schema.fields[key] : undefined;
      if (!field) {
        if (schema.open) {
          setOwn(out, key, this.plain(pair.value));
          continue;
        }
        const guess = didYouMean(key, known);
        this.error('UnknownField', `unknown field \`${clip(shownKey)}\` in ${what}`, keyNode, {
          help: guess ? `did you mean \`${guess}\`?` : `known fields: ${known.join(', ')}`,
        });
        continue;
      }
      if (pair.value === null || (isScalar(pair.value) && pair.value.value === null && field.schema.kind !== 'any')) {
        // `field:` with no value: treat as missing when optional, an error when required.
        if (field.required) this.error('MissingValue', `\`${key}\` in ${what} has no value`, keyNode);
        continue;
      }
      setOwn(out, key, this.check(pair.value, field.schema, `\`${key}\``));
    }
    for (const [name, field] of Object.entries(schema.fields)) {
      if (field.required && !node.items.some((p) => isScalar(p.key) && p.key.value === name)) {
        this.error('MissingField', `${what} is missing the required field \`${name}\``, node, { ...this.headSpan(node) });
      }
    }
    return out;
  }

  /** The first line of a mapping, so "missing field" points at where it starts rather than its whole extent. */
  private headSpan(node: Node): Span {
    const span = this.spanOf(node);
    return { ...span, endLine: span.line, endColumn: span.column + 1 };
  }

  private scalar(node: unknown, kind: 'string' | 'boolean' | 'number', what: string): unknown {
    if (!isScalar(node)) {
      this.error('WrongType', `${what} must be ${article(kind)}`, node);
      return undefined;
    }
    const value = node.value;
    // YAML reads `yes`, `1.0` and friends as other types; a string field accepts any plain scalar as its text.
    if (kind === 'string' && (typeof value === 'number' || typeof value === 'boolean') && node.type === Scalar.PLAIN) {
      const source = (node as Scalar & { source?: string }).source ?? String(value);
      return source;
    }
    if (typeof value !== kind) {
      this.error('WrongType', `${what} must be ${article(kind)}, not ${describe(value)}`, node);
      return undefined;
    }
    if (typeof value === 'string') return this.checkText(value, node);
    return value;
  }

  /**
   * Terminal control characters and escape sequences never reach the screen,
   * and neither do the bidirectional overrides that make text read
   * differently from what it is ("Trojan Source", CVE-2021-42574).
   */
  checkText(value: string, node: unknown): string {
    const bad = findControlCharacter(value);
    if (bad !== undefined) {
      this.error('ControlCharacter', `text contains the control character ${codePoint(bad)}`, node, {
        help: 'remove terminal control characters and escape sequences; packs are plain text',
      });
    }
    const bidi = BIDI_CONTROL.exec(value);
    if (bidi) {
      this.error('BidiControl', `text contains the bidirectional control character ${codePoint(bidi[0].charCodeAt(0))}, which can make it read differently from what it says`, node, {
        help: 'remove it; right-to-left text displays correctly without explicit overrides',
      });
    }
    if (bad === undefined && !bidi) return value;
    // The text is still shown escaped, never raw, so a pack with this error cannot drive the terminal.
    return escapeBidi(stripControl(value));
  }

  /** A plain JS value from any node, with the same budget and text checks. */
  plain(rawNode: unknown): unknown {
    if (!this.spend(rawNode)) return undefined;
    const node = this.deref(rawNode);
    if (isScalar(node)) {
      if (typeof node.value !== 'string') return node.value;
      if (node.value.length > MAX_TEXT_LENGTH) {
        this.error('ValueTooLong', `a value is ${node.value.length} characters long, more than the ${MAX_TEXT_LENGTH} allowed`, node);
        return undefined;
      }
      return this.checkText(node.value, node);
    }
    if (isSeq(node)) return node.items.map((item) => this.plain(item));
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = this.deref(pair.key);
        const name = isScalar(key) ? this.checkText(String(key.value), key) : '';
        setOwn(out, name, this.plain(pair.value));
      }
      return out;
    }
    return node === null || node === undefined ? null : undefined;
  }
}

// Tab, newline and carriage return are text; every other C0 control, DEL and C1 control is not.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export function findControlCharacter(value: string): number | undefined {
  const match = CONTROL.exec(value);
  return match ? match[0].charCodeAt(0) : undefined;
}

// Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069). The plain marks U+200E/U+200F stay allowed.
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

function escapeBidi(value: string): string {
  return value.replace(/[\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Sets a field as plain data, even one named `__proto__`, which assignment would turn into a prototype change. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function codePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function matchesKind(node: unknown, schema: Schema): boolean {
  switch (schema.kind) {
    case 'list':
      return isSeq(node);
    case 'object':
      return isMap(node);
    case 'string':
    case 'enum':
      return isScalar(node) && typeof node.value === 'string';
    case 'boolean':
      return isScalar(node) && typeof node.value === 'boolean';
    case 'number':
      return isScalar(node) && typeof node.value === 'number';
    default:
      return true;
  }
}

function article(kind: string): string {
  return kind === 'string' ? 'text' : kind === 'boolean' ? 'true or false' : 'a number';
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (typeof value === 'string') return `text \`${clip(value)}\``;
  return `\`${String(value)}\``;
}

export function clip(value: string, max = 60): string {
  const flat = value.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
