import { describe, expect, it } from 'vitest';
import { formatExams } from './stats.js';

describe('the mock exams in iamprep stats', () => {
  it('lists the newest exams first with score, time and how they ended', () => {
    const text = formatExams([
      { at: '2026-11-20T10:00:00Z', usedMs: 1_200_000, endedBy: 'learner', correct: 12, total: 20, byLevel: [], byTopic: [], missed: [] },
      { at: '2026-11-27T10:00:00Z', usedMs: 1_800_000, endedBy: 'timeout', correct: 17, total: 20, byLevel: [], byTopic: [], missed: [] },
    ]);
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('Mock exams (2, newest first)');
    expect(lines[1]).toMatch(/2026-11-27\s+17\/20\s+85%.*30 min, timed out/);
    expect(lines[2]).toMatch(/2026-11-20\s+12\/20\s+60%.*20 min$/);
  });

  it('says nothing when no exam was taken', () => {
    expect(formatExams([])).toBe('');
  });
});
