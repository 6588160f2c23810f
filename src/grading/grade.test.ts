import { describe, expect, it } from 'vitest';
import { compilePolicySet, evaluate } from '../policy/index.js';
import { exercise, reportsExercise } from '../../test/helpers/exercises.js';
import { gradeExercise } from './index.js';
import { placePolicy } from './placement.js';

const allow = (statements: string): string => `{"Version":"2012-10-17","Statement":[${statements}]}`;

/** The evaluator's own decision for a request, with the answer placed in the exercise. */
function decisionOf(ex: typeof reportsExercise, answer: string, request: Parameters<typeof evaluate>[1]): string {
  const { compiled } = compilePolicySet(placePolicy(ex, answer).set);
  return evaluate(compiled!, request).decision;
}

describe('gradeExercise', () => {
  it('passes the reference solution', () => {
    const result = gradeExercise(reportsExercise, reportsExercise.solution);
    expect(result.passed).toBe(true);
    expect(result.cases.every((c) => c.passed)).toBe(true);
    expect(result.counterexample).toBeUndefined();
  });

  it('passes an answer written differently that decides every request alike', () => {
    const answer = allow(`{"Sid":"Reports","Effect":"Allow","Action":["S3:getobject"],"Resource":["arn:aws:s3:::acme-data/reports/*"]},
      {"Effect":"Deny","Action":"s3:PutObject","Resource":"*"}`);
    const result = gradeExercise(reportsExercise, answer);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.passed).toBe(true);
  });

  it('passes an answer that splits the grant into a NotAction deny and an allow', () => {
    const answer = allow(`{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::acme-data/reports/*"},
      {"Effect":"Deny","NotAction":"s3:GetObject","Resource":"*"}`);
    expect(gradeExercise(reportsExercise, answer).passed).toBe(true);
  });

  it('fails a too-broad answer with a counterexample the evaluator confirms', () => {
    // Passes all three cases, but also allows listing and deleting reports.
    const answer = allow(`{"Effect":"Allow","Action":["s3:Get*","s3:DeleteObject"],"Resource":"arn:aws:s3:::acme-data/reports/*"}`);
    const result = gradeExercise(reportsExercise, answer);
    expect(result.cases.every((c) => c.passed)).toBe(true);
    expect(result.passed).toBe(false);
    const cx = result.counterexample!;
    expect(cx.answerDecision).toBe('allowed');
    expect(cx.referenceDecision).not.toBe('allowed');
    expect(decisionOf(reportsExercise, answer, cx.request)).toBe('allowed');
    expect(decisionOf(reportsExercise, reportsExercise.solution, cx.request)).not.toBe('allowed');
    expect(cx.text).toContain(cx.request.action);
    expect(cx.text).toContain(cx.request.resource);
  });

  it('finds a counterexample that needs a resource no case names', () => {
    const answer = allow(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-data/rep*"}`);
    const result = gradeExercise(reportsExercise, answer);
    expect(result.cases.every((c) => c.passed)).toBe(true);
    const cx = result.counterexample!;
    expect(cx.request.resource).not.toMatch(/^arn:aws:s3:::acme-data\/reports\//);
    expect(decisionOf(reportsExercise, answer, cx.request)).toBe('allowed');
  });

  it('shrinks the counterexample to the context keys that matter', () => {
    const ex = exercise({
      solution: allow(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-data/reports/*","Condition":{"Bool":{"aws:SecureTransport":"true"},"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}}`),
      cases: [
        { name: 'over TLS in eu-west-1', request: { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::acme-data/reports/q1.csv', context: { 'aws:SecureTransport': true, 'aws:RequestedRegion': 'eu-west-1' } }, expect: 'allowed' },
        { name: 'not over HTTP', request: { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::acme-data/reports/q1.csv', context: { 'aws:SecureTransport': false, 'aws:RequestedRegion': 'eu-west-1' } }, expect: 'denied' },
      ],
    });
    // Forgets the Region: too broad only through aws:RequestedRegion.
    const answer = allow(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-data/reports/*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}`);
    const cx = gradeExercise(ex, answer).counterexample!;
    expect(Object.keys(cx.request.context ?? {}).sort()).toEqual(['aws:SecureTransport']);
    expect(cx.text).toContain('`aws:SecureTransport` is `true`');
  });

  it('fails a too-narrow answer on the case it gets wrong, without a counterexample', () => {
    const answer = allow(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-data/reports/q2.csv"}`);
    const result = gradeExercise(reportsExercise, answer);
    expect(result.passed).toBe(false);
    expect(result.cases.map((c) => c.passed)).toEqual([false, true, true]);
    expect(result.cases[0]!.decision).toBe('implicitDeny');
    expect(result.cases[0]!.explanation.length).toBeGreaterThan(0);
    expect(result.counterexample).toBeUndefined();
  });

  it('does not compare with the reference when least privilege is off', () => {
    const ex = exercise({ leastPrivilege: false });
    const broad = allow(`{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::acme-data/reports/*","arn:aws:s3:::acme-data"]}`);
    expect(gradeExercise(ex, broad).passed).toBe(true);
  });

  it('reports invalid JSON at the line and column of the workspace file, and evaluates nothing', () => {
    const answer = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "s3:GetObject" "Resource": "*" }\n  ]\n}\n';
    const result = gradeExercise(reportsExercise, answer, { origin: { file: '/ws/reports-read.json' } });
    expect(result.passed).toBe(false);
    const error = result.findings.find((f) => f.severity === 'error')!;
    expect(error).toMatchObject({ file: '/ws/reports-read.json', line: 4 });
    expect(result.cases.every((c) => !c.passed && c.decision === undefined)).toBe(true);
  });

  it('reports a structural error with the offsets of a policy held in YAML', () => {
    const answer = '{"Version":"2012-10-17","Statement":[{"Effect":"Permit","Action":"s3:GetObject","Resource":"*"}]}';
    const result = gradeExercise(reportsExercise, answer, { origin: { file: 'pack.yaml', lineOffset: 10, columnOffset: 6 } });
    const error = result.findings.find((f) => f.severity === 'error')!;
    expect(error.file).toBe('pack.yaml');
    expect(error.line).toBe(11);
    expect(error.column).toBeGreaterThan(6);
  });

  it('grades a trust policy as the role’s resource-based policy', () => {
    const ex = exercise({
      slot: 'trust',
      cases: [
        { name: 'EC2 assumes', request: { principal: 'ec2.amazonaws.com', action: 'sts:AssumeRole', resource: 'arn:aws:iam::111122223333:role/web' }, expect: 'allowed' },
        { name: 'Lambda cannot', request: { principal: 'lambda.amazonaws.com', action: 'sts:AssumeRole', resource: 'arn:aws:iam::111122223333:role/web' }, expect: 'denied' },
      ],
      solution: allow(`{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}`),
    });
    expect(gradeExercise(ex, ex.solution).passed).toBe(true);
    const everyone = gradeExercise(ex, allow(`{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}`));
    expect(everyone.passed).toBe(false);
  });

  it('places an SCP next to FullAWSAccess, so that a deny-list SCP leaves the rest allowed', () => {
    const admin = allow(`{"Effect":"Allow","Action":"*","Resource":"*"}`);
    const ex = exercise({
      slot: 'scp',
      given: { identity: [admin] },
      cases: [
        { name: 'no leaving', request: { principal: 'arn:aws:iam::111122223333:user/alice', action: 'organizations:LeaveOrganization', resource: '*' }, expect: 'explicitDeny' },
        { name: 'the rest works', request: { principal: 'arn:aws:iam::111122223333:user/alice', action: 'ec2:RunInstances', resource: '*' }, expect: 'allowed' },
      ],
      solution: allow(`{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}`),
    });
    expect(gradeExercise(ex, ex.solution).passed).toBe(true);
    // An allow-list SCP without the other actions: the rest is implicitly denied.
    const allowList = gradeExercise(ex, allow(`{"Effect":"Deny","Action":"*","Resource":"*"}`));
    expect(allowList.cases.map((c) => c.decision)).toEqual(['explicitDeny', 'explicitDeny']);
  });

  it('accepts either kind of deny for `denied` and only the exact one otherwise', () => {
    const ex = exercise({
      cases: [{ name: 'no payroll', request: reportsExercise.cases[1]!.request, expect: 'explicitDeny' }],
      leastPrivilege: false,
    });
    expect(gradeExercise(ex, reportsExercise.solution).cases[0]!.passed).toBe(false);
    const withDeny = allow(`{"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::acme-data/payroll/*"}`);
    expect(gradeExercise(ex, withDeny).cases[0]!.passed).toBe(true);
  });
});

describe('a counterexample reads like a real request', () => {
  it('names an action that works on the resource it shows, not one of another resource type', () => {
    // s3:Get* on objects also grants object actions such as s3:GetObjectAcl; bucket actions like
    // s3:GetBucketPolicy would never be called on an object ARN.
    const result = gradeExercise(reportsExercise, allow('{"Effect":"Allow","Action":"s3:Get*","Resource":"arn:aws:s3:::acme-data/reports/*"}'));
    expect(result.passed).toBe(false);
    const action = result.counterexample?.request.action ?? '';
    expect(action).toMatch(/^s3:GetObject/);
    expect(result.counterexample?.request.resource).toMatch(/^arn:aws:s3:::acme-data\/reports\//);
  });
});
