/**
 * Policy variables: `${aws:username}`, `${aws:PrincipalTag/team}`, any
 * context key, a default (`${aws:PrincipalTag/team, 'none'}`), and the
 * fixed `${*}`, `${?}`, `${$}` that stand for the literal characters.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 *
 * Rules taken from that page and its neighbours:
 * - Variables exist only in policy language Version 2012-10-17; with
 *   2008-10-17, or no Version, "variables like ${aws:username} are treated
 *   as literal strings in the policy". Callers pass `variables: false` then.
 * - "If AWS cannot resolve a variable, this might cause the entire statement
 *   to be invalid": an unresolvable variable makes the pattern match nothing.
 * - "You can use any available single-valued context key as a policy
 *   variable, but you cannot use a multivalued context key as a policy
 *   variable" (reference_policies_condition-single-vs-multi-valued-context-keys.html):
 *   a key with several values does not resolve either.
 * - Text that comes from a variable (and `${*}`, `${?}`) is matched
 *   literally, never as a wildcard: that is what the special variables are for.
 */
import type { ContextLookup } from './context.js';
import { compileGlobTokens, parseGlob, type GlobMatcher, type GlobToken } from './wildcard.js';

export interface CompiledPattern {
  /** True when matching depends on the request context. */
  readonly hasVariables: boolean;
  test(value: string, context: ContextLookup): boolean;
}

export interface VariableReference {
  /** The key name as written, e.g. `aws:PrincipalTag/team`. */
  name: string;
  /** The default in `${key, 'default'}`, when given. */
  defaultValue?: string;
  /** Offset of `${` in the text. */
  offset: number;
  /** Length of the whole `${...}`. */
  length: number;
}

export interface VariableProblem {
  offset: number;
  length: number;
  message: string;
  help: string;
}

type Part =
  | { kind: 'text'; text: string }
  /** `${*}`, `${?}`, `${$}`: a fixed character, always literal. */
  | { kind: 'char'; text: string }
  | { kind: 'variable'; key: string; defaultValue: string | undefined };

interface ParsedText {
  parts: Part[];
  variables: VariableReference[];
  problems: VariableProblem[];
}

const SPECIAL_CHARACTERS = new Set(['*', '?', '$']);
/**
 * `name` or `name, 'default'`. A name is any run without quotes, commas,
 * braces or `$`, and without outer spaces (tag keys may hold inner spaces).
 */
const VARIABLE_BODY = /^([^\s,'{}$](?:[^,'{}$]*[^\s,'{}$])?)(?:\s*,\s*'([^']*)')?$/;

/** The well-formed variables in a text (the special `${*}` `${?}` `${$}` are not listed). */
export function findVariables(text: string): VariableReference[] {
  return parseText(text).variables;
}

/** Malformed variable syntax, such as an unclosed `${aws:username`. */
export function validateVariables(text: string): { offset: number; length: number; message: string; help: string }[] {
  return parseText(text).problems;
}

/**
 * The text with every variable replaced by its value, or undefined when a
 * variable cannot be resolved. With `variables: false` the text is returned
 * unchanged.
 */
export function substitute(text: string, context: ContextLookup, variables: boolean): string | undefined {
  if (!variables) return text;
  let out = '';
  for (const part of parseText(text).parts) {
    if (part.kind === 'variable') {
      const value = resolve(part, context);
      if (value === undefined) return undefined;
      out += value;
    } else {
      out += part.text;
    }
  }
  return out;
}

/**
 * Compiles a policy value (a Resource, or a condition value) once. With
 * `glob: true`, `*` and `?` in the policy's own text are wildcards.
 */
export function compilePattern(
  text: string,
  options: { caseInsensitive: boolean; variables: boolean; glob: boolean },
): CompiledPattern {
  const parts: Part[] = options.variables ? parseText(text).parts : [{ kind: 'text', text }];
  if (!parts.some((p) => p.kind === 'variable')) {
    const matcher = staticMatcher(parts, options);
    return { hasVariables: false, test: (value) => matcher.test(value) };
  }
  // Matchers are built per distinct set of variable values and kept, since
  // the same principal's values recur across statements and requests.
  const variableCount = parts.filter((p) => p.kind === 'variable').length;
  const resolved: string[] = new Array<string>(variableCount);
  const cache = new Map<string, GlobMatcher>();
  return {
    hasVariables: true,
    test(value, context) {
      let n = 0;
      for (const part of parts) {
        if (part.kind !== 'variable') continue;
        const v = resolve(part, context);
        if (v === undefined) return false;
        resolved[n++] = v;
      }
      // Length-prefixed, so that no two lists of values share a key.
      const cacheKey = variableCount === 1 ? resolved[0]! : resolved.map((v) => `${v.length}:${v}`).join('');
      let matcher = cache.get(cacheKey);
      if (matcher === undefined) {
        matcher = substitutedMatcher(parts, resolved, options);
        if (cache.size >= MATCHER_CACHE_SIZE) cache.clear();
        cache.set(cacheKey, matcher);
      }
      return matcher.test(value);
    },
  };
}

const MATCHER_CACHE_SIZE = 256;

/** The matcher for `parts` with the variables replaced, in order, by `values` (always literal). */
function substitutedMatcher(
  parts: readonly Part[],
  values: readonly string[],
  options: { caseInsensitive: boolean; glob: boolean },
): GlobMatcher {
  const tokens: GlobToken[] = [];
  let n = 0;
  for (const part of parts) {
    if (part.kind === 'variable') tokens.push({ kind: 'literal', text: values[n++]! });
    else if (part.kind === 'text' && options.glob) tokens.push(...parseGlob(part.text));
    else tokens.push({ kind: 'literal', text: part.text });
  }
  return compileGlobTokens(tokens, options);
}

/**
 * Splits `text` at `separator` characters that are not inside a `${...}`,
 * into at most `limit` pieces (the last takes the rest). ARN patterns need
 * this: `${aws:username}` contains a colon that is not an ARN separator.
 */
export function splitOutsideVariables(text: string, separator: string, limit: number, variables: boolean): string[] {
  const pieces: string[] = [];
  let start = 0;
  let insideVariable = false;
  for (let i = 0; i < text.length && pieces.length < limit - 1; i++) {
    if (variables && !insideVariable && text.startsWith('${', i)) {
      insideVariable = true;
      i += 1;
    } else if (insideVariable && text[i] === '}') {
      insideVariable = false;
    } else if (!insideVariable && text[i] === separator) {
      pieces.push(text.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}

function staticMatcher(parts: Part[], options: { caseInsensitive: boolean; glob: boolean }): GlobMatcher {
  const tokens: GlobToken[] = [];
  for (const part of parts) {
    if (part.kind === 'text' && options.glob) tokens.push(...parseGlob(part.text));
    else if (part.kind !== 'variable') tokens.push({ kind: 'literal', text: part.text });
  }
  return compileGlobTokens(tokens, options);
}

/** A key's value for substitution: used only when the key has exactly one value. */
function resolve(part: { key: string; defaultValue: string | undefined }, context: ContextLookup): string | undefined {
  const values = context.get(part.key);
  if (values !== undefined && values.length === 1) return values[0];
  return part.defaultValue;
}

function parseText(text: string): ParsedText {
  const parts: Part[] = [];
  const variables: VariableReference[] = [];
  const problems: VariableProblem[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('${', i);
    if (open < 0) {
      literal += text.slice(i);
      break;
    }
    literal += text.slice(i, open);
    const close = findClose(text, open + 2);
    if (close < 0) {
      problems.push({
        offset: open,
        length: text.length - open,
        message: `policy variable \`${text.slice(open)}\` is not closed`,
        help: 'end the variable with `}`, or write `${$}` where a literal `$` is meant',
      });
      literal += text.slice(open);
      break;
    }
    const whole = text.slice(open, close + 1);
    const body = text.slice(open + 2, close);
    if (SPECIAL_CHARACTERS.has(body)) {
      if (literal) parts.push({ kind: 'text', text: literal });
      literal = '';
      parts.push({ kind: 'char', text: body });
    } else {
      const match = VARIABLE_BODY.exec(body);
      if (match) {
        if (literal) parts.push({ kind: 'text', text: literal });
        literal = '';
        const name = match[1]!;
        const defaultValue = match[2];
        parts.push({ kind: 'variable', key: name.toLowerCase(), defaultValue });
        variables.push({ name, offset: open, length: whole.length, ...(defaultValue !== undefined ? { defaultValue } : {}) });
      } else {
        problems.push(describeMalformed(whole, body, open));
        literal += whole;
      }
    }
    i = close + 1;
  }
  if (literal) parts.push({ kind: 'text', text: literal });
  return { parts, variables, problems };
}

/** The `}` that closes a variable body starting at `from`, skipping quoted defaults. */
function findClose(text: string, from: number): number {
  let quoted = false;
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (c === "'") quoted = !quoted;
    else if (c === '}' && !quoted) return j;
  }
  return -1;
}

function describeMalformed(whole: string, body: string, offset: number): VariableProblem {
  const length = whole.length;
  if (body.trim() === '') {
    return {
      offset,
      length,
      message: `policy variable \`${whole}\` names no context key`,
      help: 'write a context key inside the braces, such as `${aws:username}`',
    };
  }
  if (body.includes(',')) {
    return {
      offset,
      length,
      message: `policy variable \`${whole}\` has a malformed default value`,
      help: "put the default in single quotes after a comma, such as `${aws:PrincipalTag/team, 'none'}`",
    };
  }
  return {
    offset,
    length,
    message: `policy variable \`${whole}\` is not a valid context key reference`,
    help: 'a variable holds one context key name without spaces or quotes, such as `${aws:username}`',
  };
}
