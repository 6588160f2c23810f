import { describe, expect, it } from 'vitest';
import { createContext } from './context.js';
import { compilePattern, findVariables, splitOutsideVariables, substitute, validateVariables } from './variables.js';

const context = createContext({
  'aws:username': 'alice',
  'aws:PrincipalTag/team': 'blue',
  'aws:TagKeys': ['a', 'b'],
  'aws:EmptyList': [],
  'x:star': 'a*b',
});

const exact = { caseInsensitive: false, variables: true, glob: false };
const like = { caseInsensitive: false, variables: true, glob: true };

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
describe('substitute', () => {
  it('replaces a variable with the value of its context key, whatever the key case', () => {
    expect(substitute('home/${aws:username}/', context, true)).toBe('home/alice/');
    expect(substitute('home/${AWS:UserName}/', context, true)).toBe('home/alice/');
    expect(substitute('${aws:PrincipalTag/team}-queue', context, true)).toBe('blue-queue');
  });

  it('uses the default when the key is absent', () => {
    expect(substitute("${aws:PrincipalTag/dept, 'none'}", context, true)).toBe('none');
    expect(substitute("${aws:username, 'none'}", context, true)).toBe('alice');
  });

  it('gives nothing when the key is absent and there is no default', () => {
    expect(substitute('home/${aws:userid}', context, true)).toBeUndefined();
  });

  // reference_policies_condition-single-vs-multi-valued-context-keys.html:
  // "you cannot use a multivalued context key as a policy variable"
  it('gives nothing for a key with several values or none', () => {
    expect(substitute('${aws:TagKeys}', context, true)).toBeUndefined();
    expect(substitute('${aws:EmptyList}', context, true)).toBeUndefined();
  });

  it('writes the special variables as their literal characters', () => {
    expect(substitute('a${*}b${?}c${$}d', context, true)).toBe('a*b?c$d');
  });

  it('leaves the text alone when variables are off (policy Version 2008-10-17 or none)', () => {
    expect(substitute('home/${aws:username}', context, false)).toBe('home/${aws:username}');
  });
});

describe('compilePattern', () => {
  it('matches a substituted value exactly', () => {
    const p = compilePattern('arn:aws:iam::111122223333:user/${aws:username}', exact);
    expect(p.hasVariables).toBe(true);
    expect(p.test('arn:aws:iam::111122223333:user/alice', context)).toBe(true);
    expect(p.test('arn:aws:iam::111122223333:user/bob', context)).toBe(false);
  });

  it('gives each request the answer for its own variable values when one pattern is reused', () => {
    const p = compilePattern('home/${aws:username}/${aws:PrincipalTag/team}/*', like);
    const bob = createContext({ 'aws:username': 'bob', 'aws:PrincipalTag/team': 'red' });
    for (let i = 0; i < 3; i++) {
      expect(p.test('home/alice/blue/x', context)).toBe(true);
      expect(p.test('home/alice/blue/x', bob)).toBe(false);
      expect(p.test('home/bob/red/x', bob)).toBe(true);
      expect(p.test('home/bob/red/x', createContext({ 'aws:username': 'bob' }))).toBe(false);
    }
  });

  it('matches nothing when a variable cannot be resolved', () => {
    const p = compilePattern('${aws:userid}*', like);
    expect(p.test('', context)).toBe(false);
    expect(p.test('anything', context)).toBe(false);
  });

  it('matches nothing when a variable names a multivalued key', () => {
    expect(compilePattern('*${aws:TagKeys}*', like).test('a', context)).toBe(false);
  });

  it('keeps wildcards from the policy text but not from the substituted value', () => {
    const p = compilePattern('${x:star}/*', like);
    expect(p.test('a*b/anything', context)).toBe(true);
    expect(p.test('aXb/anything', context)).toBe(false);
  });

  it('treats `${*}` and `${?}` as literal characters under a wildcard operator', () => {
    const p = compilePattern('price${?}-${*}', like);
    expect(p.hasVariables).toBe(false);
    expect(p.test('price?-*', context)).toBe(true);
    expect(p.test('priceX-anything', context)).toBe(false);
  });

  it('treats `*` as a plain character when glob is off', () => {
    const p = compilePattern('a*', exact);
    expect(p.test('a*', context)).toBe(true);
    expect(p.test('abc', context)).toBe(false);
  });

  it('folds case of both the policy text and the substituted value when asked to', () => {
    const p = compilePattern('TEAM-${aws:PrincipalTag/team}', { ...exact, caseInsensitive: true });
    expect(p.test('team-BLUE', context)).toBe(true);
  });

  it('treats a variable as literal text when variables are off', () => {
    const p = compilePattern('home/${aws:username}', { ...exact, variables: false });
    expect(p.hasVariables).toBe(false);
    expect(p.test('home/${aws:username}', context)).toBe(true);
    expect(p.test('home/alice', context)).toBe(false);
  });
});

describe('findVariables', () => {
  it('lists each variable with its position and default, without the special characters', () => {
    const text = "a/${aws:username}/${*}/${aws:PrincipalTag/team, 'none'}";
    expect(findVariables(text)).toEqual([
      { name: 'aws:username', offset: 2, length: 15 },
      { name: 'aws:PrincipalTag/team', offset: 23, length: 32, defaultValue: 'none' },
    ]);
  });

  it('allows inner spaces in a tag key', () => {
    expect(findVariables('${aws:PrincipalTag/cost center}')[0]?.name).toBe('aws:PrincipalTag/cost center');
  });
});

describe('validateVariables', () => {
  it('reports an unclosed variable at its start', () => {
    const problems = validateVariables('home/${aws:username');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ offset: 5, length: 14 });
    expect(problems[0]!.message).toContain('not closed');
  });

  it('reports an empty variable and a malformed default', () => {
    expect(validateVariables('${}')[0]!.message).toContain('names no context key');
    expect(validateVariables('${aws:username, none}')[0]!.message).toContain('default');
  });

  it('accepts well-formed variables and a lone dollar sign', () => {
    expect(validateVariables("cost $5 ${aws:username} ${$} ${aws:userid, 'anon'}")).toEqual([]);
  });
});

describe('splitOutsideVariables', () => {
  it('does not split at colons inside a variable', () => {
    expect(splitOutsideVariables('arn:aws:iam::1:user/${aws:username}', ':', 6, true)).toEqual([
      'arn',
      'aws',
      'iam',
      '',
      '1',
      'user/${aws:username}',
    ]);
  });

  it('leaves the remainder whole in the last piece', () => {
    expect(splitOutsideVariables('arn:aws:lambda:us-east-1:1:function:f:1', ':', 6, false)).toEqual([
      'arn',
      'aws',
      'lambda',
      'us-east-1',
      '1',
      'function:f:1',
    ]);
  });
});
