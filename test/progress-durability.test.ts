/**
 * The progress store under the two things that lose data in practice: a
 * process killed at any moment, and two processes saving at once. Real
 * child processes, a real disk.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openConfStore } from '../src/progress/index.js';
import { seededRandom } from '../src/study/index.js';
import { buildProgressChild } from './helpers/progress-child-build.js';

let child = '';
beforeAll(async () => {
  child = await buildProgressChild();
});

const fresh = () => mkdtempSync(join(tmpdir(), 'iamprep-durability-'));

interface Run {
  /** Keys the child printed after saving: acknowledged answers. */
  acked: string[];
  sawOpen: boolean;
}

/** Starts the child; resolves once it has exited, killed after `killAfterMs` or run to the end. */
function runChild(args: string[], options: { killAfterMs?: number; env?: Record<string, string>; onOpen?: () => void } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      const before = out.includes('open\n');
      out += chunk.toString('utf8');
      if (!before && out.includes('open\n')) options.onOpen?.();
    });
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const timer = options.killAfterMs === undefined ? undefined : setTimeout(() => proc.kill('SIGKILL'), options.killAfterMs);
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) return reject(new Error(`child failed (${code}): ${err}`));
      // Only whole lines count: a key cut off by the kill was never acknowledged.
      const lines = out.split('\n').slice(0, -1);
      resolve({ sawOpen: lines[0] === 'open', acked: lines.filter((l) => l !== 'open') });
    });
  });
}

describe('a process killed at random moments', () => {
  it('leaves a store that opens and holds every acknowledged answer, 100 times', async () => {
    const random = seededRandom(20261128);
    const lane = async (name: string, runs: number) => {
      const dir = fresh();
      const acked = new Set<string>();
      let answered = 0;
      for (let run = 0; run < runs; run++) {
        const mode = run % 2 === 0 ? 'rate' : 'record';
        // From before the store is open (about 150 ms) to well into the answering.
        const killAfterMs = Math.floor(random() * 350);
        const result = await runChild([dir, `${name}/run${run}`, '0', mode], { killAfterMs });
        result.acked.forEach((key) => acked.add(key));
        answered += result.acked.length;

        // Checked on a copy, so that the next child, not this test, folds the journal in (and may be killed doing it).
        const copy = fresh();
        cpSync(dir, copy, { recursive: true });
        const store = openConfStore({ cwd: copy });
        const items = store.all();
        const missing = [...acked].filter((key) => !items[key]);
        expect(missing, `lane ${name}, run ${run}, killed after ${killAfterMs} ms`).toEqual([]);
        if (mode === 'rate') expect(result.acked.every((key) => store.card(key))).toBe(true);
        // At most one answer was saved but not yet acknowledged when the kill came.
        const saved = Object.keys(items).filter((key) => key.startsWith(`${name}/run${run}-`)).length;
        expect(saved - result.acked.length).toBeGreaterThanOrEqual(0);
        expect(saved - result.acked.length).toBeLessThanOrEqual(1);
        rmSync(copy, { recursive: true, force: true });
      }
      rmSync(dir, { recursive: true, force: true });
      return answered;
    };
    // Two lanes on separate stores use both cores; 50 kills each.
    const answered = await Promise.all([lane('a', 50), lane('b', 50)]);
    // The kills must have come while answers were being saved, or the test proves nothing.
    expect(answered[0]! + answered[1]!).toBeGreaterThan(500);
  }, 120_000);
});

describe('two processes saving into one store at once', () => {
  it('keeps all 400 answers of two processes that answer the same questions', async () => {
    const dir = fresh();
    const go = join(dir, 'go');
    let open = 0;
    const start = () => {
      if (++open === 2) writeFileSync(go, '');
    };
    const [a, b] = await Promise.all([
      runChild([dir, 'c/shared', '200', 'rate'], { env: { GO_FILE: go }, onOpen: start }),
      runChild([dir, 'c/shared', '200', 'record'], { env: { GO_FILE: go }, onOpen: start }),
    ]);
    expect(a.acked).toHaveLength(200);
    expect(b.acked).toHaveLength(200);
    const store = openConfStore({ cwd: dir });
    const attempts = Object.values(store.all()).reduce((sum, item) => sum + item.attempts, 0);
    expect(attempts).toBe(400);
    expect(store.history()).toHaveLength(400);
    expect(new Set(store.history().map((e) => e.id)).size).toBe(400);
    expect(store.history().filter((e) => e.rating)).toHaveLength(200);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
