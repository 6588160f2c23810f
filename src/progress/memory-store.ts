import type { AnswerRecord, ItemProgress, ProgressStore } from './types.js';

/** Applies one answer to an item's record; shared by every store so they count alike. */
export function applyAnswer(previous: ItemProgress | undefined, answer: AnswerRecord): ItemProgress {
  return {
    attempts: (previous?.attempts ?? 0) + 1,
    correct: (previous?.correct ?? 0) + (answer.correct ? 1 : 0),
    lastCorrect: answer.correct,
    lastAnsweredAt: answer.at,
  };
}

/** A store that keeps nothing on disk: for tests and for `--no-save` style runs. */
export function createMemoryStore(initial: Record<string, ItemProgress> = {}): ProgressStore {
  const items = { ...initial };
  return {
    location: '(memory)',
    get: (key) => items[key],
    all: () => ({ ...items }),
    recordAnswer(answer) {
      items[answer.key] = applyAnswer(items[answer.key], answer);
    },
  };
}
