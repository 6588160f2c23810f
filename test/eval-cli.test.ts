/**
 * The built CLI's batch mode, end to end: `node dist/iamprep.js eval --batch -`
 * with cases on standard input (shared/contracts/eval-batch.md).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cli = join(resolve(fileURLToPath(import.meta.url), '..', '..'), 'dist', 'iamprep.js');
const built = existsSync(cli);
if (!built) console.warn(`skipping the built CLI tests: ${cli} is missing (run \`npm run build\` first)`);

function runCli(args: string[], input: string) {
  const run = spawnSync(process.execPath, [cli, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: '0', CONTINUOUS_INTEGRATION: '0' },
    timeout: 15_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const alice = 'arn:aws:iam::111122223333:user/alice';
const readReports = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'ReadReports', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }],
};
const denyAll = { Version: '2012-10-17', Statement: [{ Sid: 'Nothing', Effect: 'Deny', Action: '*', Resource: '*' }] };
const line = (id: string, policies: object, action: string) =>
  JSON.stringify({ id, policies, request: { principal: alice, action, resource: 'arn:aws:s3:::reports/q1.csv' } });

describe.skipIf(!built)('the built iamprep eval --batch (skipped when dist/iamprep.js is missing)', () => {
  it('decides each stdin line in order and exits 0', () => {
    const input = [
      line('read', { identity: [readReports] }, 's3:GetObject'),
      '',
      line('write', { identity: [readReports] }, 's3:PutObject'),
      line('denied', { identity: [readReports, denyAll] }, 's3:GetObject'),
    ].join('\n');
    const { status, stdout } = runCli(['eval', '--batch', '-'], input);
    expect(stdout.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual([
      { id: 'read', decision: 'allowed' },
      { id: 'write', decision: 'implicitDeny' },
      { id: 'denied', decision: 'explicitDeny' },
    ]);
    expect(status).toBe(0);
  });

  it('reports an invalid line, carries on and exits 1', () => {
    const input = ['this is not json', line('after', { identity: [readReports] }, 's3:GetObject')].join('\n');
    const { status, stdout } = runCli(['eval', '--batch', '-'], input);
    const lines = stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines[0].error.code).toBe('InvalidJson');
    expect(lines[1]).toEqual({ id: 'after', decision: 'allowed' });
    expect(status).toBe(1);
  });

  it('adds a trace with --explain', () => {
    const { stdout } = runCli(['eval', '--batch', '-', '--explain'], line('read', { identity: [readReports] }, 's3:GetObject'));
    const out = JSON.parse(stdout);
    expect(out.decision).toBe('allowed');
    expect(out.trace.length).toBeGreaterThan(0);
  });

  it('exits 2 on a missing batch file and on an unknown flag', () => {
    expect(runCli(['eval', '--batch', 'no-such-file.jsonl'], '').status).toBe(2);
    const unknown = runCli(['eval', '--batchh', '-'], '');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--help');
  });
});
