import { describe, expect, it } from 'vitest';
import { multiple, recall, single } from '../../test/helpers/questions.js';
import { fixedClock } from '../core/index.js';
import { createMemoryStore } from '../progress/index.js';
import { itemsForStats, statsForLibrary } from './stats.js';

describe('statistics for the loaded library', () => {
  it('counts every level, with the questions of each and those answered', () => {
    const store = createMemoryStore();
    store.rate({ key: single.key, rating: 1, at: '2026-11-28T12:00:00.000Z' });
    const report = statsForLibrary([single, multiple, recall], [], store, fixedClock('2026-11-28T13:00:00.000Z'));
    expect(report.masteryByLevel.map((r) => [r.name, r.total, r.seen])).toEqual([
      ['beginner', 1, 1],
      ['intermediate', 1, 0],
      ['advanced', 0, 0],
      ['scenario', 1, 0],
    ]);
    expect(report.totals).toMatchObject({ items: 3, seen: 1, dueToday: 1, newAvailable: 2 });
    expect(report.streak.studiedToday).toBe(true);
  });

  it('describes each item by key, level, topics and rev', () => {
    expect(itemsForStats([{ ...single, rev: 3 }])).toEqual([{ key: 't/s', level: 'beginner', topics: ['roles'], rev: 3 }]);
  });
});
