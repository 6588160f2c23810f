/**
 * Real action names used to turn a wildcard action pattern (`s3:Get*`,
 * `ec2:Describe*`) into concrete actions for counterexamples. A small,
 * hand-picked list of the services the exercises use; the full action
 * catalog replaces it when it is available.
 * Names from the Service Authorization Reference:
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
const BY_SERVICE: Record<string, string> = {
  s3: 'GetObject PutObject DeleteObject ListBucket GetObjectAcl PutObjectAcl GetBucketPolicy PutBucketPolicy DeleteBucketPolicy DeleteBucket CreateBucket ListAllMyBuckets GetBucketLocation GetObjectVersion ListBucketVersions PutBucketAcl',
  ec2: 'DescribeInstances DescribeImages DescribeVolumes DescribeSecurityGroups DescribeTags RunInstances StartInstances StopInstances TerminateInstances RebootInstances CreateTags DeleteTags GetPasswordData GetConsoleOutput AssociateIamInstanceProfile ModifyInstanceAttribute CreateVolume AttachVolume',
  iam: 'GetUser CreateUser DeleteUser ChangePassword GetAccountPasswordPolicy CreateAccessKey DeleteAccessKey UpdateAccessKey ListAccessKeys GetAccessKeyLastUsed CreateLoginProfile UpdateLoginProfile AttachUserPolicy PutUserPolicy CreateRole DeleteRole GetRole PassRole PutRolePolicy AttachRolePolicy DetachRolePolicy DeleteRolePolicy PutRolePermissionsBoundary DeleteRolePermissionsBoundary CreatePolicy CreatePolicyVersion SetDefaultPolicyVersion DeletePolicy DeletePolicyVersion ListRoles ListUsers CreateServiceLinkedRole UpdateAssumeRolePolicy',
  sts: 'AssumeRole AssumeRoleWithWebIdentity AssumeRoleWithSAML TagSession SetSourceIdentity GetCallerIdentity GetSessionToken GetFederationToken',
  cloudwatch: 'GetMetricData GetMetricStatistics ListMetrics DescribeAlarms PutMetricAlarm DeleteAlarms PutMetricData',
  dynamodb: 'GetItem Query Scan PutItem UpdateItem DeleteItem BatchGetItem BatchWriteItem DescribeTable DeleteTable CreateTable',
  secretsmanager: 'GetSecretValue DescribeSecret CreateSecret PutSecretValue DeleteSecret TagResource UntagResource ListSecrets',
  lambda: 'InvokeFunction CreateFunction UpdateFunctionCode GetFunction DeleteFunction AddPermission',
  cloudtrail: 'StopLogging DeleteTrail StartLogging UpdateTrail DescribeTrails LookupEvents',
  organizations: 'LeaveOrganization DescribeOrganization ListAccounts',
  guardduty: 'DeleteDetector UpdateDetector ListDetectors',
  config: 'StopConfigurationRecorder DeleteConfigurationRecorder DescribeConfigRules',
  kms: 'Decrypt Encrypt GenerateDataKey DescribeKey ScheduleKeyDeletion',
  sqs: 'SendMessage ReceiveMessage DeleteMessage',
  sns: 'Publish Subscribe',
  logs: 'CreateLogGroup PutLogEvents',
};

/** Every built-in action, `service:Name`, services in a fixed order. */
export const BUILTIN_ACTIONS: readonly string[] = Object.freeze(
  Object.entries(BY_SERVICE).flatMap(([service, names]) => names.split(' ').map((name) => `${service}:${name}`)),
);

/** An action that is most unlikely to appear in any exercise: what "every other action" stands for. */
export const UNRELATED_ACTION = 'sns:Publish';
