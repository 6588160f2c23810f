import { ACCOUNT, ALICE, APP_SESSION, BUCKET, DOC, allow, group, policy, request } from '../lib.mjs';

const HOME = `${BUCKET}/home/\${aws:username}/*`;

/** Policy variables: substitution, defaults, special characters, and the 2008 grammar. */
export function policyVariables() {
  const g = group('policy-variables', DOC.variables);
  const ask = (principal, resource, identity, context, expect, why, doc, action = 's3:GetObject') =>
    g.add({ policies: { identity }, request: request(principal, action, resource, context), expect, why, doc });

  ask(ALICE, `${BUCKET}/home/alice/notes.txt`, [policy(allow('s3:GetObject', HOME))], undefined, 'allowed', '`${aws:username}` in a Resource resolves to the IAM user name');
  ask(ALICE, `${BUCKET}/home/bob/notes.txt`, [policy(allow('s3:GetObject', HOME))], undefined, 'implicitDeny', '`${aws:username}` resolves to the caller, so another user\'s folder does not match');
  ask(APP_SESSION, `${BUCKET}/home/app/notes.txt`, [policy(allow('s3:GetObject', HOME))], undefined, 'implicitDeny', 'a role session has no aws:username, so a Resource built on it does not match', DOC.globalKeys);
  ask('arn:aws:iam::111122223333:user/division/alice', 'arn:aws:iam::111122223333:user/division/alice', [policy(allow('iam:ChangePassword', 'arn:aws:iam::111122223333:user/division/${aws:username}'))], undefined, 'allowed', 'aws:username is the name without the path, so a pathed user matches its own ARN', DOC.globalKeys, 'iam:ChangePassword');
  ask(ALICE, 'arn:aws:iam::111122223333:user/bob', [policy(allow('iam:ChangePassword', 'arn:aws:iam::111122223333:user/${aws:username}'))], undefined, 'implicitDeny', 'a user-name variable in an IAM user ARN does not cover other users', DOC.variables, 'iam:ChangePassword');

  const teamFolder = `${BUCKET}/\${aws:PrincipalTag/team, 'company-wide'}/*`;
  ask(ALICE, `${BUCKET}/company-wide/handbook.pdf`, [policy(allow('s3:GetObject', teamFolder))], undefined, 'allowed', 'a variable with a default uses the default when the key is missing');
  ask(ALICE, `${BUCKET}/blue/plan.txt`, [policy(allow('s3:GetObject', teamFolder))], { 'aws:PrincipalTag/team': 'blue' }, 'allowed', 'a variable with a default uses the request value when the key is present');
  ask(ALICE, `${BUCKET}/company-wide/handbook.pdf`, [policy(allow('s3:GetObject', teamFolder))], { 'aws:PrincipalTag/team': 'blue' }, 'implicitDeny', 'the default is not used when the key is present');
  ask(ALICE, `${BUCKET}/blue/plan.txt`, [policy(allow('s3:GetObject', `${BUCKET}/\${aws:PrincipalTag/team}/*`))], undefined, 'implicitDeny', 'a variable without a default whose key is missing makes the Resource match nothing');
  ask(ALICE, `${BUCKET}/blue/plan.txt`, [policy(allow('s3:GetObject', `${BUCKET}/\${aws:PrincipalTag/team}/*`))], { 'aws:PrincipalTag/team': 'blue' }, 'allowed', 'a principal-tag variable resolves to the tag value');

  const abac = { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } };
  ask(ALICE, `${BUCKET}/x`, [policy(allow('s3:GetObject', '*', { Condition: abac }))], { 'aws:PrincipalTag/team': 'blue', 'aws:ResourceTag/team': 'blue' }, 'allowed', 'a variable in a condition value compares the resource tag with the principal tag');
  ask(ALICE, `${BUCKET}/x`, [policy(allow('s3:GetObject', '*', { Condition: abac }))], { 'aws:PrincipalTag/team': 'blue', 'aws:ResourceTag/team': 'red' }, 'implicitDeny', 'matching tags are required when the condition value is a principal-tag variable');
  ask(ALICE, `${BUCKET}/x`, [policy(allow('s3:GetObject', '*', { Condition: abac }))], { 'aws:ResourceTag/team': 'blue' }, 'implicitDeny', 'a condition variable whose key is missing does not match');

  const listHome = { StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/*'] } };
  ask(ALICE, BUCKET, [policy(allow('s3:ListBucket', BUCKET, { Condition: listHome }))], { 's3:prefix': 'home/alice/docs/' }, 'allowed', 'a variable inside a StringLike pattern resolves before matching', DOC.variables, 's3:ListBucket');
  ask(ALICE, BUCKET, [policy(allow('s3:ListBucket', BUCKET, { Condition: listHome }))], { 's3:prefix': 'home/bob/' }, 'implicitDeny', 'a resolved StringLike pattern does not match another user\'s prefix', DOC.variables, 's3:ListBucket');

  const old = (version, statement) => (version === undefined ? { Statement: [statement] } : { Version: version, Statement: [statement] });
  ask(ALICE, `${BUCKET}/home/alice/notes.txt`, [old('2008-10-17', allow('s3:GetObject', HOME))], undefined, 'implicitDeny', 'under Version 2008-10-17 `${aws:username}` is literal text, so it does not match the user name', DOC.version);
  ask(ALICE, `${BUCKET}/home/\${aws:username}/notes.txt`, [old('2008-10-17', allow('s3:GetObject', HOME))], undefined, 'allowed', 'under Version 2008-10-17 the variable text matches itself literally', DOC.version);
  ask(ALICE, `${BUCKET}/home/alice/notes.txt`, [old(undefined, allow('s3:GetObject', HOME))], undefined, 'implicitDeny', 'a policy without Version uses the 2008 grammar, where variables are literal text', DOC.version);
  ask(ALICE, `${BUCKET}/x`, [old('2008-10-17', allow('s3:GetObject', '*', { Condition: abac }))], { 'aws:PrincipalTag/team': 'blue', 'aws:ResourceTag/team': 'blue' }, 'implicitDeny', 'under Version 2008-10-17 a variable in a condition value is compared as literal text', DOC.version);

  ask(ALICE, `${BUCKET}/file*.txt`, [policy(allow('s3:GetObject', `${BUCKET}/file\${*}.txt`))], undefined, 'allowed', '`${*}` stands for a literal `*` character');
  ask(ALICE, `${BUCKET}/fileX.txt`, [policy(allow('s3:GetObject', `${BUCKET}/file\${*}.txt`))], undefined, 'implicitDeny', '`${*}` is a literal `*`, not a wildcard');
  ask(ALICE, `${BUCKET}/file?.txt`, [policy(allow('s3:GetObject', `${BUCKET}/file\${?}.txt`))], undefined, 'allowed', '`${?}` stands for a literal `?` character');
  ask(ALICE, `${BUCKET}/file1.txt`, [policy(allow('s3:GetObject', `${BUCKET}/file\${?}.txt`))], undefined, 'implicitDeny', '`${?}` is a literal `?`, not a one-character wildcard');
  ask(ALICE, `${BUCKET}/price$list.txt`, [policy(allow('s3:GetObject', `${BUCKET}/price\${$}list.txt`))], undefined, 'allowed', '`${$}` stands for a literal `$` character');

  const ownQueue = 'arn:aws:sqs:us-east-2:*:${aws:username}-queue';
  ask(ALICE, `arn:aws:sqs:us-east-2:${ACCOUNT}:alice-queue`, [policy(allow('sqs:*', ownQueue))], undefined, 'allowed', 'a variable in the resource part of an SQS ARN names the caller\'s own queue', DOC.variables, 'sqs:SendMessage');
  ask(ALICE, `arn:aws:sqs:us-east-2:${ACCOUNT}:bob-queue`, [policy(allow('sqs:*', ownQueue))], undefined, 'implicitDeny', 'a user-name queue pattern does not cover another user\'s queue', DOC.variables, 'sqs:SendMessage');
  return g;
}
