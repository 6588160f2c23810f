import { DOC, ORG_ID, conditionCase, group } from '../lib.mjs';

const TEAM = 'aws:PrincipalTag/team';
const REGION = 'aws:RequestedRegion';
const TAG_KEYS = 'aws:TagKeys';

/** ...IfExists on every family, and the ForAllValues / ForAnyValue set operators. */
export function ifExistsAndSetOperators() {
  const g = group('ifexists-and-set-operators', DOC.ifExists);
  const keys = (v) => ({ [TAG_KEYS]: v });

  // [effect, condition, context, expectation, why, doc?]
  const ifExists = [
    ['Allow', { StringEqualsIfExists: { [TEAM]: 'blue' } }, undefined, 'allowed', 'StringEqualsIfExists is true when the key is missing'],
    ['Allow', { StringEqualsIfExists: { [TEAM]: 'blue' } }, { [TEAM]: 'blue' }, 'allowed', 'StringEqualsIfExists compares normally when the key is present and equal'],
    ['Allow', { StringEqualsIfExists: { [TEAM]: 'blue' } }, { [TEAM]: 'red' }, 'implicitDeny', 'StringEqualsIfExists is false when the key is present with another value'],
    ['Allow', { StringLikeIfExists: { [TEAM]: 'bl*' } }, undefined, 'allowed', 'StringLikeIfExists is true when the key is missing'],
    ['Allow', { StringLikeIfExists: { [TEAM]: 'bl*' } }, { [TEAM]: 'red' }, 'implicitDeny', 'StringLikeIfExists applies the pattern when the key is present'],
    ['Allow', { StringNotEqualsIfExists: { [TEAM]: 'blue' } }, undefined, 'allowed', 'StringNotEqualsIfExists is true when the key is missing'],
    ['Allow', { StringNotEqualsIfExists: { [TEAM]: 'blue' } }, { [TEAM]: 'blue' }, 'implicitDeny', 'StringNotEqualsIfExists is false when the key equals the value'],
    ['Allow', { NumericLessThanIfExists: { 's3:max-keys': '10' } }, undefined, 'allowed', 'NumericLessThanIfExists is true when the key is missing'],
    ['Allow', { NumericLessThanIfExists: { 's3:max-keys': '10' } }, { 's3:max-keys': '50' }, 'implicitDeny', 'NumericLessThanIfExists compares when the key is present'],
    ['Allow', { DateGreaterThanIfExists: { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' } }, undefined, 'allowed', 'DateGreaterThanIfExists is true when the key is missing'],
    ['Allow', { DateGreaterThanIfExists: { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' } }, { 'aws:TokenIssueTime': '2025-06-01T00:00:00Z' }, 'implicitDeny', 'DateGreaterThanIfExists compares when the key is present'],
    ['Deny', { StringNotEqualsIfExists: { [REGION]: ['eu-west-1', 'eu-central-1'] } }, { [REGION]: 'us-east-1' }, 'explicitDeny', 'a Region allow-list Deny applies to a Region outside the list'],
    ['Deny', { StringNotEqualsIfExists: { [REGION]: ['eu-west-1', 'eu-central-1'] } }, { [REGION]: 'eu-central-1' }, 'allowed', 'a Region allow-list Deny does not apply to a listed Region'],
    ['Deny', { StringNotEqualsIfExists: { [REGION]: ['eu-west-1', 'eu-central-1'] } }, undefined, 'explicitDeny', 'an IfExists condition is true for a missing key, so the Deny applies'],
    ['Deny', { StringEqualsIfExists: { [TEAM]: 'contractors' } }, undefined, 'explicitDeny', 'a Deny with StringEqualsIfExists applies when the key is missing'],
    ['Deny', { StringEqualsIfExists: { [TEAM]: 'contractors' } }, { [TEAM]: 'staff' }, 'allowed', 'a Deny with StringEqualsIfExists does not apply to a different present value'],
  ];
  for (const [effect, condition, context, expect, why, doc] of ifExists) {
    g.add({ ...conditionCase(effect, condition, context), expect, why, doc });
  }

  const sets = [
    ['Allow', { 'ForAllValues:StringEquals': { [TAG_KEYS]: ['env', 'team'] } }, keys(['env']), 'allowed', 'ForAllValues holds when every request value is in the policy list'],
    ['Allow', { 'ForAllValues:StringEquals': { [TAG_KEYS]: ['env', 'team'] } }, keys(['env', 'team']), 'allowed', 'ForAllValues holds when the request values equal the policy list'],
    ['Allow', { 'ForAllValues:StringEquals': { [TAG_KEYS]: ['env', 'team'] } }, keys(['env', 'cost']), 'implicitDeny', 'ForAllValues fails when one request value is outside the policy list'],
    ['Allow', { 'ForAllValues:StringEquals': { [TAG_KEYS]: ['env', 'team'] } }, undefined, 'allowed', 'ForAllValues is true when the key is missing'],
    ['Allow', { 'ForAllValues:StringEquals': { [TAG_KEYS]: ['env', 'team'] } }, keys([]), 'allowed', 'ForAllValues is true when the key has no values'],
    ['Allow', { 'ForAllValues:StringEquals': { [TEAM]: 'blue' } }, undefined, 'allowed', 'ForAllValues on a missing single-valued key is vacuously true, which makes such an Allow too broad'],
    ['Allow', { 'ForAnyValue:StringEquals': { [TAG_KEYS]: 'env' } }, keys(['env', 'cost']), 'allowed', 'ForAnyValue holds when at least one request value matches'],
    ['Allow', { 'ForAnyValue:StringEquals': { [TAG_KEYS]: 'env' } }, keys(['cost']), 'implicitDeny', 'ForAnyValue fails when no request value matches'],
    ['Allow', { 'ForAnyValue:StringEquals': { [TAG_KEYS]: 'env' } }, undefined, 'implicitDeny', 'ForAnyValue is false when the key is missing'],
    ['Allow', { 'ForAnyValue:StringEquals': { [TAG_KEYS]: 'env' } }, keys([]), 'implicitDeny', 'ForAnyValue is false when the key has no values'],
    ['Allow', { 'ForAllValues:StringLike': { [TAG_KEYS]: 'key1*' } }, keys(['key1a', 'key1b']), 'allowed', 'ForAllValues:StringLike holds when every value matches the pattern'],
    ['Allow', { 'ForAllValues:StringLike': { [TAG_KEYS]: 'key1*' } }, keys(['key1a', 'key2']), 'implicitDeny', 'ForAllValues:StringLike fails when one value misses the pattern'],
    ['Allow', { 'ForAnyValue:StringLike': { [TAG_KEYS]: ['cost*', 'env*'] } }, keys(['team', 'env-x']), 'allowed', 'ForAnyValue:StringLike holds when one value matches one pattern'],
    ['Deny', { 'ForAnyValue:StringEquals': { [TAG_KEYS]: 'owner' } }, keys(['env', 'owner']), 'explicitDeny', 'a Deny with ForAnyValue applies when any request value matches'],
    ['Deny', { 'ForAnyValue:StringEquals': { [TAG_KEYS]: 'owner' } }, keys(['env']), 'allowed', 'a Deny with ForAnyValue does not apply when no value matches'],
    ['Deny', { 'ForAnyValue:StringEquals': { [TAG_KEYS]: 'owner' } }, undefined, 'allowed', 'a Deny with ForAnyValue does not apply when the key is missing'],
    ['Deny', { 'ForAllValues:StringNotLike': { [TAG_KEYS]: 'key1*' } }, keys(['key2:audit']), 'explicitDeny', 'ForAllValues:StringNotLike is true when every value misses the pattern, so the Deny applies', DOC.setExamples],
    ['Deny', { 'ForAllValues:StringNotLike': { [TAG_KEYS]: 'key1*' } }, keys(['key1:hr', 'key1:personnel']), 'allowed', 'ForAllValues:StringNotLike is false when the values match the pattern, so the Deny does not apply', DOC.setExamples],
    ['Deny', { 'ForAllValues:StringNotLike': { [TAG_KEYS]: 'key1*' } }, undefined, 'explicitDeny', 'ForAllValues is true when the key is missing, so this Deny applies to requests without tags', DOC.setExamples],
    ['Allow', { 'ForAnyValue:StringNotEquals': { [TAG_KEYS]: 'env' } }, keys(['env', 'team']), 'allowed', 'ForAnyValue:StringNotEquals holds when some request value differs from every policy value'],
    ['Allow', { 'ForAnyValue:StringNotEquals': { [TAG_KEYS]: 'env' } }, keys(['env']), 'implicitDeny', 'ForAnyValue:StringNotEquals fails when every request value equals a policy value'],
    ['Allow', { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': `${ORG_ID}/r-ab12/ou-ab12-11111111/*` } }, { 'aws:PrincipalOrgPaths': [`${ORG_ID}/r-ab12/ou-ab12-11111111/ou-ab12-22222222/`] }, 'allowed', 'ForAnyValue:StringLike matches an organization path below the given OU', DOC.globalKeys],
    ['Allow', { 'ForAnyValue:StringEquals': { 'aws:CalledVia': 'cloudformation.amazonaws.com' } }, { 'aws:CalledVia': ['cloudformation.amazonaws.com', 'dynamodb.amazonaws.com'] }, 'allowed', 'ForAnyValue on aws:CalledVia matches when the chain includes the service', DOC.globalKeys],
    ['Allow', { 'ForAnyValue:StringEquals': { 'aws:CalledVia': 'cloudformation.amazonaws.com' } }, undefined, 'implicitDeny', 'aws:CalledVia is absent for a direct call, so ForAnyValue is false', DOC.globalKeys],
    ['Allow', { 'ForAllValues:StringEquals': { [TAG_KEYS]: ['env', 'team'] }, Null: { [TAG_KEYS]: 'false' } }, undefined, 'implicitDeny', 'pairing ForAllValues with Null `false` stops a missing key from satisfying the Allow', DOC.setExamples],
    ['Allow', { 'ForAllValues:StringEquals': { [TAG_KEYS]: ['env', 'team'] }, Null: { [TAG_KEYS]: 'false' } }, keys(['team']), 'allowed', 'ForAllValues with Null `false` still allows a present subset of the list', DOC.setExamples],
  ];
  for (const [effect, condition, context, expect, why, doc] of sets) {
    g.add({ ...conditionCase(effect, condition, context), expect, why, doc: doc ?? DOC.setOperators });
  }
  return g;
}
