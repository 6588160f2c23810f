/**
 * Every check `iamprep lint` runs, with its stable code and severity. The
 * severities follow IAM Access Analyzer's classes
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html):
 * `error` the policy is invalid or cannot mean what it says; `security`
 * valid but dangerous; `warning` likely a mistake; `suggestion` cleaner or
 * tighter. `stage` says which part of the engine reports it: the parser and
 * the condition compiler refuse invalid policies, lint adds the rest.
 */
import type { Severity } from '../../core/index.js';

export type CheckStage = 'parse' | 'compile' | 'lint';

export interface LintCheck {
  code: string;
  severity: Severity;
  stage: CheckStage;
  /** A short name, for docs and lists. */
  title: string;
  /** What the check finds and why it matters. */
  description: string;
  /** The usual fix, given as `help` when a finding has none of its own. */
  help?: string;
}

type Row = [code: string, severity: Severity, stage: CheckStage, title: string, description: string, help?: string];

const ROWS: Row[] = [
  // The parser: JSON and document structure.
  ['InvalidJson', 'error', 'parse', 'Invalid JSON', 'The text is not valid JSON; the finding points at the failing character.', 'fix the JSON at the marked character: keys and strings in double quotes, commas between members, no trailing commas'],
  ['DuplicateKey', 'error', 'parse', 'Duplicate key', 'A key appears twice in one object; JSON parsers keep only the last, so half of what was written would vanish.'],
  ['InvalidPolicy', 'error', 'parse', 'Policy is not an object', 'A policy document must be a JSON object.', 'write `{"Version": "2012-10-17", "Statement": [ ... ]}`'],
  ['UnknownElement', 'error', 'parse', 'Unknown element', 'An element name IAM does not know, with a did-you-mean for typos.'],
  ['InvalidVersion', 'error', 'parse', 'Invalid Version', 'Version must be `2012-10-17` (or the old `2008-10-17`).'],
  ['MissingVersion', 'warning', 'parse', 'Missing Version', 'Without Version AWS uses `2008-10-17`, where policy variables are literal text.'],
  ['InvalidId', 'error', 'parse', 'Invalid Id', 'Id must be a string.', 'write the Id as a string, such as `"Id": "reports-access"`'],
  ['MissingStatement', 'error', 'parse', 'Missing Statement', 'The policy has no Statement element.'],
  ['EmptyStatement', 'warning', 'parse', 'Empty Statement', 'The Statement list is empty, so the policy does nothing.', 'add a statement, or remove the policy'],
  ['InvalidStatement', 'error', 'parse', 'Invalid statement', 'A statement must be an object; Statement an object or an array of them.', 'write each statement as an object: `{"Effect": ..., "Action": ..., "Resource": ...}`'],
  ['InvalidSid', 'error', 'parse', 'Invalid Sid', 'Sid must be a string.', 'write the Sid as a string of letters and digits, such as `"ReadReports"`'],
  ['DuplicateSid', 'error', 'parse', 'Duplicate Sid', 'Two statements share a Sid; IAM rejects that (a warning for other resource policies).'],
  ['MissingEffect', 'error', 'parse', 'Missing Effect', 'A statement needs `"Effect": "Allow"` or `"Deny"`.'],
  ['InvalidEffect', 'error', 'parse', 'Invalid Effect', 'Effect is neither `Allow` nor `Deny`, with a did-you-mean for misspellings.', 'write `"Allow"` or `"Deny"`, with that capitalisation'],
  ['MissingAction', 'error', 'parse', 'Missing Action', 'The statement has neither Action nor NotAction.'],
  ['ActionWithNotAction', 'error', 'parse', 'Action with NotAction', 'A statement may have Action or NotAction, not both.'],
  ['MissingResource', 'error', 'parse', 'Missing Resource', 'The statement has neither Resource nor NotResource.'],
  ['ResourceWithNotResource', 'error', 'parse', 'Resource with NotResource', 'A statement may have Resource or NotResource, not both.'],
  ['PrincipalWithNotPrincipal', 'error', 'parse', 'Principal with NotPrincipal', 'A statement may have Principal or NotPrincipal, not both.'],
  ['PrincipalNotAllowed', 'error', 'parse', 'Principal not allowed', 'Identity policies, boundaries, session policies and SCPs name no principal.'],
  ['MissingPrincipal', 'error', 'parse', 'Missing Principal', 'Resource-based policies and RCPs must name a principal.'],
  ['InvalidPrincipal', 'error', 'parse', 'Invalid principal', 'A principal value IAM does not accept: a partial wildcard, a malformed ARN, an account ID without 12 digits.', 'name principals as `{"AWS": "arn:aws:iam::111122223333:root"}`, `{"Service": "ec2.amazonaws.com"}` or `"*"`'],
  ['NotPrincipalNotAllowed', 'error', 'parse', 'NotPrincipal in an RCP', 'Resource control policies do not support NotPrincipal.'],
  ['RcpAllowNotSupported', 'error', 'parse', 'RCP with Allow', 'Resource control policies can only Deny.'],
  ['AllowWithNotPrincipal', 'security', 'parse', 'Allow with NotPrincipal', 'Allow with NotPrincipal grants access to everyone not listed, anonymous users included.'],
  ['InvalidElementType', 'error', 'parse', 'Wrong element type', 'An element holds a number, object or other type where strings are expected.', 'write a string, or an array of strings such as `["s3:GetObject", "s3:PutObject"]`'],
  ['EmptyArray', 'warning', 'parse', 'Empty array', 'Action, Resource or a principal list is an empty array, so the statement matches nothing.', 'list at least one value, or remove the statement'],
  ['InvalidAction', 'error', 'parse', 'Malformed action', 'An action is not in the form `service:action`.'],
  ['InvalidResource', 'error', 'parse', 'Malformed resource ARN', 'A resource is not `*` and not an ARN with six colon-separated fields.'],
  ['InvalidCondition', 'error', 'parse', 'Malformed Condition', 'Condition must map operators to objects of keys and values.', 'write `"Condition": {"Operator": {"key": "value"}}`'],
  // The condition compiler.
  ['UnknownConditionOperator', 'error', 'compile', 'Unknown condition operator', 'An operator such as `StringEqualz` that does not exist, with a did-you-mean.'],
  ['InvalidNullIfExists', 'error', 'compile', 'NullIfExists', '`NullIfExists` is not an operator: Null already tests whether a key exists.'],
  ['InvalidNullSetOperator', 'error', 'compile', 'Set operator on Null', '`ForAllValues:Null` and `ForAnyValue:Null` do not exist.'],
  ['EmptyConditionOperator', 'warning', 'compile', 'Operator without keys', 'An operator lists no keys, so it always matches.'],
  ['InvalidConditionKey', 'error', 'compile', 'Invalid condition key', 'A condition key is empty or holds a policy variable.'],
  ['EmptyConditionValues', 'error', 'compile', 'Condition key without values', 'A condition key has an empty list of values.'],
  ['InvalidConditionValue', 'error', 'compile', 'Invalid condition value', 'A value the operator cannot use: an invalid IP address or CIDR, date, number, boolean or Base64 text.', 'write the value the operator expects: an IP address or CIDR, an ISO 8601 date, a number, `true` or `false`'],
  ['InvalidPolicyVariable', 'error', 'compile', 'Invalid policy variable', 'A malformed `${...}` policy variable in a condition value.'],
  // Lint: document structure.
  ['ConditionOperatorOutsideCondition', 'error', 'lint', 'Condition operator outside Condition', 'An operator such as `NotIpAddress` is written at statement level; it must sit inside `Condition`.'],
  ['OutdatedVersion', 'warning', 'lint', 'Old policy language version', 'Version `2008-10-17` lacks policy variables and newer features.'],
  ['PolicyVariableWithoutVersion', 'error', 'lint', 'Policy variable without Version 2012-10-17', 'Under the old version a variable such as `${aws:username}` is literal text and never matches.'],
  ['PolicyVariableInAction', 'error', 'lint', 'Policy variable in Action', 'Policy variables are not replaced in Action.'],
  ['InvalidSidCharacters', 'error', 'lint', 'Sid with characters IAM rejects', 'IAM Sids may hold only ASCII letters and digits.'],
  ['EmptyCondition', 'warning', 'lint', 'Empty Condition', '`"Condition": {}` restricts nothing.'],
  ['DuplicateValue', 'suggestion', 'lint', 'Repeated value', 'The same action or resource is listed twice.'],
  ['IdentityPolicyTooLarge', 'error', 'lint', 'Identity policy over the size quota', 'A managed policy may have at most 6,144 characters, white space not counted.'],
  ['OrganizationPolicyTooLarge', 'error', 'lint', 'SCP or RCP over 5,120 characters', 'Service and resource control policies may have at most 5,120 characters.'],
  // Lint: actions.
  ['UnknownService', 'error', 'lint', 'Unknown service prefix', 'The service prefix of an action does not exist, with a did-you-mean.'],
  ['UnknownAction', 'error', 'lint', 'Unknown action', 'The service has no such action, with a did-you-mean.'],
  ['ActionMatchesNothing', 'warning', 'lint', 'Action wildcard matching nothing', 'A pattern such as `s3:Gett*` matches no action.'],
  ['ActionCase', 'suggestion', 'lint', 'Action spelled in another case', 'Actions match case-insensitively, but the documented spelling reads better.'],
  ['RedundantAction', 'suggestion', 'lint', 'Redundant action', 'An action is already covered by a wildcard in the same list.'],
  ['FullServiceAccess', 'suggestion', 'lint', 'Every action of a service', '`service:*` in an Allow grants every action, including future ones.'],
  // Lint: resources.
  ['InvalidArnPartition', 'error', 'lint', 'Invalid ARN partition', 'The second field of an ARN is not an AWS partition.'],
  ['InvalidArnService', 'error', 'lint', 'Unknown service in ARN', 'The third field of an ARN names no AWS service, with a did-you-mean.'],
  ['InvalidArnRegion', 'error', 'lint', 'Invalid Region in ARN', 'The Region field is not a Region code.'],
  ['InvalidArnAccount', 'error', 'lint', 'Invalid account in ARN', 'The account field is not 12 digits.'],
  ['RegionInGlobalArn', 'error', 'lint', 'Region in a global ARN', 'IAM and S3 bucket or object ARNs have an empty Region field.'],
  ['AccountInS3Arn', 'error', 'lint', 'Account in an S3 ARN', 'S3 bucket and object ARNs have an empty account field.'],
  ['InvalidBucketName', 'warning', 'lint', 'Invalid S3 bucket name', 'A bucket name with capitals, underscores or the wrong length can name no bucket.'],
  ['ObjectActionOnBucketArn', 'error', 'lint', 'Object action on a bucket ARN', 'An S3 object action such as `s3:GetObject` with only `arn:aws:s3:::bucket` never applies; objects are `bucket/*`.'],
  ['ActionMatchesNoResource', 'warning', 'lint', 'Action matching no listed resource', 'No ARN of the statement is a resource type the action works on.'],
  ['ResourceServiceMismatch', 'warning', 'lint', 'ARN of another service', "The statement's ARNs belong to another service than the action."],
  ['ActionNeedsWildcardResource', 'warning', 'lint', 'Action that needs Resource *', 'The action supports no resource-level permissions, so with specific ARNs it never applies.'],
  ['RedundantResource', 'suggestion', 'lint', 'Redundant resource', 'A resource is already covered by a wildcard in the same list.'],
  // Lint: conditions.
  ['UnknownGlobalConditionKey', 'error', 'lint', 'Unknown global condition key', 'An `aws:` key that does not exist (`aws:SoruceIp`) is never in the request.'],
  ['UnknownServiceConditionKey', 'error', 'lint', 'Unknown service condition key', 'The service has no such condition key.'],
  ['ConditionKeyCaseDuplicate', 'error', 'lint', 'Condition key repeated in another case', 'Keys are case-insensitive, so `aws:SourceIp` and `aws:sourceip` under one operator are the same key written twice.'],
  ['ConditionTypeMismatch', 'warning', 'lint', 'Operator of the wrong type for the key', 'For example `IpAddress` on a string key, or `StringEquals` on a date.'],
  ['PreferArnOperator', 'suggestion', 'lint', 'String operator on an ARN key', '`ArnLike` and `ArnEquals` compare ARN keys field by field.'],
  ['ForAllValuesWithSingleValuedKey', 'security', 'lint', 'ForAllValues on a single-valued key', 'ForAllValues is also true when the key is absent; on a single-valued key that widens an Allow.'],
  ['ForAnyValueWithSingleValuedKey', 'suggestion', 'lint', 'ForAnyValue on a single-valued key', 'A set operator on a single-valued key adds nothing.'],
  ['MultivaluedKeyWithoutSetOperator', 'warning', 'lint', 'Multivalued key without a set operator', 'Keys such as `aws:TagKeys` need `ForAllValues:` or `ForAnyValue:`.'],
  ['WildcardInStringEquals', 'warning', 'lint', 'Wildcard in StringEquals', '`*` and `?` are literal under StringEquals; StringLike matches patterns.'],
  ['DuplicateConditionValue', 'suggestion', 'lint', 'Repeated condition value', 'A key lists the same value twice.'],
  ['PrivateIpInSourceIp', 'warning', 'lint', 'Private range in aws:SourceIp', '`aws:SourceIp` holds public addresses; VPC traffic carries `aws:VpcSourceIp`.'],
  ['SecureTransportInverted', 'warning', 'lint', 'aws:SecureTransport the wrong way round', 'Deny with SecureTransport `true` blocks HTTPS; Allow with `false` allows plain HTTP.'],
  ['MfaCheckWithoutIfExists', 'warning', 'lint', 'MFA check without IfExists', 'Deny on `aws:MultiFactorAuthPresent` `false` misses requests with long-term keys, where the key is absent.'],
  ['WildcardOnSensitiveKey', 'security', 'lint', 'Wildcard in an account, organization or VPC key', 'A `StringLike` or `ArnLike` pattern such as `o-*` on `aws:PrincipalOrgID`, `aws:SourceAccount` or another key AWS calls sensitive matches other accounts or organizations; on `aws:...OrgPaths` keys, a wildcard in the organization ID does.', 'write exact IDs with `StringEquals`: AWS documents no valid use of wildcards in these keys'],
  ['SourceArnAsCaller', 'warning', 'lint', 'Confused-deputy key in an identity policy', '`aws:SourceArn`, `aws:SourceAccount`, `aws:SourceOrgID` and `aws:SourceOrgPaths` are only in requests an AWS service principal makes on behalf of a resource, so in an identity policy, permissions boundary or session policy they are absent: a condition such as `ArnEquals` on them is never true, a negated one such as `ArnNotEquals` always.', 'name the caller with `aws:PrincipalArn` or `aws:PrincipalAccount`, or move the condition to the resource policy that allows the service principal'],
  ['ForAnyValueAllowList', 'warning', 'lint', 'ForAnyValue as a tag-key allow-list', '`ForAnyValue:StringEquals` on `aws:TagKeys` in an Allow is true when one requested key is listed, so other keys sent with it pass too.', 'use `ForAllValues:StringEquals` to allow only the listed tag keys'],
  // Lint: principals and policy kinds.
  ['PublicAccess', 'security', 'lint', 'Public access', 'A resource or trust policy allows `Principal: *` with no condition.'],
  ['DenyNotPrincipalIncomplete', 'warning', 'lint', 'Deny with NotPrincipal missing account or session', 'The excluded user or role is still denied unless its account and role session are excluded too.'],
  ['TrustWithoutExternalId', 'suggestion', 'lint', 'Account trust without external ID', 'A role that trusts a whole account on behalf of a third party should require `sts:ExternalId`.'],
  ['PrincipalActionMismatch', 'error', 'lint', 'AssumeRole action not fitting the principal', 'SAML providers need AssumeRoleWithSAML, web identity providers AssumeRoleWithWebIdentity.'],
  ['TrustPolicyWithResource', 'error', 'lint', 'Resource in a trust policy', 'IAM rejects a role trust policy with Resource.'],
  ['TrustPolicyWithoutAssumeRole', 'error', 'lint', 'Trust policy without sts:AssumeRole', 'A trust statement that allows no `sts:AssumeRole*` action lets nobody assume the role.'],
  ['RcpUnsupportedService', 'warning', 'lint', 'RCP on a service RCPs do not cover', 'Resource control policies apply to a set of services; other actions have no effect.'],
  ['ResourcePolicyWithoutResource', 'warning', 'lint', 'Resource-based policy without Resource', 'Bucket, queue and key policies must name the resource.'],
  // Lint: security.
  ['AllowAllOnAll', 'security', 'lint', 'Every action on every resource', '`"Action": "*"` with `"Resource": "*"` in an Allow: full administrator access.'],
  ['AllowNotActionOnAllResources', 'security', 'lint', 'Allow with NotAction on *', 'Allows every action not listed, including future ones.'],
  ['AllowWithNotResource', 'security', 'lint', 'Allow with NotResource', 'Allows the actions on every resource not listed.'],
  ['PassRoleOnAllResources', 'security', 'lint', 'iam:PassRole on *', 'Lets the principal hand any role, even an administrator role, to a service.'],
  ['PrivilegeEscalation', 'security', 'lint', 'Privilege escalation', 'Actions such as `iam:CreatePolicyVersion` or `iam:AttachUserPolicy` on `*` let the principal raise its own permissions.'],
  ['ResourceWildcardForScopedActions', 'suggestion', 'lint', 'Resource * for actions with resource-level permissions', 'The actions could be limited to named resources.'],
];

export const LINT_CHECKS: readonly LintCheck[] = Object.freeze(
  ROWS.map(([code, severity, stage, title, description, help]) => Object.freeze({ code, severity, stage, title, description, ...(help ? { help } : {}) })),
);

const BY_CODE = new Map(LINT_CHECKS.map((c) => [c.code, c]));

export function findCheck(code: string): LintCheck | undefined {
  return BY_CODE.get(code);
}

/** The registered severity of a lint code; an unregistered code is a bug. */
export function checkSeverity(code: string): Severity {
  const check = BY_CODE.get(code);
  if (!check) throw new Error(`lint check ${code} is not registered`);
  return check.severity;
}
