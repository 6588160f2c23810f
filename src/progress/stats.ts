/**
 * Statistics over a store's data, as in Anki's stats screen: mastery by
 * level and topic, accuracy by day, true retention against the desired
 * retention, the due forecast, a calendar of study days and the streak.
 * Pure: the data, the items that exist, and the time come in.
 *
 * It lives beside the store rather than in study/ so that `iamprep stats`
 * (commands may not import study) and the stats screen share it.
 */
import { dayKey, endOfDay, startOfDay, weekdayIndex } from './days.js';
import type { ProgressData, ProgressSettings, ReviewEntry } from './types.js';

/** What stats need to know of a question or exercise. */
export interface ItemMeta {
  key: string;
  level: string;
  topics: string[];
  /** The item's rev: a card built for an older rev counts as not seen. */
  rev: number;
}

export interface MasteryRow {
  name: string;
  total: number;
  /** Answered at least once (for the current rev). */
  seen: number;
  /** Last answered right and not due again yet: remembered for now. */
  mastered: number;
}

export interface DayCount {
  day: string;
  answers: number;
  correct: number;
}

export interface StatsReport {
  /** ISO 8601. */
  generatedAt: string;
  today: string;
  settings: ProgressSettings;
  totals: { items: number; seen: number; mastered: number; dueToday: number; newAvailable: number; answers: number };
  masteryByLevel: MasteryRow[];
  masteryByTopic: MasteryRow[];
  /** The last ACCURACY_DAYS days, oldest first, every day present. */
  accuracy: DayCount[];
  /**
   * Anki's true retention over the last RETENTION_DAYS days: the first
   * answer of a day to a card in review; Again fails, any other rating passes.
   */
  retention: { target: number; actual: number | null; passed: number; reviews: number; days: number };
  /** Cards due on each of the next FORECAST_DAYS days, today first (overdue cards count today). */
  forecast: { day: string; due: number }[];
  /** Answers per day from a Monday HEATMAP_WEEKS - 1 weeks back to today, oldest first. */
  heatmap: { start: string; days: { day: string; answers: number }[] };
  /** Days in a row with an answer, up to today (or yesterday, if today has none yet). */
  streak: { current: number; longest: number; studiedToday: boolean };
}

export const ACCURACY_DAYS = 30;
export const RETENTION_DAYS = 30;
export const FORECAST_DAYS = 30;
export const HEATMAP_WEEKS = 20;

export function computeStats(data: ProgressData, catalogue: readonly ItemMeta[], levels: readonly string[], now: Date): StatsReport {
  const endToday = endOfDay(now).getTime();
  const isCurrent = (item: ItemMeta) => {
    const card = data.cards[item.key];
    return card ? card.rev >= item.rev : item.rev === 0 && data.items[item.key] !== undefined;
  };
  const seen = (item: ItemMeta) => data.items[item.key] !== undefined && isCurrent(item);
  const mastered = (item: ItemMeta) => {
    const card = data.cards[item.key];
    return seen(item) && data.items[item.key]!.lastCorrect && (!card || Date.parse(card.due) > now.getTime());
  };
  const row = (name: string, items: ItemMeta[]): MasteryRow => ({ name, total: items.length, seen: items.filter(seen).length, mastered: items.filter(mastered).length });

  const topics = [...new Set(catalogue.flatMap((i) => i.topics))].sort();
  const dueCards = catalogue.filter((i) => isCurrent(i) && data.cards[i.key]).map((i) => data.cards[i.key]!);
  return {
    generatedAt: now.toISOString(),
    today: dayKey(now),
    settings: { ...data.settings },
    totals: {
      items: catalogue.length,
      seen: catalogue.filter(seen).length,
      mastered: catalogue.filter(mastered).length,
      dueToday: dueCards.filter((c) => Date.parse(c.due) <= endToday).length,
      newAvailable: catalogue.filter((i) => !data.cards[i.key] || !isCurrent(i)).length,
      answers: data.history.length,
    },
    masteryByLevel: levels.map((level) => row(level, catalogue.filter((i) => i.level === level))),
    masteryByTopic: topics.map((topic) => row(topic, catalogue.filter((i) => i.topics.includes(topic)))),
    accuracy: accuracyByDay(data.history, now),
    retention: trueRetention(data.history, data.settings.desiredRetention, now),
    forecast: forecast(dueCards.map((c) => c.due), now),
    heatmap: heatmap(data.history, now),
    streak: streak(data.history, now),
  };
}

/** Answers per local day. */
function countByDay(history: readonly ReviewEntry[]): Map<string, { answers: number; correct: number }> {
  const days = new Map<string, { answers: number; correct: number }>();
  for (const entry of history) {
    const day = dayKey(new Date(entry.at));
    const count = days.get(day) ?? { answers: 0, correct: 0 };
    count.answers++;
    if (entry.correct) count.correct++;
    days.set(day, count);
  }
  return days;
}

/** The days from `days - 1` days ago to today, oldest first. */
function lastDays(now: Date, days: number): string[] {
  return Array.from({ length: days }, (_, i) => dayKey(startOfDay(now, i - days + 1)));
}

export function accuracyByDay(history: readonly ReviewEntry[], now: Date, days = ACCURACY_DAYS): DayCount[] {
  const counts = countByDay(history);
  return lastDays(now, days).map((day) => ({ day, answers: counts.get(day)?.answers ?? 0, correct: counts.get(day)?.correct ?? 0 }));
}

export function trueRetention(history: readonly ReviewEntry[], target: number, now: Date, days = RETENTION_DAYS): StatsReport['retention'] {
  const from = startOfDay(now, -days + 1).getTime();
  const firstOfDay = new Set<string>();
  let reviews = 0;
  let passed = 0;
  const ordered = [...history].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const entry of ordered) {
    const t = Date.parse(entry.at);
    if (t < from || t > now.getTime() || !entry.rating || entry.stateBefore !== 'review') continue;
    const id = `${entry.key} ${dayKey(new Date(t))}`;
    if (firstOfDay.has(id)) continue;
    firstOfDay.add(id);
    reviews++;
    if (entry.rating > 1) passed++;
  }
  return { target, actual: reviews === 0 ? null : passed / reviews, passed, reviews, days };
}

export function forecast(dues: readonly string[], now: Date, days = FORECAST_DAYS): { day: string; due: number }[] {
  const out = lastDays(startOfDay(now, days - 1), days).map((day) => ({ day, due: 0 }));
  const index = new Map(out.map((d, i) => [d.day, i]));
  const today = startOfDay(now).getTime();
  for (const due of dues) {
    const t = Date.parse(due);
    const i = t < today ? 0 : index.get(dayKey(new Date(t)));
    if (i !== undefined) out[i]!.due++;
  }
  return out;
}

export function heatmap(history: readonly ReviewEntry[], now: Date, weeks = HEATMAP_WEEKS): StatsReport['heatmap'] {
  const start = startOfDay(now, -weekdayIndex(now) - (weeks - 1) * 7);
  const counts = countByDay(history);
  const days: { day: string; answers: number }[] = [];
  for (let d = start; d.getTime() <= now.getTime(); d = startOfDay(d, 1)) {
    const day = dayKey(d);
    days.push({ day, answers: counts.get(day)?.answers ?? 0 });
  }
  return { start: dayKey(start), days };
}

export function streak(history: readonly ReviewEntry[], now: Date): StatsReport['streak'] {
  const studied = new Set(history.map((e) => dayKey(new Date(e.at))));
  const studiedToday = studied.has(dayKey(now));
  let current = 0;
  for (let d = studiedToday ? startOfDay(now) : startOfDay(now, -1); studied.has(dayKey(d)); d = startOfDay(d, -1)) current++;
  let longest = 0;
  let run = 0;
  let previous: Date | undefined;
  for (const day of [...studied].sort()) {
    const [y, m, dd] = day.split('-').map(Number) as [number, number, number];
    const date = new Date(y, m - 1, dd);
    run = previous && dayKey(startOfDay(previous, 1)) === day ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = date;
  }
  return { current, longest, studiedToday };
}

/** Symbols for the study-day calendar, from no answers to the busiest days; never colour alone. */
export const HEAT_SYMBOLS = ['·', '░', '▒', '▓', '█'] as const;

/** 0 for a day without answers, else 1-4 by quarter of the busiest day. */
export function heatLevel(answers: number, busiest: number): number {
  if (answers <= 0 || busiest <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((answers / busiest) * 4)));
}

const SPARKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** One character per value, scaled to the largest; a blank-looking low bar for zero. */
export function sparkline(values: readonly number[]): string {
  const top = Math.max(0, ...values);
  return values.map((v) => (v <= 0 || top === 0 ? ' ' : SPARKS[Math.min(7, Math.max(0, Math.ceil((v / top) * 8) - 1))])).join('');
}
