import {
  ACCOUNT,
  ALICE,
  APP_OTHER_SESSION,
  APP_ROLE,
  APP_SESSION,
  BOB,
  BUCKET,
  DOC,
  FULL_AWS_ACCESS,
  OBJECT,
  ROOT,
  allow,
  deny,
  grant,
  group,
  policy,
  refuse,
  request,
} from '../lib.mjs';

/** An explicit Deny in each policy type wins over any Allow. */
export function explicitDeny() {
  const g = group('explicit-deny', DOC.enforcement);
  const ask = (policies, principal, expect, why, doc, action = 's3:GetObject', resource = OBJECT) =>
    g.add({ policies, request: request(principal, action, resource), expect, why, doc });
  const allowAll = policy(allow('*', '*'));
  const denyGet = policy(deny('s3:GetObject', '*'));

  ask({ identity: [policy(allow('s3:*', '*'), deny('s3:GetObject', OBJECT))] }, ALICE, 'explicitDeny', 'a Deny in the same identity policy overrides its Allow');
  ask({ identity: [policy(deny('s3:GetObject', OBJECT), allow('s3:*', '*'))] }, ALICE, 'explicitDeny', 'statement order does not matter: a Deny listed first still wins');
  ask({ identity: [allowAll, denyGet] }, ALICE, 'explicitDeny', 'a Deny in a second identity policy overrides an Allow in the first');
  ask({ identity: [denyGet] }, ALICE, 'explicitDeny', 'a matching Deny with no Allow anywhere is an explicit deny, not an implicit one');
  ask({ identity: [policy(deny('*', '*'))] }, ALICE, 'explicitDeny', 'Deny `*` on `*` denies every request', DOC.enforcement, 'iam:ListUsers', '*');
  ask({ identity: [denyGet], resource: policy(grant({ AWS: ALICE }, 's3:GetObject', OBJECT)) }, ALICE, 'explicitDeny', 'an identity-policy Deny overrides a resource-policy Allow that names the user');
  ask({ identity: [allowAll], resource: policy(refuse({ AWS: ALICE }, 's3:GetObject', OBJECT)) }, ALICE, 'explicitDeny', 'a resource-policy Deny overrides an identity-policy Allow');
  ask({ identity: [allowAll], resource: policy(refuse('*', 's3:GetObject', OBJECT)) }, ALICE, 'explicitDeny', 'a resource-policy Deny for Principal `*` applies to every caller');
  ask({ identity: [allowAll], resource: policy(refuse({ AWS: BOB }, 's3:GetObject', OBJECT)) }, ALICE, 'allowed', 'a resource-policy Deny naming another principal does not apply to this caller', DOC.principal);
  ask({ identity: [allowAll], boundary: policy(allow('*', '*'), deny('s3:GetObject', '*')) }, ALICE, 'explicitDeny', 'a Deny in the permissions boundary is an explicit deny', DOC.boundaries);
  ask({ boundary: denyGet }, ALICE, 'explicitDeny', 'a boundary Deny is explicit even when no identity policy allows the action', DOC.enforcement);
  ask({ identity: [allowAll], session: policy(allow('*', '*'), deny('s3:GetObject', '*')) }, APP_SESSION, 'explicitDeny', 'a Deny in the session policy is an explicit deny', DOC.session);
  ask({ session: denyGet }, APP_SESSION, 'explicitDeny', 'a session-policy Deny is explicit even when nothing allows the action', DOC.enforcement);
  ask({ identity: [allowAll], scps: [[FULL_AWS_ACCESS, denyGet]] }, ALICE, 'explicitDeny', 'a Deny in an SCP is an explicit deny', DOC.scpEvaluation);
  ask({ identity: [allowAll], rcps: [[policy({ ...deny('s3:GetObject', '*'), Principal: '*' })]] }, ALICE, 'explicitDeny', 'a Deny in an RCP is an explicit deny', DOC.rcpEvaluation);
  ask({ identity: [policy(allow('*', '*'), deny('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'red' } } }))] }, ALICE, 'allowed', 'a Deny whose condition is false does not apply');
  ask({ identity: [policy(allow('*', '*'), deny('s3:PutObject', '*'))] }, ALICE, 'allowed', 'a Deny for another action does not apply');
  ask({ identity: [policy(allow('*', '*'), deny('s3:GetObject', `${BUCKET}/private/*`))] }, ALICE, 'allowed', 'a Deny for another resource does not apply');
  ask({ identity: [policy(allow('*', '*'), { Effect: 'Deny', NotAction: 'iam:ChangePassword', Resource: '*' })] }, ALICE, 'explicitDeny', 'Deny with NotAction denies every action except the listed one', DOC.notAction);
  ask({ identity: [policy(allow('*', '*'), { Effect: 'Deny', NotAction: 'iam:ChangePassword', Resource: '*' })] }, ALICE, 'allowed', 'Deny with NotAction leaves the listed action to the Allow', DOC.notAction, 'iam:ChangePassword', ALICE);
  ask({ identity: [policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })] }, ALICE, 'allowed', 'Allow with NotAction grants every action outside the listed service', DOC.notAction);
  ask({ identity: [policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })] }, ALICE, 'implicitDeny', 'Allow with NotAction does not grant the listed actions', DOC.notAction, 'iam:CreateUser', '*');
  ask({ identity: [policy({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' })] }, ALICE, 'implicitDeny', 'a NotAction list excludes every entry', DOC.notAction, 'organizations:ListAccounts', '*');
  ask({}, ROOT, 'allowed', 'the account root user is allowed by default, with no policy', DOC.enforcement);
  ask({ resource: policy(refuse('*', 's3:GetObject', OBJECT)) }, ROOT, 'explicitDeny', 'an explicit Deny in a resource policy applies to the root user too', DOC.enforcement);
  return g;
}

/** Same-account resource policies: who they name decides whether an identity Allow is needed. */
export function sameAccountResourcePolicies() {
  const g = group('same-account-resource-policies', DOC.enforcement);
  const ask = (policies, principal, expect, why, doc, context) =>
    g.add({ policies, request: request(principal, 's3:GetObject', OBJECT, context), expect, why, doc });
  const bucketGrant = (principal, extra) => policy(grant(principal, 's3:GetObject', `${BUCKET}/*`, extra));
  const identityAllow = [policy(allow('s3:GetObject', `${BUCKET}/*`))];

  ask({ resource: bucketGrant({ AWS: ALICE }) }, ALICE, 'allowed', 'a same-account resource policy naming the user allows without any identity policy', DOC.singleAccount);
  ask({ resource: bucketGrant({ AWS: BOB }) }, ALICE, 'implicitDeny', 'a resource policy naming another user does not allow this caller', DOC.principal);
  ask({ resource: bucketGrant({ AWS: [BOB, ALICE] }) }, ALICE, 'allowed', 'a Principal list matches any of its entries', DOC.principal);
  ask({ resource: bucketGrant({ AWS: `${ALICE}2` }) }, ALICE, 'implicitDeny', 'principal ARNs match exactly, so a longer name is another user', DOC.principal);
  ask({ resource: bucketGrant({ AWS: ROOT }) }, ALICE, 'implicitDeny', 'naming the account delegates to the account, so the user still needs an identity Allow', DOC.principal);
  ask({ resource: bucketGrant({ AWS: ROOT }), identity: identityAllow }, ALICE, 'allowed', 'naming the account plus an identity Allow grants access', DOC.principal);
  ask({ resource: bucketGrant({ AWS: ACCOUNT }) }, ALICE, 'implicitDeny', 'a bare account ID in Principal means the account root, which needs an identity Allow', DOC.principal);
  ask({ resource: bucketGrant({ AWS: ACCOUNT }), identity: identityAllow }, ALICE, 'allowed', 'a bare account ID plus an identity Allow grants access', DOC.principal);
  ask({ resource: bucketGrant('*') }, ALICE, 'allowed', 'Principal `*` names every principal, so the resource policy alone allows', DOC.principal);
  ask({ resource: bucketGrant({ AWS: '*' }) }, ALICE, 'allowed', 'Principal AWS `*` names every principal, so the resource policy alone allows', DOC.principal);
  ask({ resource: bucketGrant({ AWS: APP_ROLE }) }, APP_SESSION, 'allowed', 'a resource policy naming the role allows that role\'s sessions without an identity Allow', DOC.enforcement);
  ask({ resource: bucketGrant({ AWS: APP_SESSION }) }, APP_SESSION, 'allowed', 'a resource policy naming the session ARN allows that session', DOC.enforcement);
  ask({ resource: bucketGrant({ AWS: APP_SESSION }) }, APP_OTHER_SESSION, 'implicitDeny', 'a resource policy naming one session does not allow another session of the same role', DOC.principal);
  ask({ resource: bucketGrant({ AWS: ALICE }, { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }) }, ALICE, 'allowed', 'a resource-policy Allow with a true condition allows', DOC.singleAccount, { 'aws:SecureTransport': 'true' });
  ask({ resource: bucketGrant({ AWS: ALICE }, { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }) }, ALICE, 'implicitDeny', 'a resource-policy Allow with a false condition does not allow', DOC.singleAccount, { 'aws:SecureTransport': 'false' });
  ask({ resource: policy(grant({ AWS: ALICE }, 's3:GetObject', `${BUCKET}/public/*`)) }, ALICE, 'implicitDeny', 'a resource-policy Allow for other keys does not cover this object', DOC.resource);
  ask({ resource: policy(grant({ AWS: ALICE }, 's3:PutObject', `${BUCKET}/*`)) }, ALICE, 'implicitDeny', 'a resource-policy Allow for another action does not cover this one', DOC.action);
  ask({ identity: identityAllow }, ALICE, 'allowed', 'in one account an identity Allow suffices when there is no resource policy', DOC.evaluation);
  ask({ identity: identityAllow, resource: bucketGrant({ AWS: BOB }) }, ALICE, 'allowed', 'identity and resource Allows are a union in one account, so a resource policy naming someone else takes nothing away', DOC.evaluation);
  ask({ identity: [policy(deny('s3:*', '*'))], resource: bucketGrant({ AWS: ALICE }) }, ALICE, 'explicitDeny', 'a resource-policy Allow cannot override an identity-policy Deny', DOC.evaluation);
  ask({ resource: bucketGrant({ AWS: 'arn:aws:iam::111122223333:user/division/alice' }) }, 'arn:aws:iam::111122223333:user/division/alice', 'allowed', 'a pathed user ARN in Principal matches that user', DOC.principal);

  const trail = policy(
    grant({ Service: 'cloudtrail.amazonaws.com' }, 's3:PutObject', `${BUCKET}/AWSLogs/${ACCOUNT}/*`, {
      Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
    }),
  );
  const logObject = `${BUCKET}/AWSLogs/${ACCOUNT}/CloudTrail/log.json.gz`;
  g.add({
    policies: { resource: trail },
    request: request('cloudtrail.amazonaws.com', 's3:PutObject', logObject, { 'aws:SourceAccount': ACCOUNT }, ACCOUNT),
    expect: 'allowed',
    why: 'a bucket policy naming a service principal allows that service when aws:SourceAccount matches',
    doc: DOC.confusedDeputy,
  });
  g.add({
    policies: { resource: trail },
    request: request('cloudtrail.amazonaws.com', 's3:PutObject', logObject, { 'aws:SourceAccount': '444455556666' }, ACCOUNT),
    expect: 'implicitDeny',
    why: 'the aws:SourceAccount condition stops the service acting for another account (confused deputy)',
    doc: DOC.confusedDeputy,
  });
  g.add({
    policies: { resource: trail },
    request: request('config.amazonaws.com', 's3:PutObject', logObject, { 'aws:SourceAccount': ACCOUNT }, ACCOUNT),
    expect: 'implicitDeny',
    why: 'a service principal in the policy does not match a different service',
    doc: DOC.principal,
  });
  return g;
}
