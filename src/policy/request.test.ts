import { describe, expect, it } from 'vitest';
import { parsePrincipal, parseRequest } from './request.js';

describe('parsePrincipal (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html)', () => {
  it('reads users, roles, role sessions, federated users, the account root, services and identity providers', () => {
    expect(parsePrincipal('arn:aws:iam::111122223333:user/dev/alice')).toMatchObject({ kind: 'user', account: '111122223333', userName: 'alice' });
    expect(parsePrincipal('arn:aws:iam::111122223333:role/app/Builder')).toMatchObject({ kind: 'role', roleKey: '111122223333/Builder' });
    expect(parsePrincipal('arn:aws:sts::111122223333:assumed-role/Builder/s-1')).toMatchObject({ kind: 'assumedRole', roleArn: 'arn:aws:iam::111122223333:role/Builder', roleKey: '111122223333/Builder' });
    expect(parsePrincipal('arn:aws:sts::111122223333:federated-user/carol')).toMatchObject({ kind: 'federatedUser', account: '111122223333' });
    expect(parsePrincipal('arn:aws:iam::111122223333:root')).toMatchObject({ kind: 'root' });
    expect(parsePrincipal('lambda.amazonaws.com')).toMatchObject({ kind: 'service' });
    expect(parsePrincipal('arn:aws:iam::111122223333:saml-provider/Corp')).toMatchObject({ kind: 'identityProvider' });
    expect(parsePrincipal('accounts.google.com')).toMatchObject({ kind: 'identityProvider' });
  });

  it('recognises service-linked roles by their path, and their sessions by the role name', () => {
    expect(parsePrincipal('arn:aws:iam::111122223333:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS')?.serviceLinked).toBe(true);
    expect(parsePrincipal('arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForECS/ecs')?.serviceLinked).toBe(true);
    expect(parsePrincipal('arn:aws:iam::111122223333:role/app/Builder')?.serviceLinked).toBe(false);
  });

  it('rejects what is not a principal', () => {
    for (const bad of ['alice', 'arn:aws:iam::1234:user/alice', 'arn:aws:s3:::bucket', 'arn:aws:sts::111122223333:assumed-role/NoSession', '*']) {
      expect(parsePrincipal(bad)).toBeUndefined();
    }
  });
});

describe('parseRequest', () => {
  const base = { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' };

  it('marks a request as cross-account when the resource account differs from the principal account', () => {
    expect(parseRequest({ ...base, resourceAccount: '444455556666' }).request?.crossAccount).toBe(true);
    expect(parseRequest({ ...base, resourceAccount: '111122223333' }).request?.crossAccount).toBe(false);
    expect(parseRequest(base).request?.crossAccount).toBe(false);
  });

  it('reports every problem of a bad request at once', () => {
    const { request, errors } = parseRequest({ principal: 'nobody', action: '', resource: '', context: { k: { nested: true } } as never });
    expect(request).toBeUndefined();
    expect(errors.map((e) => e.message)).toEqual([
      '`nobody` is not a principal the evaluator understands',
      'the request has no action',
      'the request has no resource',
      'the context key `k` has a value that is not a string, number, boolean or a list of them',
    ]);
  });

  it('lets an empty multi-valued context key stay present and empty', () => {
    const { request } = parseRequest({ ...base, context: { 'aws:TagKeys': [] } });
    expect(request?.context.get('aws:tagkeys')).toEqual([]);
    expect(request?.context.get('aws:username')).toEqual(['alice']);
  });
});
