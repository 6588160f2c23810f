import { describe, expect, it } from 'vitest';
import { createContext } from '../context.js';
import { CONDITION_OPERATORS, compileCondition, parseOperatorName } from './index.js';
import { compile, compileWithDiagnostics, conditionNode, evaluate, matches } from './test-helpers.js';

const LOGIC_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html';
const SETS_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html';
const OPERATORS_DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html';

describe(`combining operators, keys and values (${LOGIC_DOC})`, () => {
  const block = {
    StringEquals: { 'aws:PrincipalTag/team': ['blue', 'green'], 'aws:RequestedRegion': 'eu-west-1' },
    Bool: { 'aws:SecureTransport': 'true' },
  };
  const ok = { 'aws:PrincipalTag/team': 'green', 'aws:RequestedRegion': 'eu-west-1', 'aws:SecureTransport': true };

  it('matches when every operator and every key holds, with any listed value per key', () => {
    expect(matches(block, ok)).toBe(true);
  });

  it('fails when any one key fails (AND across keys and operators)', () => {
    expect(matches(block, { ...ok, 'aws:RequestedRegion': 'us-east-1' })).toBe(false);
    expect(matches(block, { ...ok, 'aws:SecureTransport': false })).toBe(false);
    expect(matches(block, { ...ok, 'aws:PrincipalTag/team': 'red' })).toBe(false);
  });

  it('names the first operator and key that failed, as written in the policy', () => {
    const result = evaluate(block, { ...ok, 'aws:SecureTransport': false });
    expect(result.failure).toEqual({ operator: 'Bool', key: 'aws:SecureTransport', reason: '`aws:SecureTransport` matches none of the policy values' });
    expect(evaluate(block, {}).failure).toMatchObject({ operator: 'StringEquals', key: 'aws:PrincipalTag/team', reason: '`aws:PrincipalTag/team` is not in the request' });
  });

  it('matches an empty Condition block', () => {
    expect(matches({}, {})).toBe(true);
  });

  it('warns, without failing, about an operator that lists no keys', () => {
    const { diagnostics, compiled } = compileWithDiagnostics({ StringEquals: {} });
    expect(compiled).toBe(true);
    expect(diagnostics).toMatchObject([{ code: 'EmptyConditionOperator', severity: 'warning' }]);
  });
});

describe(`...IfExists (${OPERATORS_DOC}#Conditions_IfExists)`, () => {
  it('is true when the key is absent and otherwise behaves like the base operator', () => {
    const block = { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*'] } };
    expect(matches(block, {})).toBe(true);
    expect(matches(block, { 'ec2:InstanceType': 't2.micro' })).toBe(true);
    expect(matches(block, { 'ec2:InstanceType': 'm5.large' })).toBe(false);
  });

  it('keeps a negated operator negated when the key is present', () => {
    const block = { StringNotEqualsIfExists: { 'aws:ResourceTag/env': 'prod' } };
    expect(matches(block, {})).toBe(true);
    expect(matches(block, { 'aws:ResourceTag/env': 'prod' })).toBe(false);
    expect(matches(block, { 'aws:ResourceTag/env': 'dev' })).toBe(true);
  });
});

describe(`set operators on multivalued keys (${SETS_DOC})`, () => {
  const allowed = { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } };
  const forbidden = { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['secret', 'owner'] } };

  it('ForAllValues is true when every request value matches some policy value', () => {
    expect(matches(allowed, { 'aws:TagKeys': ['env', 'team'] })).toBe(true);
    expect(matches(allowed, { 'aws:TagKeys': ['env'] })).toBe(true);
    expect(matches(allowed, { 'aws:TagKeys': ['env', 'cost'] })).toBe(false);
  });

  it('ForAllValues is true when the key is absent or has no values', () => {
    expect(matches(allowed, {})).toBe(true);
    expect(matches(allowed, { 'aws:TagKeys': [] })).toBe(true);
  });

  it('ForAnyValue is true when at least one request value matches', () => {
    expect(matches(forbidden, { 'aws:TagKeys': ['env', 'owner'] })).toBe(true);
    expect(matches(forbidden, { 'aws:TagKeys': ['env', 'team'] })).toBe(false);
  });

  it('ForAnyValue is false when the key is absent or has no values', () => {
    expect(matches(forbidden, {})).toBe(false);
    expect(matches(forbidden, { 'aws:TagKeys': [] })).toBe(false);
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition_examples-multi-valued-context-keys.html
  it('ForAllValues:StringNotLike follows the documented aws:TagKeys table', () => {
    const block = { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } };
    expect(matches(block, { 'aws:TagKeys': ['key1:legal'] })).toBe(false);
    expect(matches(block, { 'aws:TagKeys': ['key1:hr', 'key1:personnel'] })).toBe(false);
    expect(matches(block, { 'aws:TagKeys': ['key2:audit'] })).toBe(true);
    expect(matches(block, {})).toBe(true);
  });

  it('ForAnyValue with a negated operator needs one request value that matches no policy value', () => {
    const block = { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['env', 'team'] } };
    expect(matches(block, { 'aws:TagKeys': ['env', 'cost'] })).toBe(true);
    expect(matches(block, { 'aws:TagKeys': ['env', 'team'] })).toBe(false);
    expect(matches(block, {})).toBe(false);
  });

  it('treats a single request value as a set of one', () => {
    expect(matches(allowed, { 'aws:TagKeys': 'env' })).toBe(true);
    expect(matches(forbidden, { 'aws:TagKeys': 'owner' })).toBe(true);
  });

  it('combines with IfExists', () => {
    expect(matches({ 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': 'owner' } }, {})).toBe(true);
    expect(matches({ 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': 'owner' } }, { 'aws:TagKeys': ['env'] })).toBe(false);
  });

  it('without a set operator, a positive operator matches when any request value matches and a negated one when none does', () => {
    expect(matches({ StringEquals: { 'aws:TagKeys': 'env' } }, { 'aws:TagKeys': ['env', 'cost'] })).toBe(true);
    expect(matches({ StringNotEquals: { 'aws:TagKeys': 'env' } }, { 'aws:TagKeys': ['env', 'cost'] })).toBe(false);
    expect(matches({ StringNotEquals: { 'aws:TagKeys': 'env' } }, { 'aws:TagKeys': ['cost'] })).toBe(true);
  });

  it('without a set operator, a key with no values matches no positive operator and every negated one', () => {
    expect(matches({ StringLike: { 'aws:TagKeys': '*' } }, { 'aws:TagKeys': [] })).toBe(false);
    expect(matches({ StringNotLike: { 'aws:TagKeys': 'x' } }, { 'aws:TagKeys': [] })).toBe(true);
  });
});

describe(`operator names (${OPERATORS_DOC})`, () => {
  it('lists every base operator once', () => {
    expect(CONDITION_OPERATORS).toHaveLength(27);
    expect(new Set(CONDITION_OPERATORS).size).toBe(27);
    expect(CONDITION_OPERATORS).toContain('Null');
    expect(CONDITION_OPERATORS).toContain('NotIpAddress');
  });

  it('takes a name apart into set operator, base and IfExists', () => {
    expect(parseOperatorName('ForAnyValue:StringLikeIfExists')).toEqual({
      ok: true,
      value: { setOperator: 'ForAnyValue', base: 'StringLike', ifExists: true },
    });
    expect(parseOperatorName('IpAddress')).toEqual({ ok: true, value: { base: 'IpAddress', ifExists: false } });
  });

  it('rejects an unknown operator at its span, with a did-you-mean, and compiles nothing', () => {
    const { diagnostics, compiled, node } = compileWithDiagnostics({ StringEqualz: { 'aws:username': 'a' } });
    expect(compiled).toBe(false);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'UnknownConditionOperator',
      severity: 'error',
      file: 'policy.json',
      message: '`StringEqualz` is not a condition operator',
      help: 'did you mean `StringEquals`?',
      ...node.operators[0]!.operator.span,
    });
  });

  it('keeps the set operator and IfExists in the suggestion', () => {
    const { diagnostics } = compileWithDiagnostics({ 'ForAllValues:StringLikeIfExist': { 'aws:TagKeys': 'a' } });
    expect(diagnostics[0]!.help).toBe('did you mean `ForAllValues:StringLikeIfExists`?');
    expect(compileWithDiagnostics({ 'ForAnyValue:NumericLesThanIfExists': { k: 1 } }).diagnostics[0]!.help).toBe(
      'did you mean `ForAnyValue:NumericLessThanIfExists`?',
    );
  });

  it('treats operator names as case-sensitive and says how to spell them', () => {
    const { diagnostics, compiled } = compileWithDiagnostics({ stringequals: { 'aws:username': 'a' } });
    expect(compiled).toBe(false);
    expect(diagnostics[0]!.help).toBe('operator names are case-sensitive: write `StringEquals`');
    expect(compileWithDiagnostics({ 'ForAnyValue:stringLikeifexists': { k: 'a' } }).diagnostics[0]!.help).toBe(
      'operator names are case-sensitive: write `ForAnyValue:StringLikeIfExists`',
    );
  });

  it('rejects an unknown set operator with a suggestion', () => {
    const { diagnostics } = compileWithDiagnostics({ 'ForAnyValues:StringEquals': { 'aws:TagKeys': 'a' } });
    expect(diagnostics[0]).toMatchObject({ code: 'UnknownConditionOperator', help: 'did you mean `ForAnyValue:StringEquals`?' });
  });
});

describe('errors never fail open', () => {
  it('collects every problem in the block, not just the first', () => {
    const { diagnostics, compiled } = compileWithDiagnostics({
      StringEqualz: { a: 'x' },
      NumericLessThan: { 's3:max-keys': 'ten' },
      IpAddress: { 'aws:SourceIp': 'nowhere' },
      StringEquals: { '': 'x', 'aws:username': [] },
    });
    expect(compiled).toBe(false);
    expect(diagnostics.map((d) => d.code)).toEqual([
      'UnknownConditionOperator',
      'InvalidConditionValue',
      'InvalidConditionValue',
      'InvalidConditionKey',
      'EmptyConditionValues',
    ]);
    expect(diagnostics.every((d) => d.help && !d.message.endsWith('.'))).toBe(true);
  });

  it('rejects a policy variable in a condition key', () => {
    const { diagnostics, node } = compileWithDiagnostics({ StringEquals: { 'aws:ResourceTag/${aws:username}': 'x' } });
    expect(diagnostics[0]).toMatchObject({ code: 'InvalidConditionKey', line: node.operators[0]!.entries[0]!.key.span.line });
  });

  it('uses the file name it is given', () => {
    const { diagnostics } = compileCondition(conditionNode({ Bogus: { k: 'v' } }), { file: 'identity[0]', variables: true });
    expect(diagnostics[0]!.file).toBe('identity[0]');
  });
});

describe('evaluation cost', () => {
  it('returns shared result objects instead of building new ones per test', () => {
    const condition = compile({ StringEquals: { 'aws:username': 'alice' } });
    const alice = createContext({ 'aws:username': 'alice' });
    const bob = createContext({ 'aws:username': 'bob' });
    expect(condition.test(alice)).toBe(condition.test(alice));
    expect(condition.test(bob)).toBe(condition.test(bob));
  });
});
