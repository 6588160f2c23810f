/**
 * The ts-fsrs adapter: the only file that knows ts-fsrs. Cards cross the
 * boundary as StoredCard (ISO strings, string states), because ts-fsrs'
 * Date fields do not survive JSON.
 */
import { createEmptyCard, fsrs, State, type Card, type Grade } from 'ts-fsrs';
import type { CardState, Rating, StoredCard } from './types.js';

const STATE_NAMES: Record<State, CardState> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
const STATES: Record<CardState, State> = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };

/** A scheduler per setting; fuzz is off so that the same answers always give the same dates. */
const schedulers = new Map<string, ReturnType<typeof fsrs>>();
function schedulerFor(desiredRetention: number, learningSteps: boolean) {
  const id = `${desiredRetention}:${learningSteps}`;
  let scheduler = schedulers.get(id);
  if (!scheduler) {
    scheduler = fsrs({ request_retention: desiredRetention, enable_fuzz: false, enable_short_term: learningSteps });
    schedulers.set(id, scheduler);
  }
  return scheduler;
}

export function toFsrsCard(card: StoredCard): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATES[card.state],
    last_review: card.lastReview ? new Date(card.lastReview) : undefined,
  };
}

export function fromFsrsCard(card: Card, rev: number, introducedAt: string): StoredCard {
  const stored: StoredCard = {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_NAMES[card.state],
    rev,
    introducedAt,
  };
  if (card.last_review) stored.lastReview = card.last_review.toISOString();
  return stored;
}

/**
 * The card after one rating. A missing card, or one built for an older
 * `rev` of the question, starts again from a new card. `learningSteps`
 * (minutes apart, as in Anki) is turned off only for cards rebuilt from
 * old answer counts, which were learned long ago.
 */
export function scheduleNext(previous: StoredCard | undefined, rating: Rating, at: string, rev: number, desiredRetention: number, learningSteps = true): StoredCard {
  const now = new Date(at);
  const restart = !previous || previous.rev < rev;
  const start = restart ? createEmptyCard(now) : toFsrsCard(previous);
  const { card } = schedulerFor(desiredRetention, learningSteps).next(start, now, rating as Grade);
  return fromFsrsCard(card, restart ? rev : previous.rev, restart ? at : previous.introducedAt);
}
