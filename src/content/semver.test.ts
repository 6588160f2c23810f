import { describe, expect, it } from 'vitest';
import { compareVersions, isRange, parseRange, parseVersion, satisfies } from './semver.js';

describe('versions', () => {
  it('orders versions by precedence, pre-releases below their release', () => {
    const ordered = ['0.9.9', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.10.0', '2.0.0'];
    const parsed = ordered.map((text) => parseVersion(text)!);
    const sorted = [...parsed].sort(compareVersions);
    expect(sorted).toEqual(parsed);
  });

  it('ignores build metadata and rejects what is not a version', () => {
    expect(compareVersions(parseVersion('1.2.3+build.5')!, parseVersion('1.2.3')!)).toBe(0);
    expect(parseVersion('1.2')).toBeUndefined();
    expect(parseVersion('01.2.3')).toBeUndefined();
    expect(parseVersion('one')).toBeUndefined();
  });
});

describe('ranges a pack may require', () => {
  const cases: [range: string, yes: string[], no: string[]][] = [
    ['>=1.0.0', ['1.0.0', '1.5.2', '10.0.0'], ['0.9.9', '1.0.0-rc.1']],
    ['>= 1.2', ['1.2.0', '2.0.0'], ['1.1.9']],
    ['^1.2', ['1.2.0', '1.9.9'], ['1.1.0', '2.0.0', '2.0.0-beta.1']],
    ['^1.2.3', ['1.2.3', '1.99.0'], ['1.2.2', '2.0.0']],
    ['^0.2.3', ['0.2.3', '0.2.9'], ['0.3.0', '0.2.2']],
    ['^0.0.3', ['0.0.3'], ['0.0.4', '0.0.2']],
    ['~1.2.3', ['1.2.3', '1.2.9'], ['1.3.0', '1.2.2']],
    ['~1.2', ['1.2.0', '1.2.9'], ['1.3.0']],
    ['~1', ['1.0.0', '1.9.0'], ['2.0.0']],
    ['1.x', ['1.0.0', '1.99.1'], ['2.0.0', '0.9.0']],
    ['1.2.x || 2', ['1.2.5', '2.3.0'], ['1.3.0', '3.0.0']],
    ['>=1.2.3 <2', ['1.2.3', '1.99.0'], ['2.0.0', '1.2.2']],
    ['1.2 - 2.3.4', ['1.2.0', '2.3.4'], ['2.3.5', '1.1.9']],
    ['1.2.3 - 2', ['2.99.0'], ['3.0.0']],
    ['>1.2', ['1.3.0'], ['1.2.9']],
    ['<=1.2', ['1.2.9'], ['1.3.0']],
    ['<1.2', ['1.1.9'], ['1.2.0', '1.2.0-beta']],
    ['*', ['0.0.1', '9.9.9'], []],
    ['', ['0.1.0'], []],
    ['=1.2.3', ['1.2.3'], ['1.2.4']],
  ];
  for (const [range, yes, no] of cases) {
    it(`\`${range}\` admits ${yes.join(', ') || 'nothing listed'} and not ${no.join(', ') || 'anything listed'}`, () => {
      for (const version of yes) expect(satisfies(version, range), version).toBe(true);
      for (const version of no) expect(satisfies(version, range), version).toBe(false);
    });
  }

  it('lets a pre-release of the app satisfy a range below it', () => {
    expect(satisfies('1.3.0-beta.1', '>=1.2.0')).toBe(true);
  });

  it('names the part of a range it cannot read', () => {
    const result = parseRange('>=1.0.0 <two');
    expect(isRange(result)).toBe(false);
    expect(result).toEqual({ error: '`<two` is not a version or comparator' });
    expect(satisfies('1.0.0', 'latest')).toBeUndefined();
  });
});
