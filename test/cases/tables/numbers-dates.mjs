import { DOC, NOW, conditionCase, group } from '../lib.mjs';

const MAX_KEYS = 's3:max-keys';
const MFA_AGE = 'aws:MultiFactorAuthAge';
const TIME = 'aws:CurrentTime';
const ISSUED = 'aws:TokenIssueTime';

/** Numeric and Date operators, including epoch and ISO 8601 forms. */
export function numericDateOperators() {
  const g = group('numeric-date-operators', DOC.numeric);
  const k = (v) => ({ [MAX_KEYS]: v });
  const now = (v = NOW) => ({ [TIME]: v });

  // [effect, condition, context, expectation, why, doc?]
  const numeric = [
    ['Allow', { NumericEquals: { [MAX_KEYS]: '10' } }, k('10'), 'allowed', 'NumericEquals matches an equal number'],
    ['Allow', { NumericEquals: { [MAX_KEYS]: '10' } }, k(10), 'allowed', 'a numeric context value given as a JSON number compares like its string form'],
    ['Allow', { NumericEquals: { [MAX_KEYS]: '10' } }, k('11'), 'implicitDeny', 'NumericEquals does not match a different number'],
    ['Allow', { NumericEquals: { [MAX_KEYS]: '10' } }, undefined, 'implicitDeny', 'NumericEquals is false when the key is missing', DOC.operators],
    ['Allow', { NumericNotEquals: { [MAX_KEYS]: '10' } }, k('11'), 'allowed', 'NumericNotEquals is true for a different number'],
    ['Allow', { NumericNotEquals: { [MAX_KEYS]: '10' } }, k('10'), 'implicitDeny', 'NumericNotEquals is false for an equal number'],
    ['Allow', { NumericNotEquals: { [MAX_KEYS]: '10' } }, undefined, 'allowed', 'NumericNotEquals, a negated operator, is true when the key is missing', DOC.operators],
    ['Allow', { NumericLessThan: { [MAX_KEYS]: '10' } }, k('9'), 'allowed', 'NumericLessThan is true for a smaller number'],
    ['Allow', { NumericLessThan: { [MAX_KEYS]: '10' } }, k('10'), 'implicitDeny', 'NumericLessThan is strict, so an equal number fails'],
    ['Allow', { NumericLessThan: { [MAX_KEYS]: '10' } }, k('11'), 'implicitDeny', 'NumericLessThan is false for a larger number'],
    ['Allow', { NumericLessThan: { [MAX_KEYS]: '10' } }, undefined, 'implicitDeny', 'NumericLessThan is false when the key is missing', DOC.operators],
    ['Allow', { NumericLessThanEquals: { [MAX_KEYS]: '10' } }, k('10'), 'allowed', 'NumericLessThanEquals accepts an equal number'],
    ['Allow', { NumericLessThanEquals: { [MAX_KEYS]: '10' } }, k('11'), 'implicitDeny', 'NumericLessThanEquals rejects a larger number'],
    ['Allow', { NumericGreaterThan: { [MAX_KEYS]: '10' } }, k('11'), 'allowed', 'NumericGreaterThan is true when the request value is larger than the policy value'],
    ['Allow', { NumericGreaterThan: { [MAX_KEYS]: '10' } }, k('10'), 'implicitDeny', 'NumericGreaterThan is strict, so an equal number fails'],
    ['Allow', { NumericGreaterThan: { [MAX_KEYS]: '10' } }, k('9'), 'implicitDeny', 'NumericGreaterThan is false when the request value is smaller (the comparison is not inverted)'],
    ['Allow', { NumericGreaterThanEquals: { [MAX_KEYS]: '10' } }, k('10'), 'allowed', 'NumericGreaterThanEquals accepts an equal number'],
    ['Allow', { NumericGreaterThanEquals: { [MAX_KEYS]: '10' } }, k('9'), 'implicitDeny', 'NumericGreaterThanEquals rejects a smaller number'],
    ['Allow', { NumericLessThan: { [MAX_KEYS]: '10' } }, k('9'), 'allowed', 'numbers compare by value: 9 is less than 10 even though "9" sorts after "10" as text'],
    ['Allow', { NumericGreaterThan: { [MAX_KEYS]: '9' } }, k('10'), 'allowed', 'numbers compare by value: 10 is greater than 9 even though "10" sorts before "9" as text'],
    ['Allow', { NumericLessThan: { [MAX_KEYS]: '1.5' } }, k('1.25'), 'allowed', 'numeric operators compare decimal values'],
    ['Allow', { NumericEquals: { [MAX_KEYS]: ['5', '10'] } }, k('10'), 'allowed', 'several numeric values are ORed', DOC.multiValues],
    ['Allow', { NumericLessThan: { [MFA_AGE]: '3600' } }, { [MFA_AGE]: '300' }, 'allowed', 'a recent MFA sign-in satisfies a NumericLessThan on aws:MultiFactorAuthAge'],
    ['Allow', { NumericLessThan: { [MFA_AGE]: '3600' } }, undefined, 'implicitDeny', 'aws:MultiFactorAuthAge is absent without MFA, so NumericLessThan is false', DOC.globalKeys],
    ['Deny', { NumericGreaterThan: { [MFA_AGE]: '3600' } }, { [MFA_AGE]: '7200' }, 'explicitDeny', 'a Deny on an old MFA sign-in applies when the age exceeds the limit'],
    ['Deny', { NumericGreaterThan: { [MFA_AGE]: '3600' } }, undefined, 'allowed', 'a Deny with NumericGreaterThan does not apply when the key is missing', DOC.operators],
  ];
  for (const [effect, condition, context, expect, why, doc] of numeric) {
    g.add({ ...conditionCase(effect, condition, context), expect, why, doc });
  }

  const dates = [
    ['Allow', { DateGreaterThan: { [TIME]: '2020-01-01T00:00:00Z' } }, now(), 'allowed', 'DateGreaterThan is true for a later time'],
    ['Allow', { DateGreaterThan: { [TIME]: '2020-01-01T00:00:00Z' } }, now('2019-12-31T23:59:59Z'), 'implicitDeny', 'DateGreaterThan is false for an earlier time'],
    ['Allow', { DateLessThan: { [TIME]: '2030-01-01T00:00:00Z' } }, now(), 'allowed', 'DateLessThan is true for an earlier time'],
    ['Allow', { DateLessThan: { [TIME]: '2030-01-01T00:00:00Z' } }, now('2031-06-01T00:00:00Z'), 'implicitDeny', 'DateLessThan is false for a later time'],
    ['Allow', { DateEquals: { [TIME]: NOW } }, now(), 'allowed', 'DateEquals matches the same instant'],
    ['Allow', { DateEquals: { [TIME]: NOW } }, now('2026-11-28T12:00:01Z'), 'implicitDeny', 'DateEquals fails one second later'],
    ['Allow', { DateNotEquals: { [TIME]: NOW } }, now('2026-11-28T12:00:01Z'), 'allowed', 'DateNotEquals is true for another instant'],
    ['Allow', { DateNotEquals: { [TIME]: NOW } }, now(), 'implicitDeny', 'DateNotEquals is false for the same instant'],
    ['Allow', { DateNotEquals: { [ISSUED]: NOW } }, undefined, 'allowed', 'DateNotEquals, a negated operator, is true when the key is missing', DOC.operators],
    ['Allow', { DateLessThanEquals: { [TIME]: NOW } }, now(), 'allowed', 'DateLessThanEquals accepts the same instant'],
    ['Allow', { DateGreaterThanEquals: { [TIME]: NOW } }, now(), 'allowed', 'DateGreaterThanEquals accepts the same instant'],
    ['Allow', { DateGreaterThanEquals: { [TIME]: NOW } }, now('2026-11-28T11:59:59Z'), 'implicitDeny', 'DateGreaterThanEquals rejects an earlier instant'],
    ['Allow', { DateGreaterThan: { [ISSUED]: '2020-01-01T00:00:00Z' } }, undefined, 'implicitDeny', 'a date operator is false when the key is missing', DOC.operators],
    ['Allow', { DateLessThan: { [TIME]: '1893456000' } }, now(), 'allowed', 'a policy date in epoch seconds (2030-01-01) compares with an ISO 8601 request time'],
    ['Allow', { DateGreaterThan: { [TIME]: '1893456000' } }, now(), 'implicitDeny', 'an epoch policy date in the future is not earlier than the ISO request time'],
    ['Allow', { DateGreaterThan: { 'aws:EpochTime': '2020-01-01T00:00:00Z' } }, { 'aws:EpochTime': '1795867200' }, 'allowed', 'an ISO 8601 policy date compares with an epoch request time'],
    ['Allow', { DateLessThan: { 'aws:EpochTime': '1893456000' } }, { 'aws:EpochTime': 1795867200 }, 'allowed', 'epoch policy and epoch request values compare as instants'],
    ['Allow', { DateGreaterThan: { [TIME]: '2020-01-01' } }, now(), 'allowed', 'a date-only ISO 8601 value is a valid policy date'],
    ['Allow', { DateEquals: { [TIME]: '2026-11-28T13:00:00+01:00' } }, now(), 'allowed', 'dates with a time-zone offset compare as the same instant in UTC'],
    ['Deny', { DateLessThan: { [ISSUED]: '2026-11-28T10:00:00Z' } }, { [ISSUED]: '2026-11-28T09:00:00Z' }, 'explicitDeny', 'revoking older sessions denies a token issued before the cut-off', DOC.revokeSessions],
    ['Deny', { DateLessThan: { [ISSUED]: '2026-11-28T10:00:00Z' } }, { [ISSUED]: '2026-11-28T11:00:00Z' }, 'allowed', 'revoking older sessions leaves tokens issued after the cut-off', DOC.revokeSessions],
    ['Deny', { DateLessThan: { [ISSUED]: '2026-11-28T10:00:00Z' } }, undefined, 'allowed', 'a Deny on aws:TokenIssueTime does not apply to long-term credentials, which lack the key', DOC.globalKeys],
  ];
  for (const [effect, condition, context, expect, why, doc] of dates) {
    g.add({ ...conditionCase(effect, condition, context), expect, why, doc: doc ?? DOC.date });
  }
  return g;
}
