import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintCommand } from './lint.js';
import type { CommandIO } from './types.js';

function run(argv: string[], options: { stdin?: string; cwd: string }) {
  let out = '';
  let err = '';
  const io: CommandIO = {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    readStdin: async () => options.stdin ?? '',
    cwd: options.cwd,
    env: {},
    stdoutIsTTY: false,
  };
  return lintCommand(argv, io).then((status) => ({ status, stdout: out, stderr: err }));
}

const MISPLACED_OPERATOR = `{
  "Version": "2012-10-17",
  "Statement": {
    "Effect": "Deny",
    "Action": "*",
    "Resource": "*",
    "NotIpAddress": {"aws:SourceIp": ["198.51.100.0/24"]}
  }
}
`;

const CLEAN = `{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example-bucket/*"}]
}
`;

const TRUST = `{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]
}
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'iamprep-lint-'));
  writeFileSync(join(dir, 'deny.json'), MISPLACED_OPERATOR);
  writeFileSync(join(dir, 'clean.json'), CLEAN);
  writeFileSync(join(dir, 'trust.json'), TRUST);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('iamprep lint', () => {
  it('prints each finding compiler-style with the line underlined and the fix, and exits 1 on an error', async () => {
    const { status, stdout } = await run(['deny.json'], { cwd: dir });
    expect(status).toBe(1);
    expect(stdout).toContain('deny.json:7:5 error ConditionOperatorOutsideCondition the condition operator `NotIpAddress` is written at statement level');
    expect(stdout).toContain('7 |     "NotIpAddress": {"aws:SourceIp": ["198.51.100.0/24"]}');
    expect(stdout).toContain('  |     ^^^^^^^^^^^^^^\n');
    expect(stdout).toContain('help: move it inside');
    expect(stdout).toMatch(/1 error, .* \(1 file\)\n$/);
  });

  it('exits 0 and says so when a policy has no problems', async () => {
    const { status, stdout } = await run(['clean.json'], { cwd: dir });
    expect(status).toBe(0);
    expect(stdout).toBe('no problems found (1 file)\n');
  });

  it('prints one JSON document with the findings of every file and a summary', async () => {
    const { status, stdout } = await run(['clean.json', 'deny.json', '--json'], { cwd: dir });
    expect(status).toBe(1);
    const doc = JSON.parse(stdout) as { files: { file: string; findings: Record<string, unknown>[] }[]; summary: Record<string, number> };
    expect(doc.files.map((f) => f.file)).toEqual(['clean.json', 'deny.json']);
    expect(doc.files[0]!.findings).toEqual([]);
    expect(doc.files[1]!.findings[0]).toMatchObject({
      file: 'deny.json',
      line: 7,
      column: 5,
      endLine: 7,
      endColumn: 19,
      severity: 'error',
      code: 'ConditionOperatorOutsideCondition',
      pointer: '/Statement/NotIpAddress',
    });
    expect(doc.summary).toMatchObject({ files: 2, errors: 1 });
  });

  it('applies the rules of the policy type given with --type', async () => {
    expect((await run(['trust.json'], { cwd: dir })).stdout).toContain('PrincipalNotAllowed');
    const trust = await run(['--type', 'trust', 'trust.json'], { cwd: dir });
    expect(trust.status).toBe(0);
    expect(trust.stdout).toBe('no problems found (1 file)\n');
  });

  it('reads the policy from standard input for -', async () => {
    const { status, stdout } = await run(['-'], { cwd: dir, stdin: '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}' });
    expect(status).toBe(0);
    expect(stdout).toContain('<stdin>:1:70 security AllowAllOnAll');
  });

  it('treats a missing file as a usage error but still lints the others', async () => {
    const { status, stdout, stderr } = await run(['nope.json', 'deny.json'], { cwd: dir });
    expect(status).toBe(2);
    expect(stderr).toContain('cannot read `nope.json`: no such file');
    expect(stdout).toContain('deny.json:7:5 error');
  });

  it('refuses an unknown type with a suggestion, and a call without files', async () => {
    const typo = await run(['--type', 'trusts', 'trust.json'], { cwd: dir });
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('did you mean `trust`?');
    const none = await run([], { cwd: dir });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('name at least one policy file');
    expect((await run(['--strange'], { cwd: dir })).status).toBe(2);
  });

  it('shows its help', async () => {
    const { status, stdout } = await run(['--help'], { cwd: dir });
    expect(status).toBe(0);
    expect(stdout).toContain('iamprep lint FILE... [--type TYPE] [--json]');
  });
});
