import { describe, expect, it } from 'vitest';
import { compileWithDiagnostics, evaluate, matches } from './test-helpers.js';

describe('Null (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null)', () => {
  it('with true, matches only when the key is absent', () => {
    const block = { Null: { 'aws:TokenIssueTime': 'true' } };
    expect(matches(block, {})).toBe(true);
    expect(matches(block, { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' })).toBe(false);
  });

  it('with false, matches only when the key is present', () => {
    const block = { Null: { 'aws:TokenIssueTime': false } };
    expect(matches(block, { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' })).toBe(true);
    expect(matches(block, {})).toBe(false);
  });

  // reference_policies_condition_examples-multi-valued-context-keys.html: Null false
  // guards against "missing context keys or context keys with empty values".
  it('counts a key with an empty list of values as null', () => {
    expect(matches({ Null: { 'aws:TagKeys': 'false' } }, { 'aws:TagKeys': [] })).toBe(false);
    expect(matches({ Null: { 'aws:TagKeys': 'true' } }, { 'aws:TagKeys': [] })).toBe(true);
  });

  it('explains which way the key failed', () => {
    expect(evaluate({ Null: { 'aws:TokenIssueTime': 'true' } }, { 'aws:TokenIssueTime': 'x' }).failure?.reason).toContain('requires it to be absent');
    expect(evaluate({ Null: { 'aws:TokenIssueTime': 'false' } }, {}).failure?.reason).toContain('not in the request');
  });

  it('rejects a value other than true or false', () => {
    const { diagnostics, compiled } = compileWithDiagnostics({ Null: { 'aws:TokenIssueTime': 'maybe' } });
    expect(compiled).toBe(false);
    expect(diagnostics[0]).toMatchObject({ code: 'InvalidConditionValue' });
  });

  it('rejects NullIfExists at the operator', () => {
    const { diagnostics, compiled, node } = compileWithDiagnostics({ NullIfExists: { 'aws:TokenIssueTime': 'true' } });
    expect(compiled).toBe(false);
    expect(diagnostics[0]).toMatchObject({ code: 'InvalidNullIfExists', line: node.operators[0]!.operator.span.line });
  });

  it('rejects a set operator on Null', () => {
    const { diagnostics, compiled } = compileWithDiagnostics({ 'ForAllValues:Null': { 'aws:TagKeys': 'true' } });
    expect(compiled).toBe(false);
    expect(diagnostics[0]!.code).toBe('InvalidNullSetOperator');
  });
});
