import { describe, expect, it } from 'vitest';
import { explainText, evaluatePolicies } from './index.js';

const policy = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const request = { principal: 'arn:aws:sts::111122223333:assumed-role/Builder/s1', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' };

describe('evaluation trace (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html)', () => {
  it("has one step per policy type in AWS's order: RCP, SCP, resource, identity, boundary, session", () => {
    const result = evaluatePolicies({ identity: [policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' })] }, request, { explain: true });
    expect(result.trace?.map((s) => s.policyType)).toEqual(['rcp', 'scp', 'resource', 'identity', 'boundary', 'session']);
  });

  it('says which policy type decided and which statements matched', () => {
    const result = evaluatePolicies(
      {
        identity: [policy({ Sid: 'All', Effect: 'Allow', Action: '*', Resource: '*' })],
        boundary: policy({ Sid: 'OnlyEc2', Effect: 'Allow', Action: 'ec2:*', Resource: '*' }),
        scps: [[policy({ Effect: 'Allow', Action: '*', Resource: '*' })]],
      },
      request,
      { explain: true },
    );
    const byType = Object.fromEntries(result.trace!.map((s) => [s.policyType, s]));
    expect(result.decision).toBe('implicitDeny');
    expect(byType.scp?.outcome).toBe('allow');
    expect(byType.identity).toMatchObject({ outcome: 'allow', statements: [{ sid: 'All' }] });
    expect(byType.boundary?.outcome).toBe('implicitDeny');
    expect(byType.boundary?.note).toContain('does not allow');
    expect(byType.resource?.outcome).toBe('notApplicable');
  });

  it('marks the policy type holding the winning Deny', () => {
    const result = evaluatePolicies(
      { identity: [policy({ Effect: 'Allow', Action: '*', Resource: '*' })], session: policy({ Sid: 'NoS3', Effect: 'Deny', Action: 's3:*', Resource: '*' }) },
      request,
      { explain: true },
    );
    const session = result.trace!.find((s) => s.policyType === 'session');
    expect(session).toMatchObject({ outcome: 'explicitDeny', statements: [{ policy: 'session', sid: 'NoS3' }] });
  });

  it('is absent unless asked for', () => {
    expect(evaluatePolicies({}, request).trace).toBeUndefined();
  });
});

describe('explainText', () => {
  it('tells the decision, the deciding statement with its position, and each step with its note', () => {
    const result = evaluatePolicies(
      { identity: [policy({ Effect: 'Allow', Action: '*', Resource: '*' }, { Sid: 'NoGet', Effect: 'Deny', Action: 's3:Get*', Resource: '*' })] },
      request,
      { explain: true },
    );
    const text = explainText(result);
    expect(text).toContain('Decision: explicitly denied');
    expect(text).toContain('identity[0] statement 1 (Sid NoGet), Deny at 9:5');
    expect(text).toMatch(/4\. Identity-based policies: ✗ explicit deny/);
    expect(text.split('\n').length).toBeGreaterThan(10);
  });

  it('says that no decision is trusted when the input has errors', () => {
    const result = evaluatePolicies({ identity: ['{"Version": '] }, request, { explain: true });
    const text = explainText(result);
    expect(text).toContain('not evaluated');
    expect(text).toContain('identity[0]:1:13 error InvalidJson');
  });

  it('starts with the reason the decision came out as it did', () => {
    const result = evaluatePolicies(
      { identity: [policy({ Effect: 'Allow', Action: '*', Resource: '*' })], boundary: policy({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }) },
      request,
      { explain: true },
    );
    expect(explainText(result).split('\n')[1]).toBe('Why: the permissions boundary does not allow the action, so identity-based permissions cannot grant it');
  });

  it('says across accounts that the missing resource-based policy is why nothing allows', () => {
    const result = evaluatePolicies({ identity: [policy({ Effect: 'Allow', Action: '*', Resource: '*' })] }, { ...request, resourceAccount: '444455556666' }, { explain: true });
    expect(result.decision).toBe('implicitDeny');
    expect(explainText(result)).toContain("Why: no resource-based policy is given, and across accounts the resource's account must allow the request in one");
  });

  it('shows statements whose condition failed, with the operator, key and reason', () => {
    const result = evaluatePolicies(
      { identity: [policy({ Sid: 'FromOffice', Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })] },
      { ...request, context: { 'aws:SourceIp': '198.51.100.7' } },
      { explain: true },
    );
    const identity = result.trace!.find((s) => s.policyType === 'identity');
    expect(identity?.conditionMisses).toEqual([expect.objectContaining({ statement: expect.objectContaining({ sid: 'FromOffice' }), operator: 'IpAddress', key: 'aws:SourceIp' })]);
    expect(explainText(result)).toContain('not matched: identity[0] statement 0 (Sid FromOffice)');
  });

  it('does not list a statement whose action does not match as a condition miss', () => {
    const result = evaluatePolicies(
      { identity: [policy({ Effect: 'Allow', Action: 'ec2:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } })] },
      request,
      { explain: true },
    );
    expect(result.trace!.every((s) => s.conditionMisses === undefined)).toBe(true);
  });
});

describe('a short explanation', () => {
  it('says why without listing every step', () => {
    const result = evaluatePolicies(
      { identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }] },
      { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:PutObject', resource: 'arn:aws:s3:::b/k' },
      { explain: true },
    );
    const text = explainText(result, { steps: false });
    expect(text).toContain('Why: no identity-based policy allows the request');
    expect(text).not.toContain('How AWS got there');
    expect(explainText(result)).toContain('How AWS got there');
  });
});
