import { describe, expect, it } from 'vitest';
import { multiple, order, recall, single, truefalse } from '../../test/helpers/questions.js';
import { fixedClock } from '../core/index.js';
import type { Question } from '../content/index.js';
import { createMemoryStore } from '../progress/index.js';
import type { AnswerOutcome, QuizQuestion } from './quiz.js';
import { dueQuestions, ratingForOutcome, saveExerciseResult, saveRatedOutcome, saveSelfRating, slowAfterMs } from './review.js';

const noon = (d: number) => `2026-11-${String(d).padStart(2, '0')}T12:00:00.000Z`;
const all = [single, multiple, truefalse, order, recall];
const outcome = (question: Question, correct: boolean, given: AnswerOutcome['given'] = [0]): AnswerOutcome => ({ question: question as QuizQuestion, correct, given });

describe('what is due today', () => {
  it('offers never-seen questions as new cards, easiest level first, up to the daily limit', () => {
    const queue = dueQuestions(all, createMemoryStore(), fixedClock(noon(28)), { newCardsPerDay: 3 });
    expect(queue).toMatchObject({ due: 0, fresh: 3 });
    expect(queue.questions.map((q) => q.level)).toEqual(['beginner', 'beginner', 'intermediate']);
  });

  it('counts the new cards already introduced today against the limit', () => {
    const store = createMemoryStore();
    store.rate({ key: single.key, rating: 3, at: noon(28) });
    store.rate({ key: truefalse.key, rating: 3, at: noon(28) });
    const queue = dueQuestions(all, store, fixedClock(noon(28)), { newCardsPerDay: 3 });
    expect(queue.introducedToday).toBe(2);
    expect(queue.fresh).toBe(1);
  });

  it('uses the new-card limit from the settings when none is given', () => {
    const store = createMemoryStore();
    store.updateSettings({ newCardsPerDay: 1 });
    expect(dueQuestions(all, store, fixedClock(noon(28))).fresh).toBe(1);
  });

  it('brings back cards whose due date has come, most overdue first, and not the others', () => {
    const store = createMemoryStore();
    store.rate({ key: single.key, rating: 1, at: noon(10) }); // Again: due minutes later
    store.rate({ key: multiple.key, rating: 1, at: noon(20) });
    for (const at of [noon(27), noon(28)]) store.rate({ key: truefalse.key, rating: 3, at }); // days away now
    const queue = dueQuestions(all, store, fixedClock(noon(28)), { newCardsPerDay: 0 });
    expect(queue.questions.map((q) => q.id)).toEqual(['s', 'm']);
    expect(queue.due).toBe(2);
    const later = store.card(truefalse.key)!.due;
    expect(dueQuestions(all, store, fixedClock(later), { newCardsPerDay: 0 }).questions.map((q) => q.id)).toContain('tf');
  });

  it('starts an edited question again as a new card when its rev is higher than its card', () => {
    const store = createMemoryStore();
    for (const at of [noon(27), noon(28)]) store.rate({ key: single.key, rating: 3, at });
    const edited = { ...single, rev: 1 };
    const queue = dueQuestions([edited], store, fixedClock(noon(28)), { newCardsPerDay: 5 });
    expect(queue).toMatchObject({ due: 0, fresh: 1 });
  });
});

describe('rating an outcome', () => {
  it('rates a wrong answer Again, however fast', () => {
    expect(ratingForOutcome(outcome(single, false), 1000)).toBe(1);
  });

  it('rates a quick right answer Good, and a slow or hinted one Hard', () => {
    expect(ratingForOutcome(outcome(single, true), 2000)).toBe(3);
    expect(ratingForOutcome(outcome(single, true), slowAfterMs(single as QuizQuestion) + 1)).toBe(2);
    expect(ratingForOutcome(outcome(single, true), 2000, { hintsUsed: 1 })).toBe(2);
  });

  it('gives longer questions more time before a right answer counts as slow', () => {
    const long = { ...single, prompt: `${'word '.repeat(60)}?` } as QuizQuestion;
    expect(slowAfterMs(long)).toBeGreaterThan(slowAfterMs(single as QuizQuestion));
  });

  it("keeps the learner's own rating for a recall question", () => {
    expect(ratingForOutcome(outcome(recall, true, 4), 60_000)).toBe(4);
    expect(ratingForOutcome(outcome(recall, false, 1), 1000)).toBe(1);
  });

  it('saves the rating with the question rev, so the card is scheduled and can be undone', () => {
    const store = createMemoryStore();
    const clock = fixedClock(noon(28));
    const result = saveRatedOutcome({ store, clock }, outcome({ ...single, rev: 2 }, true), 1000);
    expect(result.rating).toBe(3);
    expect(store.card(single.key)).toMatchObject({ rev: 2, reps: 1 });
    expect(store.get(single.key)).toMatchObject({ attempts: 1, correct: 1 });
    expect(store.undoLast()).toEqual({ key: single.key, rating: 3 });
    expect(store.card(single.key)).toBeUndefined();
  });
});

describe('saving other kinds of answers', () => {
  it('rates an exercise Again when it failed, Hard when it passed with hints, Good otherwise', () => {
    const store = createMemoryStore();
    const ports = { store, clock: fixedClock(noon(28)) };
    const exercise = { key: 't/ex', rev: 0 };
    expect(saveExerciseResult(ports, exercise, false).rating).toBe(1);
    expect(saveExerciseResult(ports, exercise, true, { hintsUsed: 2 }).rating).toBe(2);
    expect(saveExerciseResult(ports, exercise, true).rating).toBe(3);
    expect(store.get('t/ex')).toMatchObject({ attempts: 3, correct: 2 });
  });

  it("keeps an open question's self-rating as the FSRS rating", () => {
    const store = createMemoryStore();
    const result = saveSelfRating({ store, clock: fixedClock(noon(28)) }, { key: 't/open', rev: 0 }, 2);
    expect(result.rating).toBe(2);
    expect(store.get('t/open')).toMatchObject({ attempts: 1, correct: 1 });
  });
});
