import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileGlob, compileGlobTokens, globMatchCost, hasWildcard, parseGlob } from './wildcard.js';

const sensitive = { caseInsensitive: false };
const insensitive = { caseInsensitive: true };

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
describe('compileGlob', () => {
  it('matches a pattern without wildcards only against the identical string', () => {
    const m = compileGlob('arn:aws:s3:::bucket', sensitive);
    expect(m.test('arn:aws:s3:::bucket')).toBe(true);
    expect(m.test('arn:aws:s3:::bucket2')).toBe(false);
    expect(m.test('arn:aws:s3:::Bucket')).toBe(false);
  });

  it('lets `*` match any run of characters, including colons and slashes', () => {
    const m = compileGlob('arn:aws:s3:::bucket/*', sensitive);
    expect(m.test('arn:aws:s3:::bucket/a/b:c')).toBe(true);
    expect(m.test('arn:aws:s3:::bucket/')).toBe(true);
    expect(m.test('arn:aws:s3:::bucket')).toBe(false);
    expect(compileGlob('a*z', sensitive).test('a:/:/z')).toBe(true);
  });

  it('lets `?` match exactly one character', () => {
    const m = compileGlob('file-?.txt', sensitive);
    expect(m.test('file-1.txt')).toBe(true);
    expect(m.test('file-.txt')).toBe(false);
    expect(m.test('file-12.txt')).toBe(false);
  });

  it('treats regex metacharacters as plain text', () => {
    const m = compileGlob('my.bucket(1)+[x]', sensitive);
    expect(m.test('my.bucket(1)+[x]')).toBe(true);
    expect(m.test('myXbucket(1)+[x]')).toBe(false);
  });

  it('matches a lone star against anything, even the empty string', () => {
    const m = compileGlob('*', sensitive);
    expect(m.test('')).toBe(true);
    expect(m.test('anything:at/all')).toBe(true);
  });

  it('anchors the text before the first star and after the last', () => {
    const m = compileGlob('ab*cd', sensitive);
    expect(m.test('abcd')).toBe(true);
    expect(m.test('abXcd')).toBe(true);
    expect(m.test('abc')).toBe(false);
    expect(m.test('xabcd')).toBe(false);
    expect(m.test('abcdx')).toBe(false);
  });

  it('does not let the prefix and suffix overlap', () => {
    expect(compileGlob('aa*aa', sensitive).test('aaa')).toBe(false);
    expect(compileGlob('aa*aa', sensitive).test('aaaa')).toBe(true);
  });

  it('finds middle parts in order between stars', () => {
    const m = compileGlob('*one*two*', sensitive);
    expect(m.test('xonextwox')).toBe(true);
    expect(m.test('twoone')).toBe(false);
  });

  it('mixes `?` with stars', () => {
    const m = compileGlob('*a?c*', sensitive);
    expect(m.test('xxabcxx')).toBe(true);
    expect(m.test('xxacxx')).toBe(false);
    expect(compileGlob('?*', sensitive).test('')).toBe(false);
    expect(compileGlob('?*', sensitive).test('x')).toBe(true);
  });

  it('treats consecutive stars as one', () => {
    expect(compileGlob('a**b', sensitive).test('ab')).toBe(true);
    expect(compileGlob('a**b', sensitive).test('a-b')).toBe(true);
  });

  it('folds case on both sides when asked to', () => {
    const m = compileGlob('S3:Get*', insensitive);
    expect(m.test('s3:getobject')).toBe(true);
    expect(m.test('S3:GETOBJECT')).toBe(true);
    expect(compileGlob('S3:Get*', sensitive).test('s3:getobject')).toBe(false);
  });

  it('matches an empty pattern only against the empty string', () => {
    expect(compileGlob('', sensitive).test('')).toBe(true);
    expect(compileGlob('', sensitive).test('a')).toBe(false);
  });
});

describe('matching cost', () => {
  it('stays within value length times pattern length on a pattern that makes backtracking matchers explode', () => {
    const value = 'a'.repeat(10_000);
    const pattern = '*a*a*a*a*a*b';
    const { matched, steps } = globMatchCost(pattern, value);
    expect(matched).toBe(false);
    expect(steps).toBeLessThanOrEqual(value.length * pattern.length);
  });

  it('completes a thousand hostile matches over 10,000 characters', () => {
    const m = compileGlob('*a*a*a*a*a*b', sensitive);
    const value = 'a'.repeat(10_000);
    let matchedCount = 0;
    for (let i = 0; i < 1000; i++) if (m.test(value)) matchedCount += 1;
    expect(matchedCount).toBe(0);
    expect(m.test(`${value}b`)).toBe(true);
  });

  it('stays bounded when `?` segments repeat without a literal to search for', () => {
    const value = 'ab'.repeat(5_000);
    const pattern = '*??a*??c';
    const { matched, steps } = globMatchCost(pattern, value);
    expect(matched).toBe(false);
    expect(steps).toBeLessThanOrEqual(value.length * pattern.length);
  });
});

describe('hasWildcard', () => {
  it('reports `*` and `?` and nothing else', () => {
    expect(hasWildcard('s3:Get*')).toBe(true);
    expect(hasWildcard('file-?')).toBe(true);
    expect(hasWildcard('arn:aws:s3:::bucket')).toBe(false);
  });
});

describe('compileGlobTokens', () => {
  it('keeps star and question mark literal inside literal tokens', () => {
    const m = compileGlobTokens([{ kind: 'literal', text: 'a*?' }, { kind: 'star' }], sensitive);
    expect(m.test('a*?zzz')).toBe(true);
    expect(m.test('abczzz')).toBe(false);
  });

  it('round-trips parseGlob into the same matcher as compileGlob', () => {
    expect(parseGlob('a*b?c')).toEqual([
      { kind: 'literal', text: 'a' },
      { kind: 'star' },
      { kind: 'literal', text: 'b' },
      { kind: 'any' },
      { kind: 'literal', text: 'c' },
    ]);
  });
});

/** A plain dynamic-programming matcher, slow but obviously right, to check against. */
function referenceMatch(pattern: string, value: string): boolean {
  // reachable[j]: the pattern prefix read so far can match value[0..j).
  let reachable = Array.from({ length: value.length + 1 }, (_, j) => j === 0);
  for (const p of pattern) {
    const next = Array.from({ length: value.length + 1 }, () => false);
    for (let j = 0; j <= value.length; j++) {
      if (p === '*') next[j] = reachable[j]! || (j > 0 && next[j - 1]!);
      else if (j > 0) next[j] = reachable[j - 1]! && (p === '?' || value[j - 1] === p);
    }
    reachable = next;
  }
  return reachable[value.length]!;
}

describe('agreement with a reference matcher', () => {
  it('gives the same answer as dynamic programming on random patterns and values', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ':', '*', '?'), maxLength: 8 }),
        fc.string({ unit: fc.constantFrom('a', 'b', ':'), maxLength: 12 }),
        (pattern, value) => compileGlob(pattern, sensitive).test(value) === referenceMatch(pattern, value),
      ),
      { numRuns: 3000 },
    );
  });
});
