import { ALICE, BUCKET, DOC, OBJECT, allow, deny, group, policy, request } from '../lib.mjs';

/** Action matching: wildcards, case, lists, and how statements and policies combine. */
export function actionsAndWildcards() {
  const g = group('actions-and-wildcards', DOC.action);

  // [policy Action, requested action, expectation, why]
  const patterns = [
    ['s3:GetObject', 's3:GetObject', 'allowed', 'an exact action name matches the same action'],
    ['s3:GetObject', 's3:PutObject', 'implicitDeny', 'an exact action name does not match a different action of the same service'],
    ['s3:Get*', 's3:GetObject', 'allowed', 'a trailing `*` matches any action that starts with the prefix'],
    ['s3:Get*', 's3:GetBucketPolicy', 'allowed', 'a trailing `*` matches every action with the prefix, not only object actions'],
    ['s3:Get*', 's3:PutObject', 'implicitDeny', 'a trailing `*` does not match an action with another prefix'],
    ['s3:*', 's3:DeleteBucket', 'allowed', '`s3:*` matches every S3 action'],
    ['s3:*', 'ec2:RunInstances', 'implicitDeny', '`s3:*` does not match actions of another service'],
    ['s3:*', 's3express:CreateSession', 'implicitDeny', '`s3:*` covers the `s3` prefix only, not the separate `s3express` service'],
    ['*', 'iam:CreateUser', 'allowed', 'a lone `*` matches every action of every service'],
    ['S3:GETOBJECT', 's3:GetObject', 'allowed', 'action names are case-insensitive, so an upper-case policy action matches'],
    ['s3:getobject', 'S3:GetObject', 'allowed', 'action names are case-insensitive in the request as well as in the policy'],
    ['ec2:describe*', 'ec2:DescribeInstances', 'allowed', 'a wildcard action pattern is matched without regard to case'],
    ['s3:*Object', 's3:GetObject', 'allowed', 'a leading `*` in the action name matches any beginning'],
    ['s3:*Object', 's3:GetObjectAcl', 'implicitDeny', '`s3:*Object` requires the action to end with `Object`'],
    ['iam:*AccessKey*', 'iam:CreateAccessKey', 'allowed', 'wildcards on both sides match an action containing the middle text'],
    ['iam:*AccessKey*', 'iam:ListAccessKeys', 'allowed', 'a trailing `*` after the middle text also matches a plural suffix'],
    ['iam:*AccessKey*', 'iam:CreateUser', 'implicitDeny', 'an action without the middle text does not match `*AccessKey*`'],
    ['s3:?etObject', 's3:GetObject', 'allowed', '`?` matches exactly one character in an action name'],
    ['s3:?etObject', 's3:PutObject', 'implicitDeny', '`?` replaces one character only, so `?etObject` cannot match `PutObject`'],
    ['s3:ListBucket?', 's3:ListBucket', 'implicitDeny', '`?` needs exactly one character, so it does not match the empty string'],
    ['ec2:*Instances', 'ec2:RunInstances', 'allowed', '`*Instances` matches any action ending in `Instances`'],
    ['ec2:*Instances', 'ec2:CreateTags', 'implicitDeny', '`*Instances` does not match an action with another ending'],
    [['s3:GetObject', 's3:PutObject'], 's3:PutObject', 'allowed', 'an Action list matches when any of its entries matches'],
    [['s3:GetObject', 's3:PutObject'], 's3:DeleteObject', 'implicitDeny', 'an Action list does not match an action absent from every entry'],
  ];
  for (const [action, requested, expect, why] of patterns) {
    g.add({
      policies: { identity: [policy(allow(action, '*'))] },
      request: request(ALICE, requested, OBJECT),
      expect,
      why,
    });
  }

  g.add({
    policies: { identity: [policy(allow('s3:GetObject', OBJECT), allow('s3:PutObject', OBJECT))] },
    request: request(ALICE, 's3:PutObject', OBJECT),
    expect: 'allowed',
    why: 'any statement of an identity policy can supply the Allow',
    doc: DOC.enforcement,
  });
  g.add({
    policies: { identity: [policy(allow('s3:GetObject', OBJECT)), policy(allow('s3:PutObject', OBJECT))] },
    request: request(ALICE, 's3:PutObject', OBJECT),
    expect: 'allowed',
    why: 'the Allows of all identity policies attached to the principal are combined',
    doc: DOC.enforcement,
  });
  g.add({
    policies: { identity: [{ Version: '2012-10-17', Statement: allow('s3:GetObject', OBJECT) }] },
    request: request(ALICE, 's3:GetObject', OBJECT),
    expect: 'allowed',
    why: 'Statement may be a single object instead of an array',
    doc: DOC.statement,
  });
  g.add({
    policies: { identity: [JSON.stringify(policy(allow('s3:GetObject', OBJECT)))] },
    request: request(ALICE, 's3:GetObject', OBJECT),
    expect: 'allowed',
    why: 'a policy given as JSON text is evaluated like the parsed document',
    doc: DOC.grammar,
  });
  g.add({
    policies: { identity: [policy({ Sid: 'ReadReports', ...allow('s3:GetObject', OBJECT) })] },
    request: request(ALICE, 's3:GetObject', OBJECT),
    expect: 'allowed',
    why: 'a Sid only labels the statement and does not change its effect',
    doc: DOC.grammar,
  });
  g.add({
    policies: { identity: [] },
    request: request(ALICE, 's3:GetObject', OBJECT),
    expect: 'implicitDeny',
    why: 'with no policy at all the request is implicitly denied',
    doc: DOC.enforcement,
  });
  g.add({
    policies: {},
    request: request(ALICE, 'iam:ListUsers', '*'),
    expect: 'implicitDeny',
    why: 'an IAM user with no policies of any type is implicitly denied',
    doc: DOC.enforcement,
  });
  g.add({
    policies: { identity: [policy(allow('s3:*', '*'), deny('s3:Delete*', '*'))] },
    request: request(ALICE, 's3:DeleteObject', OBJECT),
    expect: 'explicitDeny',
    why: 'a wildcard Deny action overrides the broader Allow for matching actions',
    doc: DOC.enforcement,
  });
  g.add({
    policies: { identity: [policy(allow('s3:*', '*'), deny('s3:Delete*', '*'))] },
    request: request(ALICE, 's3:GetObject', OBJECT),
    expect: 'allowed',
    why: 'a wildcard Deny does not touch actions outside its pattern',
    doc: DOC.enforcement,
  });
  g.add({
    policies: { identity: [policy(allow('*', '*'), deny('S3:DELETEOBJECT', '*'))] },
    request: request(ALICE, 's3:DeleteObject', OBJECT),
    expect: 'explicitDeny',
    why: 'Deny actions match case-insensitively too',
    doc: DOC.enforcement,
  });
  g.add({
    policies: { identity: [policy(allow('s3:ListBucket', BUCKET), deny('ec2:*', '*'))] },
    request: request(ALICE, 's3:GetObject', OBJECT),
    expect: 'implicitDeny',
    why: 'an unrelated Deny does not create an Allow, so a request no statement covers is implicitly denied',
    doc: DOC.enforcement,
  });
  g.add({
    policies: { identity: [policy(allow('sqs:SendMessage', '*'))] },
    request: request(ALICE, 'sqs:sendmessage', 'arn:aws:sqs:us-east-1:111122223333:orders'),
    expect: 'allowed',
    why: 'a lower-case requested action matches the policy action regardless of case',
  });
  return g;
}
