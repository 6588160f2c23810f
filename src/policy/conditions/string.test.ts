import { describe, expect, it } from 'vitest';
import { compileWithDiagnostics, matches } from './test-helpers.js';

const OPERATORS_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String';

describe(`StringEquals and StringNotEquals (${OPERATORS_DOC})`, () => {
  const equals = { StringEquals: { 'aws:PrincipalTag/job': ['admin', 'ops'] } };
  const notEquals = { StringNotEquals: { 'aws:PrincipalTag/job': ['admin', 'ops'] } };

  it('matches when the request value equals any listed value', () => {
    expect(matches(equals, { 'aws:PrincipalTag/job': 'ops' })).toBe(true);
  });

  it('does not match another value, or the same letters in another case', () => {
    expect(matches(equals, { 'aws:PrincipalTag/job': 'dev' })).toBe(false);
    expect(matches(equals, { 'aws:PrincipalTag/job': 'Admin' })).toBe(false);
  });

  it('finds the key whatever the case of its name in the policy', () => {
    expect(matches({ StringEquals: { 'AWS:PRINCIPALTAG/JOB': 'admin' } }, { 'aws:PrincipalTag/job': 'admin' })).toBe(true);
  });

  it('does not match when the key is absent', () => {
    expect(matches(equals, {})).toBe(false);
  });

  it('negates: matches only a value equal to none of the listed values (NOR)', () => {
    expect(matches(notEquals, { 'aws:PrincipalTag/job': 'dev' })).toBe(true);
    expect(matches(notEquals, { 'aws:PrincipalTag/job': 'admin' })).toBe(false);
    expect(matches(notEquals, { 'aws:PrincipalTag/job': 'ops' })).toBe(false);
  });

  it('makes a negated operator true when the key is absent', () => {
    expect(matches(notEquals, {})).toBe(true);
  });

  it('compares JSON numbers and booleans in the policy as their text', () => {
    expect(matches({ StringEquals: { 's3:max-keys': 10 } }, { 's3:max-keys': '10' })).toBe(true);
    expect(matches({ StringEquals: { 'x:flag': true } }, { 'x:flag': true })).toBe(true);
  });

  it('treats `*` literally', () => {
    expect(matches({ StringEquals: { 'aws:username': 'a*' } }, { 'aws:username': 'abc' })).toBe(false);
    expect(matches({ StringEquals: { 'aws:username': 'a*' } }, { 'aws:username': 'a*' })).toBe(true);
  });
});

describe(`StringEqualsIgnoreCase and StringNotEqualsIgnoreCase (${OPERATORS_DOC})`, () => {
  it('matches regardless of case', () => {
    expect(matches({ StringEqualsIgnoreCase: { 'aws:username': 'Alice' } }, { 'aws:username': 'ALICE' })).toBe(true);
    expect(matches({ StringEqualsIgnoreCase: { 'aws:username': 'Alice' } }, { 'aws:username': 'bob' })).toBe(false);
  });

  it('negates regardless of case, and is true for an absent key', () => {
    const block = { StringNotEqualsIgnoreCase: { 'aws:username': 'Alice' } };
    expect(matches(block, { 'aws:username': 'alice' })).toBe(false);
    expect(matches(block, { 'aws:username': 'bob' })).toBe(true);
    expect(matches(block, {})).toBe(true);
  });
});

describe(`StringLike and StringNotLike (${OPERATORS_DOC})`, () => {
  const like = { StringLike: { 's3:prefix': ['', 'home/', 'home/*/'] } };

  it('matches wildcards anywhere in the value', () => {
    expect(matches(like, { 's3:prefix': 'home/alice/' })).toBe(true);
    expect(matches(like, { 's3:prefix': '' })).toBe(true);
    expect(matches(like, { 's3:prefix': 'home/alice' })).toBe(false);
    expect(matches({ StringLike: { 'ec2:InstanceType': 't?.micro' } }, { 'ec2:InstanceType': 't3.micro' })).toBe(true);
  });

  it('is case-sensitive', () => {
    expect(matches({ StringLike: { 'aws:username': 'A*' } }, { 'aws:username': 'alice' })).toBe(false);
  });

  it('does not match an absent key, while StringNotLike does', () => {
    expect(matches(like, {})).toBe(false);
    expect(matches({ StringNotLike: { 's3:prefix': 'home/*' } }, {})).toBe(true);
  });

  it('negates: StringNotLike matches only values that fit none of the patterns', () => {
    const block = { StringNotLike: { 'aws:TagKeys': ['key1*', 'key2*'] } };
    expect(matches(block, { 'aws:TagKeys': 'key3' })).toBe(true);
    expect(matches(block, { 'aws:TagKeys': 'key2x' })).toBe(false);
  });
});

describe('policy variables in string values (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html)', () => {
  it('substitutes a variable before comparing', () => {
    const block = { StringLike: { 's3:prefix': 'home/${aws:username}/*' } };
    expect(matches(block, { 's3:prefix': 'home/alice/docs', 'aws:username': 'alice' })).toBe(true);
    expect(matches(block, { 's3:prefix': 'home/bob/docs', 'aws:username': 'alice' })).toBe(false);
  });

  it('fails to match when the variable cannot be resolved, and the negated operator then holds', () => {
    expect(matches({ StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } }, { 'aws:ResourceTag/owner': 'x' })).toBe(false);
    expect(matches({ StringNotEquals: { 'aws:ResourceTag/owner': '${aws:username}' } }, { 'aws:ResourceTag/owner': 'x' })).toBe(true);
  });

  it('uses a default when the key is absent', () => {
    const block = { StringEquals: { 'aws:ResourceTag/team': "${aws:PrincipalTag/team, 'none'}" } };
    expect(matches(block, { 'aws:ResourceTag/team': 'none' })).toBe(true);
  });

  it('compares the variable text literally under policy Version 2008-10-17', () => {
    const block = { StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } };
    expect(matches(block, { 'aws:ResourceTag/owner': '${aws:username}', 'aws:username': 'alice' }, false)).toBe(true);
    expect(matches(block, { 'aws:ResourceTag/owner': 'alice', 'aws:username': 'alice' }, false)).toBe(false);
  });

  it('writes `${*}` as a literal star under StringLike', () => {
    const block = { StringLike: { 'x:name': 'a${*}' } };
    expect(matches(block, { 'x:name': 'a*' })).toBe(true);
    expect(matches(block, { 'x:name': 'ab' })).toBe(false);
  });

  it('reports malformed variable syntax as an error', () => {
    const { diagnostics, compiled, node } = compileWithDiagnostics({ StringLike: { 's3:prefix': 'home/${aws:username' } });
    expect(compiled).toBe(false);
    expect(diagnostics[0]).toMatchObject({ code: 'InvalidPolicyVariable', severity: 'error', line: node.operators[0]!.entries[0]!.values[0]!.span.line });
  });

  it('does not report variable syntax when variables are off', () => {
    expect(compileWithDiagnostics({ StringLike: { 's3:prefix': 'home/${aws:username' } }, false).compiled).toBe(true);
  });
});

describe(`bad string input (${OPERATORS_DOC})`, () => {
  it('rejects an empty list of values at the list', () => {
    const { diagnostics, compiled, node } = compileWithDiagnostics({ StringEquals: { 'aws:username': [] } });
    expect(compiled).toBe(false);
    expect(diagnostics[0]).toMatchObject({ code: 'EmptyConditionValues', line: node.operators[0]!.entries[0]!.valuesSpan.line });
  });
});
