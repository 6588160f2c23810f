/**
 * A lock file for the few moments the snapshot is rewritten (opening,
 * import, reset). Answers never take it: each instance appends to its own
 * journal segment. A lock left by a killed process is noticed by its pid
 * and taken over.
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';

export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(sleeper, 0, 0, ms);

/**
 * Runs `work` holding the lock at `path`. Waits up to `waitMs` for a live
 * holder; returns `{ locked: false }` when it could not get the lock.
 */
export function withLock<T>(path: string, waitMs: number, work: () => T): { locked: true; value: T } | { locked: false } {
  const deadline = Date.now() + waitMs;
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, String(process.pid));
      } finally {
        closeSync(fd);
      }
      try {
        return { locked: true, value: work() };
      } finally {
        unlinkSync(path);
      }
    }
    const holder = Number.parseInt(readQuietly(path), 10);
    // An empty file is a holder between creating and writing its pid, unless it has been empty for long.
    const abandoned = Number.isInteger(holder) ? holder > 0 && !isAlive(holder) : ageMs(path) > 2000;
    if (abandoned) {
      removeQuietly(path);
      continue;
    }
    if (Date.now() >= deadline) return { locked: false };
    sleep(5);
  }
}

function readQuietly(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function removeQuietly(path: string) {
  try {
    unlinkSync(path);
  } catch {
    // Another instance took it over first.
  }
}
