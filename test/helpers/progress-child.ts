/**
 * A child process for the store's crash and concurrency tests: opens the
 * store in argv[2] and saves answers in a loop, printing each key only
 * after the save returned (that print is the acknowledgement).
 *
 *   progress-child DIR PREFIX COUNT [rate|record]
 *
 * COUNT 0 means forever (until killed). Keys are PREFIX-0, PREFIX-1, ...;
 * a PREFIX ending in `/shared` makes every child answer the same ten keys.
 * With GO_FILE set, it opens the store, prints `open`, and waits for that
 * file before answering.
 */
import { existsSync, writeSync } from 'node:fs';
import { openConfStore } from '../../src/progress/index.js';

/** Writes a line to stdout, waiting while the pipe is full (a loaded machine reads it slowly). */
function say(line: string): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      writeSync(1, line);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

const [dir, prefix, countText, mode = 'rate'] = process.argv.slice(2);
const count = Number(countText);
const store = openConfStore({ cwd: dir!, lockWaitMs: 20_000 });
say('open\n');
// With GO_FILE set, wait for it, so that two children surely answer at the same time.
const go = process.env.GO_FILE;
const pause = new Int32Array(new SharedArrayBuffer(4));
while (go && !existsSync(go)) Atomics.wait(pause, 0, 0, 1);
for (let i = 0; count === 0 || i < count; i++) {
  const key = prefix!.endsWith('/shared') ? `${prefix}-${i % 10}` : `${prefix}-${i}`;
  const at = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
  if (mode === 'rate') store.rate({ key, rating: ((i % 4) + 1) as 1 | 2 | 3 | 4, at });
  else store.recordAnswer({ key, correct: i % 3 !== 0, at });
  say(`${key}\n`);
}
