/**
 * For every check, a small policy that triggers it and a corrected one that
 * does not. The tests run both through lint; docs/lint-checks.md shows
 * them. The corrected policies are also free of errors.
 */
import type { LintKind } from './context.js';

export interface CheckExample {
  type?: LintKind;
  /** Triggers the check. */
  bad: string;
  /** The same policy fixed: no finding of this code, and no errors. */
  good: string;
}

const BUCKET_OBJECTS = 'arn:aws:s3:::example-bucket/*';

/** A 2012-10-17 policy with these statements, printed as people write them. */
function policy(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

function allow(extra: object = {}): object {
  return { Effect: 'Allow', Action: 's3:GetObject', Resource: BUCKET_OBJECTS, ...extra };
}

function withCondition(condition: object, extra: object = {}): string {
  return policy(allow({ Condition: condition, ...extra }));
}

const TRUST_ROLE = 'arn:aws:iam::111122223333:role/Admin';
const manyBuckets = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:s3:::example-bucket-${String(i).padStart(4, '0')}/*`);

export const CHECK_EXAMPLES: Record<string, CheckExample> = {
  InvalidJson: { bad: '{"Version": "2012-10-17", "Statement": [}', good: policy(allow()) },
  DuplicateKey: {
    bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Effect": "Deny", "Action": "s3:GetObject", "Resource": "*"}]\n}',
    good: policy({ Effect: 'Deny', Action: 's3:GetObject', Resource: '*' }),
  },
  InvalidPolicy: { bad: '[]', good: policy(allow()) },
  UnknownElement: { bad: policy(allow({ Conditions: {} })), good: policy(allow()) },
  InvalidVersion: { bad: JSON.stringify({ Version: '2012-10-18', Statement: [allow()] }, null, 2), good: policy(allow()) },
  MissingVersion: { bad: JSON.stringify({ Statement: [allow()] }, null, 2), good: policy(allow()) },
  InvalidId: { bad: JSON.stringify({ Version: '2012-10-17', Id: 5, Statement: [allow()] }, null, 2), good: JSON.stringify({ Version: '2012-10-17', Id: 'reports', Statement: [allow()] }, null, 2) },
  MissingStatement: { bad: '{"Version": "2012-10-17"}', good: policy(allow()) },
  EmptyStatement: { bad: policy(), good: policy(allow()) },
  InvalidStatement: { bad: '{"Version": "2012-10-17", "Statement": ["s3:GetObject"]}', good: policy(allow()) },
  InvalidSid: { bad: policy(allow({ Sid: 1 })), good: policy(allow({ Sid: 'ReadReports' })) },
  DuplicateSid: { bad: policy(allow({ Sid: 'Read' }), allow({ Sid: 'Read', Action: 's3:GetObjectVersion' })), good: policy(allow({ Sid: 'Read' }), allow({ Sid: 'ReadVersions', Action: 's3:GetObjectVersion' })) },
  MissingEffect: { bad: policy({ Action: 's3:GetObject', Resource: BUCKET_OBJECTS }), good: policy(allow()) },
  InvalidEffect: { bad: policy(allow({ Effect: 'Alow' })), good: policy(allow()) },
  MissingAction: { bad: policy({ Effect: 'Allow', Resource: BUCKET_OBJECTS }), good: policy(allow()) },
  ActionWithNotAction: { bad: policy(allow({ NotAction: 's3:DeleteObject' })), good: policy(allow()) },
  MissingResource: { bad: policy({ Effect: 'Allow', Action: 's3:GetObject' }), good: policy(allow()) },
  ResourceWithNotResource: { bad: policy(allow({ NotResource: 'arn:aws:s3:::example-bucket/private/*' })), good: policy(allow()) },
  PrincipalWithNotPrincipal: {
    type: 'resource',
    bad: policy(allow({ Principal: { AWS: '111122223333' }, NotPrincipal: { AWS: '444455556666' } })),
    good: policy(allow({ Principal: { AWS: '111122223333' } })),
  },
  PrincipalNotAllowed: { bad: policy(allow({ Principal: { AWS: '111122223333' } })), good: policy(allow()) },
  MissingPrincipal: { type: 'resource', bad: policy(allow()), good: policy(allow({ Principal: { AWS: '111122223333' } })) },
  InvalidPrincipal: { type: 'resource', bad: policy(allow({ Principal: { AWS: 'arn:aws:iam::*:root' } })), good: policy(allow({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } })) },
  NotPrincipalNotAllowed: {
    type: 'rcp',
    bad: policy({ Effect: 'Deny', NotPrincipal: { AWS: '111122223333' }, Action: 's3:*', Resource: '*' }),
    good: policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalAccount': '111122223333' } } }),
  },
  RcpAllowNotSupported: {
    type: 'rcp',
    bad: policy({ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }),
    good: policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } } }),
  },
  AllowWithNotPrincipal: {
    type: 'resource',
    bad: policy(allow({ NotPrincipal: { AWS: 'arn:aws:iam::111122223333:user/mallory' } })),
    good: policy(allow({ Principal: { AWS: 'arn:aws:iam::111122223333:user/alice' } })),
  },
  InvalidElementType: { bad: policy(allow({ Action: 5 })), good: policy(allow()) },
  EmptyArray: { bad: policy(allow({ Action: [] })), good: policy(allow()) },
  InvalidAction: { bad: policy(allow({ Action: 's3GetObject' })), good: policy(allow()) },
  InvalidResource: { bad: policy(allow({ Resource: 'example-bucket/*' })), good: policy(allow()) },
  InvalidCondition: { bad: withCondition(['aws:SecureTransport'] as unknown as object), good: withCondition({ Bool: { 'aws:SecureTransport': 'true' } }) },
  UnknownConditionOperator: { bad: withCondition({ StringEqualz: { 'aws:PrincipalTag/team': 'blue' } }), good: withCondition({ StringEquals: { 'aws:PrincipalTag/team': 'blue' } }) },
  InvalidNullIfExists: { bad: withCondition({ NullIfExists: { 'aws:PrincipalTag/team': 'false' } }), good: withCondition({ Null: { 'aws:PrincipalTag/team': 'false' } }) },
  InvalidNullSetOperator: { bad: withCondition({ 'ForAllValues:Null': { 'aws:TagKeys': 'false' } }), good: withCondition({ Null: { 'aws:TagKeys': 'false' } }) },
  EmptyConditionOperator: { bad: withCondition({ StringEquals: {} }), good: withCondition({ StringEquals: { 'aws:PrincipalTag/team': 'blue' } }) },
  InvalidConditionKey: { bad: withCondition({ StringEquals: { '': 'blue' } }), good: withCondition({ StringEquals: { 'aws:PrincipalTag/team': 'blue' } }) },
  EmptyConditionValues: { bad: withCondition({ IpAddress: { 'aws:SourceIp': [] } }), good: withCondition({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } }) },
  InvalidConditionValue: { bad: withCondition({ IpAddress: { 'aws:SourceIp': '203.0.113.300' } }), good: withCondition({ IpAddress: { 'aws:SourceIp': '203.0.113.30' } }) },
  InvalidPolicyVariable: { bad: withCondition({ StringEquals: { 'aws:PrincipalTag/team': '${aws:username' } }), good: withCondition({ StringEquals: { 'aws:PrincipalTag/team': '${aws:username}' } }) },

  ConditionOperatorOutsideCondition: {
    bad: policy({ Effect: 'Deny', Action: '*', Resource: '*', NotIpAddress: { 'aws:SourceIp': ['198.51.100.0/24'] } }),
    good: policy({ Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': ['198.51.100.0/24'] } } }),
  },
  OutdatedVersion: { bad: JSON.stringify({ Version: '2008-10-17', Statement: [allow()] }, null, 2), good: policy(allow()) },
  PolicyVariableWithoutVersion: {
    bad: JSON.stringify({ Statement: [allow({ Resource: 'arn:aws:s3:::example-bucket/home/${aws:username}/*' })] }, null, 2),
    good: policy(allow({ Resource: 'arn:aws:s3:::example-bucket/home/${aws:username}/*' })),
  },
  PolicyVariableInAction: { bad: policy(allow({ Action: 's3:${aws:username}' })), good: policy(allow()) },
  InvalidSidCharacters: { bad: policy(allow({ Sid: 'read-reports' })), good: policy(allow({ Sid: 'ReadReports' })) },
  EmptyCondition: { bad: withCondition({}), good: policy(allow()) },
  DuplicateValue: { bad: policy(allow({ Resource: [BUCKET_OBJECTS, BUCKET_OBJECTS] })), good: policy(allow()) },
  IdentityPolicyTooLarge: { bad: policy(allow({ Resource: manyBuckets(200) })), good: policy(allow({ Resource: manyBuckets(20) })) },
  OrganizationPolicyTooLarge: {
    type: 'scp',
    bad: policy({ Effect: 'Deny', Action: 's3:DeleteObject', Resource: manyBuckets(120) }),
    good: policy({ Effect: 'Deny', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::example-bucket-*/*' }),
  },

  UnknownService: { bad: policy(allow({ Action: 's4:GetObject' })), good: policy(allow()) },
  UnknownAction: { bad: policy(allow({ Action: 's3:GetObjekt' })), good: policy(allow()) },
  ActionMatchesNothing: { bad: policy(allow({ Action: 's3:Gett*' })), good: policy(allow({ Action: 's3:GetObject*' })) },
  ActionCase: { bad: policy(allow({ Action: 's3:getobject' })), good: policy(allow()) },
  RedundantAction: { bad: policy(allow({ Action: ['s3:GetObject*', 's3:GetObjectTagging'] })), good: policy(allow({ Action: 's3:GetObject*' })) },
  FullServiceAccess: { bad: policy(allow({ Action: 's3:*' })), good: policy(allow()) },

  InvalidArnPartition: { bad: policy(allow({ Resource: 'arn:amazon:s3:::example-bucket/*' })), good: policy(allow()) },
  InvalidArnService: { bad: policy(allow({ Resource: 'arn:aws:s33:::example-bucket/*' })), good: policy(allow()) },
  InvalidArnRegion: {
    bad: policy({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:useast1:111122223333:table/Orders' }),
    good: policy({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/Orders' }),
  },
  InvalidArnAccount: {
    bad: policy({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:us-east-1:1111222233:table/Orders' }),
    good: policy({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/Orders' }),
  },
  RegionInGlobalArn: { bad: policy(allow({ Resource: 'arn:aws:s3:us-east-1::example-bucket/*' })), good: policy(allow()) },
  AccountInS3Arn: { bad: policy(allow({ Resource: 'arn:aws:s3::111122223333:example-bucket/*' })), good: policy(allow()) },
  InvalidBucketName: { bad: policy(allow({ Resource: 'arn:aws:s3:::example_bucket/*' })), good: policy(allow()) },
  ObjectActionOnBucketArn: { bad: policy(allow({ Resource: 'arn:aws:s3:::example-bucket' })), good: policy(allow()) },
  ActionMatchesNoResource: {
    bad: policy({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:us-east-1:111122223333:backup/nightly' }),
    good: policy({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/Orders' }),
  },
  ResourceServiceMismatch: { bad: policy(allow({ Resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/Orders' })), good: policy(allow()) },
  ActionNeedsWildcardResource: {
    bad: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: 'arn:aws:s3:::example-bucket' }),
    good: policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }),
  },
  RedundantResource: { bad: policy(allow({ Resource: [BUCKET_OBJECTS, 'arn:aws:s3:::example-bucket/reports/q1.csv'] })), good: policy(allow()) },

  UnknownGlobalConditionKey: { bad: withCondition({ IpAddress: { 'aws:SoruceIp': '203.0.113.0/24' } }), good: withCondition({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }) },
  UnknownServiceConditionKey: {
    bad: policy({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::example-bucket', Condition: { StringLike: { 's3:prefx': 'home/*' } } }),
    good: policy({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::example-bucket', Condition: { StringLike: { 's3:prefix': 'home/*' } } }),
  },
  ConditionKeyCaseDuplicate: {
    bad: withCondition({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24', 'aws:sourceip': '198.51.100.0/24' } }),
    good: withCondition({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.0/24'] } }),
  },
  ConditionTypeMismatch: { bad: withCondition({ StringEquals: { 'aws:SourceIp': '203.0.113.5' } }), good: withCondition({ IpAddress: { 'aws:SourceIp': '203.0.113.5' } }) },
  PreferArnOperator: {
    bad: withCondition({ StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/ops-*' } }),
    good: withCondition({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/ops-*' } }),
  },
  ForAllValuesWithSingleValuedKey: { bad: withCondition({ 'ForAllValues:StringEquals': { 'aws:RequestedRegion': 'eu-west-1' } }), good: withCondition({ StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } }) },
  ForAnyValueWithSingleValuedKey: { bad: withCondition({ 'ForAnyValue:StringEquals': { 'aws:RequestedRegion': 'eu-west-1' } }), good: withCondition({ StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } }) },
  MultivaluedKeyWithoutSetOperator: {
    bad: policy({ Effect: 'Allow', Action: 'ec2:CreateTags', Resource: '*', Condition: { StringEquals: { 'aws:TagKeys': ['team', 'cost-center'] } } }),
    good: policy({ Effect: 'Allow', Action: 'ec2:CreateTags', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'cost-center'] } } }),
  },
  WildcardInStringEquals: { bad: withCondition({ StringEquals: { 'aws:PrincipalTag/team': 'data-*' } }), good: withCondition({ StringLike: { 'aws:PrincipalTag/team': 'data-*' } }) },
  DuplicateConditionValue: { bad: withCondition({ StringEquals: { 'aws:PrincipalTag/team': ['blue', 'blue'] } }), good: withCondition({ StringEquals: { 'aws:PrincipalTag/team': ['blue', 'green'] } }) },
  PrivateIpInSourceIp: { bad: withCondition({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }), good: withCondition({ IpAddress: { 'aws:VpcSourceIp': '10.0.0.0/8' } }) },
  SecureTransportInverted: {
    bad: policy({ Effect: 'Deny', Action: 's3:*', Resource: BUCKET_OBJECTS, Condition: { Bool: { 'aws:SecureTransport': 'true' } } }),
    good: policy({ Effect: 'Deny', Action: 's3:*', Resource: BUCKET_OBJECTS, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
  },
  MfaCheckWithoutIfExists: {
    bad: policy({ Effect: 'Deny', Action: 'ec2:TerminateInstances', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }),
    good: policy({ Effect: 'Deny', Action: 'ec2:TerminateInstances', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }),
  },
  WildcardOnSensitiveKey: {
    type: 'resource',
    bad: policy(allow({ Principal: '*', Condition: { StringLike: { 'aws:PrincipalOrgID': 'o-*' } } })),
    good: policy(allow({ Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })),
  },
  SourceArnAsCaller: {
    bad: withCondition({ ArnEquals: { 'aws:SourceArn': 'arn:aws:iam::111122223333:role/reporting' } }),
    good: withCondition({ ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/reporting' } }),
  },
  ForAnyValueAllowList: {
    bad: policy({ Effect: 'Allow', Action: 'ec2:CreateTags', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team', 'cost-center'] } } }),
    good: policy({ Effect: 'Allow', Action: 'ec2:CreateTags', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'cost-center'] } } }),
  },

  PublicAccess: {
    type: 'resource',
    bad: policy(allow({ Principal: '*' })),
    good: policy(allow({ Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })),
  },
  DenyNotPrincipalIncomplete: {
    type: 'resource',
    bad: policy({ Effect: 'Deny', NotPrincipal: { AWS: [TRUST_ROLE] }, Action: 's3:*', Resource: BUCKET_OBJECTS }),
    good: policy({ Effect: 'Deny', NotPrincipal: { AWS: [TRUST_ROLE, 'arn:aws:sts::111122223333:assumed-role/Admin/alice', 'arn:aws:iam::111122223333:root'] }, Action: 's3:*', Resource: BUCKET_OBJECTS }),
  },
  TrustWithoutExternalId: {
    type: 'trust',
    bad: policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' }),
    good: policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'a8f3e1c2' } } }),
  },
  PrincipalActionMismatch: {
    type: 'trust',
    bad: policy({ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/corp' }, Action: 'sts:AssumeRole' }),
    good: policy({ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/corp' }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } }),
  },
  TrustPolicyWithResource: {
    type: 'trust',
    bad: policy({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' }),
    good: policy({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }),
  },
  TrustPolicyWithoutAssumeRole: {
    type: 'trust',
    bad: policy({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:GetCallerIdentity' }),
    good: policy({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }),
  },
  RcpUnsupportedService: {
    type: 'rcp',
    bad: policy({ Effect: 'Deny', Principal: '*', Action: 'ec2:TerminateInstances', Resource: '*', Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } } }),
    good: policy({ Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: '*', Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } } }),
  },
  ResourcePolicyWithoutResource: {
    type: 'resource',
    bad: policy({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject' }),
    good: policy(allow({ Principal: { AWS: '111122223333' } })),
  },

  AllowAllOnAll: { bad: policy({ Effect: 'Allow', Action: '*', Resource: '*' }), good: policy(allow()) },
  AllowNotActionOnAllResources: { bad: policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }), good: policy({ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }) },
  AllowWithNotResource: { bad: policy({ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secrets/*' }), good: policy(allow()) },
  PassRoleOnAllResources: {
    bad: policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }),
    good: policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app-*', Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } } }),
  },
  PrivilegeEscalation: {
    bad: policy({ Effect: 'Allow', Action: ['iam:AttachUserPolicy', 'iam:CreatePolicyVersion'], Resource: '*' }),
    good: policy({ Effect: 'Allow', Action: 'iam:AttachUserPolicy', Resource: 'arn:aws:iam::111122223333:user/interns/*' }),
  },
  ResourceWildcardForScopedActions: { bad: policy(allow({ Resource: '*' })), good: policy(allow()) },
};
