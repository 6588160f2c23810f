/** What is kept for one question or exercise, keyed by `packId/id`. */
export interface ItemProgress {
  /** Times answered. */
  attempts: number;
  /** Times answered correctly (or rated as recalled). */
  correct: number;
  /** Whether the last answer was right. */
  lastCorrect: boolean;
  /** ISO 8601 time of the last answer. */
  lastAnsweredAt: string;
  /** For exercises: the most hints the learner ever needed (absent when none). */
  hintsUsed?: number;
}

export interface AnswerRecord {
  key: string;
  correct: boolean;
  /** ISO 8601. */
  at: string;
  /** Hints shown before this answer (exercises). */
  hintsUsed?: number;
}

/** An FSRS rating, as in Anki: 1 again, 2 hard, 3 good, 4 easy. */
export type Rating = 1 | 2 | 3 | 4;

export type CardState = 'new' | 'learning' | 'review' | 'relearning';

/**
 * An FSRS card as it is stored: every date an ISO string, so that it
 * survives JSON unchanged (ts-fsrs' own Card holds Date objects).
 */
export interface StoredCard {
  /** ISO 8601: when the card is next due. */
  due: string;
  stability: number;
  difficulty: number;
  /** Days the card was scheduled for at its last review. */
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardState;
  /** ISO 8601 of the last review, absent for a card never reviewed. */
  lastReview?: string;
  /** The question's `rev` the card was built for: a higher rev starts the card again. */
  rev: number;
  /** ISO 8601 of the first rating since the card (re)started: how new cards per day are counted. */
  introducedAt: string;
}

/** One answer in the history, for statistics and for merging imported progress. */
export interface ReviewEntry {
  /** Unique across machines, so that merging two histories never counts an answer twice. */
  id: string;
  key: string;
  /** ISO 8601. */
  at: string;
  correct: boolean;
  /** Absent for answers saved without a rating (recordAnswer). */
  rating?: Rating;
  /** The card's state before this answer. */
  stateBefore?: CardState;
  /** Days until the card is due again after this answer. */
  scheduledDays?: number;
}

export interface ProgressSettings {
  /** FSRS desired retention: the chance of recalling a card when it falls due. */
  desiredRetention: number;
  /** How many never-seen cards a day's review introduces. */
  newCardsPerDay: number;
}

export const DEFAULT_SETTINGS: ProgressSettings = { desiredRetention: 0.9, newCardsPerDay: 10 };

/** Bounds for the settings; Anki advises keeping retention below 0.97. */
export const SETTING_BOUNDS = {
  desiredRetention: { min: 0.7, max: 0.97 },
  newCardsPerDay: { min: 0, max: 1000 },
} as const;

export interface RateRequest {
  key: string;
  rating: Rating;
  /** ISO 8601. */
  at: string;
  /** The question's `rev` (0 when absent). */
  rev?: number;
  /** Whether the answer counts as right; by default every rating but Again does. */
  correct?: boolean;
  /** Hints shown before this answer (exercises). */
  hintsUsed?: number;
}

/** What a rating did, for the screen to show (and to undo). */
export interface RateResult {
  key: string;
  rating: Rating;
  card: StoredCard;
}

export interface UndoResult {
  key: string;
  /** The rating taken back; absent when the answer had none. */
  rating?: Rating;
}

/** Everything a store holds, as it is exported and imported. */
export interface ProgressData {
  items: Record<string, ItemProgress>;
  cards: Record<string, StoredCard>;
  history: ReviewEntry[];
  settings: ProgressSettings;
}

/** Which keys a reset clears. */
export type KeyFilter = (key: string) => boolean;

/** The store behind a small interface, so sessions and tests need not know how it is kept. */
export interface ProgressStore {
  /** Where the data lives, to tell the learner. */
  readonly location: string;
  /** A sentence for the learner when opening found something wrong (a corrupt file was set aside). */
  readonly notice?: string;
  get(key: string): ItemProgress | undefined;
  all(): Record<string, ItemProgress>;
  /** Saves the answer before returning: once this returns, it survives a crash. */
  recordAnswer(answer: AnswerRecord): void;
  /** Schedules the card with FSRS and saves the answer before returning. */
  rate(request: RateRequest): RateResult;
  /** Takes back the last answer saved through this store (a stack: call again for the one before). */
  undoLast(): UndoResult | undefined;
  card(key: string): StoredCard | undefined;
  cards(): Record<string, StoredCard>;
  history(): readonly ReviewEntry[];
  settings(): ProgressSettings;
  /** Saves new settings; values out of SETTING_BOUNDS are refused with an error (a bug in the caller). */
  updateSettings(patch: Partial<ProgressSettings>): ProgressSettings;
  /** A copy of everything, for export and statistics. */
  data(): ProgressData;
  /** Merges another history in, all at once. */
  merge(incoming: ProgressData): MergeReport;
  /** Clears the items, cards and history of the matching keys, all at once; returns how many keys were cleared. */
  reset(filter: KeyFilter): number;
}

export interface MergeReport {
  /** History entries that were new here. */
  added: number;
  /** Keys whose record changed. */
  keys: number;
}
