import {
  ALICE,
  APP_SESSION,
  DOC,
  OBJECT,
  ROOT,
  allow,
  conditionCase,
  group,
  policy,
  refuse,
  request,
} from '../lib.mjs';

const SOURCE = 'aws:SourceArn';
const TOPIC = 'arn:aws:sns:us-east-1:111122223333:alerts';
const TLS = 'aws:SecureTransport';
const MFA = 'aws:MultiFactorAuthPresent';

/** ARN, Bool, BinaryEquals and Null operators, and the principal keys the evaluator derives. */
export function arnBoolBinaryNull() {
  const g = group('arn-bool-binary-null', DOC.arn);
  const src = (arn) => ({ [SOURCE]: arn });

  // [effect, condition, context, expectation, why, doc?]
  const rows = [
    ['Allow', { ArnEquals: { [SOURCE]: TOPIC } }, src(TOPIC), 'allowed', 'ArnEquals matches the same ARN'],
    ['Allow', { ArnEquals: { [SOURCE]: TOPIC } }, src('arn:aws:sns:us-east-1:111122223333:other'), 'implicitDeny', 'ArnEquals does not match another resource'],
    ['Allow', { ArnEquals: { [SOURCE]: TOPIC } }, undefined, 'implicitDeny', 'ArnEquals is false when the key is missing', DOC.operators],
    ['Allow', { ArnEquals: { [SOURCE]: 'arn:aws:sns:us-east-1:111122223333:Alerts' } }, src(TOPIC), 'implicitDeny', 'ARN matching is case-sensitive'],
    ['Allow', { ArnLike: { [SOURCE]: 'arn:aws:sns:*:111122223333:*' } }, src('arn:aws:sns:eu-west-1:111122223333:orders'), 'allowed', 'ArnLike accepts `*` within ARN components'],
    ['Allow', { ArnLike: { [SOURCE]: 'arn:aws:sns:*:111122223333:*' } }, src('arn:aws:sns:eu-west-1:444455556666:orders'), 'implicitDeny', 'ArnLike still requires the fixed account component to match'],
    ['Allow', { ArnLike: { [SOURCE]: 'arn:aws:sns:us-east-1:111122223333:alert?' } }, src(TOPIC), 'allowed', 'ArnLike accepts `?` for one character'],
    ['Allow', { ArnEquals: { [SOURCE]: 'arn:aws:sns:*:111122223333:*' } }, src(TOPIC), 'allowed', 'ArnEquals also honours `*` wildcards within components, like ArnLike'],
    ['Allow', { ArnLike: { [SOURCE]: 'arn:aws:someservice:*:111122223333:finance/*' } }, src('arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt'), 'implicitDeny', 'ArnLike matches component by component, so `*` in the Region cannot swallow later colons'],
    ['Allow', { StringLike: { [SOURCE]: 'arn:aws:someservice:*:111122223333:finance/*' } }, src('arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt'), 'allowed', 'StringLike treats the ARN as plain text, so `*` can span colons where ArnLike cannot'],
    ['Allow', { ArnNotEquals: { [SOURCE]: TOPIC } }, src('arn:aws:sns:us-east-1:111122223333:other'), 'allowed', 'ArnNotEquals is true for a different ARN'],
    ['Allow', { ArnNotEquals: { [SOURCE]: TOPIC } }, src(TOPIC), 'implicitDeny', 'ArnNotEquals is false for the same ARN'],
    ['Allow', { ArnNotEquals: { [SOURCE]: TOPIC } }, undefined, 'allowed', 'ArnNotEquals is true when the key is missing', DOC.operators],
    ['Allow', { ArnNotLike: { [SOURCE]: 'arn:aws:sns:*:111122223333:*' } }, src('arn:aws:sns:us-east-1:444455556666:x'), 'allowed', 'ArnNotLike is true when the pattern does not match'],
    ['Allow', { ArnNotLike: { [SOURCE]: 'arn:aws:sns:*:111122223333:*' } }, src(TOPIC), 'implicitDeny', 'ArnNotLike is false when the pattern matches'],
    ['Allow', { ArnNotLike: { [SOURCE]: 'arn:aws:sns:*:111122223333:*' } }, undefined, 'allowed', 'ArnNotLike is true when the key is missing', DOC.operators],
    ['Allow', { ArnLikeIfExists: { [SOURCE]: 'arn:aws:sns:*:111122223333:*' } }, undefined, 'allowed', 'ArnLikeIfExists is true when the key is missing', DOC.ifExists],
    ['Allow', { Bool: { [TLS]: 'true' } }, { [TLS]: 'true' }, 'allowed', 'Bool matches `true` against a true request value', DOC.bool],
    ['Allow', { Bool: { [TLS]: 'true' } }, { [TLS]: true }, 'allowed', 'a JSON boolean in the context compares like the string `true`', DOC.bool],
    ['Allow', { Bool: { [TLS]: 'true' } }, { [TLS]: 'false' }, 'implicitDeny', 'Bool does not match `true` against false', DOC.bool],
    ['Allow', { Bool: { [TLS]: 'true' } }, undefined, 'implicitDeny', 'Bool is false when the key is missing', DOC.operators],
    ['Deny', { Bool: { [TLS]: 'false' } }, { [TLS]: 'false' }, 'explicitDeny', 'denying plain HTTP applies when aws:SecureTransport is false', DOC.bool],
    ['Deny', { Bool: { [TLS]: 'false' } }, { [TLS]: 'true' }, 'allowed', 'denying plain HTTP does not apply over TLS', DOC.bool],
    ['Allow', { Bool: { [MFA]: 'true' } }, { [MFA]: 'true' }, 'allowed', 'an Allow requiring MFA holds when MFA was used', DOC.globalKeys],
    ['Allow', { Bool: { [MFA]: 'true' } }, undefined, 'implicitDeny', 'an Allow requiring MFA fails for long-term keys, which lack aws:MultiFactorAuthPresent', DOC.globalKeys],
    ['Deny', { Bool: { [MFA]: 'false' } }, undefined, 'allowed', 'a Deny on `Bool` MFA false lets long-term keys through because the key is missing', DOC.globalKeys],
    ['Deny', { BoolIfExists: { [MFA]: 'false' } }, undefined, 'explicitDeny', 'the recommended Deny with BoolIfExists MFA false also catches requests without the key', DOC.globalKeys],
    ['Deny', { BoolIfExists: { [MFA]: 'false' } }, { [MFA]: 'false' }, 'explicitDeny', 'a Deny with BoolIfExists MFA false applies when MFA was not used', DOC.ifExists],
    ['Deny', { BoolIfExists: { [MFA]: 'false' } }, { [MFA]: 'true' }, 'allowed', 'a Deny with BoolIfExists MFA false does not apply when MFA was used', DOC.ifExists],
    ['Allow', { BinaryEquals: { 'aws:PrincipalTag/payload': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } }, { 'aws:PrincipalTag/payload': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' }, 'allowed', 'BinaryEquals matches the same base-64 encoded bytes', DOC.binary],
    ['Allow', { BinaryEquals: { 'aws:PrincipalTag/payload': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } }, { 'aws:PrincipalTag/payload': 'T3RoZXJWYWx1ZQ==' }, 'implicitDeny', 'BinaryEquals does not match different bytes', DOC.binary],
    ['Allow', { BinaryEquals: { 'aws:PrincipalTag/payload': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } }, undefined, 'implicitDeny', 'BinaryEquals is false when the key is missing', DOC.operators],
    ['Allow', { Null: { 'aws:TokenIssueTime': 'true' } }, undefined, 'allowed', 'Null `true` holds when the key is absent', DOC.null],
    ['Allow', { Null: { 'aws:TokenIssueTime': 'true' } }, { 'aws:TokenIssueTime': '2026-11-28T09:00:00Z' }, 'implicitDeny', 'Null `true` fails when the key is present', DOC.null],
    ['Allow', { Null: { 'aws:PrincipalTag/team': 'false' } }, { 'aws:PrincipalTag/team': 'blue' }, 'allowed', 'Null `false` holds when the key is present', DOC.null],
    ['Allow', { Null: { 'aws:PrincipalTag/team': 'false' } }, undefined, 'implicitDeny', 'Null `false` fails when the key is absent', DOC.null],
    ['Deny', { Null: { 'aws:RequestTag/env': 'true' } }, undefined, 'explicitDeny', 'a Deny on a Null tag applies when the request omits the tag', DOC.null],
    ['Deny', { Null: { 'aws:RequestTag/env': 'true' } }, { 'aws:RequestTag/env': 'prod' }, 'allowed', 'a Deny on a Null tag does not apply when the tag is supplied', DOC.null],
  ];
  for (const [effect, condition, context, expect, why, doc] of rows) {
    g.add({ ...conditionCase(effect, condition, context), expect, why, doc });
  }

  // Principal keys derived from `principal`, as the eval-batch contract promises.
  const derived = (principal, condition, expect, why) =>
    g.add({
      policies: { identity: [policy(allow('s3:GetObject', '*', { Condition: condition }))] },
      request: request(principal, 's3:GetObject', OBJECT),
      expect,
      why,
      doc: DOC.globalKeys,
    });
  derived(ALICE, { ArnEquals: { 'aws:PrincipalArn': ALICE } }, 'allowed', 'aws:PrincipalArn of an IAM user is the user ARN');
  derived(APP_SESSION, { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/app*' } }, 'allowed', 'aws:PrincipalArn of a role session is the role ARN');
  derived(APP_SESSION, { ArnLike: { 'aws:PrincipalArn': 'arn:aws:sts::111122223333:assumed-role/app/*' } }, 'implicitDeny', 'aws:PrincipalArn of a role session is not the session ARN');
  derived(ALICE, { StringEquals: { 'aws:PrincipalAccount': '111122223333' } }, 'allowed', 'aws:PrincipalAccount is the account in the principal ARN');
  derived(ALICE, { StringEquals: { 'aws:PrincipalType': 'User' } }, 'allowed', 'aws:PrincipalType is `User` for an IAM user');
  derived(APP_SESSION, { StringEquals: { 'aws:PrincipalType': 'AssumedRole' } }, 'allowed', 'aws:PrincipalType is `AssumedRole` for a role session');
  derived(ALICE, { StringEquals: { 'aws:username': 'alice' } }, 'allowed', 'aws:username is the IAM user name');
  derived(APP_SESSION, { StringEquals: { 'aws:username': 'app' } }, 'implicitDeny', 'aws:username is absent for a role session, so StringEquals on it is false');
  g.add({
    policies: {
      resource: policy(refuse('*', 's3:*', '*', { Condition: { StringEquals: { 'aws:PrincipalType': 'Account' } } })),
    },
    request: request(ROOT, 's3:GetObject', OBJECT),
    expect: 'explicitDeny',
    why: 'aws:PrincipalType is `Account` for the root user, so a Deny keyed on it stops the root user',
    doc: DOC.globalKeys,
  });
  return g;
}
