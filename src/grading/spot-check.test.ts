import { describe, expect, it } from 'vitest';
import type { SpotQuestion } from '../content/index.js';
import { checkSpotQuestions, pointsAtBug, spotPolicyKind } from './spot-check.js';

const spot = (policy: string, bug: string, kind?: SpotQuestion['kind']): SpotQuestion => ({
  id: 'sp', key: 't/sp', packId: 't', level: 'beginner', topics: [], prompt: 'Find the bug.', references: [], hints: [], tags: [], rev: 0,
  source: { file: 'spot.yaml', line: 3, column: 9 }, origins: {}, type: 'spot', policy, bug, why: 'because', ...(kind ? { kind } : {}),
});

const misspelledEffect = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Efect": "Allow", "Action": "s3:GetObject", "Resource": "*" }]\n}';

describe('spot questions in a pack', () => {
  it('pass when the validator reports a finding at the bug', () => {
    expect(checkSpotQuestions({ questions: [spot(misspelledEffect, '/Statement/0/Efect')] })).toEqual([]);
  });

  it('fail, at the question, when the validator sees nothing at the bug', () => {
    const [finding] = checkSpotQuestions({ questions: [spot(misspelledEffect, '/Version')] });
    expect(finding).toMatchObject({ code: 'SpotBugNotFound', file: 'spot.yaml', line: 3, severity: 'error' });
    expect(finding?.help).toContain('/Statement/0');
  });

  it('read a Principal as a resource policy unless the question names the kind', () => {
    const withPrincipal = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}';
    expect(spotPolicyKind(withPrincipal)).toBe('resource');
    expect(spotPolicyKind(withPrincipal.replace('s3:GetObject', 'sts:AssumeRole'))).toBe('trust');
    // In an identity policy a Principal is the bug itself.
    expect(checkSpotQuestions({ questions: [spot(withPrincipal, '/Statement/0/Principal', 'identity')] })).toEqual([]);
  });

  it('accept a finding on the element, inside it, or around it', () => {
    expect(pointsAtBug('/Statement/0/Condition/StringEqualz', '/Statement/0/Condition')).toBe(true);
    expect(pointsAtBug('/Statement/0', '/Statement/0/Effect')).toBe(true);
    expect(pointsAtBug('/Statement/1', '/Statement/0')).toBe(false);
    expect(pointsAtBug('/Statement/10', '/Statement/1')).toBe(false);
  });
});
