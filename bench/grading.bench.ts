/**
 * Exercise grading benchmark. Run with:
 *
 *   node --import tsx bench/grading.bench.ts
 *
 * For every built-in exercise, grades three answers the way the practice
 * screen does on a save (validation, every case, the comparison with the
 * reference and the counterexample search): the solution (the comparison
 * runs to the end: the worst case), the starter, and each listed wrong
 * answer. Target: p95 of one grade at most 100 ms. Each answer is graded
 * once to warm up, then BENCH_RUNS times (default 5); the table shows the
 * median per answer, the summary the p95 and maximum over every timed grade.
 * The last line is a JSON object with the figures, for scripts.
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadPack } from '../src/content/index.js';
import { gradeExercise } from '../src/grading/index.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_P95_MS = 100;
const root = resolve(fileURLToPath(import.meta.url), '..', '..', 'content', 'aws-iam');

const { pack } = loadPack(root);
if (!pack || pack.exercises.length === 0) {
  console.error('no built-in exercises found');
  process.exit(3);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const samples: number[] = [];
const rows: string[][] = [['exercise', 'answer', 'median ms', 'requests compared', 'result']];
const coldStart = performance.now();
for (const e of pack.exercises) gradeExercise(e, e.solution);
const coldMs = performance.now() - coldStart;

for (const e of pack.exercises) {
  const answers: [string, string][] = [['solution', e.solution], ['starter', e.starter ?? ''], ...e.wrongAnswers.map((w, i): [string, string] => [`wrong ${i + 1}`, w.policy])];
  for (const [name, text] of answers) {
    let result = gradeExercise(e, text);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      result = gradeExercise(e, text);
      times.push(performance.now() - start);
    }
    samples.push(...times);
    times.sort((a, b) => a - b);
    const verdict = result.passed ? 'passed' : result.counterexample ? 'counterexample' : 'failed';
    rows.push([e.id, name, percentile(times, 50).toFixed(2), String(result.comparedRequests), verdict]);
  }
}

samples.sort((a, b) => a - b);
const p50 = percentile(samples, 50);
const p95 = percentile(samples, 95);
const max = samples[samples.length - 1]!;
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const [i, row] of rows.entries()) {
  console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd());
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
console.log('');
console.log(`${pack.exercises.length} exercises, ${rows.length - 1} answers, ${samples.length} timed grades (${RUNS} per answer after a warm-up)`);
console.log(`first pass over every solution (cold): ${coldMs.toFixed(0)} ms`);
console.log(`p50 ${p50.toFixed(2)} ms · p95 ${p95.toFixed(2)} ms (target <= ${TARGET_P95_MS} ms) · max ${max.toFixed(2)} ms · ${p95 <= TARGET_P95_MS ? 'ok' : 'OVER TARGET'}`);
console.log(JSON.stringify({ exercises: pack.exercises.length, answers: rows.length - 1, p50Ms: +p50.toFixed(3), p95Ms: +p95.toFixed(3), maxMs: +max.toFixed(3), coldMs: +coldMs.toFixed(1), targetP95Ms: TARGET_P95_MS }));
process.exit(p95 <= TARGET_P95_MS ? 0 : 1);
