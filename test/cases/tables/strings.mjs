import { DOC, conditionCase, group } from '../lib.mjs';

const TEAM = 'aws:PrincipalTag/team';
const PROJECT = 'aws:PrincipalTag/project';

/** The String operator family, missing keys, and how keys and values combine. */
export function stringOperators() {
  const g = group('string-operators', DOC.string);
  const t = (team) => ({ [TEAM]: team });

  // [effect, condition, context, expectation, why, doc?]
  const rows = [
    ['Allow', { StringEquals: { [TEAM]: 'blue' } }, t('blue'), 'allowed', 'StringEquals matches an identical value'],
    ['Allow', { StringEquals: { [TEAM]: 'blue' } }, t('Blue'), 'implicitDeny', 'StringEquals is case-sensitive on values'],
    ['Allow', { StringEquals: { [TEAM]: 'blue' } }, undefined, 'implicitDeny', 'StringEquals is false when the key is missing from the request', DOC.operators],
    ['Allow', { StringEquals: { [TEAM]: ['red', 'blue'] } }, t('blue'), 'allowed', 'several values for one key are ORed, so any one may match', DOC.multiValues],
    ['Allow', { StringEquals: { [TEAM]: ['red', 'blue'] } }, t('green'), 'implicitDeny', 'a value outside every listed value does not match', DOC.multiValues],
    ['Allow', { StringEquals: { 'AWS:PRINCIPALTAG/TEAM': 'blue' } }, t('blue'), 'allowed', 'condition key names are case-insensitive in the policy', DOC.condition],
    ['Allow', { StringEquals: { [TEAM]: 'blue' } }, { 'AWS:principaltag/Team': 'blue' }, 'allowed', 'condition key names are case-insensitive in the request context', DOC.condition],
    ['Allow', { StringEquals: { [TEAM]: 'bl*' } }, t('blue'), 'implicitDeny', 'StringEquals treats `*` as a literal character, not a wildcard'],
    ['Allow', { StringEquals: { [TEAM]: 'bl*' } }, t('bl*'), 'allowed', 'StringEquals with `*` matches a value that literally contains `*`'],
    ['Allow', { StringEquals: { [TEAM]: 'blue' } }, t(''), 'implicitDeny', 'an empty request value does not equal a non-empty policy value'],
    ['Allow', { StringNotEquals: { [TEAM]: 'blue' } }, t('red'), 'allowed', 'StringNotEquals is true for a different value'],
    ['Allow', { StringNotEquals: { [TEAM]: 'blue' } }, t('blue'), 'implicitDeny', 'StringNotEquals is false for the same value'],
    ['Allow', { StringNotEquals: { [TEAM]: 'blue' } }, undefined, 'allowed', 'a negated operator is true when the key is missing', DOC.operators],
    ['Allow', { StringNotEquals: { [TEAM]: 'Blue' } }, t('blue'), 'allowed', 'StringNotEquals compares case-sensitively, so `Blue` differs from `blue`'],
    ['Allow', { StringNotEquals: { [TEAM]: ['red', 'blue'] } }, t('blue'), 'implicitDeny', 'several values under a negated operator are NORed, so matching any one makes it false', DOC.multiValues],
    ['Allow', { StringNotEquals: { [TEAM]: ['red', 'blue'] } }, t('green'), 'allowed', 'a negated operator with several values is true when no value matches', DOC.multiValues],
    ['Allow', { StringEqualsIgnoreCase: { [TEAM]: 'BLUE' } }, t('blue'), 'allowed', 'StringEqualsIgnoreCase ignores case'],
    ['Allow', { StringEqualsIgnoreCase: { [TEAM]: 'BLUE' } }, t('green'), 'implicitDeny', 'StringEqualsIgnoreCase still needs the same letters'],
    ['Allow', { StringEqualsIgnoreCase: { [TEAM]: 'BLUE' } }, undefined, 'implicitDeny', 'StringEqualsIgnoreCase is false when the key is missing', DOC.operators],
    ['Allow', { StringNotEqualsIgnoreCase: { [TEAM]: 'BLUE' } }, t('blue'), 'implicitDeny', 'StringNotEqualsIgnoreCase is false for the same value in another case'],
    ['Allow', { StringNotEqualsIgnoreCase: { [TEAM]: 'BLUE' } }, t('green'), 'allowed', 'StringNotEqualsIgnoreCase is true for a different value'],
    ['Allow', { StringNotEqualsIgnoreCase: { [TEAM]: 'BLUE' } }, undefined, 'allowed', 'StringNotEqualsIgnoreCase is true when the key is missing', DOC.operators],
    ['Allow', { StringLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'home/alice/docs/' }, 'allowed', 'StringLike `*` matches any run of characters, including `/`'],
    ['Allow', { StringLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'work/alice/' }, 'implicitDeny', 'StringLike needs the literal part of the pattern to match'],
    ['Allow', { StringLike: { 's3:prefix': 'home/*' } }, undefined, 'implicitDeny', 'StringLike is false when the key is missing', DOC.operators],
    ['Allow', { StringLike: { 's3:prefix': 'Home/*' } }, { 's3:prefix': 'home/alice/' }, 'implicitDeny', 'StringLike is case-sensitive'],
    ['Allow', { StringLike: { [TEAM]: 'team-?' } }, t('team-a'), 'allowed', 'StringLike `?` matches one character'],
    ['Allow', { StringLike: { [TEAM]: 'team-?' } }, t('team-ab'), 'implicitDeny', 'StringLike `?` does not match two characters'],
    ['Allow', { StringLike: { [TEAM]: 'a.b' } }, t('axb'), 'implicitDeny', 'a `.` in a StringLike pattern is literal'],
    ['Allow', { StringLike: { [TEAM]: ['red*', 'blue*'] } }, t('blue-2'), 'allowed', 'several StringLike patterns are ORed', DOC.multiValues],
    ['Allow', { StringNotLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'work/x' }, 'allowed', 'StringNotLike is true when the pattern does not match'],
    ['Allow', { StringNotLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'home/x' }, 'implicitDeny', 'StringNotLike is false when the pattern matches'],
    ['Allow', { StringNotLike: { 's3:prefix': 'home/*' } }, undefined, 'allowed', 'StringNotLike is true when the key is missing', DOC.operators],
    ['Allow', { StringNotLike: { [TEAM]: ['a*', 'b*'] } }, t('b1'), 'implicitDeny', 'StringNotLike with several patterns is false when any pattern matches', DOC.multiValues],
    ['Allow', { StringNotLike: { [TEAM]: ['a*', 'b*'] } }, t('c1'), 'allowed', 'StringNotLike with several patterns is true when none matches', DOC.multiValues],
    ['Deny', { StringNotLike: { [TEAM]: 'blue*' } }, undefined, 'explicitDeny', 'a Deny with StringNotLike applies when the key is missing, because the negated operator is true', DOC.operators],
    ['Deny', { StringNotLike: { [TEAM]: 'blue*' } }, t('blue-1'), 'allowed', 'a Deny with StringNotLike does not apply when the value matches the pattern'],
    ['Deny', { StringEquals: { [TEAM]: 'red' } }, undefined, 'allowed', 'a Deny with StringEquals does not apply when the key is missing', DOC.operators],
    ['Deny', { StringEquals: { [TEAM]: 'red' } }, t('red'), 'explicitDeny', 'a Deny with StringEquals applies when the value matches'],
    ['Allow', { StringEquals: { [TEAM]: 'blue', [PROJECT]: 'apollo' } }, { [TEAM]: 'blue', [PROJECT]: 'apollo' }, 'allowed', 'several keys under one operator are ANDed and all match here', DOC.multiValues],
    ['Allow', { StringEquals: { [TEAM]: 'blue', [PROJECT]: 'apollo' } }, { [TEAM]: 'blue', [PROJECT]: 'gemini' }, 'implicitDeny', 'several keys under one operator are ANDed, so one mismatch fails the condition', DOC.multiValues],
    ['Allow', { StringEquals: { [TEAM]: 'blue', [PROJECT]: 'apollo' } }, { [TEAM]: 'blue' }, 'implicitDeny', 'an ANDed key that is missing fails the condition', DOC.multiValues],
    ['Allow', { StringEquals: { [TEAM]: 'blue' }, StringLike: { [PROJECT]: 'ap*' } }, { [TEAM]: 'blue', [PROJECT]: 'apollo' }, 'allowed', 'several operators are ANDed and both hold here', DOC.multiValues],
    ['Allow', { StringEquals: { [TEAM]: 'blue' }, StringLike: { [PROJECT]: 'ap*' } }, { [TEAM]: 'red', [PROJECT]: 'apollo' }, 'implicitDeny', 'several operators are ANDed, so one false operator fails the condition', DOC.multiValues],
  ];
  for (const [effect, condition, context, expect, why, doc] of rows) {
    g.add({ ...conditionCase(effect, condition, context), expect, why, doc });
  }
  return g;
}
