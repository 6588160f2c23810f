/**
 * The side-effecting steps of a quiz, kept out of the reducer: saving an
 * answer happens here, before the screen shows it as answered.
 */
import type { Clock } from '../core/index.js';
import type { ProgressStore } from '../progress/index.js';
import type { AnswerOutcome } from './quiz.js';

export interface StudyPorts {
  store: ProgressStore;
  clock: Clock;
}

/** Saves the outcome; throws only if the disk refuses, which the screen reports. */
export function saveOutcome(ports: StudyPorts, outcome: AnswerOutcome): void {
  ports.store.recordAnswer({ key: outcome.question.key, correct: outcome.correct, at: ports.clock.now().toISOString() });
}
