/**
 * IAM wildcard matching: `*` matches any run of characters (including `:`
 * and `/`), `?` matches exactly one character.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
 *
 * No regular expression is ever built from policy text. A pattern is split
 * at its stars into fixed-length segments; the first segment is anchored at
 * the start, the last at the end, and each middle segment takes its
 * leftmost occurrence. Leftmost is always safe because every segment has a
 * fixed length, so an earlier match leaves the most room for what follows.
 * The cost is at most (value length x pattern length) comparisons, with no
 * backtracking.
 */

export interface GlobMatcher {
  test(value: string): boolean;
}

/** A pattern as tokens, so that text substituted from a variable can stay literal. */
export type GlobToken = { kind: 'literal'; text: string } | { kind: 'star' } | { kind: 'any' };

/** One run of the pattern between stars: literal chunks, with `null` for each `?`. */
interface Segment {
  atoms: (string | null)[];
  length: number;
}

interface CompiledGlob {
  /** Segments between stars; at least one. */
  segments: Segment[];
  /** True when the pattern contains at least one star. */
  hasStar: boolean;
}

/** Counts character comparisons, for tests that check matching stays linear-ish. */
export interface MatchCounter {
  steps: number;
}

export function hasWildcard(s: string): boolean {
  return s.includes('*') || s.includes('?');
}

/** Splits pattern text into literal, `*` and `?` tokens. */
export function parseGlob(pattern: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  let literalStart = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' || c === '?') {
      if (i > literalStart) tokens.push({ kind: 'literal', text: pattern.slice(literalStart, i) });
      tokens.push(c === '*' ? { kind: 'star' } : { kind: 'any' });
      literalStart = i + 1;
    }
  }
  if (literalStart < pattern.length) tokens.push({ kind: 'literal', text: pattern.slice(literalStart) });
  return tokens;
}

export function compileGlob(pattern: string, options: { caseInsensitive: boolean }): GlobMatcher {
  return compileGlobTokens(parseGlob(pattern), options);
}

export function compileGlobTokens(tokens: readonly GlobToken[], options: { caseInsensitive: boolean }): GlobMatcher {
  const glob = buildGlob(tokens, options.caseInsensitive);
  const { caseInsensitive } = options;
  const only = glob.segments[0]!;

  // Fast paths for the shapes that dominate real policies.
  if (!glob.hasStar && only.atoms.length <= 1 && only.atoms[0] !== null) {
    const exact = only.atoms[0] ?? '';
    return { test: (value) => (caseInsensitive ? value.toLowerCase() : value) === exact };
  }
  if (glob.hasStar && glob.segments.every((s) => s.length === 0)) {
    return { test: () => true };
  }
  // The literal text before the first wildcard: most values that do not match fail on it at once.
  let prefix = '';
  for (const atom of only.atoms) {
    if (atom === null) break;
    prefix += atom;
  }
  return {
    test: (value) => {
      const v = caseInsensitive ? value.toLowerCase() : value;
      return v.startsWith(prefix) && matchCompiled(glob, v, undefined);
    },
  };
}

/**
 * How many character comparisons one match takes; tests use it to show that
 * hostile patterns stay within (value length x pattern length).
 */
export function globMatchCost(pattern: string, value: string): { matched: boolean; steps: number } {
  const counter: MatchCounter = { steps: 0 };
  const matched = matchCompiled(buildGlob(parseGlob(pattern), false), value, counter);
  return { matched, steps: counter.steps };
}

function buildGlob(tokens: readonly GlobToken[], caseInsensitive: boolean): CompiledGlob {
  const segments: Segment[] = [{ atoms: [], length: 0 }];
  let hasStar = false;
  for (const token of tokens) {
    const current = segments[segments.length - 1]!;
    if (token.kind === 'star') {
      hasStar = true;
      // Consecutive stars are one star.
      if (current.length > 0 || segments.length === 1) segments.push({ atoms: [], length: 0 });
    } else if (token.kind === 'any') {
      current.atoms.push(null);
      current.length += 1;
    } else if (token.text.length > 0) {
      const text = caseInsensitive ? token.text.toLowerCase() : token.text;
      const last = current.atoms[current.atoms.length - 1];
      // Adjacent literals (pattern text next to substituted text) join into one chunk.
      if (typeof last === 'string') current.atoms[current.atoms.length - 1] = last + text;
      else current.atoms.push(text);
      current.length += text.length;
    }
  }
  return { segments, hasStar };
}

function matchCompiled(glob: CompiledGlob, value: string, counter: MatchCounter | undefined): boolean {
  const { segments } = glob;
  const first = segments[0]!;
  if (!glob.hasStar) {
    return value.length === first.length && segmentAt(first, value, 0, counter);
  }
  const last = segments[segments.length - 1]!;
  if (value.length < first.length) return false;
  if (!segmentAt(first, value, 0, counter)) return false;
  let position = first.length;
  // With a star there are at least two segments: first and last are anchored.
  for (let i = 1; i < segments.length - 1; i++) {
    const segment = segments[i]!;
    const found = findSegment(segment, value, position, counter);
    if (found < 0) return false;
    position = found + segment.length;
  }
  const lastStart = value.length - last.length;
  return lastStart >= position && segmentAt(last, value, lastStart, counter);
}

/** Does `segment` match `value` starting exactly at `start`? */
function segmentAt(segment: Segment, value: string, start: number, counter: MatchCounter | undefined): boolean {
  if (start + segment.length > value.length) return false;
  let position = start;
  for (const atom of segment.atoms) {
    if (atom === null) {
      position += 1;
      if (counter) counter.steps += 1;
      continue;
    }
    if (counter) counter.steps += atom.length;
    if (!value.startsWith(atom, position)) return false;
    position += atom.length;
  }
  return true;
}

/** Leftmost start at or after `from` where `segment` matches, or -1. */
function findSegment(segment: Segment, value: string, from: number, counter: MatchCounter | undefined): number {
  const lastStart = value.length - segment.length;
  const leadingLiteral = segment.atoms[0];
  let start = from;
  while (start <= lastStart) {
    if (typeof leadingLiteral === 'string') {
      // Jump straight to the next place the leading literal occurs.
      const next = value.indexOf(leadingLiteral, start);
      if (counter) counter.steps += (next < 0 ? value.length : next) - start + 1;
      if (next < 0 || next > lastStart) return -1;
      start = next;
    }
    if (segmentAt(segment, value, start, counter)) return start;
    start += 1;
  }
  return -1;
}
