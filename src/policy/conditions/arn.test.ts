import { describe, expect, it } from 'vitest';
import { compileWithDiagnostics, matches } from './test-helpers.js';

describe('Arn operators (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN)', () => {
  const topic = 'arn:aws:sns:us-east-2:111122223333:my-topic';

  it('matches an identical ARN', () => {
    expect(matches({ ArnEquals: { 'aws:SourceArn': topic } }, { 'aws:SourceArn': topic })).toBe(true);
    expect(matches({ ArnEquals: { 'aws:SourceArn': topic } }, { 'aws:SourceArn': `${topic}-2` })).toBe(false);
  });

  it('is case-sensitive', () => {
    expect(matches({ ArnLike: { 'aws:SourceArn': topic } }, { 'aws:SourceArn': topic.toUpperCase() })).toBe(false);
  });

  it('lets ArnEquals and ArnLike both take wildcards', () => {
    const pattern = 'arn:aws:sns:*:111122223333:my-*';
    expect(matches({ ArnEquals: { 'aws:SourceArn': pattern } }, { 'aws:SourceArn': topic })).toBe(true);
    expect(matches({ ArnLike: { 'aws:SourceArn': pattern } }, { 'aws:SourceArn': topic })).toBe(true);
  });

  it('keeps each wildcard inside its own colon-separated part, unlike StringLike', () => {
    const pattern = 'arn:aws:someservice:*:111122223333:finance/*';
    const request = 'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt';
    expect(matches({ StringLike: { 'aws:SourceArn': pattern } }, { 'aws:SourceArn': request })).toBe(true);
    expect(matches({ ArnLike: { 'aws:SourceArn': pattern } }, { 'aws:SourceArn': request })).toBe(false);
  });

  it('keeps colons inside the resource part', () => {
    const pattern = 'arn:aws:lambda:*:111122223333:function:my-fn:*';
    expect(matches({ ArnLike: { 'aws:SourceArn': pattern } }, { 'aws:SourceArn': 'arn:aws:lambda:eu-west-1:111122223333:function:my-fn:7' })).toBe(true);
  });

  it('negates: ArnNotLike and ArnNotEquals match only ARNs that fit no pattern', () => {
    const block = { ArnNotLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/admin-*', 'arn:aws:iam::*:role/ops'] } };
    expect(matches(block, { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/dev' })).toBe(true);
    expect(matches(block, { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/admin-1' })).toBe(false);
    expect(matches({ ArnNotEquals: block.ArnNotLike }, { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/ops' })).toBe(false);
  });

  it('is false for an absent key, true for the negated forms, and true with IfExists', () => {
    expect(matches({ ArnLike: { 'aws:SourceArn': topic } }, {})).toBe(false);
    expect(matches({ ArnNotLike: { 'aws:SourceArn': topic } }, {})).toBe(true);
    expect(matches({ ArnLikeIfExists: { 'aws:SourceArn': topic } }, {})).toBe(true);
  });

  it('does not let a request value that is not an ARN match, so the negated form holds for it', () => {
    expect(matches({ ArnLike: { 'aws:SourceArn': 'arn:*:*:*:*:*' } }, { 'aws:SourceArn': 'not-an-arn' })).toBe(false);
    expect(matches({ ArnNotLike: { 'aws:SourceArn': 'arn:*:*:*:*:*' } }, { 'aws:SourceArn': 'not-an-arn' })).toBe(true);
  });

  it('substitutes policy variables, keeping the colon inside the variable name', () => {
    const block = { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/${aws:username}' } };
    expect(matches(block, { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/alice', 'aws:username': 'alice' })).toBe(true);
    expect(matches(block, { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/bob', 'aws:username': 'alice' })).toBe(false);
  });

  it('applies set operators to each request value', () => {
    const block = { 'ForAllValues:ArnLike': { 'x:arns': 'arn:aws:s3:::bucket/*' } };
    expect(matches(block, { 'x:arns': ['arn:aws:s3:::bucket/a', 'arn:aws:s3:::bucket/b'] })).toBe(true);
    expect(matches(block, { 'x:arns': ['arn:aws:s3:::bucket/a', 'arn:aws:s3:::other/b'] })).toBe(false);
  });

  it('rejects a policy value that is not an ARN', () => {
    const { diagnostics, compiled } = compileWithDiagnostics({ ArnNotLike: { 'aws:SourceArn': ['*', 'arn:aws:s3', 'ARN:aws:s3:::b', 42] } });
    expect(compiled).toBe(false);
    expect(diagnostics).toHaveLength(4);
    expect(diagnostics[0]).toMatchObject({ code: 'InvalidConditionValue', severity: 'error' });
    expect(diagnostics[0]!.help).toContain('arn:partition:service:region:account:resource');
  });
});
