import { ALICE, APP_SESSION, BUCKET, DOC, FULL_AWS_ACCESS, OBJECT, allow, deny, group, policy, request } from '../lib.mjs';

/**
 * Policies AWS rejects or that cannot be evaluated. The engine must report
 * an error instead of deciding: a Deny that silently fails to match would
 * fail open.
 */
export function invalidPolicies() {
  const g = group('invalid-policies', DOC.grammar);
  const bad = (policies, why, doc, action = 's3:GetObject', principal = ALICE) =>
    g.add({ policies, request: request(principal, action, OBJECT), expectError: 'InvalidPolicy', why, doc });
  const allowAll = policy(allow('*', '*'));
  const withCondition = (effect, condition) =>
    policy(allow('s3:*', '*'), { Effect: effect, Action: 's3:GetObject', Resource: '*', Condition: condition });

  bad({ identity: [policy(allow('s3:GetObject', '*', { Condition: { StringEqualz: { 'aws:PrincipalTag/team': 'blue' } } }))] }, 'an unknown condition operator in an Allow is an error, not a non-match', DOC.operators);
  bad({ identity: [withCondition('Deny', { StringEqualz: { 'aws:PrincipalTag/team': 'blue' } })] }, 'an unknown condition operator in a Deny is an error, so the Deny cannot fail open', DOC.operators);
  bad({ identity: [withCondition('Deny', { 'ForSomeValues:StringEquals': { 'aws:TagKeys': 'env' } })] }, 'an unknown set-operator qualifier is an error', DOC.setOperators);
  bad({ identity: [withCondition('Deny', { IpAddress: { 'aws:SourceIp': '300.0.113.0/24' } })] }, 'an IPv4 range with an octet above 255 is not a valid IpAddress value', DOC.ip);
  bad({ identity: [withCondition('Deny', { NotIpAddress: { 'aws:SourceIp': 'corporate-network' } })] }, 'a value that is not an IP address or range is invalid under NotIpAddress', DOC.ip);
  bad({ identity: [withCondition('Deny', { DateGreaterThan: { 'aws:CurrentTime': 'yesterday' } })] }, 'a value that is neither ISO 8601 nor epoch time is invalid under a Date operator', DOC.date);
  bad({ identity: [withCondition('Deny', { NumericLessThan: { 's3:max-keys': 'ten' } })] }, 'a value that is not a number is invalid under a Numeric operator', DOC.numeric);
  bad({ identity: [withCondition('Deny', { ArnNotLike: { 'aws:SourceArn': 'not-an-arn' } })] }, 'a value that is not an ARN is invalid under an ARN operator', DOC.arn);
  bad({ identity: [withCondition('Deny', { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns' } })] }, 'an ARN with too few components is invalid under ArnEquals', DOC.arn);
  bad({ identity: [policy({ Effect: 'Allow', Action: 's3:GetObject', NotAction: 's3:PutObject', Resource: '*' })] }, 'a statement may not hold both Action and NotAction', DOC.notAction);
  bad({ identity: [policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', NotResource: `${BUCKET}/private/*` })] }, 'a statement may not hold both Resource and NotResource', DOC.notResource);
  bad({ identity: [policy({ Action: 's3:GetObject', Resource: '*' })] }, 'a statement without Effect is invalid', DOC.effect);
  bad({ identity: [policy({ Effect: 'Permit', Action: 's3:GetObject', Resource: '*' })] }, 'Effect must be Allow or Deny', DOC.effect);
  bad({ identity: [policy({ Effect: 'Allow', Resource: '*' })] }, 'a statement needs Action or NotAction', DOC.action);
  bad({ identity: [policy({ Effect: 'Allow', Action: 's3:GetObject' })] }, 'an identity-policy statement needs Resource or NotResource', DOC.resource);
  bad({ identity: [policy({ Effect: 'Allow', Principal: { AWS: ALICE }, Action: 's3:GetObject', Resource: '*' })] }, 'Principal is not allowed in an identity-based policy', DOC.principal);
  bad({ identity: [{ Version: '2012-10-17' }] }, 'a policy without Statement is invalid', DOC.statement);
  bad({ identity: [{ Version: '2012-10-18', Statement: [allow('s3:GetObject', '*')] }] }, 'Version must be 2012-10-17 or 2008-10-17', DOC.version);
  bad({ identity: ['{"Version": "2012-10-17", "Statement": [ {"Effect": "Allow", '] }, 'policy text that is not valid JSON is an error', DOC.grammar);
  bad({ identity: [policy(allow('GetObject', '*'))] }, 'an action without a service prefix is invalid', DOC.action);
  bad({ identity: [policy(allow('s3:GetObject', '*', { Condition: { StringEquals: 'blue' } }))] }, 'a condition operator must map keys to values', DOC.condition);
  bad({ identity: [allowAll, policy(deny('s3:*', '*', { Condition: { StringEqualz: { 'aws:PrincipalTag/team': 'red' } } }))] }, 'one invalid identity policy beside a valid one still makes the set an error', DOC.operators);
  bad({ resource: JSON.stringify(policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*', Condition: { DateLessThan: { 'aws:CurrentTime': 'soon' } } })) }, 'an invalid resource policy given as JSON text is an error', DOC.date);
  bad({ identity: [allowAll], boundary: policy(deny('s3:*', '*', { Condition: { StringEqualz: { 'aws:PrincipalTag/team': 'red' } } })) }, 'an invalid permissions boundary is an error, not a silent pass', DOC.boundaries);
  bad({ identity: [allowAll], session: policy(allow('s3:*', '*', { Condition: { NumericLessThan: { 's3:max-keys': 'many' } } })) }, 'an invalid session policy is an error', DOC.session, 's3:GetObject', APP_SESSION);
  bad({ identity: [allowAll], scps: [[FULL_AWS_ACCESS, policy(deny('s3:*', '*', { Condition: { DateLessThan: { 'aws:CurrentTime': '2026-13-45' } } }))]] }, 'an invalid date in an SCP is an error', DOC.date);
  bad({ resource: policy({ Effect: 'Deny', Principal: '*', NotPrincipal: { AWS: ALICE }, Action: 's3:*', Resource: '*' }) }, 'a statement may not hold both Principal and NotPrincipal', DOC.notPrincipal);
  bad({ identity: [allowAll], rcps: [[policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/33' } } })]] }, 'an IPv4 prefix length above 32 is invalid, here in an RCP', DOC.ip);
  return g;
}
