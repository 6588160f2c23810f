import { describe, expect, it } from 'vitest';
import { compileWithDiagnostics, matches } from './test-helpers.js';

describe('Bool (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean)', () => {
  const insecure = { Bool: { 'aws:SecureTransport': 'false' } };

  it('matches the same boolean, given as text or as a JSON boolean', () => {
    expect(matches(insecure, { 'aws:SecureTransport': false })).toBe(true);
    expect(matches(insecure, { 'aws:SecureTransport': 'false' })).toBe(true);
    expect(matches({ Bool: { 'aws:SecureTransport': true } }, { 'aws:SecureTransport': 'true' })).toBe(true);
  });

  it('does not match the other boolean', () => {
    expect(matches(insecure, { 'aws:SecureTransport': true })).toBe(false);
  });

  it('ignores case on both sides', () => {
    expect(matches({ Bool: { 'aws:MultiFactorAuthPresent': 'True' } }, { 'aws:MultiFactorAuthPresent': 'TRUE' })).toBe(true);
  });

  it('does not match an absent key, so Bool false lets long-term keys through while BoolIfExists false does not', () => {
    // aws:MultiFactorAuthPresent is absent for long-term access keys.
    expect(matches({ Bool: { 'aws:MultiFactorAuthPresent': 'false' } }, {})).toBe(false);
    expect(matches({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, {})).toBe(true);
    expect(matches({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, { 'aws:MultiFactorAuthPresent': true })).toBe(false);
  });

  it('does not match a request value that is not a boolean', () => {
    expect(matches({ Bool: { 'x:flag': 'true' } }, { 'x:flag': 'yes' })).toBe(false);
  });

  it('applies set operators to each request value', () => {
    expect(matches({ 'ForAllValues:Bool': { 'x:flags': 'true' } }, { 'x:flags': [true, true] })).toBe(true);
    expect(matches({ 'ForAllValues:Bool': { 'x:flags': 'true' } }, { 'x:flags': [true, false] })).toBe(false);
    expect(matches({ 'ForAnyValue:Bool': { 'x:flags': 'true' } }, { 'x:flags': [true, false] })).toBe(true);
  });

  it('resolves a policy variable before comparing', () => {
    const block = { Bool: { 'x:flag': '${x:expected}' } };
    expect(matches(block, { 'x:flag': true, 'x:expected': 'true' })).toBe(true);
    expect(matches(block, { 'x:flag': true, 'x:expected': 'false' })).toBe(false);
    expect(matches(block, { 'x:flag': true })).toBe(false);
  });

  it('rejects a policy value that is not true or false', () => {
    const { diagnostics, compiled } = compileWithDiagnostics({ Bool: { 'aws:SecureTransport': ['yes', 1] } });
    expect(compiled).toBe(false);
    expect(diagnostics.map((d) => d.code)).toEqual(['InvalidConditionValue', 'InvalidConditionValue']);
    expect(diagnostics[0]!.help).toBe('write `true` or `false`');
  });
});
