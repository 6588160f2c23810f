import { describe, expect, it } from 'vitest';
import { parsePolicy, policyInputToSource } from './parse.js';

const codes = (text: string, type?: Parameters<typeof parsePolicy>[1]) =>
  parsePolicy(text, type)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.code);

const statement = (body: string) => `{"Version": "2012-10-17", "Statement": [${body}]}`;

describe('parsePolicy positions', () => {
  it('reports invalid JSON at the line and column of the failing character', () => {
    const text = ['{', '  "Version": "2012-10-17",', '  "Statement": [', '    {"Effect": "Allow",, "Action": "*", "Resource": "*"}', '  ]', '}'].join('\n');
    const [d] = parsePolicy(text).diagnostics;
    expect(d).toMatchObject({ code: 'InvalidJson', line: 4, column: 24 });
  });

  it('reports a missing Effect at the opening brace of the statement', () => {
    const text = ['{', '  "Version": "2012-10-17",', '  "Statement": [', '    { "Action": "s3:GetObject", "Resource": "*" }', '  ]', '}'].join('\n');
    const d = parsePolicy(text).diagnostics.find((x) => x.code === 'MissingEffect');
    expect(d).toMatchObject({ severity: 'error', line: 4, column: 5 });
  });

  it('reports Action together with NotAction at the second element', () => {
    const text = ['{', '  "Version": "2012-10-17",', '  "Statement": {', '    "Effect": "Allow",', '    "Action": "s3:*",', '    "NotAction": "s3:DeleteObject",', '    "Resource": "*"', '  }', '}'].join('\n');
    const d = parsePolicy(text).diagnostics.find((x) => x.code === 'ActionWithNotAction');
    expect(d).toMatchObject({ severity: 'error', line: 6, column: 5, endColumn: 16 });
  });

  it('adds the line and column offsets of a policy held inside another file', () => {
    const text = ['{', '  "Version": "2012-10-17",', '  "Statement": [{"Effect": "Alow", "Action": "*", "Resource": "*"}]', '}'].join('\n');
    const d = parsePolicy({ text, file: 'pack.yaml', lineOffset: 10, columnOffset: 4 }).diagnostics.find((x) => x.code === 'InvalidEffect');
    expect(d).toMatchObject({ file: 'pack.yaml', line: 13, column: 4 + text.split('\n')[2]!.indexOf('"Alow"') + 1 });
    expect(d?.help).toContain('Allow');
  });

  it('gives a policy passed as an object the positions of its two-space printout', () => {
    const source = policyInputToSource({ Version: '2012-10-17', Statement: [{ Action: '*', Resource: '*' }] }, 'identity[0]');
    const d = parsePolicy(source).diagnostics.find((x) => x.code === 'MissingEffect');
    expect(d).toMatchObject({ file: 'identity[0]', line: 4 });
    expect(source.text.split('\n')[3]!.slice(d!.column - 1)).toBe('{');
  });
});

describe('parsePolicy structure (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html)', () => {
  it('accepts a well-formed identity policy with no diagnostics', () => {
    const { policy, diagnostics } = parsePolicy(statement('{"Sid": "A", "Effect": "Allow", "Action": ["s3:GetObject", "s3:List*"], "Resource": "arn:aws:s3:::b/*"}'));
    expect(diagnostics).toEqual([]);
    expect(policy?.statements[0]?.action?.values.map((v) => v.value)).toEqual(['s3:GetObject', 's3:List*']);
    expect(policy?.effectiveVersion).toBe('2012-10-17');
  });

  it('accepts Statement as a single object', () => {
    const { policy, diagnostics } = parsePolicy('{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "*", "Resource": "*"}}');
    expect(diagnostics).toEqual([]);
    expect(policy?.statements).toHaveLength(1);
  });

  it('rejects repeated keys, pointing at the second one', () => {
    const text = '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Effect": "Deny", "Action": "*", "Resource": "*"}}';
    const d = parsePolicy(text).diagnostics.find((x) => x.code === 'DuplicateKey');
    expect(d?.column).toBe(text.lastIndexOf('"Effect"') + 1);
    expect(d?.related?.[0]?.column).toBe(text.indexOf('"Effect"') + 1);
  });

  it('suggests the element meant by an unknown key', () => {
    const d = parsePolicy(statement('{"Efect": "Allow", "Action": "*", "Resource": "*"}')).diagnostics.find((x) => x.code === 'UnknownElement');
    expect(d?.message).toContain('`Efect`');
    expect(d?.help).toContain('`Effect`');
  });

  it('rejects an unknown Version and warns when Version is missing', () => {
    expect(codes('{"Version": "2012-10-18", "Statement": []}')).toContain('InvalidVersion');
    const { policy, diagnostics } = parsePolicy('{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}');
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['MissingVersion', 'warning']]);
    expect(policy?.effectiveVersion).toBe('2008-10-17');
  });

  it('rejects Effect values that are not exactly Allow or Deny', () => {
    expect(codes(statement('{"Effect": "allow", "Action": "*", "Resource": "*"}'))).toEqual(['InvalidEffect']);
  });

  it('requires Action or NotAction, and Resource or NotResource in an identity policy', () => {
    expect(codes(statement('{"Effect": "Allow", "Resource": "*"}'))).toEqual(['MissingAction']);
    expect(codes(statement('{"Effect": "Allow", "Action": "*"}'))).toEqual(['MissingResource']);
    expect(codes(statement('{"Effect": "Allow", "Action": "*", "Resource": "*", "NotResource": "arn:aws:s3:::b"}'))).toEqual(['ResourceWithNotResource']);
  });

  it('rejects malformed actions and resources', () => {
    expect(codes(statement('{"Effect": "Allow", "Action": "s3 GetObject", "Resource": "*"}'))).toEqual(['InvalidAction']);
    expect(codes(statement('{"Effect": "Allow", "Action": "s3:Get Object", "Resource": "*"}'))).toEqual(['InvalidAction']);
    expect(codes(statement('{"Effect": "Allow", "Action": "*", "Resource": "bucket/*"}'))).toEqual(['InvalidResource']);
    expect(codes(statement('{"Effect": "Allow", "Action": "*", "Resource": 5}'))).toEqual(['InvalidElementType']);
  });

  it('rejects Principal in identity-based policies, boundaries, session policies and SCPs', () => {
    const body = statement('{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}');
    for (const type of ['identity', 'boundary', 'session', 'scp'] as const) expect(codes(body, type)).toEqual(['PrincipalNotAllowed']);
  });

  it('requires Principal or NotPrincipal in a resource-based policy, but not Resource', () => {
    expect(codes(statement('{"Effect": "Allow", "Action": "sts:AssumeRole"}'), 'resource')).toEqual(['MissingPrincipal']);
    expect(codes(statement('{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}'), 'resource')).toEqual([]);
    expect(codes(statement('{"Effect": "Deny", "Principal": "*", "NotPrincipal": {"AWS": "111122223333"}, "Action": "*"}'), 'resource')).toEqual(['PrincipalWithNotPrincipal']);
  });

  it('validates principals: kinds, strings and partial wildcards', () => {
    const p = (principal: string) => codes(statement(`{"Effect": "Allow", "Principal": ${principal}, "Action": "*"}`), 'resource');
    expect(p('{"AWS": ["111122223333", "arn:aws:iam::111122223333:role/path/R", "arn:aws:sts::111122223333:assumed-role/R/s"]}')).toEqual([]);
    expect(p('{"Aws": "111122223333"}')).toEqual(['UnknownElement']);
    expect(p('"111122223333"')).toEqual(['InvalidPrincipal']);
    expect(p('{"AWS": "arn:aws:iam::111122223333:user/*"}')).toEqual(['InvalidPrincipal']);
    expect(p('{"AWS": "alice"}')).toEqual(['InvalidPrincipal']);
  });

  it('allows only Deny statements with Principal "*" in a resource control policy', () => {
    const rcp = (s: string) => codes(statement(s), 'rcp');
    expect(rcp('{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"}')).toEqual([]);
    expect(rcp('{"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"}')).toEqual(['RcpAllowNotSupported']);
    expect(rcp('{"Effect": "Deny", "Principal": {"AWS": "111122223333"}, "Action": "s3:*", "Resource": "*"}')).toEqual(['InvalidPrincipal']);
  });

  it('turns a Condition block into operator, key and value nodes, a single value becoming a list of one', () => {
    const { policy } = parsePolicy(statement('{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:username": "alice", "aws:TagKeys": ["a", 1, true]}}}'));
    const op = policy!.statements[0]!.condition!.operators[0]!;
    expect(op.operator.value).toBe('StringEquals');
    expect(op.entries.map((e) => [e.key.value, e.values.map((v) => v.value)])).toEqual([
      ['aws:username', ['alice']],
      ['aws:TagKeys', ['a', 1, true]],
    ]);
  });

  it('rejects null, object and nested-array condition values', () => {
    for (const v of ['null', '{"a": 1}', '[["a"]]']) {
      expect(codes(statement(`{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"aws:username": ${v}}}}`))).toEqual(['InvalidConditionValue']);
    }
    expect(codes(statement('{"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"StringEquals": "x"}}'))).toEqual(['InvalidCondition']);
  });

  it('rejects repeated Sids in IAM policies and warns about them in resource-based policies', () => {
    const two = statement('{"Sid": "S", "Effect": "Allow", "Action": "*", "Resource": "*"}, {"Sid": "S", "Effect": "Deny", "Action": "iam:*", "Resource": "*"}');
    expect(codes(two)).toEqual(['DuplicateSid']);
    const twoInBucket = statement('{"Sid": "S", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}, {"Sid": "S", "Effect": "Deny", "Principal": "*", "Action": "s3:PutObject"}');
    expect(codes(twoInBucket, 'resource')).toEqual([]);
    expect(parsePolicy(twoInBucket, 'resource').diagnostics.map((d) => [d.code, d.severity])).toEqual([['DuplicateSid', 'warning']]);
  });

  it('rejects a policy that is not an object or has no Statement', () => {
    expect(codes('[]')).toEqual(['InvalidPolicy']);
    expect(codes('{"Version": "2012-10-17"}')).toEqual(['MissingStatement']);
  });
});

describe('a huge or hostile file', () => {
  it('is refused as too large before it is parsed', () => {
    const statement = '{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}';
    const text = `{"Version":"2012-10-17","Statement":[${Array(30_000).fill(statement).join(',')}]}`;
    const { policy, diagnostics } = parsePolicy(text);
    expect(policy).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(['PolicyTooLarge']);
  });
});

describe('resource ARNs with wildcards', () => {
  const withResource = (resource: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: resource }] });
  it('refuses one that lost the empty Region and account', () => {
    const { diagnostics } = parsePolicy(withResource('arn:aws:s3:amzn-s3-demo-bucket/*'));
    expect(diagnostics.find((d) => d.severity === 'error')?.message).toContain('where the Region belongs');
  });

  it('accepts wildcards that may stand for several fields', () => {
    for (const resource of ['arn:aws:s3:::amzn-s3-demo-bucket/*', 'arn:aws:s3:*', 'arn:aws:iam::111122223333:role/*', 'arn:*:ec2:*:*:instance/*']) {
      expect(parsePolicy(withResource(resource)).diagnostics.filter((d) => d.severity === 'error'), resource).toEqual([]);
    }
  });
});
