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
}

export interface AnswerRecord {
  key: string;
  correct: boolean;
  /** ISO 8601. */
  at: string;
}

/** The store behind a small interface, so sessions and tests need not know it is conf. */
export interface ProgressStore {
  /** Where the data lives, to tell the learner. */
  readonly location: string;
  /** A sentence for the learner when opening found something wrong (a corrupt file was set aside). */
  readonly notice?: string;
  get(key: string): ItemProgress | undefined;
  all(): Record<string, ItemProgress>;
  /** Saves the answer before returning: once this returns, it survives a crash. */
  recordAnswer(answer: AnswerRecord): void;
}
