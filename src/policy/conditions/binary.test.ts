import { describe, expect, it } from 'vitest';
import { compileWithDiagnostics, matches } from './test-helpers.js';

describe('BinaryEquals (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals)', () => {
  const block = { BinaryEquals: { 'x:blob': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } };

  it('matches the same bytes', () => {
    expect(matches(block, { 'x:blob': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' })).toBe(true);
  });

  it('does not match other bytes', () => {
    expect(matches(block, { 'x:blob': 'T3RoZXI=' })).toBe(false);
  });

  it('does not match an absent key unless IfExists', () => {
    expect(matches(block, {})).toBe(false);
    expect(matches({ BinaryEqualsIfExists: block.BinaryEquals }, {})).toBe(true);
  });

  it('does not match a request value that is not base64', () => {
    expect(matches(block, { 'x:blob': 'not base64!' })).toBe(false);
  });

  it('applies set operators to each request value', () => {
    expect(matches({ 'ForAnyValue:BinaryEquals': { 'x:blobs': 'AQID' } }, { 'x:blobs': ['AAAA', 'AQID'] })).toBe(true);
    expect(matches({ 'ForAllValues:BinaryEquals': { 'x:blobs': 'AQID' } }, { 'x:blobs': ['AAAA', 'AQID'] })).toBe(false);
  });

  it('rejects a policy value that is not base64', () => {
    const { diagnostics, compiled } = compileWithDiagnostics({ BinaryEquals: { 'x:blob': ['abc', 'plain text', 5] } });
    expect(compiled).toBe(false);
    expect(diagnostics).toHaveLength(3);
    expect(diagnostics[0]!.code).toBe('InvalidConditionValue');
  });
});
