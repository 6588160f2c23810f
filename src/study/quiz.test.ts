import { describe, expect, it } from 'vitest';
import { multiple, order, recall, single, truefalse } from '../../test/helpers/questions.js';
import { createMemoryStore } from '../progress/index.js';
import type { Question } from '../content/index.js';
import { gradeCurrent, quizReducer, rateRecall, startQuiz, summarize, type QuizQuestion, type QuizState } from './quiz.js';
import { countByLevel, pickQuizQuestions, seededRandom, shuffleWith } from './select.js';

const keep = <T,>(items: T[]) => items;
const quizOf = (...qs: Question[]) => startQuiz(qs as QuizQuestion[], keep);
const act = (state: QuizState, ...actions: Parameters<typeof quizReducer>[1][]) => actions.reduce((s, a) => quizReducer(s, a, keep), state);
const answer = (state: QuizState) => {
  const graded = gradeCurrent(state);
  if ('incomplete' in graded) throw new Error(graded.incomplete);
  return act(state, { type: 'answered', outcome: graded });
};

describe('answering choice questions', () => {
  it('marks a single answer right when the highlighted choice is correct', () => {
    const s = answer(act(quizOf(single), { type: 'move', delta: 1 }));
    expect(s.phase).toBe('feedback');
    expect(s.outcomes[0]?.correct).toBe(true);
  });

  it('marks a single answer wrong when another choice is picked by its number', () => {
    const s = answer(act(quizOf(single), { type: 'choose', index: 2 }));
    expect(s.outcomes[0]).toMatchObject({ correct: false, given: [2] });
  });

  it('wraps the cursor around the choices', () => {
    expect(act(quizOf(single), { type: 'move', delta: -1 }).cursor).toBe(2);
  });

  it('needs the exact set for a multiple-answer question', () => {
    const partial = act(quizOf(multiple), { type: 'toggle' });
    expect(answer(partial).outcomes[0]?.correct).toBe(false);
    const full = act(quizOf(multiple), { type: 'toggle' }, { type: 'choose', index: 1 });
    expect(answer(full).outcomes[0]?.correct).toBe(true);
    const extra = act(full, { type: 'choose', index: 2 });
    expect(answer(extra).outcomes[0]?.correct).toBe(false);
  });

  it('refuses to submit a multiple-answer question with nothing selected', () => {
    expect(gradeCurrent(quizOf(multiple))).toHaveProperty('incomplete');
  });

  it('grades true/false by the highlighted row', () => {
    expect(answer(quizOf(truefalse)).outcomes[0]?.correct).toBe(true);
    expect(answer(act(quizOf(truefalse), { type: 'choose', index: 1 })).outcomes[0]?.correct).toBe(false);
  });
});

describe('order questions', () => {
  it('never shows the items already in the right order', () => {
    const s = startQuiz([order as QuizQuestion], keep);
    expect(s.shownOrder).not.toEqual([0, 1, 2]);
    expect([...s.shownOrder].sort()).toEqual([0, 1, 2]);
  });

  it('is right only when the items are picked in the correct order', () => {
    const s = startQuiz([order as QuizQuestion], keep);
    const rowOf = (item: number) => s.shownOrder.indexOf(item);
    const right = act(s, { type: 'choose', index: rowOf(0) }, { type: 'choose', index: rowOf(1) }, { type: 'choose', index: rowOf(2) });
    expect(answer(right).outcomes[0]?.correct).toBe(true);
    const wrong = act(s, { type: 'choose', index: rowOf(1) }, { type: 'choose', index: rowOf(0) }, { type: 'choose', index: rowOf(2) });
    expect(answer(wrong).outcomes[0]?.correct).toBe(false);
  });

  it('lets the learner take back the last pick and ignores picking an item twice', () => {
    const s = startQuiz([order as QuizQuestion], keep);
    const picked = act(s, { type: 'choose', index: 0 }, { type: 'choose', index: 0 });
    expect(picked.sequence).toHaveLength(1);
    expect(act(picked, { type: 'undoPick' }).sequence).toEqual([]);
    expect(gradeCurrent(picked)).toHaveProperty('incomplete');
  });
});

describe('recall questions', () => {
  it('reveals the answer, then counts any rating but "again" as recalled', () => {
    const revealed = act(quizOf(recall), { type: 'reveal' });
    expect(revealed.phase).toBe('revealed');
    expect(rateRecall(revealed, 1)?.correct).toBe(false);
    expect(rateRecall(revealed, 3)?.correct).toBe(true);
    expect(rateRecall(quizOf(recall), 3)).toBeUndefined();
  });
});

describe('moving through a quiz', () => {
  it('goes to the next question after feedback and to the summary after the last', () => {
    let s = quizOf(single, truefalse);
    s = act(answer(s), { type: 'next' });
    expect(s.index).toBe(1);
    expect(s.phase).toBe('answering');
    s = act(answer(s), { type: 'next' });
    expect(s.phase).toBe('summary');
  });

  it('ignores answer keys while feedback is shown', () => {
    const s = answer(quizOf(single));
    expect(act(s, { type: 'move', delta: 1 })).toBe(s);
  });

  it('summarises the score by topic and lists the missed questions', () => {
    let s = quizOf(single, multiple, truefalse);
    s = act(answer(act(s, { type: 'move', delta: 1 })), { type: 'next' }); // right
    s = act(answer(act(s, { type: 'toggle' })), { type: 'next' }); // wrong
    s = act(answer(s), { type: 'next' }); // right
    const summary = summarize(s);
    expect(summary).toMatchObject({ correct: 2, total: 3 });
    expect(summary.missed.map((q) => q.id)).toEqual(['m']);
    expect(summary.byTopic).toEqual([
      { topic: 'policies', correct: 0, total: 1 },
      { topic: 'roles', correct: 2, total: 2 },
    ]);
  });
});

describe('choosing questions', () => {
  const all = [single, multiple, truefalse, order, recall];
  it('asks never-answered questions first, then missed ones, then the rest', () => {
    const store = createMemoryStore();
    const at = '2026-01-01T00:00:00.000Z';
    store.recordAnswer({ key: 't/s', correct: true, at });
    store.recordAnswer({ key: 't/m', correct: false, at });
    const picked = pickQuizQuestions(all, store.all(), { count: 5 }, seededRandom(1)).map((q) => q.id);
    expect(picked.slice(0, 3).sort()).toEqual(['o', 'r', 'tf']);
    expect(picked.slice(3)).toEqual(['m', 's']);
  });

  it('filters by level and topic and honours the count', () => {
    expect(pickQuizQuestions(all, {}, { level: 'beginner', count: 10 }, seededRandom(2)).map((q) => q.id).sort()).toEqual(['s', 'tf']);
    expect(pickQuizQuestions(all, {}, { topic: 'policies', count: 10 }, seededRandom(2)).map((q) => q.id)).toEqual(['m']);
    expect(pickQuizQuestions(all, {}, { count: 2 }, seededRandom(2))).toHaveLength(2);
  });

  it('counts questions and correct answers per level', () => {
    const store = createMemoryStore();
    store.recordAnswer({ key: 't/s', correct: true, at: '2026-01-01T00:00:00Z' });
    store.recordAnswer({ key: 't/tf', correct: false, at: '2026-01-01T00:00:00Z' });
    expect(countByLevel(['beginner', 'advanced'], all, store.all())).toEqual([
      { level: 'beginner', total: 2, answered: 2, mastered: 1 },
      { level: 'advanced', total: 1, answered: 0, mastered: 0 },
    ]);
  });

  it('shuffles the same way for the same seed', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffleWith(seededRandom(7))(items)).toEqual(shuffleWith(seededRandom(7))(items));
    expect(shuffleWith(seededRandom(7))(items)).not.toEqual(items);
  });
});


describe('taking an answer back', () => {
  it('returns to the same question unanswered and forgets the outcome', () => {
    const answered = answer(act(quizOf(single, truefalse), { type: 'choose', index: 2 }));
    const undone = act(answered, { type: 'undo' });
    expect(undone).toMatchObject({ index: 0, phase: 'answering', outcomes: [] });
    expect(answer(act(undone, { type: 'move', delta: 1 })).outcomes[0]?.correct).toBe(true);
  });
});
