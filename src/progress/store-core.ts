/**
 * The ProgressStore methods, written once over a small port (EventSink) that
 * the disk store and the memory store each implement. The undo stack lives
 * here: undo takes back what this store saved, never another terminal's
 * answers.
 */
import { scheduleNext } from './scheduler.js';
import { applyEvent, cloneData, emptyData, mergeData, newEventId, resetKeys, type StoreEvent } from './state.js';
import { SETTING_BOUNDS, type ItemProgress, type KeyFilter, type MergeReport, type ProgressData, type ProgressSettings, type ProgressStore, type Rating, type StoredCard } from './types.js';

export interface EventSink {
  /** The data, brought up to date with what other instances saved. */
  current(): ProgressData;
  /** Makes the event durable (on disk, synced), then applies it to the data. */
  commit(event: StoreEvent): void;
  /** Applies `change` to the whole data at once, atomically; returns what it returned. */
  rewrite<T>(change: (data: ProgressData) => T): T;
}

interface Undoable {
  eventId: string;
  key: string;
  correct: boolean;
  rating?: Rating;
  item: ItemProgress | null;
  card: StoredCard | null;
}

export function storeOn(sink: EventSink, location: string, notice?: string): ProgressStore {
  const undoStack: Undoable[] = [];

  function saveAnswer(key: string, at: string, correct: boolean, rating?: Rating, rev = 0, hintsUsed?: number): StoredCard | undefined {
    const data = sink.current();
    const previousCard = data.cards[key];
    const undoable: Undoable = { eventId: newEventId(), key, correct, rating, item: data.items[key] ? { ...data.items[key] } : null, card: previousCard ? { ...previousCard } : null };
    const event: StoreEvent = { t: 'answer', id: undoable.eventId, key, at, correct, ...(hintsUsed ? { hintsUsed } : {}) };
    let card: StoredCard | undefined;
    if (rating) {
      card = scheduleNext(previousCard, rating, at, rev, data.settings.desiredRetention);
      event.rating = rating;
      event.stateBefore = previousCard && previousCard.rev >= rev ? previousCard.state : 'new';
      event.card = card;
    }
    sink.commit(event);
    undoStack.push(undoable);
    return card;
  }

  return {
    location,
    notice,
    get: (key) => {
      const item = sink.current().items[key];
      return item ? { ...item } : undefined;
    },
    all: () => copyEach(sink.current().items),
    recordAnswer(answer) {
      saveAnswer(answer.key, answer.at, answer.correct, undefined, 0, answer.hintsUsed);
    },
    rate(request) {
      if (![1, 2, 3, 4].includes(request.rating)) throw new RangeError(`a rating is 1 to 4, not ${String(request.rating)}`);
      const card = saveAnswer(request.key, request.at, request.correct ?? request.rating > 1, request.rating, request.rev ?? 0, request.hintsUsed)!;
      return { key: request.key, rating: request.rating, card: { ...card } };
    },
    undoLast() {
      const last = undoStack.pop();
      if (!last) return undefined;
      sink.commit({ t: 'undo', id: newEventId(), of: last.eventId, key: last.key, correct: last.correct, item: last.item, card: last.card });
      return last.rating ? { key: last.key, rating: last.rating } : { key: last.key };
    },
    card: (key) => {
      const card = sink.current().cards[key];
      return card ? { ...card } : undefined;
    },
    cards: () => copyEach(sink.current().cards),
    history: () => sink.current().history.map((e) => ({ ...e })),
    settings: () => ({ ...sink.current().settings }),
    updateSettings(patch) {
      const settings: ProgressSettings = { ...sink.current().settings, ...patch };
      const problem = settingsProblem(settings);
      if (problem) throw new RangeError(problem);
      sink.commit({ t: 'settings', id: newEventId(), settings });
      return { ...settings };
    },
    data: () => cloneData(sink.current()),
    merge(incoming): MergeReport {
      const report = sink.rewrite((data) => mergeData(data, incoming));
      // What this store saved before may now sit among other answers; undo stays with what follows.
      undoStack.length = 0;
      return report;
    },
    reset(filter: KeyFilter) {
      const cleared = sink.rewrite((data) => resetKeys(data, filter));
      undoStack.length = 0;
      return cleared;
    },
  };
}

/** A copy callers may change without changing the store. */
function copyEach<T extends object>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key in record) out[key] = { ...record[key]! };
  return out;
}

/** Why settings cannot be used, or undefined when they can. */
export function settingsProblem(settings: ProgressSettings): string | undefined {
  const r = SETTING_BOUNDS.desiredRetention;
  if (typeof settings.desiredRetention !== 'number' || !(settings.desiredRetention >= r.min && settings.desiredRetention <= r.max)) {
    return `desired retention must be from ${r.min} to ${r.max}, not ${String(settings.desiredRetention)}`;
  }
  const n = SETTING_BOUNDS.newCardsPerDay;
  if (!Number.isInteger(settings.newCardsPerDay) || settings.newCardsPerDay < n.min || settings.newCardsPerDay > n.max) {
    return `new cards per day must be a whole number from ${n.min} to ${n.max}, not ${String(settings.newCardsPerDay)}`;
  }
  return undefined;
}

/** A sink that keeps everything in memory: for tests and for runs that save nothing. */
export function memorySink(initial: ProgressData = emptyData()): EventSink {
  let data = cloneData(initial);
  return {
    current: () => data,
    commit: (event) => applyEvent(data, event),
    rewrite(change) {
      const next = cloneData(data);
      const result = change(next);
      data = next;
      return result;
    },
  };
}
