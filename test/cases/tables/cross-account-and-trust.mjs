import {
  ACCOUNT,
  ALICE,
  BUCKET,
  CAROL,
  DAVE,
  DEPLOY_ROLE,
  DOC,
  FULL_AWS_ACCESS,
  ORG_ID,
  PARTNER,
  PARTNER_ROLE,
  PARTNER_ROOT,
  PARTNER_SESSION,
  VENDOR,
  allow,
  deny,
  grant,
  group,
  policy,
  refuse,
  request,
} from '../lib.mjs';

const OBJ = `${BUCKET}/shared/data.csv`;

/** A principal in one account calling a resource in another: both sides must allow. */
export function crossAccount() {
  const g = group('cross-account', DOC.crossAccount);
  const ask = (policies, principal, expect, why, doc, context) =>
    g.add({ policies, request: request(principal, 's3:GetObject', OBJ, context, ACCOUNT), expect, why, doc });
  const callerAllows = [policy(allow('s3:GetObject', `${BUCKET}/*`))];
  const bucketGrant = (principal, extra) => policy(grant(principal, 's3:GetObject', `${BUCKET}/*`, extra));

  ask({ identity: callerAllows, resource: bucketGrant({ AWS: CAROL }) }, CAROL, 'allowed', 'cross-account access is allowed when the caller\'s identity policy and the resource policy both allow');
  ask({ identity: callerAllows }, CAROL, 'implicitDeny', 'an identity Allow alone does not reach a resource in another account');
  ask({ identity: [policy(allow('*', '*'))] }, CAROL, 'implicitDeny', 'even Allow `*` in the caller\'s account needs the resource owner\'s Allow');
  ask({ resource: bucketGrant({ AWS: CAROL }) }, CAROL, 'implicitDeny', 'a resource policy naming a user in another account still needs that user\'s identity Allow');
  ask({ identity: callerAllows, resource: bucketGrant({ AWS: PARTNER_ROOT }) }, CAROL, 'allowed', 'a resource policy naming the caller\'s account plus the caller\'s identity Allow grants access', DOC.principal);
  ask({ identity: callerAllows, resource: bucketGrant({ AWS: PARTNER }) }, CAROL, 'allowed', 'a bare account ID in Principal trusts that account, whose admin then delegates by identity policy', DOC.principal);
  ask({ resource: bucketGrant({ AWS: PARTNER_ROOT }) }, CAROL, 'implicitDeny', 'trusting the caller\'s account grants nothing until that account\'s identity policy allows', DOC.principal);
  ask({ identity: callerAllows, resource: bucketGrant({ AWS: `arn:aws:iam::${VENDOR}:root` }) }, CAROL, 'implicitDeny', 'a resource policy trusting a third account does not admit this caller');
  ask({ identity: callerAllows, resource: bucketGrant({ AWS: DAVE }) }, CAROL, 'implicitDeny', 'a resource policy naming another user of the caller\'s account does not admit this caller');
  ask({ identity: callerAllows, resource: bucketGrant('*') }, CAROL, 'allowed', 'Principal `*` with the caller\'s identity Allow grants cross-account access', DOC.principal);
  ask({ resource: bucketGrant('*') }, CAROL, 'implicitDeny', 'Principal `*` alone is not enough across accounts without an identity Allow');
  ask({ identity: callerAllows, resource: policy(grant({ AWS: CAROL }, 's3:GetObject', `${BUCKET}/*`), refuse({ AWS: CAROL }, 's3:GetObject', OBJ)) }, CAROL, 'explicitDeny', 'a Deny in the resource owner\'s policy overrides both Allows');
  ask({ identity: [policy(allow('s3:*', '*'), deny('s3:GetObject', '*'))], resource: bucketGrant({ AWS: CAROL }) }, CAROL, 'explicitDeny', 'a Deny in the caller\'s identity policy overrides the resource owner\'s Allow');
  ask({ identity: callerAllows, resource: bucketGrant({ AWS: CAROL }), boundary: policy(allow('ec2:*', '*')) }, CAROL, 'implicitDeny', 'across accounts the caller\'s permissions boundary must also allow', DOC.boundaries);
  ask({ identity: callerAllows, resource: bucketGrant({ AWS: CAROL }), boundary: policy(allow('s3:*', '*')) }, CAROL, 'allowed', 'a boundary that allows the action keeps cross-account access working', DOC.boundaries);
  ask({ identity: callerAllows, resource: bucketGrant({ AWS: PARTNER_ROLE }) }, PARTNER_SESSION, 'allowed', 'a resource policy naming a role in the caller\'s account admits its sessions when their identity policy allows');
  ask({ identity: callerAllows, resource: bucketGrant({ AWS: PARTNER_ROLE }), session: policy(allow('sqs:*', '*')) }, PARTNER_SESSION, 'implicitDeny', 'the caller\'s session policy limits what the session may do across accounts', DOC.session);
  ask({ identity: callerAllows, resource: bucketGrant('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG_ID } } }) }, CAROL, 'allowed', 'aws:PrincipalOrgID admits a caller from the organization', DOC.globalKeys, { 'aws:PrincipalOrgID': ORG_ID });
  ask({ identity: callerAllows, resource: bucketGrant('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG_ID } } }) }, CAROL, 'implicitDeny', 'aws:PrincipalOrgID shuts out a caller from another organization', DOC.globalKeys, { 'aws:PrincipalOrgID': 'o-zzzzzzzzzz' });
  ask({ identity: callerAllows, resource: bucketGrant('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG_ID } } }) }, CAROL, 'implicitDeny', 'aws:PrincipalOrgID is absent for a caller outside any organization, so StringEquals fails', DOC.globalKeys);
  ask({ identity: callerAllows, resource: bucketGrant('*', { Condition: { StringEquals: { 'aws:PrincipalAccount': PARTNER } } }) }, CAROL, 'allowed', 'aws:PrincipalAccount, derived from the caller ARN, can scope Principal `*` to one account', DOC.globalKeys);
  ask({ identity: callerAllows, resource: bucketGrant('*', { Condition: { StringEquals: { 'aws:PrincipalAccount': VENDOR } } }) }, CAROL, 'implicitDeny', 'aws:PrincipalAccount of another account does not satisfy the condition', DOC.globalKeys);
  ask({ identity: [policy(allow('s3:GetObject', `${BUCKET}/other/*`))], resource: bucketGrant({ AWS: CAROL }) }, CAROL, 'implicitDeny', 'the caller\'s identity Allow must cover the requested resource');
  return g;
}

/** Role trust policies decide sts:AssumeRole; they must name the caller or its account. */
export function trustPolicies() {
  const g = group('trust-policies', DOC.enforcement);
  const ask = (policies, principal, expect, why, doc, context, action = 'sts:AssumeRole') =>
    g.add({ policies, request: request(principal, action, DEPLOY_ROLE, context, ACCOUNT), expect, why, doc });
  const trust = (...statements) => policy(...statements);
  const mayAssume = [policy(allow('sts:AssumeRole', DEPLOY_ROLE))];
  // Trust policies carry no Resource element; build them without it.
  const trustStatement = (principal, action = 'sts:AssumeRole', extra = {}) => ({ Effect: 'Allow', Principal: principal, Action: action, ...extra });

  ask({ resource: trust(trustStatement({ AWS: ALICE })) }, ALICE, 'allowed', 'a trust policy naming a user of the same account lets the user assume the role without an identity Allow', DOC.assumeRole);
  ask({ resource: trust(trustStatement({ AWS: `arn:aws:iam::${ACCOUNT}:root` })) }, ALICE, 'implicitDeny', 'a trust policy naming the account needs an identity Allow for sts:AssumeRole', DOC.assumeRole);
  ask({ resource: trust(trustStatement({ AWS: `arn:aws:iam::${ACCOUNT}:root` })), identity: mayAssume }, ALICE, 'allowed', 'trusting the account plus an identity Allow lets the user assume the role', DOC.assumeRole);
  ask({ identity: mayAssume }, ALICE, 'implicitDeny', 'without a trust policy Allow no one can assume the role, whatever the identity policy says');
  ask({ identity: [policy(allow('*', '*'))], resource: trust(trustStatement({ AWS: 'arn:aws:iam::111122223333:user/bob' })) }, ALICE, 'implicitDeny', 'a trust policy naming another user does not admit this caller, even with Allow `*`');
  ask({ identity: mayAssume, resource: trust(trustStatement({ AWS: `arn:aws:iam::${ACCOUNT}:root` }), { Effect: 'Deny', Principal: { AWS: ALICE }, Action: 'sts:AssumeRole' }) }, ALICE, 'explicitDeny', 'a Deny in the trust policy overrides the account-wide trust');
  ask({ identity: mayAssume, resource: trust(trustStatement({ AWS: PARTNER_ROOT })) }, ALICE, 'implicitDeny', 'a trust policy naming another account does not admit a caller of this account', DOC.principal);
  ask({ identity: mayAssume, resource: trust(trustStatement({ AWS: PARTNER_ROOT })) }, CAROL, 'allowed', 'a trust policy naming the partner account plus the partner\'s identity Allow lets its user assume the role', DOC.crossAccount);
  ask({ resource: trust(trustStatement({ AWS: PARTNER_ROOT })) }, CAROL, 'implicitDeny', 'trusting the partner account is not enough without the partner\'s identity Allow', DOC.crossAccount);
  ask({ identity: mayAssume, resource: trust(trustStatement({ AWS: CAROL })) }, CAROL, 'allowed', 'a trust policy naming the partner user plus that user\'s identity Allow lets it assume the role', DOC.crossAccount);
  ask({ resource: trust(trustStatement({ AWS: CAROL })) }, CAROL, 'implicitDeny', 'across accounts even a trust policy naming the user needs the user\'s identity Allow', DOC.crossAccount);
  const withExternalId = trustStatement({ AWS: PARTNER_ROOT }, 'sts:AssumeRole', { Condition: { StringEquals: { 'sts:ExternalId': 'Unique-7731' } } });
  ask({ identity: mayAssume, resource: trust(withExternalId) }, CAROL, 'allowed', 'the right external ID satisfies the trust condition', DOC.confusedDeputy, { 'sts:ExternalId': 'Unique-7731' });
  ask({ identity: mayAssume, resource: trust(withExternalId) }, CAROL, 'implicitDeny', 'a wrong external ID fails the trust condition', DOC.confusedDeputy, { 'sts:ExternalId': 'Guess-0000' });
  ask({ identity: mayAssume, resource: trust(withExternalId) }, CAROL, 'implicitDeny', 'a missing external ID fails the trust condition', DOC.confusedDeputy);
  const withMfa = trustStatement({ AWS: ALICE }, 'sts:AssumeRole', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } });
  ask({ resource: trust(withMfa) }, ALICE, 'allowed', 'an MFA condition in the trust policy holds when MFA was used', DOC.globalKeys, { 'aws:MultiFactorAuthPresent': 'true' });
  ask({ resource: trust(withMfa) }, ALICE, 'implicitDeny', 'an MFA condition in the trust policy fails for long-term keys without MFA', DOC.globalKeys);
  ask({ resource: trust(trustStatement({ Service: 'ec2.amazonaws.com' })) }, 'ec2.amazonaws.com', 'allowed', 'a trust policy naming a service principal lets that service assume the role', DOC.principal);
  ask({ resource: trust(trustStatement({ Service: 'ec2.amazonaws.com' })) }, 'lambda.amazonaws.com', 'implicitDeny', 'a trust policy naming one service does not admit another service', DOC.principal);
  ask({ resource: trust(trustStatement({ Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'] })) }, 'lambda.amazonaws.com', 'allowed', 'a list of service principals admits each of them', DOC.principal);
  ask({ identity: mayAssume, resource: trust(trustStatement({ AWS: PARTNER_ROLE })) }, PARTNER_SESSION, 'allowed', 'a trust policy naming a role admits sessions of that role (role chaining) with their identity Allow', DOC.principal);
  ask({ resource: trust(trustStatement({ AWS: ALICE }, 'sts:AssumeRoleWithWebIdentity')) }, ALICE, 'implicitDeny', 'a trust statement for another STS action does not allow sts:AssumeRole', DOC.action);
  ask({ resource: trust(trustStatement({ AWS: ALICE })) }, ALICE, 'implicitDeny', 'tagging the session is the separate action sts:TagSession, which this trust policy does not allow', DOC.action, undefined, 'sts:TagSession');
  ask({ resource: trust(trustStatement({ AWS: ALICE }, ['sts:AssumeRole', 'sts:TagSession'])) }, ALICE, 'allowed', 'a trust policy listing sts:TagSession allows session tagging', DOC.action, undefined, 'sts:TagSession');
  const byArnPattern = trustStatement({ AWS: PARTNER_ROOT }, 'sts:AssumeRole', { Condition: { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${PARTNER}:role/ci-*` } } });
  ask({ identity: mayAssume, resource: trust(byArnPattern) }, PARTNER_SESSION, 'allowed', 'ArnLike on aws:PrincipalArn admits roles whose names match the pattern', DOC.principal);
  ask({ identity: mayAssume, resource: trust(byArnPattern) }, CAROL, 'implicitDeny', 'ArnLike on aws:PrincipalArn shuts out principals whose ARN does not match', DOC.principal);
  ask({ resource: trust(trustStatement({ AWS: 'arn:aws:iam::111122223333:user/bob' }), trustStatement({ AWS: ALICE })) }, ALICE, 'allowed', 'a trust statement that does not match the caller does not stop a later statement from allowing', DOC.enforcement);
  const twoCustomers = trust(
    trustStatement({ AWS: PARTNER_ROOT }, 'sts:AssumeRole', { Condition: { StringEquals: { 'sts:ExternalId': 'Customer-A' } } }),
    trustStatement({ AWS: PARTNER_ROOT }, 'sts:AssumeRole', { Condition: { StringEquals: { 'sts:ExternalId': 'Customer-B' } } }),
  );
  ask({ identity: mayAssume, resource: twoCustomers }, CAROL, 'allowed', 'an external ID matching the second trust statement is enough, the failed first statement does not deny', DOC.confusedDeputy, { 'sts:ExternalId': 'Customer-B' });
  ask({ identity: mayAssume, resource: twoCustomers }, CAROL, 'implicitDeny', 'an external ID matching neither trust statement is implicitly denied', DOC.confusedDeputy, { 'sts:ExternalId': 'Customer-C' });
  ask({ identity: mayAssume, resource: trust(trustStatement({ AWS: ALICE })), scps: [[FULL_AWS_ACCESS, policy(deny('sts:AssumeRole', '*'))]] }, ALICE, 'explicitDeny', 'an SCP Deny stops sts:AssumeRole even when the trust policy names the user', DOC.scpEvaluation);
  return g;
}
