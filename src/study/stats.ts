/**
 * Statistics for the loaded library: turns questions and exercises into
 * the item list the store's statistics count against (see
 * progress/stats.ts, shared with `iamprep stats`).
 */
import type { Clock } from '../core/index.js';
import { LEVELS, type Exercise, type Question } from '../content/index.js';
import { computeStats, type ItemMeta, type ProgressStore, type StatsReport } from '../progress/index.js';

export { heatLevel, sparkline, HEAT_SYMBOLS } from '../progress/index.js';

export type { StatsReport, MasteryRow, DayCount } from '../progress/index.js';

/** Every question and exercise as the statistics see it. */
export function itemsForStats(questions: readonly Question[], exercises: readonly Exercise[] = []): ItemMeta[] {
  const meta = (item: { key: string; level: string; topics: string[]; rev?: number }): ItemMeta => ({ key: item.key, level: item.level, topics: item.topics, rev: item.rev ?? 0 });
  return [...questions.map(meta), ...exercises.map(meta)];
}

/** The whole report for the stats screen. */
export function statsForLibrary(questions: readonly Question[], exercises: readonly Exercise[], store: ProgressStore, clock: Clock): StatsReport {
  return computeStats(store.data(), itemsForStats(questions, exercises), LEVELS, clock.now());
}
