import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendExamRecord, readExamHistory, type ExamHistoryEntry } from './index.js';

const exam = (at: string, correct: number): ExamHistoryEntry => ({
  at,
  usedMs: 60_000,
  endedBy: 'learner',
  correct,
  total: 10,
  byLevel: [{ name: 'beginner', correct, total: 10 }],
  byTopic: [],
  missed: ['aws-iam/q1'],
});

describe('the exam history', () => {
  it('keeps every exam, oldest first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamprep-exams-'));
    appendExamRecord(dir, exam('2026-11-27T10:00:00Z', 6));
    appendExamRecord(dir, exam('2026-11-28T10:00:00Z', 8));
    expect(readExamHistory(dir).map((e) => e.correct)).toEqual([6, 8]);
  });

  it('skips a line cut short by a crash and keeps the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamprep-exams-'));
    appendExamRecord(dir, exam('2026-11-27T10:00:00Z', 6));
    appendFileSync(join(dir, 'exams.jsonl'), '{"at":"2026-11-28T1');
    appendExamRecord(dir, exam('2026-11-29T10:00:00Z', 9));
    expect(readExamHistory(dir).map((e) => e.correct)).toEqual([6, 9]);
  });

  it('is empty before the first exam', () => {
    expect(readExamHistory(mkdtempSync(join(tmpdir(), 'iamprep-exams-')))).toEqual([]);
  });
});
