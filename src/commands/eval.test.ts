import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evalCommand, parseContext } from './eval.js';
import type { CommandIO } from './types.js';

interface Captured {
  io: CommandIO;
  stdout: () => string;
  stderr: () => string;
}

function fakeIO(options: { stdin?: string; cwd?: string; tty?: boolean; env?: Record<string, string> } = {}): Captured {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: (text) => {
        out += text;
      },
      stderr: (text) => {
        err += text;
      },
      readStdin: async () => options.stdin ?? '',
      cwd: options.cwd ?? process.cwd(),
      env: options.env ?? {},
      stdoutIsTTY: options.tty ?? false,
    },
    stdout: () => out,
    stderr: () => err,
  };
}

const allowAll = { Version: '2012-10-17', Statement: [{ Sid: 'AllowEverything', Effect: 'Allow', Action: '*', Resource: '*' }] };
const allowS3Read = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'ReadReports', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }],
};
const denyDelete = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'NoDeletes', Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' }],
};
const alice = 'arn:aws:iam::111122223333:user/alice';

function batchLine(id: unknown, policies: object, action: string, resource = 'arn:aws:s3:::reports/q1.csv', extra: object = {}) {
  return JSON.stringify({ id, policies, request: { principal: alice, action, resource, ...extra } });
}

async function runBatchStdin(input: string, extraArgs: string[] = []) {
  const captured = fakeIO({ stdin: input });
  const status = await evalCommand(['--batch', '-', ...extraArgs], captured.io);
  const lines = captured.stdout().split('\n').filter((l) => l !== '');
  return { status, lines: lines.map((l) => JSON.parse(l) as Record<string, any>), raw: captured.stdout(), stderr: captured.stderr() };
}

describe('iamprep eval --batch', () => {
  it('answers every line in input order with the same id and the AWS decision', async () => {
    const input = [
      batchLine('read', { identity: [allowS3Read] }, 's3:GetObject'),
      batchLine('delete', { identity: [allowAll, denyDelete] }, 's3:DeleteObject'),
      batchLine('write', { identity: [allowS3Read] }, 's3:PutObject'),
      batchLine(42, {}, 's3:GetObject'),
    ].join('\n');
    const { status, lines } = await runBatchStdin(input);
    expect(lines.map((l) => l.id)).toEqual(['read', 'delete', 'write', 42]);
    expect(lines.map((l) => l.decision)).toEqual(['allowed', 'explicitDeny', 'implicitDeny', 'implicitDeny']);
    expect(status).toBe(0);
  });

  it('skips blank and whitespace-only lines', async () => {
    const input = ['', batchLine('a', { identity: [allowAll] }, 's3:GetObject'), '   ', '\t', '', batchLine('b', {}, 's3:GetObject'), ''].join('\n');
    const { status, lines } = await runBatchStdin(input);
    expect(lines.map((l) => l.id)).toEqual(['a', 'b']);
    expect(status).toBe(0);
  });

  it('reports a line that is not JSON with its input line, goes on with the next line, and exits 1', async () => {
    const input = [batchLine('before', { identity: [allowAll] }, 's3:GetObject'), '{"id": "broken", "policies": {', batchLine('after', {}, 's3:GetObject')].join(
      '\n',
    );
    const { status, lines } = await runBatchStdin(input);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 'before', decision: 'allowed' });
    expect(lines[1]!.decision).toBeUndefined();
    expect(lines[1]!.error).toMatchObject({ code: 'InvalidJson', inputLine: 2, policy: null });
    expect(typeof lines[1]!.error.message).toBe('string');
    expect(lines[2]).toMatchObject({ id: 'after', decision: 'implicitDeny' });
    expect(status).toBe(1);
  });

  it('reports a malformed case with its id and keeps going', async () => {
    const input = [
      JSON.stringify({ id: 'no-action', policies: {}, request: { principal: alice, resource: '*' } }),
      JSON.stringify({ id: 'no-request', policies: {} }),
      JSON.stringify({ id: 'bad-context', request: { principal: alice, action: 's3:GetObject', resource: '*', context: { k: { nested: 1 } } } }),
      JSON.stringify(['not', 'an', 'object']),
      batchLine('fine', { identity: [allowAll] }, 's3:GetObject'),
    ].join('\n');
    const { status, lines } = await runBatchStdin(input);
    expect(lines.map((l) => l.id)).toEqual(['no-action', 'no-request', 'bad-context', null, 'fine']);
    expect(lines.slice(0, 4).map((l) => l.error?.code)).toEqual(['InvalidCase', 'InvalidCase', 'InvalidCase', 'InvalidCase']);
    expect(lines[0]!.error.message).toContain('request.action');
    expect(lines[2]!.error.message).toContain('`k`');
    expect(lines[4]!.decision).toBe('allowed');
    expect(status).toBe(1);
  });

  it('names the policy slot and position of a policy that does not parse', async () => {
    const broken = '{\n  "Version": "2012-10-17",\n  "Statement": [ {"Effect": "Allow", "Action": "s3:GetObject" "Resource": "*"} ]\n}';
    const input = [
      JSON.stringify({ id: 'broken', policies: { identity: [allowAll, broken] }, request: { principal: alice, action: 's3:GetObject', resource: '*' } }),
      batchLine('next', { identity: [allowAll] }, 's3:GetObject'),
    ].join('\n');
    const { status, lines } = await runBatchStdin(input);
    expect(lines[0]!.id).toBe('broken');
    expect(lines[0]!.error.policy).toBe('identity[1]');
    expect(lines[0]!.error).toMatchObject({ code: 'InvalidPolicy', check: 'InvalidJson' });
    expect(lines[0]!.error.line).toBe(3);
    expect(lines[0]!.error.column).toBeGreaterThan(1);
    expect(lines[1]).toMatchObject({ id: 'next', decision: 'allowed' });
    expect(status).toBe(1);
  });

  it('refuses a policy with an unknown condition operator instead of deciding', async () => {
    const typo = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringEqualz: { 'aws:username': 'alice' } } }] };
    const { status, lines } = await runBatchStdin(batchLine('typo', { identity: [allowAll, typo] }, 's3:GetObject'));
    expect(lines[0]!.decision).toBeUndefined();
    expect(lines[0]!.error).toMatchObject({ code: 'InvalidPolicy', check: 'UnknownConditionOperator', policy: 'identity[1]' });
    expect(status).toBe(1);
  });

  it('accepts policies given as JSON text, as AWS APIs take them', async () => {
    const { lines } = await runBatchStdin(batchLine('text', { identity: [JSON.stringify(allowS3Read)] }, 's3:GetObject'));
    expect(lines[0]).toEqual({ id: 'text', decision: 'allowed' });
  });

  it('decides each line on its own request when lines share the same policies', async () => {
    const policies = { identity: [allowS3Read] };
    const input = ['s3:GetObject', 's3:PutObject', 's3:GetObject', 's3:DeleteObject'].map((action, i) => batchLine(i, policies, action)).join('\n');
    const { lines } = await runBatchStdin(input);
    expect(lines.map((l) => l.decision)).toEqual(['allowed', 'implicitDeny', 'allowed', 'implicitDeny']);
  });

  it('adds the evaluation trace to each decision with --explain, and only then', async () => {
    const input = batchLine('t', { identity: [allowAll, denyDelete] }, 's3:DeleteObject');
    const plain = await runBatchStdin(input);
    expect(plain.lines[0]).not.toHaveProperty('trace');
    const explained = await runBatchStdin(input, ['--explain']);
    const trace = explained.lines[0]!.trace as { policyType: string; statements: { policy: string; sid?: string }[] }[];
    expect(Array.isArray(trace)).toBe(true);
    const identityStep = trace.find((step) => step.policyType === 'identity');
    expect(identityStep?.statements.some((s) => s.policy === 'identity[1]' && s.sid === 'NoDeletes')).toBe(true);
  });

  it('writes exactly one output line per non-blank input line', async () => {
    const input = Array.from({ length: 300 }, (_, i) => batchLine(`c${i}`, { identity: [allowS3Read] }, i % 2 ? 's3:GetObject' : 's3:PutObject')).join('\n');
    const { raw, lines } = await runBatchStdin(input + '\n');
    expect(raw.endsWith('\n')).toBe(true);
    expect(lines).toHaveLength(300);
    expect(lines[299]).toEqual({ id: 'c299', decision: 'allowed' });
  });

  it('decides lines with long shared policies on their own requests, wherever `policies` sits in the line', async () => {
    const many = {
      Version: '2012-10-17',
      Statement: Array.from({ length: 20 }, (_, i) => ({ Sid: `Read${i}`, Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::bucket-${i}/*` })),
    };
    const policies = { identity: [many] };
    const request = (bucket: number, action = 's3:GetObject') => ({ principal: alice, action, resource: `arn:aws:s3:::bucket-${bucket}/k` });
    const input = [
      JSON.stringify({ id: 1, policies, request: request(3) }),
      JSON.stringify({ id: 2, policies, request: request(3, 's3:PutObject') }),
      JSON.stringify({ request: request(25), id: 3, policies }),
      JSON.stringify({ id: 4, request: request(19), policies }),
      JSON.stringify({ id: 5, policies: { identity: [{ ...many, Statement: many.Statement.slice(0, 19) }] }, request: request(19) }),
      JSON.stringify({ id: 6, policies, request: request(19) }),
    ].join('\n');
    const { lines } = await runBatchStdin(input);
    expect(lines.map((l) => [l.id, l.decision])).toEqual([
      [1, 'allowed'],
      [2, 'implicitDeny'],
      [3, 'implicitDeny'],
      [4, 'allowed'],
      [5, 'implicitDeny'],
      [6, 'allowed'],
    ]);
  });

  it('follows JSON.parse when a line repeats the `policies` member: the last one counts', async () => {
    const line = `{"id": "dup", "policies": ${JSON.stringify({ identity: [allowAll] })}, "request": ${JSON.stringify({ principal: alice, action: 's3:GetObject', resource: '*' })}, "policies": {}}`;
    const { lines } = await runBatchStdin(line);
    expect(lines[0]).toEqual({ id: 'dup', decision: 'implicitDeny' });
  });

  it('reports a line as invalid JSON when text inside a known `policies` value or after it is broken', async () => {
    const good = batchLine('good', { identity: [allowS3Read, allowAll] }, 's3:GetObject');
    const brokenAfter = good.replace(/}$/, '');
    const brokenInside = `{"id": "inside", "policies": {"identity": [1 2]}, "request": {"principal": "${alice}", "action": "s3:GetObject", "resource": "*"}}`;
    const { lines, status } = await runBatchStdin([good, brokenAfter, brokenInside, good].join('\n'));
    expect(lines.map((l) => l.decision ?? l.error.code)).toEqual(['allowed', 'InvalidJson', 'InvalidJson', 'allowed']);
    expect(lines[2]!.error.column).toBe(brokenInside.indexOf('2') + 1);
    expect(status).toBe(1);
  });

  describe('with a batch file', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'iamprep-eval-batch-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reads the file relative to the working directory, including CRLF line ends', async () => {
      const lines = [batchLine('x', { identity: [allowAll] }, 's3:GetObject'), batchLine('y', {}, 's3:GetObject')];
      writeFileSync(join(dir, 'cases.jsonl'), lines.join('\r\n') + '\r\n');
      const captured = fakeIO({ cwd: dir });
      const status = await evalCommand(['--batch', 'cases.jsonl'], captured.io);
      expect(captured.stdout()).toBe('{"id":"x","decision":"allowed"}\n{"id":"y","decision":"implicitDeny"}\n');
      expect(status).toBe(0);
    });

    it('exits 2 with a clear message when the file does not exist', async () => {
      const captured = fakeIO({ cwd: dir });
      const status = await evalCommand(['--batch', 'nowhere.jsonl'], captured.io);
      expect(status).toBe(2);
      expect(captured.stderr()).toContain('nowhere.jsonl');
      expect(captured.stdout()).toBe('');
    });

    it('exits 2 when the batch path is a folder', async () => {
      const captured = fakeIO({ cwd: dir });
      expect(await evalCommand(['--batch', '.'], captured.io)).toBe(2);
      expect(captured.stderr()).toContain('not a file');
    });
  });

  it('refuses single-request flags alongside --batch', async () => {
    const captured = fakeIO();
    const status = await evalCommand(['--batch', '-', '--action', 's3:GetObject'], captured.io);
    expect(status).toBe(2);
    expect(captured.stderr()).toContain('--action');
  });
});

describe('iamprep eval arguments', () => {
  it('treats an unknown flag as a usage error, suggests the closest flag and points to --help', async () => {
    const captured = fakeIO();
    const status = await evalCommand(['--polcy', 'a.json', '--action', 's3:GetObject', '--resource', '*'], captured.io);
    expect(status).toBe(2);
    expect(captured.stderr()).toContain('`--polcy`');
    expect(captured.stderr()).toContain('--policy');
    expect(captured.stderr()).toContain('--help');
  });

  it('says which option lacks its value', async () => {
    const captured = fakeIO();
    expect(await evalCommand(['--action', 's3:GetObject', '--resource', '*', '--policy'], captured.io)).toBe(2);
    expect(captured.stderr()).toContain('`--policy` needs a value');
  });

  it('treats a stray positional argument as a usage error', async () => {
    const captured = fakeIO();
    expect(await evalCommand(['policy.json'], captured.io)).toBe(2);
    expect(captured.stderr()).toContain('policy.json');
  });

  it('asks for --action and --resource when a single request lacks them', async () => {
    const captured = fakeIO();
    expect(await evalCommand(['--policy', 'p.json'], captured.io)).toBe(2);
    expect(captured.stderr()).toContain('--action');
    expect(captured.stderr()).toContain('--resource');
  });

  it('prints help, including the default principal, with exit 0', async () => {
    const captured = fakeIO();
    expect(await evalCommand(['--help'], captured.io)).toBe(0);
    expect(captured.stdout()).toContain('--batch');
    expect(captured.stdout()).toContain(alice);
  });

  it('keeps context values as strings and gathers a repeated key into a multi-valued key', () => {
    expect(
      parseContext(['aws:MultiFactorAuthPresent=true', 'aws:TagKeys=env', 'aws:tagkeys=team', 'aws:MultiFactorAuthAge=30', 'x=a=b']),
    ).toEqual({ 'aws:MultiFactorAuthPresent': 'true', 'aws:TagKeys': ['env', 'team'], 'aws:MultiFactorAuthAge': '30', x: 'a=b' });
    expect(parseContext(['novalue'])).toMatch(/KEY=VALUE/);
  });
});

describe('iamprep eval with policy files', () => {
  let dir: string;
  const write = (name: string, content: unknown) => {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return name;
  };
  const run = async (args: string[], options: { tty?: boolean; env?: Record<string, string> } = {}) => {
    const captured = fakeIO({ cwd: dir, ...options });
    const status = await evalCommand(args, captured.io);
    return { status, stdout: captured.stdout(), stderr: captured.stderr() };
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'iamprep-eval-single-'));
    write('read.json', allowS3Read);
    write('all.json', allowAll);
    write('deny-delete.json', denyDelete);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows an allowed request with a tick and the words, not colour alone', async () => {
    const { status, stdout } = await run(['--policy', 'read.json', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/q1.csv']);
    expect(status).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^✓ allowed/);
    expect(stdout).not.toContain('\u001b[');
  });

  it('tells an explicit deny from an implicit deny', async () => {
    const explicit = await run(['--policy', 'all.json', '--policy', 'deny-delete.json', '--action', 's3:DeleteObject', '--resource', 'arn:aws:s3:::reports/q1.csv']);
    expect(explicit.stdout.split('\n')[0]).toMatch(/^✗ explicit deny/);
    expect(explicit.status).toBe(0);
    const implicit = await run(['--policy', 'read.json', '--action', 's3:PutObject', '--resource', 'arn:aws:s3:::reports/q1.csv']);
    expect(implicit.stdout.split('\n')[0]).toMatch(/^✗ implicit deny/);
  });

  it('passes --context values to conditions', async () => {
    write('mfa.json', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }],
    });
    const args = ['--policy', 'mfa.json', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/q1.csv'];
    expect((await run([...args, '--context', 'aws:MultiFactorAuthPresent=true'])).stdout).toMatch(/^✓ allowed/);
    expect((await run([...args, '--context', 'aws:MultiFactorAuthPresent=false'])).stdout).toMatch(/^✗ implicit deny/);
  });

  it('applies every SCP level and accepts a level given as an array of policies', async () => {
    write('root-scp.json', allowAll);
    write('ou-scps.json', [allowAll, denyDelete]);
    const base = ['--policy', 'all.json', '--scp', 'root-scp.json', '--scp', 'ou-scps.json', '--resource', 'arn:aws:s3:::reports/q1.csv'];
    expect((await run([...base, '--action', 's3:GetObject'])).stdout).toMatch(/^✓ allowed/);
    expect((await run([...base, '--action', 's3:DeleteObject'])).stdout).toMatch(/^✗ explicit deny/);
  });

  it('prints one JSON document with decision, reasons and errors under --json, and the trace with --explain', async () => {
    const args = ['--policy', 'read.json', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/q1.csv', '--json'];
    const plain = JSON.parse((await run(args)).stdout);
    expect(plain.decision).toBe('allowed');
    expect(plain.errors).toEqual([]);
    expect(plain.reasons).toEqual([expect.objectContaining({ policy: 'identity[0]', statement: 0, sid: 'ReadReports', effect: 'Allow' })]);
    const explained = JSON.parse((await run([...args, '--explain'])).stdout);
    expect(explained.trace.some((step: { policyType: string }) => step.policyType === 'identity')).toBe(true);
  });

  it('shows a policy that does not parse as file:line:column with the source line underlined, and exits 1', async () => {
    write('broken.json', '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject" "Resource": "*"}\n  ]\n}\n');
    const { status, stdout, stderr } = await run(['--policy', 'read.json', '--policy', 'broken.json', '--action', 's3:GetObject', '--resource', '*']);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^broken\.json:4:\d+ error \w+ /m);
    expect(stderr).toContain('4 |     {"Effect": "Allow"');
    expect(stderr).toMatch(/\|\s+\^+/);
  });

  it('places an error inside an array-of-policies SCP file at its line in that file', async () => {
    write('level.json', `[\n${JSON.stringify(allowAll)},\n  {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*" "Resource": "*"}]}\n]\n`);
    const { status, stderr } = await run(['--policy', 'all.json', '--scp', 'level.json', '--action', 's3:GetObject', '--resource', '*']);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^level\.json:3:\d+ error /m);
    expect(stderr).toContain('3 |   {"Version"');
  });

  it('reports parse errors as JSON findings under --json', async () => {
    const { status, stdout } = await run(['--policy', 'broken.json', '--action', 's3:GetObject', '--resource', '*', '--json']);
    expect(status).toBe(1);
    const doc = JSON.parse(stdout);
    expect(doc.errors[0]).toMatchObject({ file: 'broken.json', line: 4, severity: 'error' });
  });

  it('exits 2 naming the file when a policy file is missing', async () => {
    const { status, stderr } = await run(['--policy', 'missing.json', '--action', 's3:GetObject', '--resource', '*']);
    expect(status).toBe(2);
    expect(stderr).toContain('missing.json');
    expect(stderr).toContain('no such file');
  });

  it('colours the decision only on a terminal without NO_COLOR', async () => {
    const args = ['--policy', 'read.json', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/q1.csv'];
    expect((await run(args, { tty: true })).stdout).toContain('\u001b[');
    expect((await run(args, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await run(args, { tty: false })).stdout).not.toContain('\u001b[');
  });
});
