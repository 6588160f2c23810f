/**
 * Progress as data plus the events that change it. Every store, on disk or
 * in memory, changes its data only by applying events here, so they count
 * alike and a journal replays to exactly what was acknowledged.
 *
 * Events carry results (the card after a rating), not inputs: replaying
 * never re-runs the scheduler, so a later ts-fsrs cannot change the past.
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_SETTINGS, type CardState, type ItemProgress, type KeyFilter, type MergeReport, type ProgressData, type ProgressSettings, type Rating, type ReviewEntry, type StoredCard } from './types.js';

export type StoreEvent =
  | { t: 'answer'; id: string; key: string; at: string; correct: boolean; hintsUsed?: number; rating?: Rating; stateBefore?: CardState; card?: StoredCard }
  | { t: 'undo'; id: string; of: string; key: string; correct: boolean; item: ItemProgress | null; card: StoredCard | null }
  | { t: 'settings'; id: string; settings: ProgressSettings };

export function emptyData(): ProgressData {
  return { items: {}, cards: {}, history: [], settings: { ...DEFAULT_SETTINGS } };
}

/** An id unique across machines: time first, so ids sort roughly by time. */
export function newEventId(at = Date.now()): string {
  return `${at.toString(36)}-${randomBytes(6).toString('hex')}`;
}

/** Applies one answer to an item's record; shared by every store so they count alike. */
export function applyAnswer(previous: ItemProgress | undefined, answer: { correct: boolean; at: string; hintsUsed?: number }): ItemProgress {
  const hintsUsed = Math.max(previous?.hintsUsed ?? 0, answer.hintsUsed ?? 0);
  return {
    attempts: (previous?.attempts ?? 0) + 1,
    correct: (previous?.correct ?? 0) + (answer.correct ? 1 : 0),
    lastCorrect: answer.correct,
    lastAnsweredAt: answer.at,
    ...(hintsUsed > 0 ? { hintsUsed } : {}),
  };
}

/** Changes `data` in place (stores keep one copy and apply thousands of events). */
export function applyEvent(data: ProgressData, event: StoreEvent): void {
  switch (event.t) {
    case 'answer': {
      data.items[event.key] = applyAnswer(data.items[event.key], event);
      if (event.card) data.cards[event.key] = event.card;
      const entry: ReviewEntry = { id: event.id, key: event.key, at: event.at, correct: event.correct };
      if (event.rating) entry.rating = event.rating;
      if (event.stateBefore) entry.stateBefore = event.stateBefore;
      if (event.card) entry.scheduledDays = event.card.scheduledDays;
      data.history.push(entry);
      return;
    }
    case 'undo': {
      const index = findLastIndex(data.history, (e) => e.id === event.of);
      // Undoing an answer that a reset or another undo already removed changes nothing.
      if (index < 0) return;
      data.history.splice(index, 1);
      const current = data.items[event.key];
      if (current) {
        const attempts = current.attempts - 1;
        if (attempts <= 0 || !event.item) delete data.items[event.key];
        else data.items[event.key] = { attempts, correct: Math.max(0, current.correct - (event.correct ? 1 : 0)), lastCorrect: event.item.lastCorrect, lastAnsweredAt: event.item.lastAnsweredAt };
      }
      if (event.card) data.cards[event.key] = event.card;
      else delete data.cards[event.key];
      return;
    }
    case 'settings':
      data.settings = { ...event.settings };
      return;
  }
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

/** Removes the matching keys everywhere; returns how many keys had something. */
export function resetKeys(data: ProgressData, filter: KeyFilter): number {
  const keys = new Set([...Object.keys(data.items), ...Object.keys(data.cards), ...data.history.map((e) => e.key)].filter(filter));
  for (const key of keys) {
    delete data.items[key];
    delete data.cards[key];
  }
  data.history = data.history.filter((e) => !keys.has(e.key));
  return keys.size;
}

/**
 * Merges another history into `data` in place. History entries are joined
 * by id, so importing the same file twice counts nothing twice; counters
 * grow by the answers that were new; each key keeps the card reviewed
 * last. Settings stay as they are here.
 */
export function mergeData(data: ProgressData, incoming: ProgressData): MergeReport {
  const known = new Set(data.history.map((e) => e.id));
  const fresh = incoming.history.filter((e) => !known.has(e.id));
  const touched = new Set<string>();
  for (const entry of fresh) {
    data.history.push({ ...entry });
    touched.add(entry.key);
  }
  data.history.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  const freshByKey = new Map<string, ReviewEntry[]>();
  for (const entry of fresh) freshByKey.set(entry.key, [...(freshByKey.get(entry.key) ?? []), entry]);
  for (const [key, theirs] of Object.entries(incoming.items)) {
    const ours = data.items[key];
    const added = freshByKey.get(key) ?? [];
    if (!ours) {
      // Answers from before histories were kept exist only as counts: take them as they are.
      data.items[key] = { ...theirs };
      touched.add(key);
      continue;
    }
    if (added.length === 0) continue;
    const latest = added.reduce((a, b) => (b.at > a.at ? b : a));
    const newer = latest.at > ours.lastAnsweredAt;
    data.items[key] = {
      attempts: ours.attempts + added.length,
      correct: ours.correct + added.filter((e) => e.correct).length,
      lastCorrect: newer ? latest.correct : ours.lastCorrect,
      lastAnsweredAt: newer ? latest.at : ours.lastAnsweredAt,
    };
  }
  for (const [key, theirs] of Object.entries(incoming.cards)) {
    const ours = data.cards[key];
    if (!ours || (theirs.rev > ours.rev) || (theirs.rev === ours.rev && (theirs.lastReview ?? '') > (ours.lastReview ?? ''))) {
      data.cards[key] = { ...theirs };
      touched.add(key);
    }
  }
  return { added: fresh.length, keys: touched.size };
}

export function cloneData(data: ProgressData): ProgressData {
  return {
    items: Object.fromEntries(Object.entries(data.items).map(([k, v]) => [k, { ...v }])),
    cards: Object.fromEntries(Object.entries(data.cards).map(([k, v]) => [k, { ...v }])),
    history: data.history.map((e) => ({ ...e })),
    settings: { ...data.settings },
  };
}
