/**
 * Saving one answer into a progress store of about 1 MB.
 * Target: the median save takes at most 5 ms (the 95th percentile is
 * printed beside it, since a disk sync now and then takes longer).
 *
 *   node --import tsx bench/progress.bench.ts
 *
 * A save appends one line to this instance's journal segment and syncs it
 * (see src/progress/conf-store.ts), so its cost does not grow with the
 * store; the figures for opening the store (reading the snapshot, then
 * replaying the journal) are printed too.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openConfStore, SCHEMA_VERSION } from '../src/progress/index.js';

const SAVES = Number(process.env.BENCH_SAVES ?? 500);
const TARGET_MS = 5;

/** A version-2 snapshot of about `bytes`, with realistic items, cards and history. */
function writeLargeStore(dir: string, bytes: number): number {
  const items: Record<string, unknown> = {};
  const cards: Record<string, unknown> = {};
  const history: unknown[] = [];
  const day = 86_400_000;
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; JSON.stringify({ items, cards, history }).length < bytes; i++) {
    // Grows in steps of 50 keys, each with a card and a few answers, so the loop measures rarely.
    for (let j = 0; j < 50; j++, i++) {
      const key = `aws-iam/question-${i}`;
      const at = new Date(start + (i % 300) * day).toISOString();
      items[key] = { attempts: 3, correct: 2, lastCorrect: true, lastAnsweredAt: at };
      cards[key] = { due: new Date(start + (i % 300) * day + 9 * day).toISOString(), stability: 9.3, difficulty: 5.1, scheduledDays: 9, learningSteps: 0, reps: 3, lapses: 1, state: 'review', lastReview: at, rev: 0, introducedAt: at };
      for (let k = 0; k < 3; k++) history.push({ id: `${i.toString(36)}-${k}-bench`, key, at, correct: k !== 1, rating: k === 1 ? 1 : 3, stateBefore: 'review', scheduledDays: 9 });
    }
  }
  const path = join(dir, 'progress.json');
  writeFileSync(path, JSON.stringify({ schemaVersion: SCHEMA_VERSION, items, cards, history, settings: { desiredRetention: 0.9, newCardsPerDay: 10 }, journal: {} }));
  return statSync(path).size;
}

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]!;
const round = (n: number) => Math.round(n * 1000) / 1000;

export function benchProgress() {
  // The config folder's disk, as for a learner (tmpdir may be a RAM disk).
  const base = process.env.BENCH_DIR ?? (statSafe(join(homedir(), '.cache')) ? join(homedir(), '.cache') : tmpdir());
  const dir = mkdtempSync(join(base, 'iamprep-progress-bench-'));
  const size = writeLargeStore(dir, 1_000_000);

  const openStart = performance.now();
  const store = openConfStore({ cwd: dir });
  const openMs = performance.now() - openStart;

  const times: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const at = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
    const t = performance.now();
    store.rate({ key: `aws-iam/question-${i % 400}`, rating: ((i % 4) + 1) as 1 | 2 | 3 | 4, at });
    times.push(performance.now() - t);
  }
  const reopenStart = performance.now();
  const reopened = openConfStore({ cwd: dir });
  const reopenMs = performance.now() - reopenStart;
  if (reopened.history().length < SAVES) throw new Error('the saved answers are not all there after reopening');
  rmSync(dir, { recursive: true, force: true });

  return { storeBytes: size, saves: SAVES, medianMs: round(quantile(times, 0.5)), p95Ms: round(quantile(times, 0.95)), maxMs: round(Math.max(...times)), openMs: round(openMs), reopenWithJournalMs: round(reopenMs), targetMs: TARGET_MS };
}

function statSafe(path: string) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = benchProgress();
  console.log('Progress store: saving one answer (rate, journal append + sync) into a %s KB store, %d saves', Math.round(r.storeBytes / 1024), r.saves);
  console.log(`  median             ${r.medianMs.toFixed(3)} ms   (target <= ${r.targetMs} ms) ${r.medianMs <= r.targetMs ? 'met' : 'NOT met'}`);
  console.log(`  95th percentile    ${r.p95Ms.toFixed(3)} ms`);
  console.log(`  slowest            ${r.maxMs.toFixed(3)} ms`);
  console.log(`  open (1 MB)        ${r.openMs.toFixed(1)} ms`);
  console.log(`  reopen + replay    ${r.reopenWithJournalMs.toFixed(1)} ms   (the 1 MB snapshot and ${r.saves} journal lines)`);
  console.log(JSON.stringify({ progress: r }));
}
