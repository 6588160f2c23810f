/**
 * The history of mock exams: one JSON line per exam in `exams.jsonl` beside
 * the progress store, appended and synced to disk when the exam is
 * submitted. Appending keeps every earlier exam whatever happens to this one;
 * a line cut short by a crash is skipped when reading.
 */
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface ExamScore {
  name: string;
  correct: number;
  total: number;
}

export interface ExamHistoryEntry {
  /** ISO 8601 time of submission. */
  at: string;
  usedMs: number;
  endedBy: 'learner' | 'timeout';
  correct: number;
  total: number;
  byLevel: ExamScore[];
  byTopic: ExamScore[];
  /** Keys (`packId/id`) of the questions missed. */
  missed: string[];
}

const FILE = 'exams.jsonl';

export function appendExamRecord(configDir: string, entry: ExamHistoryEntry): void {
  mkdirSync(configDir, { recursive: true });
  const fd = openSync(join(configDir, FILE), 'a+');
  try {
    // A line cut short by a crash must not swallow this one: start on a fresh line.
    const size = fstatSync(fd).size;
    const last = Buffer.alloc(1);
    const fresh = size === 0 || (readSync(fd, last, 0, 1, size - 1) === 1 && last[0] === 10);
    writeSync(fd, `${fresh ? '' : '\n'}${JSON.stringify(entry)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Every exam taken, oldest first; unreadable lines are skipped, never fatal. */
export function readExamHistory(configDir: string): ExamHistoryEntry[] {
  let text: string;
  try {
    text = readFileSync(join(configDir, FILE), 'utf8');
  } catch {
    return [];
  }
  const entries: ExamHistoryEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as ExamHistoryEntry;
      if (typeof entry.at === 'string' && typeof entry.correct === 'number' && typeof entry.total === 'number') entries.push(entry);
    } catch {
      // a line cut short by a crash
    }
  }
  return entries;
}
