/**
 * A small JSON parser that keeps where every value and key sits in the
 * text, so that policy diagnostics can point at the exact character.
 * `JSON.parse` gives neither positions nor duplicate keys, and AWS policy
 * authors need both. Strict RFC 8259: no comments, no trailing commas.
 */

interface Extent {
  /** Offset of the first character. */
  start: number;
  /** Offset just after the last character. */
  end: number;
}

export interface JsonObject extends Extent {
  kind: 'object';
  members: JsonMember[];
}

export interface JsonMember {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

export interface JsonArray extends Extent {
  kind: 'array';
  items: JsonNode[];
}

export interface JsonString extends Extent {
  kind: 'string';
  value: string;
}

export interface JsonNumber extends Extent {
  kind: 'number';
  value: number;
  raw: string;
}

export interface JsonBoolean extends Extent {
  kind: 'boolean';
  value: boolean;
}

export interface JsonNull extends Extent {
  kind: 'null';
}

export type JsonScalar = JsonString | JsonNumber | JsonBoolean | JsonNull;
export type JsonNode = JsonObject | JsonArray | JsonScalar;

export interface JsonSyntaxError {
  message: string;
  /** Offset of the failing character. */
  offset: number;
  help?: string;
}

export interface JsonParseResult {
  value?: JsonNode;
  error?: JsonSyntaxError;
}

class JsonFailure extends Error {
  constructor(readonly detail: JsonSyntaxError) {
    super(detail.message);
  }
}

/** Parses `text`; on invalid JSON, reports the failing character's offset. */
export function parseJson(text: string): JsonParseResult {
  const parser = new Parser(text);
  try {
    const value = parser.document();
    return { value };
  } catch (e) {
    if (e instanceof JsonFailure) return { error: e.detail };
    throw e;
  }
}

/** A short, printable description of the character at `offset`. */
function describeChar(text: string, offset: number): string {
  if (offset >= text.length) return 'end of input';
  const c = text[offset]!;
  if (c === '\n') return 'line break';
  if (c === '\t') return 'tab';
  const code = c.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).padStart(4, '0')}`;
  return `\`${c}\``;
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  document(): JsonNode {
    // A leading byte-order mark is common in files saved by Windows editors.
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.skipSpace();
    if (this.pos >= this.text.length) this.fail('the policy text is empty', 'write a JSON object such as `{"Version": "2012-10-17", "Statement": []}`');
    const value = this.value();
    this.skipSpace();
    if (this.pos < this.text.length) {
      this.fail(`unexpected ${describeChar(this.text, this.pos)} after the end of the JSON value`, 'remove the extra text or wrap the values in one object');
    }
    return value;
  }

  private fail(message: string, help?: string, offset = this.pos): never {
    throw new JsonFailure({ message, offset, ...(help ? { help } : {}) });
  }

  private skipSpace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.pos++;
      else break;
    }
  }

  private value(): JsonNode {
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return this.object();
      case '[':
        return this.array();
      case '"':
        return this.string();
      case 't':
      case 'f':
      case 'n':
        return this.literal();
      default:
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
        if (c === "'") this.fail('strings in JSON use double quotes, not single quotes', 'replace `\'` with `"`');
        if (c === '}' || c === ']' || c === ',') this.fail(`expected a value but found ${describeChar(this.text, this.pos)}`, 'remove the extra comma or add the missing value');
        return this.fail(`expected a value but found ${describeChar(this.text, this.pos)}`);
    }
  }

  private object(): JsonObject {
    const start = this.pos;
    this.pos++; // {
    const members: JsonMember[] = [];
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { kind: 'object', members, start, end: this.pos };
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') {
        if (this.text[this.pos] === '}' && members.length > 0) {
          this.fail('trailing comma before `}`', 'remove the comma after the last member');
        }
        this.fail(`expected a quoted key but found ${describeChar(this.text, this.pos)}`, 'object keys are strings in double quotes');
      }
      const key = this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail(`expected \`:\` after the key but found ${describeChar(this.text, this.pos)}`);
      this.pos++;
      this.skipSpace();
      const value = this.value();
      members.push({ key: key.value, keyStart: key.start, keyEnd: key.end, value });
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === '}') {
        this.pos++;
        return { kind: 'object', members, start, end: this.pos };
      }
      if (c === '"') this.fail('expected `,` or `}` but found another key', 'add a comma between the members');
      this.fail(`expected \`,\` or \`}\` but found ${describeChar(this.text, this.pos)}`);
    }
  }

  private array(): JsonArray {
    const start = this.pos;
    this.pos++; // [
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { kind: 'array', items, start, end: this.pos };
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === ']' && items.length > 0) this.fail('trailing comma before `]`', 'remove the comma after the last element');
      items.push(this.value());
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === ']') {
        this.pos++;
        return { kind: 'array', items, start, end: this.pos };
      }
      if (c === '"' || c === '{' || c === '[') this.fail('expected `,` or `]` but found another value', 'add a comma between the elements');
      this.fail(`expected \`,\` or \`]\` but found ${describeChar(this.text, this.pos)}`);
    }
  }

  private string(): JsonString {
    const t = this.text;
    const start = this.pos;
    this.pos++; // opening quote
    let out = '';
    let runStart = this.pos;
    for (;;) {
      if (this.pos >= t.length) this.fail('unterminated string', 'add the closing `"`', start);
      const code = t.charCodeAt(this.pos);
      if (code === 34) {
        out += t.slice(runStart, this.pos);
        this.pos++;
        return { kind: 'string', value: out, start, end: this.pos };
      }
      if (code === 92) {
        out += t.slice(runStart, this.pos);
        out += this.escape();
        runStart = this.pos;
        continue;
      }
      if (code < 0x20) {
        if (code === 10) this.fail('unterminated string: line break inside a string', 'close the string with `"` or write the line break as `\\n`');
        this.fail(`${describeChar(t, this.pos)} inside a string`, 'escape it, for example `\\t` for a tab');
      }
      this.pos++;
    }
  }

  private escape(): string {
    const t = this.text;
    const at = this.pos;
    const c = t[this.pos + 1];
    this.pos += 2;
    switch (c) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u': {
        const hex = t.slice(this.pos, this.pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid unicode escape', 'write `\\u` followed by four hexadecimal digits', at);
        this.pos += 4;
        return String.fromCharCode(parseInt(hex, 16));
      }
      default:
        return this.fail(`invalid escape \`\\${c ?? ''}\` in a string`, 'valid escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX', at);
    }
  }

  private number(): JsonNumber {
    const t = this.text;
    const start = this.pos;
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(t.slice(start, start + 64));
    if (!match) this.fail('invalid number');
    this.pos += match[0].length;
    const next = t[this.pos];
    if (next !== undefined && /[0-9A-Za-z.]/.test(next)) this.fail(`invalid number: unexpected ${describeChar(t, this.pos)}`);
    return { kind: 'number', value: Number(match[0]), raw: match[0], start, end: this.pos };
  }

  private literal(): JsonBoolean | JsonNull {
    const t = this.text;
    const start = this.pos;
    for (const [word, node] of [
      ['true', { kind: 'boolean', value: true }],
      ['false', { kind: 'boolean', value: false }],
      ['null', { kind: 'null' }],
    ] as const) {
      if (t.startsWith(word, start)) {
        const after = t[start + word.length];
        if (after === undefined || !/[A-Za-z0-9_]/.test(after)) {
          this.pos += word.length;
          return { ...node, start, end: this.pos } as JsonBoolean | JsonNull;
        }
      }
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(t.slice(start, start + 40))?.[0] ?? t[start];
    return this.fail(`unexpected \`${word}\``, 'strings must be in double quotes; the only bare words in JSON are true, false and null');
  }
}

/** Converts a parsed node back to a plain JavaScript value. */
export function toPlain(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const m of node.members) out[m.key] = toPlain(m.value);
      return out;
    }
    case 'array':
      return node.items.map(toPlain);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

export function jsonTypeName(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'null':
      return 'null';
  }
}
