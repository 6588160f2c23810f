/**
 * The snapshot file's shape, its validation and its migrations. Version 1
 * held answer counts only; version 2 adds FSRS cards, the answer history,
 * settings, and how far each journal segment is already included.
 */
import { scheduleNext } from './scheduler.js';
import { emptyData } from './state.js';
import { DEFAULT_SETTINGS, type ItemProgress, type ProgressData } from './types.js';
import { settingsProblem } from './store-core.js';

/** Bumped with every change of the stored shape; older stores are migrated, newer ones refused. */
export const SCHEMA_VERSION = 2;

export interface Snapshot extends ProgressData {
  schemaVersion: number;
  /** Journal segment file name -> bytes of it already included in this snapshot. */
  journal: Record<string, number>;
}

export function emptySnapshot(): Snapshot {
  return { schemaVersion: SCHEMA_VERSION, ...emptyData(), journal: {} };
}

/**
 * One step per version: MIGRATIONS[n] turns a valid version-n store into a
 * version n+1 one. Each is pure; the caller keeps the old file as a backup.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  1: (old) => {
    const items = old.items as Record<string, ItemProgress>;
    // Counts alone cannot rebuild a schedule; one review at the last answer, graded by it, is the closest FSRS start.
    const cards = Object.fromEntries(
      Object.entries(items).map(([key, item]) => [key, scheduleNext(undefined, item.lastCorrect ? 3 : 1, item.lastAnsweredAt, 0, DEFAULT_SETTINGS.desiredRetention, false)]),
    );
    return { schemaVersion: 2, items, cards, history: [], settings: { ...DEFAULT_SETTINGS }, journal: {} };
  },
};

/** Brings a valid older store up to SCHEMA_VERSION. */
export function migrate(value: Record<string, unknown>): Snapshot {
  let current = value;
  for (let v = current.schemaVersion as number; v < SCHEMA_VERSION; v++) current = MIGRATIONS[v]!(current);
  return current as unknown as Snapshot;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const CARD_STATES = ['new', 'learning', 'review', 'relearning'];

/** Every problem with an item record, as `where: what` phrases. */
function itemProblems(key: string, item: unknown, out: string[]) {
  if (!isObject(item)) return void out.push(`the record for \`${key}\` is damaged`);
  if (!isCount(item.attempts) || !isCount(item.correct) || (item.correct as number) > (item.attempts as number)) out.push(`the counts for \`${key}\` are damaged`);
  if (typeof item.lastCorrect !== 'boolean' || !isTime(item.lastAnsweredAt)) out.push(`the last answer of \`${key}\` is damaged`);
}

function cardProblems(key: string, card: unknown, out: string[]) {
  if (!isObject(card)) return void out.push(`the card for \`${key}\` is damaged`);
  const numbers = ['stability', 'difficulty', 'scheduledDays', 'learningSteps', 'reps', 'lapses', 'rev'];
  if (!isTime(card.due) || !isTime(card.introducedAt) || (card.lastReview !== undefined && !isTime(card.lastReview))) out.push(`the card for \`${key}\` has a damaged date`);
  if (!numbers.every((n) => typeof card[n] === 'number' && Number.isFinite(card[n]))) out.push(`the card for \`${key}\` has a damaged number`);
  if (!CARD_STATES.includes(card.state as string)) out.push(`the card for \`${key}\` has an unknown state \`${String(card.state)}\``);
}

function entryProblems(index: number, entry: unknown, out: string[]) {
  if (!isObject(entry) || typeof entry.id !== 'string' || typeof entry.key !== 'string' || !isTime(entry.at) || typeof entry.correct !== 'boolean') {
    return void out.push(`history entry ${index + 1} is damaged`);
  }
  if (entry.rating !== undefined && ![1, 2, 3, 4].includes(entry.rating as number)) out.push(`history entry ${index + 1} has a rating out of 1-4`);
}

/**
 * Every problem in a store's data (a snapshot or an export), at most
 * `limit` of them; empty when it can be used. `version` is the shape to
 * check against: version 1 had items only.
 */
export function dataProblems(value: Record<string, unknown>, version: number, limit = 20): string[] {
  const out: string[] = [];
  if (!isObject(value.items)) out.push('it has no answer records');
  else for (const [key, item] of Object.entries(value.items)) itemProblems(key, item, out);
  if (version >= 2) {
    if (!isObject(value.cards)) out.push('it has no cards');
    else for (const [key, card] of Object.entries(value.cards)) cardProblems(key, card, out);
    if (!Array.isArray(value.history)) out.push('it has no history');
    else value.history.forEach((entry, i) => entryProblems(i, entry, out));
    if (!isObject(value.settings)) out.push('it has no settings');
    else {
      const problem = settingsProblem({ ...DEFAULT_SETTINGS, ...(value.settings as object) });
      if (problem) out.push(problem);
    }
  }
  return out.slice(0, limit);
}

/** A whole snapshot's problems, the journal offsets included. */
export function snapshotProblems(value: Record<string, unknown>): string[] {
  const out = dataProblems(value, value.schemaVersion as number);
  if ((value.schemaVersion as number) >= 2 && (!isObject(value.journal) || !Object.values(value.journal).every(isCount))) out.push('its journal positions are damaged');
  return out;
}

/**
 * The JSON schema conf checks on every write: the outline of the shape
 * (dataProblems above checks the details and names the damaged record).
 */
export const SNAPSHOT_SCHEMA = {
  schemaVersion: { type: 'integer', minimum: 1 },
  items: {
    type: 'object',
    additionalProperties: {
      type: 'object',
      required: ['attempts', 'correct', 'lastCorrect', 'lastAnsweredAt'],
      properties: { attempts: { type: 'integer', minimum: 0 }, correct: { type: 'integer', minimum: 0 }, lastCorrect: { type: 'boolean' }, lastAnsweredAt: { type: 'string' }, hintsUsed: { type: 'integer', minimum: 0 } },
    },
  },
  cards: {
    type: 'object',
    additionalProperties: {
      type: 'object',
      required: ['due', 'stability', 'difficulty', 'scheduledDays', 'learningSteps', 'reps', 'lapses', 'state', 'rev', 'introducedAt'],
      properties: { due: { type: 'string' }, state: { enum: CARD_STATES }, rev: { type: 'integer', minimum: 0 } },
    },
  },
  history: {
    type: 'array',
    items: { type: 'object', required: ['id', 'key', 'at', 'correct'], properties: { rating: { enum: [1, 2, 3, 4] } } },
  },
  settings: {
    type: 'object',
    properties: { desiredRetention: { type: 'number' }, newCardsPerDay: { type: 'integer', minimum: 0 } },
  },
  journal: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } },
} as const;
