import { describe, expect, it } from 'vitest';
import { CHECK_EXAMPLES } from './examples.js';
import { lintPolicy, type LintKind } from './index.js';

/** A one-statement policy, one line per member, so that spans are easy to read. */
function statement(members: Record<string, unknown>): string {
  const body = Object.entries(members)
    .map(([k, v]) => `      ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(',\n');
  return `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n${body}\n    }\n  ]\n}`;
}

const find = (code: string, text: string, type: LintKind = 'identity') => lintPolicy({ text, file: 'p.json' }, { type }).filter((d) => d.code === code);

describe('the examples of the condition-key checks', () => {
  // The span covers exactly the element: the value, the key or the operator.
  const cases: [code: string, severity: string, pointer: string, spanned: string][] = [
    ['WildcardOnSensitiveKey', 'security', '/Statement/0/Condition/StringLike/aws:PrincipalOrgID', '"o-*"'],
    ['SourceArnAsCaller', 'warning', '/Statement/0/Condition/ArnEquals/aws:SourceArn', '"aws:SourceArn"'],
    ['ForAnyValueAllowList', 'warning', '/Statement/0/Condition/ForAnyValue:StringEquals', '"ForAnyValue:StringEquals"'],
  ];
  for (const [code, severity, pointer, spanned] of cases) {
    it(`${code} fires on its example with its severity, span and pointer, and not on the fix`, () => {
      const example = CHECK_EXAMPLES[code]!;
      const type = example.type ?? 'identity';
      const found = find(code, example.bad, type);
      expect(found).toHaveLength(1);
      const d = found[0]!;
      expect(d).toMatchObject({ severity, pointer });
      expect(d.endLine).toBe(d.line);
      expect(example.bad.split('\n')[d.line - 1]!.slice(d.column - 1, d.endColumn - 1)).toBe(spanned);
      expect(find(code, example.good, type)).toEqual([]);
    });
  }
});

describe('WildcardOnSensitiveKey', () => {
  const withCondition = (condition: object) =>
    statement({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-bucket/*', Condition: condition });
  const codes = (condition: object) => find('WildcardOnSensitiveKey', withCondition(condition), 'resource');

  it('reports each wildcard value of an account or organization key, at the value', () => {
    const found = codes({ StringLike: { 'aws:SourceAccount': ['111122223333', '1111*', '44445555666?'] } });
    expect(found.map((d) => d.pointer)).toEqual(['/Statement/0/Condition/StringLike/aws:SourceAccount/1', '/Statement/0/Condition/StringLike/aws:SourceAccount/2']);
    expect(found[0]!.message).toBe('`1111*` is a wildcard pattern, so this `aws:SourceAccount` condition matches more than one account');
  });

  it('covers the IfExists, negated and ARN forms and every sensitive key, in any letter case', () => {
    expect(codes({ StringLikeIfExists: { 'aws:ResourceOrgID': '*' } })).toHaveLength(1);
    expect(codes({ StringNotLike: { 'aws:principalorgid': 'o-*' } })).toHaveLength(1);
    expect(codes({ ArnLikeIfExists: { 'aws:PrincipalAccount': '*' } })).toHaveLength(1);
    for (const key of ['aws:SourceOrgID', 'aws:SourceVpc', 'aws:SourceVpce', 'aws:VpceAccount', 'aws:VpceOrgID', 'aws:ResourceAccount']) {
      expect(codes({ StringLike: { [key]: 'x-*' } }), key).toHaveLength(1);
    }
  });

  it('allows wildcards after the organization ID of an organization path, not in it', () => {
    expect(codes({ 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': ['o-a1b2c3d4e5/*', 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*'] } })).toEqual([]);
    const found = codes({ 'ForAnyValue:StringLike': { 'aws:ResourceOrgPaths': ['o-*/*', '*'] } });
    expect(found.map((d) => d.pointer)).toEqual(['/Statement/0/Condition/ForAnyValue:StringLike/aws:ResourceOrgPaths/0', '/Statement/0/Condition/ForAnyValue:StringLike/aws:ResourceOrgPaths/1']);
    expect(found[0]!.help).toContain('`o-a1b2c3d4e5/*`');
  });

  it('leaves exact operators, policy variables and other keys alone', () => {
    // Under StringEquals `*` is literal: that is WildcardInStringEquals.
    expect(codes({ StringEquals: { 'aws:PrincipalOrgID': 'o-*' } })).toEqual([]);
    expect(codes({ StringLike: { 'aws:ResourceAccount': '${aws:PrincipalAccount}' } })).toEqual([]);
    expect(codes({ StringLike: { 'aws:PrincipalTag/team': 'data-*' } })).toEqual([]);
    expect(codes({ StringLike: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } })).toEqual([]);
  });
});

describe('SourceArnAsCaller', () => {
  const policy = (effect: string, condition: object, extra: Record<string, unknown> = {}) =>
    statement({ Effect: effect, ...extra, Action: 'sns:Publish', Resource: 'arn:aws:sns:eu-west-1:111122223333:alerts', Condition: condition });

  it('reports the key in identity policies, boundaries and session policies', () => {
    const text = policy('Allow', { StringEquals: { 'aws:SourceAccount': '111122223333' } });
    for (const type of ['identity', 'boundary', 'session'] as const) {
      const [d] = find('SourceArnAsCaller', text, type);
      expect(d, type).toMatchObject({ severity: 'warning', line: 8, pointer: '/Statement/0/Condition/StringEquals/aws:SourceAccount' });
      expect(d!.message).toMatch(/so this `Allow` never applies$/);
      expect(d!.help).toContain('`aws:PrincipalAccount`');
    }
  });

  it('says what the condition does when the key is absent', () => {
    const message = (effect: string, condition: object) => find('SourceArnAsCaller', policy(effect, condition))[0]?.message;
    expect(message('Deny', { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::example-bucket' } })).toMatch(/so this `Deny` never applies$/);
    expect(message('Deny', { ArnNotLike: { 'aws:SourceArn': 'arn:aws:s3:::example-bucket' } })).toMatch(/always true and the `Deny` applies to every request it covers$/);
    expect(message('Allow', { StringEqualsIfExists: { 'aws:SourceOrgID': 'o-a1b2c3d4e5' } })).toMatch(/always true and restricts nothing$/);
    expect(message('Allow', { 'ForAnyValue:StringLike': { 'aws:SourceOrgPaths': 'o-a1b2c3d4e5/*' } })).toMatch(/this `Allow` never applies$/);
    expect(message('Allow', { Null: { 'aws:SourceArn': 'true' } })).toMatch(/restricts nothing$/);
  });

  it('stays quiet where the key belongs: resource, trust and organization policies', () => {
    const resource = policy('Allow', { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::example-bucket' } }, { Principal: { Service: 's3.amazonaws.com' } });
    expect(find('SourceArnAsCaller', resource, 'resource')).toEqual([]);
    const rcp = policy('Deny', { StringNotEqualsIfExists: { 'aws:SourceAccount': '111122223333' }, Null: { 'aws:SourceAccount': 'false' } }, { Principal: '*' });
    expect(find('SourceArnAsCaller', rcp, 'rcp')).toEqual([]);
    expect(find('SourceArnAsCaller', policy('Deny', { StringNotEquals: { 'aws:SourceAccount': '111122223333' } }), 'scp')).toEqual([]);
    expect(find('SourceArnAsCaller', policy('Allow', { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/ops' } }))).toEqual([]);
  });
});

describe('ForAnyValueAllowList', () => {
  const policy = (effect: string, condition: object) => statement({ Effect: effect, Action: 'ec2:CreateTags', Resource: '*', Condition: condition });

  it('reports ForAnyValue with StringEquals or StringLike on aws:TagKeys in an Allow, at the operator', () => {
    const [d] = find('ForAnyValueAllowList', policy('Allow', { 'ForAnyValue:StringLike': { 'aws:TagKeys': ['team', 'cost-*'] } }));
    expect(d).toMatchObject({ severity: 'warning', line: 8, column: 21, pointer: '/Statement/0/Condition/ForAnyValue:StringLike' });
    expect(d!.help).toContain('`ForAllValues:StringLike`');
    const [ifExists] = find('ForAnyValueAllowList', policy('Allow', { 'ForAnyValue:StringEqualsIfExists': { 'aws:tagkeys': 'team' } }));
    expect(ifExists!.help).toContain('`ForAllValues:StringEqualsIfExists`');
  });

  it('leaves ForAllValues, Deny statements, negated operators and other keys alone', () => {
    expect(find('ForAnyValueAllowList', policy('Allow', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } }))).toEqual([]);
    expect(find('ForAnyValueAllowList', policy('Deny', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team'] } }))).toEqual([]);
    expect(find('ForAnyValueAllowList', policy('Allow', { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['admin'] } }))).toEqual([]);
    expect(find('ForAnyValueAllowList', policy('Allow', { 'ForAnyValue:StringEquals': { 'aws:PrincipalServiceNamesList': ['ec2.amazonaws.com'] } }))).toEqual([]);
  });
});
