import { describe, expect, it } from 'vitest';
import { computeStats, createMemoryStore, type ItemMeta, type ProgressStore } from './index.js';

// Noon, so that the local day is the same in any time zone within 11 hours of UTC.
const day = (d: number) => new Date(Date.UTC(2026, 10, d, 12)).toISOString();
const now = new Date(day(28));
const levels = ['beginner', 'advanced'];
const catalogue: ItemMeta[] = [
  { key: 'p/a', level: 'beginner', topics: ['roles'], rev: 0 },
  { key: 'p/b', level: 'beginner', topics: ['roles', 'policies'], rev: 0 },
  { key: 'p/c', level: 'advanced', topics: ['policies'], rev: 0 },
  { key: 'p/d', level: 'advanced', topics: ['scp'], rev: 2 },
];
const stats = (store: ProgressStore) => computeStats(store.data(), catalogue, levels, now);

describe('mastery', () => {
  it('counts, per level and topic, questions seen and those remembered for now', () => {
    const store = createMemoryStore();
    store.rate({ key: 'p/a', rating: 3, at: day(27) }); // a new card rated Good comes back within minutes (a learning step)
    store.rate({ key: 'p/a', rating: 3, at: day(28) }); // a second Good graduates it to days away
    store.rate({ key: 'p/b', rating: 1, at: day(28) }); // wrong
    store.rate({ key: 'p/d', rating: 3, at: day(27), rev: 1 }); // built for an older rev than the question's
    const report = stats(store);
    expect(report.masteryByLevel).toEqual([
      { name: 'beginner', total: 2, seen: 2, mastered: 1 },
      { name: 'advanced', total: 2, seen: 0, mastered: 0 },
    ]);
    expect(report.masteryByTopic).toEqual([
      { name: 'policies', total: 2, seen: 1, mastered: 0 },
      { name: 'roles', total: 2, seen: 2, mastered: 1 },
      { name: 'scp', total: 1, seen: 0, mastered: 0 },
    ]);
    expect(report.totals).toMatchObject({ items: 4, seen: 2, mastered: 1, newAvailable: 2, answers: 4 });
  });
});

describe('retention against the target', () => {
  it('counts only the first answer of a day to a card in review, Again as a fail', () => {
    const store = createMemoryStore();
    store.updateSettings({ desiredRetention: 0.85 });
    // Two Goods put each card in review; the next answers are reviews.
    for (const key of ['p/a', 'p/b', 'p/c']) {
      store.rate({ key, rating: 3, at: day(1) });
      store.rate({ key, rating: 3, at: day(2) });
    }
    store.rate({ key: 'p/a', rating: 3, at: day(20) });
    store.rate({ key: 'p/b', rating: 1, at: day(20) });
    store.rate({ key: 'p/b', rating: 3, at: new Date(Date.parse(day(20)) + 3600_000).toISOString() }); // same day: not counted
    store.rate({ key: 'p/c', rating: 2, at: day(21) }); // Hard passes
    expect(stats(store).retention).toEqual({ target: 0.85, actual: 2 / 3, passed: 2, reviews: 3, days: 30 });
  });

  it('has no figure before any review', () => {
    expect(stats(createMemoryStore()).retention.actual).toBeNull();
  });
});

describe('days', () => {
  it('puts overdue cards on today and the others on their due day in the 30-day forecast', () => {
    const store = createMemoryStore();
    store.rate({ key: 'p/a', rating: 1, at: day(10) }); // due minutes later: overdue now
    store.rate({ key: 'p/b', rating: 3, at: day(27) });
    store.rate({ key: 'p/b', rating: 3, at: day(28) });
    const report = stats(store);
    expect(report.forecast).toHaveLength(30);
    expect(report.forecast[0]).toEqual({ day: '2026-11-28', due: 1 });
    const dueB = store.card('p/b')!.due.slice(0, 10);
    expect(report.forecast.find((d) => d.day === dueB)?.due).toBe(1);
    expect(report.forecast.reduce((sum, d) => sum + d.due, 0)).toBe(2);
    expect(report.totals.dueToday).toBe(1);
  });

  it('keeps accuracy per day for the last 30 days', () => {
    const store = createMemoryStore();
    store.recordAnswer({ key: 'p/a', correct: true, at: day(27) });
    store.recordAnswer({ key: 'p/b', correct: false, at: day(27) });
    store.recordAnswer({ key: 'p/a', correct: true, at: day(2) }); // 27 days back: still inside
    const { accuracy } = stats(store);
    expect(accuracy).toHaveLength(30);
    expect(accuracy.at(-1)).toEqual({ day: '2026-11-28', answers: 0, correct: 0 });
    expect(accuracy.at(-2)).toEqual({ day: '2026-11-27', answers: 2, correct: 1 });
    expect(accuracy.filter((d) => d.answers > 0).map((d) => d.day)).toEqual(['2026-11-02', '2026-11-27']);
  });

  it('lays the heatmap out in whole weeks from a Monday, ending today', () => {
    const store = createMemoryStore();
    store.recordAnswer({ key: 'p/a', correct: true, at: day(28) });
    const { heatmap } = stats(store);
    expect(new Date(`${heatmap.start}T12:00:00`).getDay()).toBe(1);
    expect(heatmap.days.at(-1)).toEqual({ day: '2026-11-28', answers: 1 });
    // 2026-11-28 is a Saturday: 19 whole weeks and six days.
    expect(heatmap.days).toHaveLength(19 * 7 + 6);
  });

  it('counts the streak up to today, or up to yesterday before today is studied', () => {
    const store = createMemoryStore();
    for (const d of [20, 21, 22, 23, 25, 26, 27]) store.recordAnswer({ key: 'p/a', correct: true, at: day(d) });
    expect(stats(store).streak).toEqual({ current: 3, longest: 4, studiedToday: false });
    store.recordAnswer({ key: 'p/a', correct: true, at: day(28) });
    expect(stats(store).streak).toEqual({ current: 4, longest: 4, studiedToday: true });
  });
});
