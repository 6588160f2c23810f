import { describe, expect, it } from 'vitest';
import { multiple, order, recall, single, truefalse } from '../../test/helpers/questions.js';
import { fixedClock } from '../core/index.js';
import { createMemoryStore } from '../progress/index.js';
import {
  examReducer,
  examRecord,
  examResult,
  formatCountdown,
  paletteStatus,
  pickExamQuestions,
  remainingMs,
  saveExamAnswers,
  startExam,
  type ExamAction,
  type ExamQuestion,
  type ExamState,
} from './exam.js';
import { seededRandom } from './select.js';

const questions = [single, truefalse, multiple, order] as ExamQuestion[];
const identity = () => 0.999; // Fisher–Yates with random() near 1 keeps the order.

function begin(clock = fixedClock('2026-11-28T10:00:00Z'), minutes = 10) {
  const state = startExam(questions, { now: clock.now().getTime(), minutes, random: identity });
  const act = (s: ExamState, ...actions: ExamAction[]) => actions.reduce((acc, a) => examReducer(acc, a, clock.now().getTime()), s);
  return { clock, state, act };
}

/** The row on screen that shows choice `choice` of the current question. */
const rowOf = (s: ExamState, choice: number) => s.shown[s.index]!.indexOf(choice);

describe('exam countdown', () => {
  it('counts down from the exam length with the clock', () => {
    const { clock, state } = begin();
    expect(formatCountdown(remainingMs(state, clock.now().getTime()))).toBe('10:00');
    clock.advance(61_500);
    expect(formatCountdown(remainingMs(state, clock.now().getTime()))).toBe('08:59');
  });

  it('submits by itself when the time runs out, keeping the answers given', () => {
    const { clock, state, act } = begin();
    const answered = act(state, { type: 'choose', row: rowOf(state, 1) });
    clock.advance(10 * 60_000);
    const after = act(answered, { type: 'tick' });
    expect(after.phase).toBe('review');
    expect(after.endedBy).toBe('timeout');
    const result = examResult(after);
    expect(result.correct).toBe(1);
    expect(result.usedMs).toBe(10 * 60_000);
  });

  it('ignores a key that arrives after the time is out', () => {
    const { clock, state, act } = begin();
    clock.advance(11 * 60_000);
    const after = act(state, { type: 'choose', row: rowOf(state, 1) });
    expect(after.phase).toBe('review');
    expect(after.answers[0]).toBeUndefined();
  });

  it('can be submitted early, recording the time used', () => {
    const { clock, state, act } = begin();
    clock.advance(90_000);
    const after = act(state, { type: 'submit' });
    expect(after.endedBy).toBe('learner');
    expect(examResult(after).usedMs).toBe(90_000);
  });
});

describe('exam navigation and palette', () => {
  it('lets the learner move freely and marks the palette answered, flagged, seen and unseen', () => {
    const { state, act } = begin();
    const s = act(state, { type: 'choose', row: 0 }, { type: 'step', delta: 1 }, { type: 'flag' }, { type: 'goto', index: 3 }, { type: 'goto', index: 2 });
    expect([0, 1, 2, 3].map((i) => paletteStatus(s, i))).toEqual(['answered', 'flagged', 'seen', 'seen']);
    expect(s.index).toBe(2);
    expect(paletteStatus(begin().state, 3)).toBe('unseen');
  });

  it('keeps flags and answers when navigating away and back', () => {
    const { state, act } = begin();
    let s = act(state, { type: 'flag' }, { type: 'choose', row: rowOf(state, 1) }, { type: 'step', delta: 1 }, { type: 'step', delta: 1 }, { type: 'step', delta: -2 });
    expect(s.index).toBe(0);
    expect(s.flagged[0]).toBe(true);
    expect(s.answers[0]).toEqual({ choices: [1] });
    s = act(s, { type: 'flag' });
    expect(paletteStatus(s, 0)).toBe('answered');
  });

  it('shows the choices in the same order when coming back to a question', () => {
    const state = startExam(questions, { now: 0, minutes: 5, random: seededRandom(7) });
    const back = [1, -1].reduce((s, delta) => examReducer(s, { type: 'step', delta }, 1000), state);
    expect(back.shown[0]).toEqual(state.shown[0]);
  });

  it('does not move past the first or the last question', () => {
    const { state, act } = begin();
    expect(act(state, { type: 'step', delta: -1 }).index).toBe(0);
    expect(act(state, { type: 'goto', index: 9 }).index).toBe(0);
  });

  it('toggles multiple answers and picks order items one at a time, with undo', () => {
    const { state, act } = begin();
    let s = act(state, { type: 'goto', index: 2 }, { type: 'choose', row: rowOf({ ...state, index: 2 }, 0) }, { type: 'choose', row: rowOf({ ...state, index: 2 }, 1) });
    expect(s.answers[2]).toEqual({ choices: [0, 1] });
    s = act(s, { type: 'goto', index: 3 }, { type: 'choose', row: 0 }, { type: 'choose', row: 0 }, { type: 'choose', row: 1 });
    expect((s.answers[3] as { sequence: number[] }).sequence).toHaveLength(2);
    s = act(s, { type: 'undoPick' }, { type: 'undoPick' });
    expect(s.answers[3]).toBeUndefined();
  });
});

describe('exam result', () => {
  it('scores overall, by level and by topic, counting unanswered as wrong', () => {
    const { state, act } = begin();
    const s = act(state, { type: 'choose', row: rowOf(state, 1) }, { type: 'step', delta: 1 }, { type: 'choose', row: 1 }, { type: 'submit' });
    const result = examResult(s);
    expect(result).toMatchObject({ correct: 1, total: 4, unanswered: 2 });
    expect(result.byLevel).toEqual([
      { name: 'beginner', correct: 1, total: 2 },
      { name: 'intermediate', correct: 0, total: 1 },
      { name: 'advanced', correct: 0, total: 1 },
    ]);
    expect(result.byTopic[0]).toEqual({ name: 'policies', correct: 0, total: 1 });
    expect(result.byTopic).toContainEqual({ name: 'roles', correct: 1, total: 3 });
  });

  it('reports the missed questions as due one day after the exam', () => {
    const { clock, state, act } = begin();
    clock.advance(60_000);
    const result = examResult(act(state, { type: 'choose', row: rowOf(state, 1) }, { type: 'submit' }));
    expect(result.missed.map((m) => m.key)).toEqual(['t/tf', 't/m', 't/o']);
    expect(new Set(result.missed.map((m) => m.dueAt))).toEqual(new Set(['2026-11-29T10:01:00.000Z']));
  });

  it('walks every question in review, and answers no longer change', () => {
    const { state, act } = begin();
    const s = act(state, { type: 'goto', index: 2 }, { type: 'submit' });
    expect(s.index).toBe(0);
    const walked = act(s, { type: 'step', delta: 1 }, { type: 'step', delta: 1 }, { type: 'choose', row: 0 });
    expect(walked.index).toBe(2);
    expect(walked.answers[2]).toBeUndefined();
  });

  it('saves every answer at the submission time and keeps a history record', () => {
    const { clock, state, act } = begin();
    const store = createMemoryStore();
    const result = examResult(act(state, { type: 'choose', row: rowOf(state, 1) }, { type: 'submit' }));
    saveExamAnswers({ store, clock }, result);
    expect(store.get('t/s')).toMatchObject({ attempts: 1, correct: 1 });
    expect(store.get('t/o')).toMatchObject({ attempts: 1, correct: 0 });
    expect(examRecord(result)).toMatchObject({ correct: 1, total: 4, endedBy: 'learner', missed: ['t/tf', 't/m', 't/o'] });
  });
});

describe('picking exam questions', () => {
  it('draws across levels, leaves out self-rated types, and stops at the count', () => {
    const picked = pickExamQuestions([single, truefalse, multiple, order, recall], { count: 3 }, seededRandom(1));
    expect(picked).toHaveLength(3);
    expect(new Set(picked.map((q) => q.level))).toEqual(new Set(['beginner', 'intermediate', 'advanced']));
    expect(picked.map((q) => q.type)).not.toContain('recall');
  });

  it('keeps to one level when asked', () => {
    const picked = pickExamQuestions([single, truefalse, multiple, order], { count: 10, level: 'beginner' }, seededRandom(1));
    expect(picked.map((q) => q.id).sort()).toEqual(['s', 'tf']);
  });
});
