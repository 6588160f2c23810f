import {
  ACCOUNT,
  ALICE,
  APP_ROLE,
  APP_SESSION,
  BOB,
  BUCKET,
  CAROL,
  DOC,
  FULL_AWS_ACCESS,
  OBJECT,
  ORG_ID,
  PARTNER,
  ROOT,
  allow,
  deny,
  grant,
  group,
  policy,
  request,
} from '../lib.mjs';

const allowAll = policy(allow('*', '*'));
const bucketGrant = (principal) => policy(grant(principal, 's3:GetObject', `${BUCKET}/*`));

/** Permissions boundaries cap identity permissions and grant nothing. */
export function permissionsBoundaries() {
  const g = group('permissions-boundaries', DOC.boundaries);
  const ask = (policies, principal, action, expect, why, doc, context, resource = OBJECT, resourceAccount) =>
    g.add({ policies, request: request(principal, action, resource, context, resourceAccount), expect, why, doc });
  const s3Only = policy(allow('s3:*', '*'));

  ask({ identity: [policy(allow(['s3:*', 'ec2:*'], '*'))], boundary: s3Only }, ALICE, 's3:GetObject', 'allowed', 'an action allowed by both the identity policy and the boundary is allowed');
  ask({ identity: [policy(allow(['s3:*', 'ec2:*'], '*'))], boundary: s3Only }, ALICE, 'ec2:RunInstances', 'implicitDeny', 'an action the boundary does not allow is implicitly denied despite the identity Allow', DOC.boundaries, undefined, '*');
  ask({ boundary: allowAll }, ALICE, 's3:GetObject', 'implicitDeny', 'a boundary grants nothing on its own');
  ask({ identity: [policy(allow('s3:GetObject', '*'))], boundary: policy(allow('ec2:*', '*')) }, ALICE, 's3:GetObject', 'implicitDeny', 'a boundary covering another service caps the identity Allow to nothing');
  ask({ identity: [allowAll], boundary: policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }) }, ALICE, 's3:GetObject', 'allowed', 'a boundary with Allow and NotAction permits every other service');
  ask({ identity: [allowAll], boundary: policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }) }, ALICE, 'iam:CreateUser', 'implicitDeny', 'a boundary with Allow and NotAction caps the listed service', DOC.boundaries, undefined, '*');
  ask({ identity: [allowAll], boundary: policy(allow('s3:*', `${BUCKET}/public/*`)) }, ALICE, 's3:GetObject', 'implicitDeny', 'a boundary scoped to other resources caps access to this object');
  const regional = policy(allow('*', '*', { Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }));
  ask({ identity: [allowAll], boundary: regional }, ALICE, 's3:GetObject', 'allowed', 'a boundary condition that holds lets the request through', DOC.boundaries, { 'aws:RequestedRegion': 'eu-west-1' });
  ask({ identity: [allowAll], boundary: regional }, ALICE, 's3:GetObject', 'implicitDeny', 'a boundary condition that fails caps the request', DOC.boundaries, { 'aws:RequestedRegion': 'us-east-1' });
  ask({ resource: bucketGrant({ AWS: ALICE }), boundary: policy(allow('ec2:*', '*')) }, ALICE, 's3:GetObject', 'allowed', 'in one account a resource policy naming the IAM user is not capped by the boundary');
  ask({ resource: bucketGrant({ AWS: APP_ROLE }), boundary: policy(allow('ec2:*', '*')) }, APP_SESSION, 's3:GetObject', 'implicitDeny', 'a resource policy naming the role ARN is capped by the role\'s boundary', DOC.enforcement);
  ask({ resource: bucketGrant({ AWS: APP_SESSION }), boundary: policy(allow('ec2:*', '*')) }, APP_SESSION, 's3:GetObject', 'allowed', 'a resource policy naming the role session ARN is not capped by the boundary', DOC.enforcement);
  ask({ identity: [policy(allow('s3:GetObject', '*'))], resource: bucketGrant({ AWS: ROOT }), boundary: policy(allow('ec2:*', '*')) }, ALICE, 's3:GetObject', 'implicitDeny', 'a resource policy naming the account relies on the identity Allow, which the boundary caps', DOC.principal);
  ask({ identity: [policy(allow('s3:GetObject', '*'))], resource: bucketGrant({ AWS: CAROL }), boundary: policy(allow('ec2:*', '*')) }, CAROL, 's3:GetObject', 'implicitDeny', 'across accounts the caller\'s boundary caps access even when the resource policy names the caller', DOC.crossAccount, undefined, OBJECT, ACCOUNT);
  ask({ identity: [s3Only], boundary: s3Only }, APP_SESSION, 's3:PutObject', 'allowed', 'a role session is allowed when its role policy and boundary both allow');
  ask({ identity: [s3Only], boundary: s3Only, session: policy(allow('s3:PutObject', '*')) }, APP_SESSION, 's3:PutObject', 'allowed', 'identity policy, boundary and session policy all allowing gives an Allow', DOC.session);
  ask({ identity: [s3Only], boundary: s3Only, session: policy(allow('s3:GetObject', '*')) }, APP_SESSION, 's3:PutObject', 'implicitDeny', 'with a boundary and a session policy the effective permissions are the intersection of all three', DOC.session);
  ask({ identity: [policy(allow('iam:CreateRole', '*'))], boundary: policy(allow('iam:CreateRole', '*', { Condition: { StringEquals: { 'iam:PermissionsBoundary': `arn:aws:iam::${ACCOUNT}:policy/DevBoundary` } } })) }, ALICE, 'iam:CreateRole', 'allowed', 'a boundary requiring the approved boundary on new roles allows a compliant request', DOC.boundaries, { 'iam:PermissionsBoundary': `arn:aws:iam::${ACCOUNT}:policy/DevBoundary` }, `arn:aws:iam::${ACCOUNT}:role/new-role`);
  ask({ identity: [policy(allow('iam:CreateRole', '*'))], boundary: policy(allow('iam:CreateRole', '*', { Condition: { StringEquals: { 'iam:PermissionsBoundary': `arn:aws:iam::${ACCOUNT}:policy/DevBoundary` } } })) }, ALICE, 'iam:CreateRole', 'implicitDeny', 'a boundary requiring the approved boundary on new roles caps a request without it', DOC.boundaries, undefined, `arn:aws:iam::${ACCOUNT}:role/new-role`);
  return g;
}

/** Session policies narrow a role session to the intersection. */
export function sessionPolicies() {
  const g = group('session-policies', DOC.session);
  const ask = (policies, action, expect, why, doc, context, principal = APP_SESSION) =>
    g.add({ policies, request: request(principal, action, OBJECT, context), expect, why, doc });
  const roleS3 = [policy(allow('s3:*', '*'))];

  ask({ identity: roleS3, session: policy(allow('s3:GetObject', '*')) }, 's3:GetObject', 'allowed', 'an action allowed by both the role policy and the session policy is allowed');
  ask({ identity: roleS3, session: policy(allow('s3:GetObject', '*')) }, 's3:PutObject', 'implicitDeny', 'an action outside the session policy is implicitly denied despite the role policy');
  ask({ session: allowAll }, 's3:GetObject', 'implicitDeny', 'a session policy grants nothing the role policy does not');
  ask({ identity: [policy(allow('s3:GetObject', '*'))], session: allowAll }, 's3:PutObject', 'implicitDeny', 'a broad session policy cannot widen the role policy');
  ask({ identity: roleS3 }, 's3:PutObject', 'allowed', 'without a session policy the role policy alone decides');
  ask({ identity: roleS3, session: JSON.stringify(policy(allow('s3:GetObject', '*'))) }, 's3:GetObject', 'allowed', 'a session policy given as JSON text is applied like the parsed document', DOC.grammar);
  ask({ identity: roleS3, session: policy(allow('s3:GetObject', `${BUCKET}/public/*`)) }, 's3:GetObject', 'implicitDeny', 'a session policy scoped to other resources excludes this object');
  const tls = policy(allow('s3:*', '*', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }));
  ask({ identity: roleS3, session: tls }, 's3:GetObject', 'allowed', 'a session-policy condition that holds lets the request through', DOC.session, { 'aws:SecureTransport': 'true' });
  ask({ identity: roleS3, session: tls }, 's3:GetObject', 'implicitDeny', 'a session-policy condition that fails caps the request', DOC.session, { 'aws:SecureTransport': 'false' });
  ask({ resource: bucketGrant({ AWS: APP_SESSION }), session: policy(allow('ec2:*', '*')) }, 's3:GetObject', 'allowed', 'a resource policy naming the session ARN is not limited by the session policy');
  ask({ resource: bucketGrant({ AWS: APP_ROLE }), session: policy(allow('ec2:*', '*')) }, 's3:GetObject', 'implicitDeny', 'a resource policy naming the role ARN is limited by the session policy');
  ask({ resource: bucketGrant({ AWS: APP_ROLE }), session: policy(allow('s3:GetObject', '*')) }, 's3:GetObject', 'allowed', 'a resource policy naming the role ARN allows when the session policy also allows');
  ask({ identity: roleS3, session: policy(allow('s3:*', '*'), deny('s3:GetObject', '*')) }, 's3:GetObject', 'explicitDeny', 'a Deny in the session policy overrides the Allows');
  ask({ identity: roleS3, session: policy(allow('s3:Get*', '*')) }, 's3:GetObjectTagging', 'allowed', 'wildcard actions in a session policy match like anywhere else', DOC.action);
  ask({ identity: [policy(allow('s3:GetObject', '*'))], session: policy(allow('s3:GetObject', '*')), boundary: policy(allow('ec2:*', '*')) }, 's3:GetObject', 'implicitDeny', 'a session policy allowing the action does not lift the boundary cap', DOC.boundaries);
  return g;
}

/** SCPs: every level needs an Allow; any Deny wins; they never grant. */
export function scps() {
  const g = group('scps', DOC.scpEvaluation);
  const ask = (policies, principal, action, expect, why, doc, context, resource = OBJECT) =>
    g.add({ policies, request: request(principal, action, resource, context), expect, why, doc });
  const s3AllowList = policy(allow('s3:*', '*'));

  ask({ identity: [allowAll], scps: [[FULL_AWS_ACCESS]] }, ALICE, 's3:GetObject', 'allowed', 'FullAWSAccess at the only level lets identity permissions through');
  ask({ identity: [allowAll], scps: [[FULL_AWS_ACCESS], [FULL_AWS_ACCESS], [FULL_AWS_ACCESS]] }, ALICE, 's3:GetObject', 'allowed', 'FullAWSAccess at every level from root to account lets identity permissions through');
  ask({ identity: [allowAll], scps: [[FULL_AWS_ACCESS], [s3AllowList]] }, ALICE, 's3:GetObject', 'allowed', 'an action allowed at every level passes the SCPs');
  ask({ identity: [allowAll], scps: [[FULL_AWS_ACCESS], [s3AllowList]] }, ALICE, 'ec2:RunInstances', 'implicitDeny', 'an action missing from the Allow at one level is implicitly denied', DOC.scpEvaluation, undefined, '*');
  ask({ identity: [allowAll], scps: [[policy(allow('ec2:*', '*'))], [FULL_AWS_ACCESS]] }, ALICE, 's3:GetObject', 'implicitDeny', 'an allow-list at the root level caps every account below it');
  ask({ identity: [allowAll], scps: [[FULL_AWS_ACCESS], [FULL_AWS_ACCESS], [policy(allow('ec2:*', '*'))]] }, ALICE, 's3:GetObject', 'implicitDeny', 'an allow-list at the account level caps that account');
  ask({ identity: [allowAll], scps: [[FULL_AWS_ACCESS], [s3AllowList, policy(allow('ec2:*', '*'))]] }, ALICE, 'ec2:RunInstances', 'allowed', 'several SCPs at one level combine, so either may supply the Allow', DOC.scpEvaluation, undefined, '*');
  ask({ identity: [allowAll], scps: [[FULL_AWS_ACCESS], [FULL_AWS_ACCESS, policy(deny('s3:DeleteBucket', '*'))]] }, ALICE, 's3:DeleteBucket', 'explicitDeny', 'a Deny in an SCP at any level is an explicit deny', DOC.scpEvaluation, undefined, BUCKET);
  ask({ identity: [policy(allow('s3:GetObject', '*'))], scps: [[FULL_AWS_ACCESS]] }, ALICE, 's3:PutObject', 'implicitDeny', 'SCPs grant nothing: FullAWSAccess does not add to the identity policy', DOC.scps);
  ask({ scps: [[FULL_AWS_ACCESS]] }, ALICE, 's3:GetObject', 'implicitDeny', 'FullAWSAccess without any identity or resource Allow is an implicit deny', DOC.scps);
  ask({ identity: [allowAll], scps: [[policy(allow('s3:Get*', '*'))]] }, ALICE, 's3:GetObject', 'allowed', 'an SCP Allow with a trailing wildcard covers the matching actions', DOC.scpSyntax);
  ask({ identity: [allowAll], scps: [[policy(allow('s3:Get*', '*'))]] }, ALICE, 's3:PutObject', 'implicitDeny', 'an SCP Allow with a trailing wildcard leaves other actions out', DOC.scpSyntax);
  const regionLock = policy({ Effect: 'Deny', NotAction: ['iam:*', 'sts:*', 'organizations:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } } });
  ask({ identity: [allowAll], scps: [[FULL_AWS_ACCESS, regionLock]] }, ALICE, 'ec2:RunInstances', 'explicitDeny', 'a Region-lock SCP denies regional actions in other Regions', DOC.scpSyntax, { 'aws:RequestedRegion': 'us-east-1' }, '*');
  ask({ identity: [allowAll], scps: [[FULL_AWS_ACCESS, regionLock]] }, ALICE, 'ec2:RunInstances', 'allowed', 'a Region-lock SCP lets the approved Region through', DOC.scpSyntax, { 'aws:RequestedRegion': 'eu-west-1' }, '*');
  ask({ identity: [allowAll], scps: [[FULL_AWS_ACCESS, regionLock]] }, ALICE, 'iam:CreateUser', 'allowed', 'a Region-lock SCP with NotAction exempts global services such as IAM', DOC.notAction, { 'aws:RequestedRegion': 'us-east-1' }, '*');
  const exceptAdmin = policy(deny('iam:*', '*', { Condition: { ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::*:role/admin-*` } } }));
  ask({ identity: [allowAll], scps: [[FULL_AWS_ACCESS, exceptAdmin]] }, ALICE, 'iam:CreateUser', 'explicitDeny', 'an SCP Deny with an ArnNotLike exception denies principals outside the exception', DOC.scpSyntax, undefined, '*');
  ask({ identity: [allowAll], scps: [[FULL_AWS_ACCESS, exceptAdmin]] }, `arn:aws:sts::${ACCOUNT}:assumed-role/admin-ops/s9`, 'iam:CreateUser', 'allowed', 'an SCP Deny with an ArnNotLike exception spares the excepted role\'s sessions', DOC.scpSyntax, undefined, '*');
  ask({ scps: [[FULL_AWS_ACCESS, policy(deny('s3:*', '*'))]] }, ROOT, 's3:GetObject', 'explicitDeny', 'SCPs restrict the root user of a member account', DOC.scps);
  ask({ scps: [[policy(allow('ec2:*', '*'))]] }, ROOT, 's3:GetObject', 'implicitDeny', 'an SCP allow-list caps the root user of a member account', DOC.scps);
  ask({ scps: [[FULL_AWS_ACCESS]] }, ROOT, 's3:GetObject', 'allowed', 'with FullAWSAccess the root user keeps its full access', DOC.enforcement);
  ask({ resource: bucketGrant({ AWS: ALICE }), scps: [[policy(allow('ec2:*', '*'))]] }, ALICE, 's3:GetObject', 'implicitDeny', 'SCPs cap what a same-account resource policy grants to the account\'s principals', DOC.enforcement);
  ask({ resource: bucketGrant({ AWS: ALICE }), scps: [[FULL_AWS_ACCESS]] }, ALICE, 's3:GetObject', 'allowed', 'a same-account resource policy allows when the SCPs let the action through', DOC.enforcement);
  const scopedAllow = policy(allow('s3:*', `${BUCKET}/*`));
  ask({ identity: [allowAll], scps: [[FULL_AWS_ACCESS], [scopedAllow]] }, ALICE, 's3:GetObject', 'allowed', 'an SCP Allow scoped to a resource lets that resource through', DOC.scpSyntax);
  ask({ identity: [allowAll], scps: [[FULL_AWS_ACCESS], [scopedAllow]] }, ALICE, 's3:GetObject', 'implicitDeny', 'an SCP Allow scoped to a resource leaves other resources capped', DOC.scpSyntax, undefined, 'arn:aws:s3:::amzn-s3-demo-other/x');
  const needTag = policy(deny('ec2:RunInstances', '*', { Condition: { Null: { 'aws:RequestTag/CostCenter': 'true' } } }));
  ask({ identity: [allowAll], scps: [[FULL_AWS_ACCESS, needTag]] }, ALICE, 'ec2:RunInstances', 'explicitDeny', 'an SCP Deny on a Null request tag stops untagged launches', DOC.null, undefined, '*');
  ask({ identity: [allowAll], scps: [[FULL_AWS_ACCESS, needTag]] }, ALICE, 'ec2:RunInstances', 'allowed', 'an SCP Deny on a Null request tag lets tagged launches through', DOC.null, { 'aws:RequestTag/CostCenter': 'cc-42' }, '*');
  ask({ identity: [allowAll], scps: [[JSON.stringify(FULL_AWS_ACCESS)]] }, BOB, 's3:GetObject', 'allowed', 'an SCP given as JSON text is evaluated like the parsed document', DOC.grammar);
  return g;
}

/** RCPs: RCPFullAWSAccess is implied; customer Deny statements cap resources. */
export function rcps() {
  const g = group('rcps', DOC.rcpEvaluation);
  const ask = (policies, principal, expect, why, doc, context, resourceAccount) =>
    g.add({ policies, request: request(principal, 's3:GetObject', OBJECT, context, resourceAccount), expect, why, doc });
  const rcpDeny = (extra) => policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', ...extra });
  const perimeter = rcpDeny({ Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG_ID }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } } });
  const callerAllows = [policy(allow('s3:GetObject', '*'))];
  const openBucket = bucketGrant('*');

  ask({ identity: [allowAll], rcps: [[]] }, ALICE, 'allowed', 'with only the implied RCPFullAWSAccess, RCPs take nothing away');
  ask({ identity: [allowAll], rcps: [[], [], []] }, ALICE, 'allowed', 'levels without customer RCPs still carry the implied RCPFullAWSAccess');
  ask({ rcps: [[]] }, ALICE, 'implicitDeny', 'RCPFullAWSAccess grants nothing on its own', DOC.rcps);
  ask({ identity: [allowAll], rcps: [[rcpDeny()]] }, ALICE, 'explicitDeny', 'a customer RCP Deny is an explicit deny for the account\'s resources');
  ask({ identity: [allowAll], rcps: [[], [rcpDeny()]] }, ALICE, 'explicitDeny', 'an RCP Deny at an OU level applies to accounts below it');
  ask({ identity: [allowAll], rcps: [[policy({ Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: '*' })]] }, ALICE, 'allowed', 'an RCP Deny for another service does not apply');
  const tlsOnly = rcpDeny({ Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } } });
  ask({ identity: [allowAll], rcps: [[tlsOnly]] }, ALICE, 'explicitDeny', 'an RCP enforcing TLS denies a plain HTTP request', DOC.rcpEvaluation, { 'aws:SecureTransport': 'false' });
  ask({ identity: [allowAll], rcps: [[tlsOnly]] }, ALICE, 'allowed', 'an RCP enforcing TLS lets a TLS request through', DOC.rcpEvaluation, { 'aws:SecureTransport': 'true' });
  ask({ identity: callerAllows, resource: openBucket, rcps: [[perimeter]] }, CAROL, 'explicitDeny', 'a data-perimeter RCP denies a caller from outside the organization, even with both Allows', DOC.rcps, { 'aws:PrincipalOrgID': 'o-zzzzzzzzzz', 'aws:PrincipalIsAWSService': 'false' }, ACCOUNT);
  ask({ identity: callerAllows, resource: openBucket, rcps: [[perimeter]] }, CAROL, 'allowed', 'a data-perimeter RCP lets a caller from the organization through', DOC.rcps, { 'aws:PrincipalOrgID': ORG_ID, 'aws:PrincipalIsAWSService': 'false' }, ACCOUNT);
  ask({ identity: callerAllows, resource: openBucket, rcps: [[perimeter]] }, CAROL, 'explicitDeny', 'a caller outside any organization has no aws:PrincipalOrgID, so the IfExists perimeter denies it', DOC.ifExists, { 'aws:PrincipalIsAWSService': 'false' }, ACCOUNT);
  ask({ resource: bucketGrant({ Service: 'cloudtrail.amazonaws.com' }), rcps: [[perimeter]] }, 'cloudtrail.amazonaws.com', 'allowed', 'a data-perimeter RCP exempts AWS service principals through aws:PrincipalIsAWSService', DOC.globalKeys, { 'aws:PrincipalIsAWSService': 'true' }, ACCOUNT);
  ask({ resource: bucketGrant({ AWS: ALICE }), rcps: [[rcpDeny()]] }, ALICE, 'explicitDeny', 'an RCP Deny overrides a same-account resource-policy Allow');
  ask({ identity: callerAllows, resource: bucketGrant({ AWS: `arn:aws:iam::${PARTNER}:root` }), rcps: [[]] }, CAROL, 'allowed', 'RCPs without customer Deny statements leave cross-account access to the two Allows', DOC.rcpEvaluation, undefined, ACCOUNT);
  const exceptRole = rcpDeny({ Condition: { ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/app` } } });
  ask({ identity: [allowAll], rcps: [[exceptRole]] }, APP_SESSION, 'allowed', 'an RCP Deny excepting a role by aws:PrincipalArn spares that role\'s sessions', DOC.rcps);
  ask({ identity: [allowAll], rcps: [[exceptRole]] }, ALICE, 'explicitDeny', 'an RCP Deny excepting one role still denies other principals', DOC.rcps);
  return g;
}

/** NotPrincipal with Deny: everyone except the listed principals is denied. */
export function notPrincipal() {
  const g = group('notprincipal', DOC.notPrincipal);
  const ask = (policies, principal, expect, why, doc, resourceAccount) =>
    g.add({ policies, request: request(principal, 's3:GetObject', OBJECT, undefined, resourceAccount), expect, why, doc });
  const exceptAlice = (extra = {}) => ({
    Effect: 'Deny',
    NotPrincipal: { AWS: [ALICE, ROOT] },
    Action: 's3:*',
    Resource: [BUCKET, `${BUCKET}/*`],
    ...extra,
  });
  const open = grant('*', 's3:GetObject', `${BUCKET}/*`);

  ask({ resource: policy(open, exceptAlice()) }, ALICE, 'allowed', 'a principal listed in NotPrincipal (with its account) is not denied by the statement');
  ask({ resource: policy(open, exceptAlice()) }, BOB, 'explicitDeny', 'a principal not listed in NotPrincipal is denied, even in the listed account');
  ask({ identity: [policy(allow('s3:GetObject', '*'))], resource: policy(open, exceptAlice()) }, CAROL, 'explicitDeny', 'a principal from another account is denied by a NotPrincipal Deny', DOC.notPrincipal, ACCOUNT);
  ask({ resource: policy(exceptAlice()) }, ALICE, 'implicitDeny', 'NotPrincipal with Deny only exempts from the Deny and grants nothing');
  ask({ resource: policy(open, exceptAlice({ Action: 's3:DeleteObject' })) }, BOB, 'allowed', 'a NotPrincipal Deny for another action does not apply');
  ask({ resource: policy(open, exceptAlice()), boundary: allowAll, identity: [allowAll] }, ALICE, 'explicitDeny', 'a NotPrincipal Deny always denies a principal that has a permissions boundary, even when listed', DOC.boundaries);
  const exceptSession = {
    Effect: 'Deny',
    NotPrincipal: { AWS: [APP_ROLE, APP_SESSION, ROOT] },
    Action: 's3:*',
    Resource: [BUCKET, `${BUCKET}/*`],
  };
  ask({ resource: policy(open, exceptSession) }, APP_SESSION, 'allowed', 'listing the role, the session and the account in NotPrincipal exempts that session');
  ask({ resource: policy(open, exceptSession) }, `arn:aws:sts::${ACCOUNT}:assumed-role/deploy/s1`, 'explicitDeny', 'a session of a role not listed in NotPrincipal is denied');
  ask({ resource: policy(open, exceptAlice({ Condition: { Bool: { 'aws:SecureTransport': 'false' } } })) }, BOB, 'allowed', 'a NotPrincipal Deny whose condition is false does not apply', DOC.condition);
  return g;
}
