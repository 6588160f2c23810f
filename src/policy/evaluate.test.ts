import { describe, expect, it } from 'vitest';
import { compilePolicySet } from './compile.js';
import { evaluate } from './evaluate.js';
import { evaluatePolicies } from './index.js';
import type { EvalRequest, PolicySet } from './types.js';

type Statement = Record<string, unknown>;
const policy = (...Statement: Statement[]) => ({ Version: '2012-10-17', Statement });
const allow = (Action: string | string[], Resource: string | string[] = '*', extra: Statement = {}): Statement => ({ Effect: 'Allow', Action, Resource, ...extra });
const deny = (Action: string | string[], Resource: string | string[] = '*', extra: Statement = {}): Statement => ({ Effect: 'Deny', Action, Resource, ...extra });
/** A resource-policy statement: `who` is the Principal element. */
const grant = (who: unknown, Action: string, extra: Statement = {}): Statement => ({ Effect: 'Allow', Principal: who, Action, ...extra });
const refuse = (who: unknown, Action: string, extra: Statement = {}): Statement => ({ Effect: 'Deny', Principal: who, Action, ...extra });

const A = '111122223333';
const B = '444455556666';
const ALICE = `arn:aws:iam::${A}:user/alice`;
const ROLE = `arn:aws:iam::${A}:role/app/Builder`;
const SESSION = `arn:aws:sts::${A}:assumed-role/Builder/build-42`;
const OBJECT = 'arn:aws:s3:::example-bucket/report.csv';
const FULL_ACCESS = policy(allow('*'));

function decide(set: PolicySet, request: Partial<EvalRequest> = {}) {
  const result = evaluatePolicies(set, { principal: ALICE, action: 's3:GetObject', resource: OBJECT, ...request }, { explain: true });
  expect(result.errors).toEqual([]);
  return result.decision;
}

describe('action and resource matching (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html, ..._resource.html)', () => {
  it('matches actions case-insensitively, service prefix included', () => {
    expect(decide({ identity: [policy(allow('S3:getobject'))] })).toBe('allowed');
    expect(decide({ identity: [policy(allow('s3:GetObject'))] }, { action: 'S3:GETOBJECT' })).toBe('allowed');
  });

  it('matches resources case-sensitively', () => {
    expect(decide({ identity: [policy(allow('s3:GetObject', 'arn:aws:s3:::Example-Bucket/*'))] })).toBe('implicitDeny');
    expect(decide({ identity: [policy(allow('s3:GetObject', 'arn:aws:s3:::example-bucket/*'))] })).toBe('allowed');
  });

  it('lets `*` match across `:` and `/`, and `?` match exactly one character', () => {
    expect(decide({ identity: [policy(allow('s3:*', 'arn:aws:s3:::*'))] })).toBe('allowed');
    expect(decide({ identity: [policy(allow('s3:Get*', 'arn:*report.csv'))] })).toBe('allowed');
    expect(decide({ identity: [policy(allow('s3:GetObjec?', 'arn:aws:s3:::example-bucket/report.cs?'))] })).toBe('allowed');
    expect(decide({ identity: [policy(allow('s3:GetObj?', '*'))] })).toBe('implicitDeny');
  });

  it('treats a dot in a resource as a plain character, not a regular-expression wildcard', () => {
    expect(decide({ identity: [policy(allow('s3:GetObject', 'arn:aws:s3:::example-bucket/report.csv'))] }, { resource: 'arn:aws:s3:::example-bucket/reportXcsv' })).toBe('implicitDeny');
  });

  it('with NotAction, applies to every action not listed (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html)', () => {
    const set = { identity: [policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })] };
    expect(decide(set)).toBe('allowed');
    expect(decide(set, { action: 'iam:CreateUser', resource: '*' })).toBe('implicitDeny');
  });

  it('with NotResource, applies to every resource not listed (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html)', () => {
    const set = { identity: [policy(allow('s3:*'), { Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::example-bucket/*' })] };
    expect(decide(set)).toBe('allowed');
    expect(decide(set, { resource: 'arn:aws:s3:::other/x' })).toBe('explicitDeny');
  });

  it('resolves policy variables in Resource with Version 2012-10-17 and keeps them literal with 2008-10-17', () => {
    const resource = 'arn:aws:s3:::example-bucket/${aws:username}/*';
    const request = { resource: 'arn:aws:s3:::example-bucket/alice/x' };
    expect(decide({ identity: [policy(allow('s3:GetObject', resource))] }, request)).toBe('allowed');
    expect(decide({ identity: [{ Version: '2008-10-17', Statement: [allow('s3:GetObject', resource)] }] }, request)).toBe('implicitDeny');
    expect(decide({ identity: [{ Version: '2008-10-17', Statement: [allow('s3:GetObject', resource)] }] }, { resource: 'arn:aws:s3:::example-bucket/${aws:username}/x' })).toBe('allowed');
  });
});

describe('explicit and implicit deny (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html)', () => {
  it('denies implicitly when nothing allows', () => {
    expect(decide({})).toBe('implicitDeny');
    expect(decide({ identity: [policy(allow('s3:PutObject'))] })).toBe('implicitDeny');
  });

  it('lets an explicit Deny in any policy override every Allow', () => {
    expect(decide({ identity: [policy(allow('*'), deny('s3:GetObject'))] })).toBe('explicitDeny');
    expect(decide({ identity: [policy(allow('*'))], resource: policy(refuse('*', 's3:*')) })).toBe('explicitDeny');
    expect(decide({ identity: [policy(allow('*')), policy(deny('s3:*', OBJECT))] })).toBe('explicitDeny');
  });

  it('names the deciding statements with policy slot, index, Sid, line and column', () => {
    const result = evaluatePolicies(
      { identity: [policy(allow('*')), policy(allow('s3:PutObject'), { ...deny('s3:Get*'), Sid: 'NoReads' })] },
      { principal: ALICE, action: 's3:GetObject', resource: OBJECT },
    );
    expect(result.reasons).toEqual([{ policy: 'identity[1]', statement: 1, sid: 'NoReads', effect: 'Deny', line: 9, column: 5 }]);
  });

  it('names every Allow that granted when the request is allowed', () => {
    const result = evaluatePolicies({ identity: [policy({ ...allow('s3:*'), Sid: 'One' }, { ...allow('s3:Get*'), Sid: 'Two' }, allow('ec2:*'))] }, { principal: ALICE, action: 's3:GetObject', resource: OBJECT });
    expect(result.reasons.map((r) => r.sid)).toEqual(['One', 'Two']);
  });
});

describe('service control policies (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html)', () => {
  const identity = [policy(allow('s3:*'))];

  it('allow only what every level of the organization allows', () => {
    expect(decide({ identity, scps: [[FULL_ACCESS], [FULL_ACCESS], [policy(allow('s3:Get*'))]] })).toBe('allowed');
    expect(decide({ identity, scps: [[FULL_ACCESS], [policy(allow('ec2:*'))], [FULL_ACCESS]] })).toBe('implicitDeny');
  });

  it('grant nothing on their own', () => {
    expect(decide({ scps: [[FULL_ACCESS]] })).toBe('implicitDeny');
  });

  it('deny explicitly with a Deny at any level', () => {
    expect(decide({ identity, scps: [[FULL_ACCESS, policy(deny('s3:GetObject'))], [FULL_ACCESS]] })).toBe('explicitDeny');
  });

  it('also limit what a same-account resource-based policy grants', () => {
    expect(decide({ resource: policy(grant({ AWS: ALICE }, 's3:GetObject')), scps: [[policy(allow('ec2:*'))]] })).toBe('implicitDeny');
  });

  it('do not apply to service principals or service-linked roles', () => {
    const scps = [[policy(allow('ec2:*'))]];
    expect(decide({ resource: policy(grant({ Service: 'cloudtrail.amazonaws.com' }, 's3:GetObject')), scps }, { principal: 'cloudtrail.amazonaws.com' })).toBe('allowed');
    const slr = `arn:aws:iam::${A}:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk`;
    expect(decide({ identity, scps }, { principal: slr })).toBe('allowed');
  });

  it('treat an empty level as an error, since every level has at least one SCP', () => {
    const result = evaluatePolicies({ identity, scps: [[FULL_ACCESS], []] }, { principal: ALICE, action: 's3:GetObject', resource: OBJECT });
    expect(result.decision).toBe('implicitDeny');
    expect(result.errors[0]).toMatchObject({ code: 'InvalidPolicySet', file: 'scps[1]' });
  });
});

describe('resource control policies (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html)', () => {
  const rcpDenyOutsiders = policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalAccount': A } } });

  it('deny what their Deny statements match, whoever the caller is', () => {
    const set = { identity: [policy(allow('s3:*'))], resource: policy(grant({ AWS: B }, 's3:GetObject')), rcps: [[rcpDenyOutsiders]] };
    expect(decide(set, { principal: `arn:aws:iam::${B}:user/bob`, resourceAccount: A })).toBe('explicitDeny');
  });

  it('never grant, and otherwise let requests through as RCPFullAWSAccess does', () => {
    expect(decide({ rcps: [[rcpDenyOutsiders]] })).toBe('implicitDeny');
    expect(decide({ identity: [policy(allow('s3:*'))], rcps: [[rcpDenyOutsiders], []] })).toBe('allowed');
  });
});

describe('same-account resource-based policies (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html)', () => {
  it('allow on their own when they name the IAM user', () => {
    expect(decide({ resource: policy(grant({ AWS: ALICE }, 's3:GetObject')) })).toBe('allowed');
  });

  it('are a union with identity-based policies: either one suffices', () => {
    expect(decide({ identity: [policy(allow('s3:GetObject'))], resource: policy(grant({ AWS: `arn:aws:iam::${A}:user/bob` }, 's3:GetObject')) })).toBe('allowed');
  });

  it('delegate to identity-based policies when they name only the account', () => {
    expect(decide({ resource: policy(grant({ AWS: A }, 's3:GetObject')) })).toBe('implicitDeny');
    expect(decide({ resource: policy(grant({ AWS: `arn:aws:iam::${A}:root` }, 's3:GetObject')) })).toBe('implicitDeny');
  });

  it('that name the user are not limited by an implicit deny in the permissions boundary', () => {
    expect(decide({ resource: policy(grant({ AWS: ALICE }, 's3:GetObject')), boundary: policy(allow('ec2:*')) })).toBe('allowed');
  });

  it('that name the role session are not limited by the boundary or the session policy', () => {
    const set = { resource: policy(grant({ AWS: SESSION }, 's3:GetObject')), boundary: policy(allow('ec2:*')), session: policy(allow('ec2:*')) };
    expect(decide(set, { principal: SESSION })).toBe('allowed');
  });

  it('that name the role allow its sessions without an identity-based allow, but a boundary or session policy limits them', () => {
    const resource = policy(grant({ AWS: ROLE }, 's3:GetObject'));
    expect(decide({ resource }, { principal: SESSION })).toBe('allowed');
    expect(decide({ resource, boundary: policy(allow('ec2:*')) }, { principal: SESSION })).toBe('implicitDeny');
    expect(decide({ resource, session: policy(allow('ec2:*')) }, { principal: SESSION })).toBe('implicitDeny');
    expect(decide({ resource, session: policy(allow('s3:*')) }, { principal: SESSION })).toBe('allowed');
  });

  it('match a role named with a path to its sessions, whose ARNs carry no path (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html)', () => {
    expect(decide({ resource: policy(grant({ AWS: `arn:aws:iam::${A}:role/Builder` }, 's3:GetObject')) }, { principal: SESSION })).toBe('allowed');
    expect(decide({ resource: policy(grant({ AWS: `arn:aws:iam::${A}:role/Other` }, 's3:GetObject')) }, { principal: SESSION })).toBe('implicitDeny');
  });

  it('grant to everyone with Principal "*"', () => {
    expect(decide({ resource: policy(grant('*', 's3:GetObject')) })).toBe('allowed');
    expect(decide({ resource: policy(grant({ AWS: '*' }, 's3:GetObject')) })).toBe('allowed');
  });

  it('do not apply to principals they do not name', () => {
    expect(decide({ resource: policy(grant({ AWS: `arn:aws:iam::${A}:user/bob` }, 's3:GetObject')) })).toBe('implicitDeny');
    expect(decide({ resource: policy(refuse({ AWS: `arn:aws:iam::${A}:user/bob` }, 's3:*')), identity: [policy(allow('s3:*'))] })).toBe('allowed');
  });

  it('let a service principal in when they name it (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-services)', () => {
    const resource = policy(grant({ Service: 'cloudtrail.amazonaws.com' }, 's3:PutObject'));
    expect(decide({ resource }, { principal: 'cloudtrail.amazonaws.com', action: 's3:PutObject' })).toBe('allowed');
    expect(decide({ resource }, { principal: 'config.amazonaws.com', action: 's3:PutObject' })).toBe('implicitDeny');
  });
});

describe('cross-account requests (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html)', () => {
  const bob = `arn:aws:iam::${B}:user/bob`;
  const request = { principal: bob, resourceAccount: A };

  it('need both an identity-based allow in the caller account and a resource-based allow', () => {
    const identity = [policy(allow('s3:GetObject'))];
    const resource = policy(grant({ AWS: B }, 's3:GetObject'));
    expect(decide({ identity, resource }, request)).toBe('allowed');
    expect(decide({ resource }, request)).toBe('implicitDeny');
    expect(decide({ identity }, request)).toBe('implicitDeny');
  });

  it('need the identity side even when the resource policy names the user itself', () => {
    expect(decide({ resource: policy(grant({ AWS: bob }, 's3:GetObject')) }, request)).toBe('implicitDeny');
  });

  it("apply the caller's permissions boundary and SCPs", () => {
    const set = { identity: [policy(allow('s3:*'))], resource: policy(grant({ AWS: bob }, 's3:GetObject')) };
    expect(decide({ ...set, boundary: policy(allow('ec2:*')) }, request)).toBe('implicitDeny');
    expect(decide({ ...set, scps: [[policy(allow('ec2:*'))]] }, request)).toBe('implicitDeny');
  });
});

describe('permissions boundaries (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html)', () => {
  it('limit identity-based permissions to what both allow', () => {
    const identity = [policy(allow(['s3:*', 'iam:CreateUser']))];
    const boundary = policy(allow(['s3:*', 'ec2:*']));
    expect(decide({ identity, boundary })).toBe('allowed');
    expect(decide({ identity, boundary }, { action: 'iam:CreateUser', resource: '*' })).toBe('implicitDeny');
  });

  it('grant nothing on their own', () => {
    expect(decide({ boundary: FULL_ACCESS })).toBe('implicitDeny');
  });

  it('deny explicitly with their own Deny statements, even against a resource-policy grant', () => {
    expect(decide({ resource: policy(grant({ AWS: ALICE }, 's3:GetObject')), boundary: policy(allow('*'), deny('s3:*')) })).toBe('explicitDeny');
  });

  it('make a resource-policy Deny with NotPrincipal deny the principal whatever NotPrincipal lists', () => {
    const resource = policy({ Effect: 'Deny', NotPrincipal: { AWS: [ALICE, `arn:aws:iam::${A}:root`] }, Action: 's3:*' });
    expect(decide({ identity: [FULL_ACCESS], resource })).toBe('allowed');
    expect(decide({ identity: [FULL_ACCESS], resource, boundary: FULL_ACCESS })).toBe('explicitDeny');
  });
});

describe('NotPrincipal (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html)', () => {
  it('with Deny, spares a principal only when it and its account are listed', () => {
    const denyAllBut = (...arns: string[]) => policy({ Effect: 'Deny', NotPrincipal: { AWS: arns }, Action: 's3:*' });
    expect(decide({ identity: [FULL_ACCESS], resource: denyAllBut(ALICE, A) })).toBe('allowed');
    expect(decide({ identity: [FULL_ACCESS], resource: denyAllBut(ALICE) })).toBe('explicitDeny');
    expect(decide({ identity: [FULL_ACCESS], resource: denyAllBut(`arn:aws:iam::${A}:user/bob`, A) })).toBe('explicitDeny');
  });

  it('with Deny, spares a role session only when the session, its role and its account are listed', () => {
    const denyAllBut = (...arns: string[]) => policy({ Effect: 'Deny', NotPrincipal: { AWS: arns }, Action: 's3:*' });
    expect(decide({ identity: [FULL_ACCESS], resource: denyAllBut(SESSION, ROLE, A) }, { principal: SESSION })).toBe('allowed');
    expect(decide({ identity: [FULL_ACCESS], resource: denyAllBut(SESSION, A) }, { principal: SESSION })).toBe('explicitDeny');
  });
});

describe('session policies (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session)', () => {
  it("limit the role's identity-based permissions to the intersection", () => {
    const identity = [policy(allow(['s3:*', 'ec2:*']))];
    expect(decide({ identity, session: policy(allow('s3:GetObject')) }, { principal: SESSION })).toBe('allowed');
    expect(decide({ identity, session: policy(allow('ec2:*')) }, { principal: SESSION })).toBe('implicitDeny');
  });

  it('grant nothing on their own', () => {
    expect(decide({ session: FULL_ACCESS }, { principal: SESSION })).toBe('implicitDeny');
  });

  it('deny explicitly with their own Deny statements', () => {
    expect(decide({ identity: [FULL_ACCESS], session: policy(allow('*'), deny('s3:GetObject')) }, { principal: SESSION })).toBe('explicitDeny');
  });

  it('are required for a federated user session, which has no permissions without one', () => {
    const fed = `arn:aws:sts::${A}:federated-user/carol`;
    expect(decide({ identity: [FULL_ACCESS] }, { principal: fed })).toBe('implicitDeny');
    expect(decide({ identity: [FULL_ACCESS], session: policy(allow('s3:*')) }, { principal: fed })).toBe('allowed');
  });

  it('still limit an IAM user they are given with, so that they never fail open', () => {
    expect(decide({ identity: [FULL_ACCESS], session: policy(allow('ec2:*')) })).toBe('implicitDeny');
    expect(decide({ identity: [FULL_ACCESS], session: policy(allow('*'), deny('s3:*')) })).toBe('explicitDeny');
  });

  it('are an error for the account root user or a service principal', () => {
    const result = evaluatePolicies({ session: FULL_ACCESS }, { principal: `arn:aws:iam::${A}:root`, action: 's3:GetObject', resource: OBJECT });
    expect(result.decision).toBe('implicitDeny');
    expect(result.errors[0]?.code).toBe('InvalidRequest');
  });
});

describe('role trust policies and KMS key policies (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html)', () => {
  const assume = { action: 'sts:AssumeRole', resource: `arn:aws:iam::${A}:role/Builder` };

  it('must allow the request themselves, even when an identity-based policy allows it', () => {
    expect(decide({ identity: [FULL_ACCESS] }, assume)).toBe('implicitDeny');
    expect(decide({ identity: [FULL_ACCESS], resource: policy(grant({ Service: 'ec2.amazonaws.com' }, 'sts:AssumeRole')) }, assume)).toBe('implicitDeny');
  });

  it('that name the caller allow it on their own within the account', () => {
    expect(decide({ resource: policy(grant({ AWS: ALICE }, 'sts:AssumeRole')) }, assume)).toBe('allowed');
  });

  it('that trust the account need an identity-based allow too', () => {
    const resource = policy(grant({ AWS: `arn:aws:iam::${A}:root` }, 'sts:AssumeRole'));
    expect(decide({ resource }, assume)).toBe('implicitDeny');
    expect(decide({ resource, identity: [policy(allow('sts:AssumeRole', assume.resource))] }, assume)).toBe('allowed');
  });

  it('across accounts need the caller allowed on both sides, with ExternalId conditions checked', () => {
    const resource = policy(grant({ AWS: B }, 'sts:AssumeRole', { Condition: { StringEquals: { 'sts:ExternalId': 'x-123' } } }));
    const identity = [policy(allow('sts:AssumeRole'))];
    const caller = { ...assume, principal: `arn:aws:iam::${B}:user/bob`, resourceAccount: A };
    expect(decide({ resource, identity }, { ...caller, context: { 'sts:ExternalId': 'x-123' } })).toBe('allowed');
    expect(decide({ resource, identity }, { ...caller, context: { 'sts:ExternalId': 'wrong' } })).toBe('implicitDeny');
  });

  it('let a SAML or web identity provider in when they name it under Federated', () => {
    const saml = `arn:aws:iam::${A}:saml-provider/Corp`;
    const resource = policy(grant({ Federated: saml }, 'sts:AssumeRoleWithSAML', { Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } }));
    const request = { ...assume, action: 'sts:AssumeRoleWithSAML', principal: saml };
    expect(decide({ resource }, { ...request, context: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } })).toBe('allowed');
    expect(decide({ resource }, { ...request, context: {} })).toBe('implicitDeny');
    const web = policy(grant({ Federated: 'cognito-identity.amazonaws.com' }, 'sts:AssumeRoleWithWebIdentity'));
    expect(decide({ resource: web, scps: [[policy(allow('ec2:*'))]] }, { ...assume, action: 'sts:AssumeRoleWithWebIdentity', principal: 'cognito-identity.amazonaws.com' })).toBe('allowed');
  });

  it('apply to KMS keys: an identity-based allow alone is not enough', () => {
    const key = { action: 'kms:Decrypt', resource: `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab` };
    expect(decide({ identity: [FULL_ACCESS] }, key)).toBe('implicitDeny');
    expect(decide({ identity: [FULL_ACCESS], resource: policy(grant({ AWS: `arn:aws:iam::${A}:root` }, 'kms:*')) }, key)).toBe('allowed');
  });
});

describe('the account root user (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html)', () => {
  const root = `arn:aws:iam::${A}:root`;

  it('has full access in its own account unless something denies it', () => {
    expect(decide({}, { principal: root })).toBe('allowed');
    expect(decide({ resource: policy(refuse('*', 's3:*')) }, { principal: root })).toBe('explicitDeny');
  });

  it('is still limited by SCPs', () => {
    expect(decide({ scps: [[policy(allow('ec2:*'))]] }, { principal: root })).toBe('implicitDeny');
  });
});

describe('request context (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html)', () => {
  const onlyIf = (op: string, key: string, value: string) => ({ identity: [policy(allow('s3:GetObject', '*', { Condition: { [op]: { [key]: value } } }))] });

  it('derives aws:username, aws:PrincipalType and aws:PrincipalAccount for an IAM user', () => {
    expect(decide(onlyIf('StringEquals', 'aws:username', 'alice'))).toBe('allowed');
    expect(decide(onlyIf('StringEquals', 'aws:PrincipalType', 'User'))).toBe('allowed');
    expect(decide(onlyIf('StringEquals', 'aws:PrincipalAccount', A))).toBe('allowed');
  });

  it('derives aws:PrincipalArn of a role session as the role ARN, not the session ARN', () => {
    expect(decide(onlyIf('ArnEquals', 'aws:PrincipalArn', `arn:aws:iam::${A}:role/Builder`), { principal: SESSION })).toBe('allowed');
    expect(decide(onlyIf('StringEquals', 'aws:username', 'Builder'), { principal: SESSION })).toBe('implicitDeny');
  });

  it('uses aws:ResourceAccount from the request and prefers context values the caller gave', () => {
    expect(decide(onlyIf('StringEquals', 'aws:ResourceAccount', A))).toBe('allowed');
    expect(decide(onlyIf('StringEquals', 'aws:username', 'alice'), { context: { 'AWS:UserName': 'mallory' } })).toBe('implicitDeny');
  });

  it('evaluates conditions with the context given, key names case-insensitive', () => {
    const set = { identity: [policy(allow('*'), deny('*', '*', { Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }))] };
    expect(decide(set, { context: { 'aws:multifactorauthpresent': true } })).toBe('allowed');
    expect(decide(set, { context: { 'aws:MultiFactorAuthPresent': 'false' } })).toBe('explicitDeny');
    expect(decide(set)).toBe('explicitDeny');
  });
});

describe('bad input is an error, never a guess', () => {
  const request = { principal: ALICE, action: 's3:GetObject', resource: OBJECT };

  it('refuses to decide when a Deny has an unknown condition operator', () => {
    const set = { identity: [FULL_ACCESS, policy(deny('*', '*', { Condition: { StringEqualz: { 'aws:username': 'alice' } } }))] };
    const result = evaluatePolicies(set, request);
    expect(result.decision).toBe('implicitDeny');
    expect(result.errors[0]).toMatchObject({ file: 'identity[1]', severity: 'error' });
    expect(result.errors[0]?.line).toBeGreaterThan(1);
  });

  it('refuses to decide when a statement has no Effect', () => {
    const result = evaluatePolicies({ identity: [FULL_ACCESS, { Version: '2012-10-17', Statement: [{ Action: '*', Resource: '*' }] }] }, request);
    expect(result.decision).toBe('implicitDeny');
    expect(result.errors.map((e) => e.code)).toEqual(['MissingEffect']);
  });

  it('accepts policies as JSON text and reports invalid JSON in its slot', () => {
    expect(evaluatePolicies({ identity: [JSON.stringify(FULL_ACCESS)] }, request).decision).toBe('allowed');
    const result = evaluatePolicies({ identity: [FULL_ACCESS], boundary: '{"Version": "2012-10-17",' }, request);
    expect(result.errors[0]).toMatchObject({ code: 'InvalidJson', file: 'boundary', line: 1 });
  });

  it('rejects a request without an action, with a bad principal, or with a wildcard action', () => {
    const bad = (r: Partial<EvalRequest>) => evaluatePolicies({ identity: [FULL_ACCESS] }, { ...request, ...r } as EvalRequest);
    expect(bad({ action: undefined as unknown as string }).errors[0]?.message).toContain('no action');
    expect(bad({ principal: 'alice' }).errors[0]?.code).toBe('InvalidRequest');
    expect(bad({ action: 's3:Get*' }).errors[0]?.code).toBe('InvalidRequest');
    expect(bad({ resourceAccount: '123' }).errors[0]?.code).toBe('InvalidRequest');
    for (const r of [{ action: undefined as unknown as string }, { principal: 'alice' }]) expect(bad(r).decision).toBe('implicitDeny');
  });

  it('names the slot of a policy in SCP and RCP levels', () => {
    const result = evaluatePolicies({ scps: [[FULL_ACCESS, policy({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' })]], rcps: [[policy(allow('*'))]] }, request);
    expect(result.errors.map((e) => e.file).sort()).toEqual(['rcps[0][0]', 'rcps[0][0]', 'scps[0][1]']);
  });
});

describe('compile once, evaluate many times', () => {
  it('gives the same decisions from one compiled set for different requests', () => {
    const { compiled, diagnostics } = compilePolicySet({ identity: [policy(allow('s3:Get*'), deny('s3:GetObject', 'arn:aws:s3:::secret/*'))] });
    expect(diagnostics).toEqual([]);
    const at = (resource: string) => evaluate(compiled!, { principal: ALICE, action: 's3:GetObject', resource }).decision;
    expect(at(OBJECT)).toBe('allowed');
    expect(at('arn:aws:s3:::secret/x')).toBe('explicitDeny');
    expect(at(OBJECT)).toBe('allowed');
  });

  it('keeps warnings but still compiles', () => {
    const { compiled, diagnostics } = compilePolicySet({ identity: [{ Statement: [allow('*')] }] });
    expect(compiled).toBeDefined();
    expect(diagnostics.map((d) => d.code)).toEqual(['MissingVersion']);
  });
});
