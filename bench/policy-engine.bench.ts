/**
 * Policy engine benchmark. Run with:
 *
 *   npm run build && node --import tsx bench/policy-engine.bench.ts
 *
 * Measures, in one run:
 *  1. `iamprep eval --batch` on a generated corpus of 20,000 requests over
 *     ~50 realistic policy sets, against a floor program that only reads and
 *     JSON-parses the same lines (target: ratio <= 1.5);
 *  2. in-process evaluations per second of a compiled 10-statement policy
 *     (target >= 200,000/s);
 *  3. microseconds per evaluation of a compiled 50-statement policy
 *     (target <= 20 µs).
 * Each figure is the median of several runs (BENCH_RUNS, default 5) after a
 * warm-up. The last line printed is a JSON object with the figures, for
 * scripts. Without dist/iamprep.js the batch is run in process through
 * evalCommand, against an in-process floor, and the table says so.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { evalCommand } from '../src/commands/eval.js';
import type { CommandIO } from '../src/commands/types.js';
import { compilePolicySet, evaluate } from '../src/policy/index.js';
import type { EvalRequest, PolicySet } from '../src/policy/index.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '..', '..');
/** The built CLI; BENCH_CLI points at another build. */
const cliPath = process.env.BENCH_CLI ? resolve(process.env.BENCH_CLI) : join(repoRoot, 'dist', 'iamprep.js');

const BATCH_LINES = 20_000;
const POLICY_SETS = 50;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

// ---------------------------------------------------------------------------
// A deterministic generator of realistic policies and requests

/** mulberry32: small, fast, and the same sequence on every machine. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

const ACCOUNT = '111122223333';
const OTHER_ACCOUNT = '444455556666';
const buckets = ['reports', 'logs-archive', 'team-blue-data', 'public-assets', 'backups'];
const tables = ['Orders', 'Customers', 'Sessions'];
const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

const services = {
  s3: {
    actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket', 's3:GetBucketPolicy', 's3:PutBucketPolicy'],
    wildcards: ['s3:Get*', 's3:List*', 's3:*Object', 's3:*'],
    resource: (r: Rng, wild: boolean) => {
      const bucket = r.pick(buckets);
      if (wild) return r.pick([`arn:aws:s3:::${bucket}/*`, `arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/home/\${aws:username}/*`, 'arn:aws:s3:::*']);
      return `arn:aws:s3:::${bucket}/${r.pick(['q1.csv', 'home/alice/notes.txt', 'img/logo.png', 'data/2026/11/part-0001.parquet'])}`;
    },
  },
  ec2: {
    actions: ['ec2:RunInstances', 'ec2:TerminateInstances', 'ec2:DescribeInstances', 'ec2:StartInstances', 'ec2:StopInstances'],
    wildcards: ['ec2:Describe*', 'ec2:*Instances', 'ec2:*'],
    resource: (r: Rng, wild: boolean) =>
      wild
        ? r.pick([`arn:aws:ec2:*:${ACCOUNT}:instance/*`, '*', `arn:aws:ec2:${r.pick(regions)}:${ACCOUNT}:*`])
        : `arn:aws:ec2:${r.pick(regions)}:${ACCOUNT}:instance/i-0${r.int(100000, 999999)}abcdef`,
  },
  dynamodb: {
    actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:DeleteItem'],
    wildcards: ['dynamodb:Get*', 'dynamodb:*Item', 'dynamodb:*'],
    resource: (r: Rng, wild: boolean) =>
      wild
        ? `arn:aws:dynamodb:*:${ACCOUNT}:table/${r.pick([...tables, '*'])}`
        : `arn:aws:dynamodb:${r.pick(regions)}:${ACCOUNT}:table/${r.pick(tables)}`,
  },
  iam: {
    actions: ['iam:PassRole', 'iam:CreateUser', 'iam:GetUser', 'iam:AttachRolePolicy', 'iam:ListUsers'],
    wildcards: ['iam:Get*', 'iam:List*', 'iam:*'],
    resource: (r: Rng, wild: boolean) =>
      wild ? r.pick([`arn:aws:iam::${ACCOUNT}:role/app-*`, `arn:aws:iam::${ACCOUNT}:user/*`, '*']) : `arn:aws:iam::${ACCOUNT}:${r.pick(['role/app-web', 'user/bob', 'role/admin'])}`,
  },
  kms: {
    actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:ScheduleKeyDeletion'],
    wildcards: ['kms:Encrypt*', 'kms:*'],
    resource: (r: Rng, wild: boolean) =>
      wild ? `arn:aws:kms:*:${ACCOUNT}:key/*` : `arn:aws:kms:${r.pick(regions)}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
  },
} as const;
type ServiceName = keyof typeof services;
const serviceNames = Object.keys(services) as ServiceName[];

function condition(r: Rng): Record<string, Record<string, unknown>> {
  switch (r.int(0, 6)) {
    case 0:
      return { StringEquals: { 'aws:PrincipalTag/team': r.pick(['blue', 'red']) } };
    case 1:
      return { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.0/24'] } };
    case 2:
      return { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };
    case 3:
      return { StringEquals: { 'aws:RequestedRegion': r.pick(regions) } };
    case 4:
      return { StringLike: { 's3:prefix': ['home/${aws:username}/*', 'public/*'] } };
    case 5:
      return { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/app-*` } };
    default:
      return { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } };
  }
}

function statement(r: Rng, index: number, effect?: 'Allow' | 'Deny') {
  const service = services[r.pick(serviceNames)];
  const actionCount = r.int(1, 4);
  const actions = Array.from({ length: actionCount }, () => (r.chance(0.3) ? r.pick(service.wildcards) : r.pick(service.actions)));
  const resources = Array.from({ length: r.int(1, 3) }, () => service.resource(r, r.chance(0.7)));
  return {
    Sid: `S${index}`,
    Effect: effect ?? (r.chance(0.85) ? 'Allow' : 'Deny'),
    [r.chance(0.05) ? 'NotAction' : 'Action']: actions.length === 1 ? actions[0] : actions,
    Resource: resources.length === 1 ? resources[0] : resources,
    ...(r.chance(0.35) ? { Condition: condition(r) } : {}),
  };
}

function policy(r: Rng, statements: number, effect?: 'Allow' | 'Deny') {
  return { Version: '2012-10-17', Statement: Array.from({ length: statements }, (_, i) => statement(r, i, effect)) };
}

const fullAwsAccess = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

function policySet(r: Rng): PolicySet {
  // One main identity policy of 1 to 50 statements, sometimes with a small second one,
  // and now and then the guard rails of a boundary, SCPs, RCPs or a resource policy.
  const identity = [policy(r, r.int(1, 50))];
  if (r.chance(0.2)) identity.push(policy(r, r.int(1, 5)));
  const set: PolicySet = { identity };
  if (r.chance(0.25)) set.boundary = policy(r, r.int(1, 10), 'Allow');
  if (r.chance(0.3)) set.scps = [[fullAwsAccess], [fullAwsAccess, policy(r, r.int(1, 5), 'Deny')]];
  if (r.chance(0.15)) {
    // RCP statements must name every principal: "Principal": "*"
    const rcp = policy(r, r.int(1, 3), 'Deny');
    set.rcps = [[{ ...rcp, Statement: rcp.Statement.map((s) => ({ ...s, Principal: '*' })) }]];
  }
  if (r.chance(0.3)) {
    set.resource = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::${r.pick(buckets)}/*`,
        },
      ],
    };
  }
  return set;
}

function request(r: Rng): EvalRequest {
  const service = services[r.pick(serviceNames)];
  const crossAccount = r.chance(0.1);
  const principal = crossAccount
    ? `arn:aws:iam::${OTHER_ACCOUNT}:user/carol`
    : r.chance(0.5)
      ? `arn:aws:iam::${ACCOUNT}:user/${r.pick(['alice', 'bob'])}`
      : `arn:aws:sts::${ACCOUNT}:assumed-role/app-web/session-${r.int(1, 99)}`;
  const context: Record<string, string | string[]> = {
    'aws:SourceIp': r.pick(['203.0.113.10', '192.0.2.44', '198.51.100.7']),
    'aws:RequestedRegion': r.pick(regions),
  };
  if (r.chance(0.6)) context['aws:MultiFactorAuthPresent'] = r.pick(['true', 'false']);
  if (r.chance(0.5)) context['aws:PrincipalTag/team'] = r.pick(['blue', 'red']);
  if (r.chance(0.2)) context['aws:TagKeys'] = ['env', 'team'];
  return {
    principal,
    action: r.pick(service.actions),
    resource: service.resource(r, false),
    ...(crossAccount ? { resourceAccount: ACCOUNT } : {}),
    context,
  };
}

/** The batch corpus: one JSON line per request, policy sets shared across lines as in real corpora. */
function generateCorpus(lines: number, sets: number, seed = 20261128): string {
  const r = rng(seed);
  const policySets = Array.from({ length: sets }, () => policySet(r));
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    out.push(JSON.stringify({ id: `case-${i}`, policies: r.pick(policySets), request: request(r) }));
  }
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------
// Measurement helpers

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function timeProcess(args: string[]): { ms: number; status: number | null; stderr: string } {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  return { ms: performance.now() - start, status: run.status, stderr: run.stderr };
}

/** How many lines of the corpus come out with each decision or error code: a check that the corpus exercises the engine. */
function countOutcomes(corpusFile: string, builtCli: boolean): Record<string, number> {
  if (!builtCli) return {};
  const run = spawnSync(process.execPath, [cliPath, 'eval', '--batch', corpusFile], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const counts: Record<string, number> = {};
  for (const line of run.stdout.split('\n')) {
    if (!line) continue;
    const out = JSON.parse(line) as { decision?: string; error?: { code: string } };
    const key = out.decision ?? `error ${out.error?.code}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Reads and parses each line the same way the CLI reads its batch file, and nothing else. */
const floorProgram = `
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
let parsed = 0;
for await (const line of createInterface({ input: createReadStream(process.argv[2], { encoding: 'utf8' }), crlfDelay: Infinity })) {
  if (line.trim() === '') continue;
  JSON.parse(line);
  parsed++;
}
if (parsed === 0) process.exit(3);
`;

function fakeIO(): CommandIO {
  return {
    stdout: () => {},
    stderr: () => {},
    readStdin: async () => '',
    cwd: process.cwd(),
    env: {},
    stdoutIsTTY: false,
  };
}

/** The floor program's work, in process, for comparison with the in-process batch. */
async function timeInProcessFloor(file: string): Promise<number> {
  const start = performance.now();
  for await (const line of createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    JSON.parse(line);
  }
  return performance.now() - start;
}

async function timeInProcessBatch(file: string): Promise<number> {
  const start = performance.now();
  const status = await evalCommand(['--batch', file], fakeIO());
  if (status !== 0) console.error(`note: in-process batch exited ${status} (some lines in error)`);
  return performance.now() - start;
}

/** Evaluations per second over `requests`, run for about `ms` milliseconds. */
function evaluationsPerSecond(set: PolicySet, requests: EvalRequest[], ms: number): number {
  const { compiled, diagnostics } = compilePolicySet(set);
  if (!compiled) throw new Error(`bench policy does not compile: ${diagnostics.map((d) => d.message).join('; ')}`);
  let count = 0;
  let sink = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < requests.length; i++) {
      if (evaluate(compiled, requests[i]!).decision === 'allowed') sink++;
    }
    count += requests.length;
    elapsed = performance.now() - start;
  }
  if (sink < 0) console.log(sink); // keeps the loop from being optimised away
  return (count / elapsed) * 1000;
}

// ---------------------------------------------------------------------------

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'iamprep-bench-'));
  try {
    const corpusFile = join(dir, 'corpus.jsonl');
    const floorFile = join(dir, 'floor.mjs');
    const corpus = generateCorpus(BATCH_LINES, POLICY_SETS);
    writeFileSync(corpusFile, corpus);
    writeFileSync(floorFile, floorProgram);
    const corpusMB = Buffer.byteLength(corpus) / 1e6;

    // (1) batch mode against the floor, alternating runs so that both see the same machine load
    const builtCli = existsSync(cliPath);
    const outcomes = countOutcomes(corpusFile, builtCli);
    const batchTimes: number[] = [];
    const floorTimes: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      let floorMs: number;
      let batchMs: number;
      if (builtCli) {
        const floor = timeProcess([floorFile, corpusFile]);
        if (floor.status !== 0) throw new Error(`floor program failed: ${floor.stderr}`);
        floorMs = floor.ms;
        const batch = timeProcess([cliPath, 'eval', '--batch', corpusFile]);
        if (batch.status !== 0 && batch.status !== 1) throw new Error(`iamprep eval --batch failed (${batch.status}): ${batch.stderr}`);
        batchMs = batch.ms;
      } else {
        floorMs = await timeInProcessFloor(corpusFile);
        batchMs = await timeInProcessBatch(corpusFile);
      }
      // run 0 is the warm-up (file cache, JIT for the in-process case)
      if (run > 0) {
        floorTimes.push(floorMs);
        batchTimes.push(batchMs);
      }
    }
    const batchMs = median(batchTimes);
    const floorMs = median(floorTimes);
    const ratio = batchMs / floorMs;

    // (2) and (3): in-process evaluation of compiled policies
    const r = rng(7);
    const requests = Array.from({ length: 200 }, () => request(r));
    const tenStatements: PolicySet = { identity: [policy(r, 10)] };
    const fiftyStatements: PolicySet = { identity: [policy(r, 50)] };
    evaluationsPerSecond(tenStatements, requests, 300); // warm-up
    evaluationsPerSecond(fiftyStatements, requests, 300);
    const tenRates: number[] = [];
    const fiftyRates: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      tenRates.push(evaluationsPerSecond(tenStatements, requests, 400));
      fiftyRates.push(evaluationsPerSecond(fiftyStatements, requests, 400));
    }
    const tenPerSecond = median(tenRates);
    const fiftyMicros = 1e6 / median(fiftyRates);

    const batchLabel = builtCli ? `node ${relative(repoRoot, cliPath)} eval --batch` : 'evalCommand in process (dist/iamprep.js missing)';
    const rows: [string, string, string, string][] = [
      ['measure', 'result', 'target', 'ok'],
      [`batch: ${batchLabel}`, `${batchMs.toFixed(0)} ms`, '', ''],
      [`batch: floor (read + JSON.parse only${builtCli ? ', node script' : ', in process'})`, `${floorMs.toFixed(0)} ms`, '', ''],
      ['batch / floor', `${ratio.toFixed(2)}x`, '<= 1.5x', ratio <= 1.5 ? 'yes' : 'NO'],
      ['10-statement policy', `${Math.round(tenPerSecond).toLocaleString('en-US')} eval/s`, '>= 200,000/s', tenPerSecond >= 200_000 ? 'yes' : 'NO'],
      ['50-statement policy', `${fiftyMicros.toFixed(2)} µs/eval`, '<= 20 µs', fiftyMicros <= 20 ? 'yes' : 'NO'],
    ];
    const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((row) => row[c]!.length)));
    console.log(`corpus: ${BATCH_LINES.toLocaleString('en-US')} lines, ${POLICY_SETS} policy sets, ${corpusMB.toFixed(1)} MB; median of ${RUNS} runs after a warm-up`);
    if (builtCli) console.log(`outcomes: ${Object.entries(outcomes).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    console.log('');
    for (const [i, row] of rows.entries()) {
      console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd());
      if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    }
    console.log(
      JSON.stringify({
        batchLines: BATCH_LINES,
        batchMode: builtCli ? 'cli' : 'in-process',
        outcomes,
        batchMs: Math.round(batchMs),
        floorMs: Math.round(floorMs),
        batchToFloorRatio: Number(ratio.toFixed(3)),
        tenStatementEvalsPerSecond: Math.round(tenPerSecond),
        fiftyStatementMicrosPerEval: Number(fiftyMicros.toFixed(3)),
      }),
    );
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
    else console.log(`corpus kept in ${dir}`);
  }
}

await main();
