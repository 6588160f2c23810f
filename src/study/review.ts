/**
 * The daily review: which questions are due today by their FSRS cards,
 * which new ones join them (at most the daily new-card limit), and how a
 * quiz outcome becomes an FSRS rating.
 *
 * Ratings follow the Anki manual's advice: a wrong answer is always Again
 * (Hard is a pass, and rating a failure Hard misleads FSRS); a right
 * answer is Good, or Hard when it needed hints or took long.
 * https://docs.ankiweb.net/studying.html#how-to-grade
 */
import type { Clock } from '../core/index.js';
import { LEVELS, type Question } from '../content/index.js';
import { dayKey, endOfDay, type ProgressStore, type Rating, type RateResult, type StoredCard } from '../progress/index.js';
import { isQuizQuestion, type AnswerOutcome, type QuizQuestion, type SelfRating } from './quiz.js';
import type { StudyPorts } from './session.js';

// The settings' defaults and bounds, for a settings screen (the UI reaches the store's module through study).
export { DEFAULT_SETTINGS, SETTING_BOUNDS, settingsProblem, type ProgressSettings } from '../progress/index.js';

export interface ReviewLimits {
  /** New cards a day; the store's setting when absent. */
  newCardsPerDay?: number;
}

export interface ReviewQueue {
  /** Due cards first, most overdue first, then the new ones. */
  questions: QuizQuestion[];
  /** How many of them are due reviews. */
  due: number;
  /** How many are new today. */
  fresh: number;
  /** New cards already introduced today (they count against the limit). */
  introducedToday: number;
}

/** Whether the question has no card yet, or its card was built for an older rev (an edited question starts again). */
function isNew(q: Question, cards: Record<string, StoredCard>): boolean {
  const card = cards[q.key];
  return !card || card.rev < q.rev;
}

/**
 * Today's review: every quiz question whose card is due by the end of today,
 * then new questions, easiest level first, up to what is left of the daily
 * new-card limit.
 */
export function dueQuestions(questions: readonly Question[], store: ProgressStore, clock: Clock, limits: ReviewLimits = {}): ReviewQueue {
  const now = clock.now();
  const endToday = endOfDay(now).getTime();
  const today = dayKey(now);
  const cards = store.cards();
  const eligible = questions.filter(isQuizQuestion);

  const due = eligible
    .filter((q) => !isNew(q, cards) && Date.parse(cards[q.key]!.due) <= endToday)
    .sort((a, b) => Date.parse(cards[a.key]!.due) - Date.parse(cards[b.key]!.due));

  const limit = limits.newCardsPerDay ?? store.settings().newCardsPerDay;
  const introducedToday = Object.values(cards).filter((c) => dayKey(new Date(c.introducedAt)) === today).length;
  const levelIndex = (q: Question) => (LEVELS as readonly string[]).indexOf(q.level);
  const fresh = eligible
    .filter((q) => isNew(q, cards))
    .map((q, order) => ({ q, order }))
    .sort((a, b) => levelIndex(a.q) - levelIndex(b.q) || a.order - b.order)
    .slice(0, Math.max(0, limit - introducedToday))
    .map(({ q }) => q);

  return { questions: [...due, ...fresh], due: due.length, fresh: fresh.length, introducedToday };
}

/** The counts for the home screen's "Review (N due)". */
export function reviewCounts(questions: readonly Question[], store: ProgressStore, clock: Clock): { due: number; fresh: number } {
  const { due, fresh } = dueQuestions(questions, store, clock);
  return { due, fresh };
}

/**
 * How long a right answer may take before it counts as Hard: time to read
 * the question (about 0.5 s a word, prompt and choices) plus 15 s to think.
 */
export function slowAfterMs(q: QuizQuestion): number {
  const parts = [q.prompt, ...(q.type === 'single' || q.type === 'multiple' ? q.choices.map((c) => c.text) : []), ...(q.type === 'order' ? q.items : [])];
  const words = parts.join(' ').split(/\s+/).filter(Boolean).length;
  return 15_000 + words * 500;
}

export interface OutcomeContext {
  /** Hints shown before answering. */
  hintsUsed?: number;
}

/** The FSRS rating a quiz outcome earns; recall questions keep the learner's own rating. */
export function ratingForOutcome(outcome: AnswerOutcome, elapsedMs: number, context: OutcomeContext = {}): Rating {
  if (outcome.question.type === 'recall' && typeof outcome.given === 'number') return outcome.given as SelfRating;
  if (!outcome.correct) return 1;
  if ((context.hintsUsed ?? 0) > 0 || elapsedMs > slowAfterMs(outcome.question)) return 2;
  return 3;
}

/**
 * Saves a quiz or review answer with its FSRS rating, before the screen
 * shows it as answered. Use instead of saveOutcome wherever an answer should
 * schedule its card (every quiz and review).
 */
export function saveRatedOutcome(ports: StudyPorts, outcome: AnswerOutcome, elapsedMs: number, context: OutcomeContext = {}): RateResult {
  const rating = ratingForOutcome(outcome, elapsedMs, context);
  return ports.store.rate({ key: outcome.question.key, rating, at: ports.clock.now().toISOString(), rev: outcome.question.rev, correct: outcome.correct });
}

/** Saves a learner's own 1-4 rating for any question (open, interview, recall). Right means anything but Again. */
export function saveSelfRating(ports: StudyPorts, question: Pick<Question, 'key' | 'rev'>, rating: SelfRating): RateResult {
  return ports.store.rate({ key: question.key, rating, at: ports.clock.now().toISOString(), rev: question.rev });
}

/** Saves a graded exercise: failed is Again; passed is Good, or Hard when hints were needed. */
export function saveExerciseResult(ports: StudyPorts, exercise: Pick<Question, 'key' | 'rev'>, passed: boolean, context: OutcomeContext = {}): RateResult {
  const rating: Rating = !passed ? 1 : (context.hintsUsed ?? 0) > 0 ? 2 : 3;
  return ports.store.rate({ key: exercise.key, rating, at: ports.clock.now().toISOString(), rev: exercise.rev, correct: passed, hintsUsed: context.hintsUsed });
}
