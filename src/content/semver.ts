/**
 * Just enough semantic versioning for a pack's `requires`: versions
 * (https://semver.org) and npm-style ranges (`>=1.0.0`, `^1.2`, `~1.2.3`,
 * `1.2 - 2`, `1.x`, several comparators joined by spaces, alternatives
 * joined by `||`), as described in https://github.com/npm/node-semver#ranges.
 *
 * One difference from npm: a pre-release of iamprep is compared by plain
 * semver precedence, so `1.3.0-beta.1` satisfies `>=1.2.0`. npm would exclude
 * it, which would make every pack refuse a pre-release of the app.
 */

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease: (string | number)[];
}

type Operator = '<' | '<=' | '>' | '>=' | '=';
interface Comparator {
  operator: Operator;
  version: SemVer;
}
/** Alternatives (`||`), each a list of comparators that must all hold. */
export type Range = Comparator[][];

const NUMBER = '0|[1-9]\\d*';
const IDENT = '[0-9A-Za-z-]+';
const VERSION_RE = new RegExp(`^v?(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})(?:-(${IDENT}(?:\\.${IDENT})*))?(?:\\+${IDENT}(?:\\.${IDENT})*)?$`);
const PART = `${NUMBER}|[xX*]`;
const PARTIAL_RE = new RegExp(`^v?(${PART})(?:\\.(${PART})(?:\\.(${PART})(?:-(${IDENT}(?:\\.${IDENT})*))?(?:\\+${IDENT}(?:\\.${IDENT})*)?)?)?$`);

export function parseVersion(text: string): SemVer | undefined {
  const m = VERSION_RE.exec(text.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease: prereleaseOf(m[4]) };
}

function prereleaseOf(text: string | undefined): (string | number)[] {
  return text ? text.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [];
}

/** Negative when a < b, 0 when equal in precedence, positive when a > b. */
export function compareVersions(a: SemVer, b: SemVer): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch || comparePrerelease(a.prerelease, b.prerelease);
}

function comparePrerelease(a: (string | number)[], b: (string | number)[]): number {
  // A version without a pre-release ranks above any of its pre-releases.
  if (a.length === 0 || b.length === 0) return b.length - a.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

interface Partial {
  major?: number;
  minor?: number;
  patch?: number;
  prerelease: (string | number)[];
}

function parsePartial(text: string): Partial | undefined {
  const m = PARTIAL_RE.exec(text);
  if (!m) return undefined;
  const part = (s: string | undefined) => (s === undefined || /^[xX*]$/.test(s) ? undefined : Number(s));
  const major = part(m[1]);
  const minor = major === undefined ? undefined : part(m[2]);
  const patch = minor === undefined ? undefined : part(m[3]);
  return { major, minor, patch, prerelease: patch === undefined ? [] : prereleaseOf(m[4]) };
}

const v = (major: number, minor: number, patch: number, prerelease: (string | number)[] = []): SemVer => ({ major, minor, patch, prerelease });
/** The lowest version of a release line, below all its pre-releases: `<2.0.0-0` excludes every 2.0.0 pre-release. */
const floor = (major: number, minor: number, patch: number) => v(major, minor, patch, [0]);
const cmp = (operator: Operator, version: SemVer): Comparator => ({ operator, version });
const ANY: Comparator[] = [cmp('>=', v(0, 0, 0))];

/** The version just above every version the partial matches, as an exclusive bound. */
function after(p: Partial): SemVer {
  if (p.major === undefined) return v(Number.MAX_SAFE_INTEGER, 0, 0);
  if (p.minor === undefined) return floor(p.major + 1, 0, 0);
  return floor(p.major, p.minor + 1, 0);
}
const lowest = (p: Partial) => v(p.major ?? 0, p.minor ?? 0, p.patch ?? 0, p.prerelease);

function desugar(token: string): Comparator[] | undefined {
  const m = /^(<=|>=|<|>|=|~>?|\^)?(.*)$/.exec(token)!;
  const op = m[1] ?? '';
  const p = parsePartial(m[2]!);
  if (!p) return undefined;
  const exact = p.patch !== undefined;
  switch (op) {
    case '':
    case '=':
      if (p.major === undefined) return ANY;
      return exact ? [cmp('=', lowest(p))] : [cmp('>=', lowest(p)), cmp('<', after(p))];
    case '~':
    case '~>':
      if (p.major === undefined) return ANY;
      return [cmp('>=', lowest(p)), cmp('<', p.minor === undefined ? floor(p.major + 1, 0, 0) : floor(p.major, p.minor + 1, 0))];
    case '^': {
      if (p.major === undefined) return ANY;
      const upper =
        p.major > 0 || p.minor === undefined
          ? floor(p.major + 1, 0, 0)
          : p.minor > 0 || p.patch === undefined
            ? floor(0, p.minor + 1, 0)
            : floor(0, 0, p.patch! + 1);
      return [cmp('>=', lowest(p)), cmp('<', upper)];
    }
    case '>':
      if (p.major === undefined) return [cmp('<', v(0, 0, 0))]; // nothing is above every version
      return exact ? [cmp('>', lowest(p))] : [cmp('>=', after(p))];
    case '>=':
      return [cmp('>=', lowest(p))];
    case '<':
      if (p.major === undefined) return [cmp('<', v(0, 0, 0))];
      return [cmp('<', exact ? lowest(p) : floor(p.major, p.minor ?? 0, 0))];
    case '<=':
      if (p.major === undefined) return ANY;
      return exact ? [cmp('<=', lowest(p))] : [cmp('<', after(p))];
  }
  return undefined;
}

/** Parses a range; an error message (one phrase, for a diagnostic) when it is not one. */
export function parseRange(text: string): Range | { error: string } {
  if (text.length > 1000) return { error: 'the range is too long' };
  const alternatives: Range = [];
  for (const alternative of text.split('||')) {
    // `>= 1.2.3` is written with a space as often as without.
    const normalized = alternative.trim().replace(/(<=|>=|<|>|=|~>?|\^)\s+/g, '$1');
    if (normalized === '') {
      alternatives.push(ANY);
      continue;
    }
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(normalized);
    if (hyphen) {
      const from = parsePartial(hyphen[1]!);
      const to = parsePartial(hyphen[2]!);
      if (!from || !to) return { error: `\`${normalized}\` is not a version range` };
      const upper = to.major === undefined ? [] : to.patch !== undefined ? [cmp('<=', lowest(to))] : [cmp('<', after(to))];
      alternatives.push([cmp('>=', lowest(from)), ...upper]);
      continue;
    }
    const comparators: Comparator[] = [];
    for (const token of normalized.split(/\s+/)) {
      const part = desugar(token);
      if (!part) return { error: `\`${token}\` is not a version or comparator` };
      comparators.push(...part);
    }
    alternatives.push(comparators);
  }
  return alternatives;
}

export function isRange(value: Range | { error: string }): value is Range {
  return Array.isArray(value);
}

export function rangeAllows(range: Range, version: SemVer): boolean {
  return range.some((all) => all.every((c) => holds(c, version)));
}

function holds({ operator, version }: Comparator, candidate: SemVer): boolean {
  const order = compareVersions(candidate, version);
  switch (operator) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '=':
      return order === 0;
  }
}

/** Whether `version` is in `range`; undefined when either cannot be read. */
export function satisfies(version: string, range: string): boolean | undefined {
  const parsedVersion = parseVersion(version);
  const parsedRange = parseRange(range);
  if (!parsedVersion || !isRange(parsedRange)) return undefined;
  return rangeAllows(parsedRange, parsedVersion);
}
