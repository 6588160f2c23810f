/**
 * Start-up with a large pack: a generated 10,000-question pack, loaded the
 * first time (YAML parsed, cache written) and on later starts (parsed cache,
 * keyed by content hash, in the config folder's cache/).
 *
 * Target: on a start after the first, the pack adds at most 150 ms.
 *
 * Measured two ways:
 * - in process: loadLibrary() with and without the cache;
 * - through the built CLI: `node dist/iamprep.js pack list --no-builtin
 *   --pack DIR` against the same command without the pack, each in a new
 *   process, so module loading and JIT warm-up count as they do for a learner.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadLibrary } from '../src/content/index.js';

const QUESTIONS = 10_000;
const FILES = 10;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET_MS = 150;
const CLI = resolve(import.meta.dirname, '../dist/iamprep.js');

/** One question of a rotating type, about 300 bytes of YAML, like a real pack's. */
function question(i: number): string {
  const head = `  - id: q-${i}\n    level: ${['beginner', 'intermediate', 'advanced', 'scenario'][i % 4]}\n    topics: [topic-${i % 20}]\n`;
  const refs = `    explanation: Explanation number ${i}, shown after the answer whatever it was.\n    references:\n      - { title: Page ${i}, url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/page-${i}.html" }\n`;
  switch (i % 4) {
    case 0:
      return `${head}    type: single\n    prompt: Question ${i}, which choice is right?\n    choices:\n      - { text: The right choice for ${i}., correct: true }\n      - { text: A wrong choice for ${i}., why: Because it is wrong. }\n      - { text: Another wrong choice for ${i}. }\n${refs}`;
    case 1:
      return `${head}    type: truefalse\n    prompt: Statement number ${i} is true.\n    answer: ${i % 3 === 0}\n${refs}`;
    case 2:
      return `${head}    type: recall\n    prompt: Recall fact number ${i}.\n    answer: |\n      The fact number ${i}, written over\n      two lines of a block scalar.\n${refs}`;
    default:
      return `${head}    type: predict\n    prompt: Is request ${i} allowed?\n    policies:\n      identity:\n        - |\n          { "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket-${i}/*" }] }\n    request: { principal: "arn:aws:iam::111122223333:user/u${i}", action: s3:GetObject, resource: "arn:aws:s3:::bucket-${i}/k" }\n${refs}`;
  }
}

export function generatePack(): string {
  const root = mkdtempSync(join(tmpdir(), 'iamprep-bench-pack-'));
  const topics = Array.from({ length: 20 }, (_, t) => `  - { id: topic-${t}, title: Topic ${t} }`).join('\n');
  writeFileSync(join(root, 'pack.yaml'), `id: bench\ntitle: Benchmark pack\nversion: 1.0.0\ntopics:\n${topics}\n`);
  mkdirSync(join(root, 'questions'));
  const perFile = QUESTIONS / FILES;
  for (let f = 0; f < FILES; f++) {
    const items = Array.from({ length: perFile }, (_, k) => question(f * perFile + k)).join('');
    writeFileSync(join(root, 'questions', `part-${String(f).padStart(2, '0')}.yaml`), `questions:\n${items}`);
  }
  return root;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (n: number) => Math.round(n * 10) / 10;

function inProcess(pack: string) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'iamprep-bench-cache-'));
  const time = (fn: () => unknown) => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  };
  let loaded = 0;
  const first = time(() => (loaded = loadLibrary({ extraPacks: [pack], cacheDir }).questions.length));
  const later = Array.from({ length: RUNS }, () => time(() => loadLibrary({ extraPacks: [pack], cacheDir })));
  const uncached = Array.from({ length: 3 }, () => time(() => loadLibrary({ extraPacks: [pack] })));
  rmSync(cacheDir, { recursive: true, force: true });
  return { questions: loaded, firstMs: round(first), uncachedMs: round(median(uncached)), laterMs: round(median(later)) };
}

function cliRun(args: string[], config: string): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [CLI, 'pack', 'list', '--no-builtin', ...args], { env: { ...process.env, XDG_CONFIG_HOME: config }, encoding: 'utf8' });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`pack list failed: ${result.stderr}`);
  return elapsed;
}

function throughCli(pack: string) {
  if (!existsSync(CLI)) return undefined;
  const config = mkdtempSync(join(tmpdir(), 'iamprep-bench-config-'));
  cliRun([], config); // warm the file system cache for node and the bundle
  const first = cliRun(['--pack', pack], config);
  const withPack: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    without.push(cliRun([], config));
    withPack.push(cliRun(['--pack', pack], config));
  }
  rmSync(config, { recursive: true, force: true });
  const baseline = median(without);
  return { baselineMs: round(baseline), firstStartMs: round(first), laterStartMs: round(median(withPack)), addedLaterMs: round(median(withPack) - baseline), addedFirstMs: round(first - baseline) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pack = generatePack();
  try {
    const memory = inProcess(pack);
    const cli = throughCli(pack);
    console.log(`Start-up with a ${memory.questions}-question pack (${FILES} files; median of ${RUNS} runs)`);
    console.log('  in process, loadLibrary():');
    console.log(`    first load (parse + write cache)   ${memory.firstMs.toFixed(1)} ms`);
    console.log(`    without a cache                     ${memory.uncachedMs.toFixed(1)} ms`);
    console.log(`    later loads (from the cache)        ${memory.laterMs.toFixed(1)} ms`);
    if (cli) {
      console.log('  through the built CLI, `pack list --no-builtin` in a new process:');
      console.log(`    without the pack                    ${cli.baselineMs.toFixed(1)} ms`);
      console.log(`    first start with it                 ${cli.firstStartMs.toFixed(1)} ms  (+${cli.addedFirstMs.toFixed(1)} ms)`);
      console.log(`    later starts with it                ${cli.laterStartMs.toFixed(1)} ms  (+${cli.addedLaterMs.toFixed(1)} ms)`);
    } else {
      console.log('  (no dist/iamprep.js: run `npm run build` to measure through the CLI)');
    }
    const added = cli ? cli.addedLaterMs : memory.laterMs;
    console.log(`  the pack adds ${added.toFixed(1)} ms to a later start (target <= ${TARGET_MS} ms): ${added <= TARGET_MS ? 'met' : 'NOT met'}`);
    console.log(JSON.stringify({ packs: { inProcess: memory, cli, targetMs: TARGET_MS } }));
    process.exitCode = added <= TARGET_MS ? 0 : 1;
  } finally {
    rmSync(pack, { recursive: true, force: true });
  }
}
