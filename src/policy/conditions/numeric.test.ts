import { describe, expect, it } from 'vitest';
import { compileWithDiagnostics, matches } from './test-helpers.js';

describe('Numeric operators (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric)', () => {
  const at = (n: string | number) => ({ 's3:max-keys': n });

  it('compares as numbers, not as text', () => {
    expect(matches({ NumericEquals: { 's3:max-keys': '10' } }, at('10.0'))).toBe(true);
    expect(matches({ NumericLessThan: { 's3:max-keys': '10' } }, at('9'))).toBe(true);
    expect(matches({ NumericLessThan: { 's3:max-keys': '10' } }, at('100'))).toBe(false);
  });

  it('puts the request value on the left of each comparison', () => {
    expect(matches({ NumericLessThanEquals: { 's3:max-keys': 10 } }, at(10))).toBe(true);
    expect(matches({ NumericLessThanEquals: { 's3:max-keys': 10 } }, at(11))).toBe(false);
    expect(matches({ NumericGreaterThan: { 's3:max-keys': 10 } }, at(11))).toBe(true);
    expect(matches({ NumericGreaterThan: { 's3:max-keys': 10 } }, at(10))).toBe(false);
    expect(matches({ NumericGreaterThanEquals: { 's3:max-keys': 10 } }, at(10))).toBe(true);
    expect(matches({ NumericGreaterThanEquals: { 's3:max-keys': 10 } }, at(9.5))).toBe(false);
  });

  it('accepts decimals and negative numbers', () => {
    expect(matches({ NumericLessThan: { 'x:n': '-0.5' } }, { 'x:n': '-1' })).toBe(true);
  });

  it('negates NumericNotEquals over all listed values', () => {
    const block = { NumericNotEquals: { 's3:max-keys': ['10', '20'] } };
    expect(matches(block, at(15))).toBe(true);
    expect(matches(block, at(20))).toBe(false);
  });

  it('is false for an absent key, true for NumericNotEquals, and true with IfExists', () => {
    expect(matches({ NumericLessThan: { 's3:max-keys': 10 } }, {})).toBe(false);
    expect(matches({ NumericNotEquals: { 's3:max-keys': 10 } }, {})).toBe(true);
    expect(matches({ NumericLessThanIfExists: { 's3:max-keys': 10 } }, {})).toBe(true);
    expect(matches({ NumericLessThanIfExists: { 's3:max-keys': 10 } }, at(11))).toBe(false);
  });

  it('does not match a request value that is not a number', () => {
    expect(matches({ NumericLessThan: { 's3:max-keys': 10 } }, at('ten'))).toBe(false);
  });

  it('applies set operators to each request value', () => {
    expect(matches({ 'ForAllValues:NumericLessThan': { 'x:sizes': 10 } }, { 'x:sizes': [1, 5] })).toBe(true);
    expect(matches({ 'ForAllValues:NumericLessThan': { 'x:sizes': 10 } }, { 'x:sizes': [1, 50] })).toBe(false);
    expect(matches({ 'ForAnyValue:NumericLessThan': { 'x:sizes': 10 } }, { 'x:sizes': [1, 50] })).toBe(true);
  });

  it('rejects a policy value that is not a number, at that value', () => {
    const { diagnostics, compiled, node } = compileWithDiagnostics({ NumericLessThan: { 's3:max-keys': ['10', 'ten', '1e3'] } });
    expect(compiled).toBe(false);
    expect(diagnostics.map((d) => d.code)).toEqual(['InvalidConditionValue', 'InvalidConditionValue']);
    expect(diagnostics[0]!.line).toBe(node.operators[0]!.entries[0]!.values[1]!.span.line);
    expect(diagnostics[0]!.help).toContain('integer or decimal');
  });

  it('points out that policy variables do not work with numbers', () => {
    const { diagnostics } = compileWithDiagnostics({ NumericEquals: { 'x:n': '${aws:username}' } });
    expect(diagnostics[0]!.help).toContain('policy variables work only with String, Arn and Bool');
  });
});
