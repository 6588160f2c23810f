import { ALICE, BUCKET, DOC, OBJECT, allow, deny, group, policy, request } from '../lib.mjs';

/** Resource ARN matching, wildcards taken literally elsewhere, and NotResource. */
export function resourcesAndNotResource() {
  const g = group('resources-and-notresource', DOC.resource);

  // [policy Resource, requested resource, action, expectation, why]
  const patterns = [
    [OBJECT, OBJECT, 's3:GetObject', 'allowed', 'an exact resource ARN matches the same ARN'],
    [OBJECT, `${BUCKET}/other.csv`, 's3:GetObject', 'implicitDeny', 'an exact resource ARN does not match another object'],
    [`${BUCKET}/*`, `${BUCKET}/a/b/c.txt`, 's3:GetObject', 'allowed', '`*` in a resource matches across `/` into nested keys'],
    [`${BUCKET}/*`, BUCKET, 's3:ListBucket', 'implicitDeny', 'the object pattern `bucket/*` does not match the bucket ARN itself'],
    [BUCKET, OBJECT, 's3:GetObject', 'implicitDeny', 'the bucket ARN does not cover the objects inside the bucket'],
    [`${BUCKET}*`, 'arn:aws:s3:::amzn-s3-demo-bucket-logs/x.log', 's3:GetObject', 'allowed', 'a trailing `*` also matches longer bucket names that share the prefix'],
    [`${BUCKET}/Report.csv`, OBJECT, 's3:GetObject', 'implicitDeny', 'resource ARNs are case-sensitive, so `Report.csv` does not match `report.csv`'],
    [`${BUCKET}/file?.txt`, `${BUCKET}/file1.txt`, 's3:GetObject', 'allowed', '`?` in a resource matches exactly one character'],
    [`${BUCKET}/file?.txt`, `${BUCKET}/file10.txt`, 's3:GetObject', 'implicitDeny', '`?` matches one character, not two'],
    [`${BUCKET}/file?.txt`, `${BUCKET}/file.txt`, 's3:GetObject', 'implicitDeny', '`?` does not match zero characters'],
    ['arn:aws:s3:::my.bucket/*', 'arn:aws:s3:::myxbucket/a.txt', 's3:GetObject', 'implicitDeny', 'a `.` in a bucket name is a literal dot, not a match-any character'],
    ['arn:aws:s3:::my.bucket/*', 'arn:aws:s3:::my.bucket/a.txt', 's3:GetObject', 'allowed', 'a bucket name containing dots matches itself'],
    [`${BUCKET}/a+b.txt`, `${BUCKET}/aab.txt`, 's3:GetObject', 'implicitDeny', 'a `+` in a resource is literal, not a regular-expression repetition'],
    [`${BUCKET}/a+b.txt`, `${BUCKET}/a+b.txt`, 's3:GetObject', 'allowed', 'a key containing `+` matches the same literal key'],
    [`${BUCKET}/[ab].txt`, `${BUCKET}/a.txt`, 's3:GetObject', 'implicitDeny', 'square brackets in a resource are literal, not a character class'],
    [`${BUCKET}/(x)|y`, `${BUCKET}/y`, 's3:GetObject', 'implicitDeny', 'parentheses and `|` in a resource are literal, not an alternation'],
    [`${BUCKET}/^start$`, `${BUCKET}/^start$`, 's3:GetObject', 'allowed', '`^` and `$` in a resource are ordinary characters that match themselves'],
    ['*', 'arn:aws:dynamodb:us-east-1:111122223333:table/Books', 'dynamodb:GetItem', 'allowed', 'Resource `*` matches any resource'],
    ['arn:aws:s3:::*', OBJECT, 's3:GetObject', 'allowed', '`arn:aws:s3:::*` matches every S3 bucket and object'],
    ['arn:aws:s3:::*', 'arn:aws:sqs:us-east-1:111122223333:orders', 's3:GetObject', 'implicitDeny', 'an S3 ARN pattern does not match an SQS ARN'],
    ['arn:aws:sqs:us-east-1:*', 'arn:aws:sqs:us-east-1:111122223333:orders', 'sqs:SendMessage', 'allowed', 'a `*` that ends an ARN segment may expand beyond the colon into later segments'],
    ['arn:aws:dynamodb:*:111122223333:table/Books', 'arn:aws:dynamodb:us-west-2:111122223333:table/Books', 'dynamodb:GetItem', 'allowed', '`*` in the Region segment matches any Region'],
    ['arn:aws:dynamodb:*:111122223333:table/Books', 'arn:aws:dynamodb:us-west-2:444455556666:table/Books', 'dynamodb:GetItem', 'implicitDeny', 'a pattern that fixes the account segment does not match another account'],
    ['arn:aws:iam::111122223333:user/Bob', 'arn:aws:iam::111122223333:user/bob', 'iam:GetUser', 'implicitDeny', 'in a Resource the IAM user name is case-sensitive'],
    ['arn:aws:iam::111122223333:user/*', 'arn:aws:iam::111122223333:user/division/alice', 'iam:GetUser', 'allowed', '`user/*` matches users with a path, because `*` crosses `/`'],
    [`${BUCKET}/home/*/private/*`, `${BUCKET}/home/alice/private/notes.txt`, 's3:GetObject', 'allowed', 'several `*` wildcards may appear in one resource pattern'],
    [`${BUCKET}/home/*/private/*`, `${BUCKET}/home/alice/public/notes.txt`, 's3:GetObject', 'implicitDeny', 'the literal parts between wildcards must still match'],
    [[`${BUCKET}/a/*`, `${BUCKET}/b/*`], `${BUCKET}/b/x.txt`, 's3:GetObject', 'allowed', 'a Resource list matches when any entry matches'],
    [[`${BUCKET}/a/*`, `${BUCKET}/b/*`], `${BUCKET}/c/x.txt`, 's3:GetObject', 'implicitDeny', 'a Resource list does not match a resource outside every entry'],
  ];
  for (const [resource, requested, action, expect, why] of patterns) {
    g.add({
      policies: { identity: [policy(allow(action, resource))] },
      request: request(ALICE, action, requested),
      expect,
      why,
    });
  }

  const secret = 'arn:aws:s3:::amzn-s3-demo-secret';
  const allowAllButSecret = { Effect: 'Allow', Action: 's3:*', NotResource: [secret, `${secret}/*`] };
  g.add({
    policies: { identity: [policy(allowAllButSecret)] },
    request: request(ALICE, 's3:GetObject', OBJECT),
    expect: 'allowed',
    why: 'Allow with NotResource grants the actions on every resource not listed',
    doc: DOC.notResource,
  });
  g.add({
    policies: { identity: [policy(allowAllButSecret)] },
    request: request(ALICE, 's3:GetObject', `${secret}/keys.txt`),
    expect: 'implicitDeny',
    why: 'Allow with NotResource does not grant the listed resources',
    doc: DOC.notResource,
  });
  g.add({
    policies: { identity: [policy(allowAllButSecret)] },
    request: request(ALICE, 'ec2:RunInstances', 'arn:aws:ec2:us-east-1:111122223333:instance/*'),
    expect: 'implicitDeny',
    why: 'NotResource only widens the resources, the statement still covers only its actions',
    doc: DOC.notResource,
  });
  const denyOutsideBucket = { Effect: 'Deny', Action: 's3:*', NotResource: [BUCKET, `${BUCKET}/*`] };
  g.add({
    policies: { identity: [policy(allow('s3:*', '*'), denyOutsideBucket)] },
    request: request(ALICE, 's3:GetObject', 'arn:aws:s3:::amzn-s3-demo-other/x.txt'),
    expect: 'explicitDeny',
    why: 'Deny with NotResource denies the actions on every resource not listed',
    doc: DOC.notResource,
  });
  g.add({
    policies: { identity: [policy(allow('s3:*', '*'), denyOutsideBucket)] },
    request: request(ALICE, 's3:GetObject', OBJECT),
    expect: 'allowed',
    why: 'Deny with NotResource leaves the listed resources to the Allow',
    doc: DOC.notResource,
  });
  g.add({
    policies: { identity: [policy(allow('s3:*', '*'), denyOutsideBucket)] },
    request: request(ALICE, 'sqs:SendMessage', 'arn:aws:sqs:us-east-1:111122223333:orders'),
    expect: 'implicitDeny',
    why: 'a Deny with NotResource for S3 actions does not apply to SQS, which nothing allows',
    doc: DOC.notResource,
  });
  g.add({
    policies: { identity: [policy(allow('s3:*', '*'), { Effect: 'Deny', Action: 's3:*', NotResource: `${BUCKET}/public/*` })] },
    request: request(ALICE, 's3:GetObject', `${BUCKET}/public/a/b.png`),
    expect: 'allowed',
    why: 'a wildcard NotResource exempts every resource that the pattern matches',
    doc: DOC.notResource,
  });
  g.add({
    policies: { identity: [policy(allow('s3:*', '*'), deny('s3:GetObject', `${BUCKET}/private/*`))] },
    request: request(ALICE, 's3:GetObject', `${BUCKET}/private/salaries.csv`),
    expect: 'explicitDeny',
    why: 'a Deny scoped to a resource pattern overrides the Allow on that resource',
    doc: DOC.enforcement,
  });
  g.add({
    policies: { identity: [policy(allow('s3:*', '*'), deny('s3:GetObject', `${BUCKET}/private/*`))] },
    request: request(ALICE, 's3:GetObject', `${BUCKET}/public/index.html`),
    expect: 'allowed',
    why: 'a Deny scoped to one resource pattern leaves other resources allowed',
    doc: DOC.enforcement,
  });
  return g;
}
