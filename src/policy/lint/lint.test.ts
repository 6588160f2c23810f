import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../parse.js';
import { LINT_KINDS, lintPolicy } from './index.js';

const codes = (text: string, type?: Parameters<typeof lintPolicy>[1]) => lintPolicy(text, type).map((d) => d.code);

/**
 * The policies of the classic interview questions
 * (shared/content/classic-questions.md), as the questions show them.
 */
const CLASSIC = {
  q4ListBucket: `{
  "Version": "2012-10-17",
  "Statement": {
    "Effect": "Allow",
    "Action": "s3:ListBucket",
    "Resource": "arn:aws:s3:::example_bucket"
  }
}`,
  q12TrustEc2: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"Service": "ec2.amazonaws.com"},
      "Action": "sts:AssumeRole"
    }
  ]
}`,
  q13SourceIp: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:ListBucket",
      "Resource": "arn:aws:s3:::example-bucket",
      "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}
    }
  ]
}`,
  q14Variables: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:ListBucket",
      "Resource": "arn:aws:s3:::example-bucket",
      "Condition": {"StringLike": {"s3:prefix": "home/\${aws:username}/*"}}
    },
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject"],
      "Resource": "arn:aws:s3:::example-bucket/home/\${aws:username}/*"
    }
  ]
}`,
  q17FullS3: `{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]
}`,
  q21DenyDelete: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Deny",
      "Action": ["s3:DeleteObject", "s3:PutObject"],
      "Resource": "arn:aws:s3:::example-bucket/*"
    }
  ]
}`,
  q27Describe: `{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*"}]
}`,
  q30PodIdentityTrust: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"Service": "pods.eks.amazonaws.com"},
      "Action": ["sts:AssumeRole", "sts:TagSession"]
    }
  ]
}`,
};

const Q26 = `{
  "Version": "2012-10-17",
  "Statement": {
    "Effect": "Deny",
    "Action": "*",
    "Resource": "*",
    "NotIpAddress": {"aws:SourceIp": ["198.51.100.0/24"]}
  }
}`;

describe('the classic questions', () => {
  for (const [name, text] of Object.entries(CLASSIC)) {
    it(`${name} has no errors`, () => {
      const type = name.includes('Trust') ? 'trust' : 'identity';
      expect(lintPolicy({ text, file: `${name}.json` }, { type }).filter((d) => d.severity === 'error')).toEqual([]);
    });
  }

  it('Q26 is an error at the line of the operator written outside Condition', () => {
    const errors = lintPolicy({ text: Q26, file: 'q26.json' }).filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'ConditionOperatorOutsideCondition', line: 7, column: 5, pointer: '/Statement/NotIpAddress' });
    expect(errors[0]!.help).toContain('"Condition"');
  });

  it('teaches what the valid ones still get wrong', () => {
    expect(codes(CLASSIC.q4ListBucket)).toContain('InvalidBucketName');
    expect(codes(CLASSIC.q17FullS3)).toContain('FullServiceAccess');
  });
});

describe('lintPolicy', () => {
  it('reports invalid JSON at the failing character', () => {
    const [d] = lintPolicy('{\n  "Version": "2012-10-17",\n  "Statement": [}\n}');
    expect(d).toMatchObject({ code: 'InvalidJson', severity: 'error', line: 3, column: 17 });
  });

  it('suggests the operator meant by a misspelt one', () => {
    const d = lintPolicy('{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEqualz": {"aws:PrincipalTag/team": "blue"}}}}').find(
      (x) => x.code === 'UnknownConditionOperator',
    );
    expect(d?.help).toBe('did you mean `StringEquals`?');
    expect(d?.pointer).toBe('/Statement/Condition/StringEqualz');
  });

  it('suggests the action and the service meant by misspelt ones', () => {
    const found = lintPolicy('{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": ["s3:GetObjekt", "dynamdb:GetItem"], "Resource": "*"}}');
    expect(found.find((d) => d.code === 'UnknownAction')).toMatchObject({ help: 'did you mean `s3:GetObject`?', pointer: '/Statement/Action/0' });
    expect(found.find((d) => d.code === 'UnknownService')).toMatchObject({ help: 'did you mean `dynamodb:GetItem`?', pointer: '/Statement/Action/1' });
  });

  it('accepts a global key in any letter case but not a misspelt one', () => {
    const withKey = (key: string) =>
      codes(`{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"${key}": "203.0.113.0/24"}}}}`);
    expect(withKey('aws:SourceIP')).not.toContain('UnknownGlobalConditionKey');
    expect(withKey('aws:SoruceIp')).toContain('UnknownGlobalConditionKey');
  });

  it('gives each finding inside the policy the JSON pointer of its element', () => {
    const text = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example-bucket/*"},
    {"Effect": "Allow", "Action": ["s3:ListBucket", "iam:PassRole"], "Resource": "*"}
  ]
}`;
    const passRole = lintPolicy(text).find((d) => d.code === 'PassRoleOnAllResources');
    expect(passRole).toMatchObject({ line: 5, pointer: '/Statement/1/Action/1' });
  });

  it('reports positions in the file that holds the policy, such as a YAML pack', () => {
    const text = '{"Version": "2012-10-17",\n "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}';
    const [d] = lintPolicy({ text, file: 'pack/questions.yaml', lineOffset: 11, columnOffset: 6 }).filter((x) => x.code === 'AllowAllOnAll');
    expect(d).toMatchObject({ file: 'pack/questions.yaml', line: 13, column: 6 + 45, pointer: '/Statement/Action' });
  });

  it('reports a statement-level operator once, as the specific finding', () => {
    const found = lintPolicy(Q26);
    expect(found.filter((d) => d.line === 7).map((d) => d.code)).toEqual(['ConditionOperatorOutsideCondition']);
    // The engine itself still refuses the policy.
    expect(parsePolicy(Q26).diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  it('sorts findings top to bottom', () => {
    const found = lintPolicy(`{
  "Statement": [
    {"Effect": "Allow", "Action": "*", "Resource": "*"},
    {"Effect": "Alow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example-bucket"}
  ]
}`);
    const lines = found.map((d) => d.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(found.map((d) => d.code)).toEqual(expect.arrayContaining(['MissingVersion', 'AllowAllOnAll', 'InvalidEffect']));
  });

  it('applies the rules of the policy kind', () => {
    const trust = '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}}';
    expect(codes(trust, { type: 'trust' })).toEqual([]);
    expect(codes(trust, { type: 'resource' })).toContain('ResourcePolicyWithoutResource');
    expect(codes(trust)).toContain('PrincipalNotAllowed');
    const scp = '{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"}}';
    expect(codes(scp, { type: 'scp' })).toContain('PrincipalNotAllowed');
    expect(codes(scp, { type: 'rcp' })).not.toContain('PrincipalNotAllowed');
  });

  it('names the public grant in a bucket policy only when no condition narrows it', () => {
    const bucket = (condition: string) =>
      `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example-bucket/*"${condition}}}`;
    expect(lintPolicy(bucket(''), { type: 'resource' }).find((d) => d.code === 'PublicAccess')?.severity).toBe('security');
    expect(codes(bucket(', "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}'), { type: 'resource' })).not.toContain('PublicAccess');
  });

  it('points at the object action, not the bucket, when objects are missing', () => {
    const text = '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetObject"], "Resource": "arn:aws:s3:::example-bucket"}}';
    const found = lintPolicy(text).filter((d) => d.code === 'ObjectActionOnBucketArn');
    expect(found.map((d) => d.pointer)).toEqual(['/Statement/Action/1']);
    expect(found[0]!.help).toContain('arn:aws:s3:::example-bucket/*');
  });
});

describe('lintPolicy on any input', () => {
  it('reports problems and never throws, whatever JSON or text it gets', () => {
    const statement = fc.record(
      {
        Sid: fc.oneof(fc.string(), fc.integer()),
        Effect: fc.constantFrom('Allow', 'Deny', 'Alow', 5),
        Principal: fc.oneof(fc.constant('*'), fc.record({ AWS: fc.oneof(fc.string(), fc.constant('arn:aws:iam::111122223333:role/x')) })),
        Action: fc.oneof(fc.constantFrom('*', 's3:Get*', 'iam:PassRole', 's3:GetObjekt', 'ec2:*', 'x'), fc.array(fc.string())),
        Resource: fc.oneof(fc.constantFrom('*', 'arn:aws:s3:::b', 'arn:aws:s3:::b/*', 'arn:aws:iam::1:role/x', 'arn:*'), fc.array(fc.string())),
        Condition: fc.dictionary(fc.constantFrom('StringEquals', 'ForAllValues:StringLike', 'IpAddress', 'Bool', 'Null', 'StringEqualz'), fc.dictionary(fc.constantFrom('aws:SourceIp', 'aws:TagKeys', 's3:prefix', 'aws:SoruceIp', ''), fc.oneof(fc.string(), fc.array(fc.string()), fc.boolean()))),
        NotIpAddress: fc.constant({ 'aws:SourceIp': '10.0.0.0/8' }),
      },
      { requiredKeys: [] },
    );
    const policyDoc = fc.record({ Version: fc.constantFrom('2012-10-17', '2008-10-17', 'x'), Statement: fc.oneof(statement, fc.array(statement)) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(policyDoc.map((p) => JSON.stringify(p, null, 1)), fc.json(), fc.string()), fc.constantFrom(...LINT_KINDS), (text, type) => {
        const found = lintPolicy({ text, file: 'p.json' }, { type });
        for (const d of found) expect(d.line).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('trust policies', () => {
  const trust = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

  it('accept session tags in a statement of their own', () => {
    const text = trust([
      { Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/corp' }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } } },
      { Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/corp' }, Action: 'sts:TagSession' },
    ]);
    expect(lintPolicy(text, { type: 'trust' })).toEqual([]);
  });

  it('say which AssumeRole action a web identity provider needs', () => {
    const text = trust([{ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRole' }]);
    expect(lintPolicy(text, { type: 'trust' }).find((d) => d.code === 'PrincipalActionMismatch')?.help).toBe('allow `sts:AssumeRoleWithWebIdentity`');
  });
});

describe('a condition operator at statement level', () => {
  it('is recognised even when misspelt, with the operator meant', () => {
    const text = '{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "*", "Resource": "*", "NotIpAdress": {"aws:SourceIp": "198.51.100.0/24"}}}';
    const found = lintPolicy(text);
    expect(found.map((d) => d.code)).toEqual(['ConditionOperatorOutsideCondition']);
    expect(found[0]!.help).toBe('write `"Condition": {"NotIpAddress": { ... }}`');
  });
});
