import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST, writePack } from '../../test/helpers/packs.js';
import { gradeCommand } from './grade.js';
import type { CommandIO } from './types.js';

const EXERCISE = `exercises:
  - id: reports-read
    level: beginner
    topics: [policies]
    title: Read the reports
    task: Alice may read objects under reports/ in bucket acme-data, and nothing else.
    slot: identity
    cases:
      - name: Alice reads a report
        request: { principal: "arn:aws:iam::111122223333:user/alice", action: s3:GetObject, resource: "arn:aws:s3:::acme-data/reports/q1.csv" }
        expect: allowed
      - name: Alice cannot read payroll
        request: { principal: "arn:aws:iam::111122223333:user/alice", action: s3:GetObject, resource: "arn:aws:s3:::acme-data/payroll/q1.csv" }
        expect: denied
    solution: |
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-data/reports/*"}]}
    leastPrivilege: true
`;

function run(argv: string[], stdin = '') {
  let out = '';
  let err = '';
  const cwd = mkdtempSync(join(tmpdir(), 'iamprep-grade-'));
  const io: CommandIO = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    readStdin: async () => stdin,
    cwd,
    env: { XDG_CONFIG_HOME: join(cwd, 'config') },
    stdoutIsTTY: false,
  };
  return { io, cwd, out: () => out, err: () => err };
}

const pack = writePack({ 'pack.yaml': MANIFEST, 'exercises/reports.yaml': EXERCISE });
const good = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-data/reports/*"}]}';
const broad = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::acme-data/reports/*"}]}';

describe('iamprep grade', () => {
  it('exits 0 and says PASSED for a correct answer', async () => {
    const r = run([]);
    writeFileSync(join(r.cwd, 'answer.json'), good);
    const code = await gradeCommand(['--exercise', 'reports-read', '--policy', 'answer.json', '--pack', pack, '--no-builtin'], r.io);
    expect(code).toBe(0);
    expect(r.out()).toContain('demo/reports-read: PASSED (2 of 2 cases)');
  });

  it('exits 1 with the counterexample in JSON for a too-broad answer', async () => {
    const r = run([]);
    writeFileSync(join(r.cwd, 'answer.json'), broad);
    const code = await gradeCommand(['--exercise', 'demo/reports-read', '--policy', 'answer.json', '--pack', pack, '--no-builtin', '--json'], r.io);
    expect(code).toBe(1);
    const doc = JSON.parse(r.out());
    expect(doc.passed).toBe(false);
    expect(doc.cases.map((c: { passed: boolean }) => c.passed)).toEqual([true, true]);
    expect(doc.counterexample.request.action).toBe('s3:DeleteObject');
    expect(doc.counterexample.answerDecision).toBe('allowed');
    expect(doc.findings).toEqual([]);
  });

  it('prints findings at the line of the policy file and exits 1 for invalid JSON', async () => {
    const r = run([]);
    writeFileSync(join(r.cwd, 'answer.json'), '{\n  "Version": "2012-10-17",\n  "Statement": [\n');
    const code = await gradeCommand(['--exercise', 'reports-read', '--policy', 'answer.json', '--pack', pack, '--no-builtin'], r.io);
    expect(code).toBe(1);
    expect(r.out()).toMatch(/answer\.json:\d+:\d+ error InvalidJson/);
    expect(r.out()).toContain('not evaluated');
  });

  it('reads the policy from standard input with -', async () => {
    const r = run([], good);
    expect(await gradeCommand(['--exercise', 'reports-read', '--policy', '-', '--pack', pack, '--no-builtin'], r.io)).toBe(0);
  });

  it('grades a built-in exercise with its own solution', async () => {
    const r = run([]);
    const solution = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
    writeFileSync(join(r.cwd, 'trust.json'), solution);
    expect(await gradeCommand(['--exercise', 'ec2-role-trust', '--policy', 'trust.json'], r.io)).toBe(0);
  });

  it('exits 2 for an unknown exercise, a missing option or an unreadable file', async () => {
    const unknown = run([]);
    expect(await gradeCommand(['--exercise', 'nope', '--policy', 'a.json', '--pack', pack, '--no-builtin'], unknown.io)).toBe(2);
    expect(unknown.err()).toContain('no exercise `nope`');
    const missing = run([]);
    expect(await gradeCommand(['--exercise', 'reports-read'], missing.io)).toBe(2);
    expect(missing.err()).toContain('--policy FILE');
    const unreadable = run([]);
    expect(await gradeCommand(['--exercise', 'reports-read', '--policy', 'absent.json', '--pack', pack, '--no-builtin'], unreadable.io)).toBe(2);
    expect(unreadable.err()).toContain('cannot read `absent.json`');
    const bad = run([]);
    expect(await gradeCommand(['--frobnicate'], bad.io)).toBe(2);
  });
});
