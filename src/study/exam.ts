/**
 * A timed mock exam as a pure reducer. Every action carries the time it
 * happened (`now`, epoch ms, read from the Clock by the caller), so the
 * countdown is tested with a fixed clock and a time-out submits the exam
 * whatever the learner was doing. As in certification exams, navigation is
 * free, questions can be flagged for review, nothing is shown right or wrong
 * until the exam is submitted, and an unanswered question counts as wrong.
 */
import type { Level, Question } from '../content/index.js';
import type { Random } from './select.js';
import { shuffleWith } from './select.js';
import type { StudyPorts } from './session.js';

/** The objective types an exam asks: graded exactly, with no self-rating. */
export const EXAM_TYPES = ['single', 'multiple', 'truefalse', 'order'] as const;
export type ExamQuestion = Extract<Question, { type: (typeof EXAM_TYPES)[number] }>;

export function isExamQuestion(q: Question): q is ExamQuestion {
  return (EXAM_TYPES as readonly string[]).includes(q.type);
}

/** What the learner gave: choice indexes (into `choices`), true/false, or the order picked (indexes into `items`). */
export type ExamAnswer = { choices: number[] } | { value: boolean } | { sequence: number[] };

export type PaletteStatus = 'answered' | 'flagged' | 'seen' | 'unseen';

export interface ExamState {
  questions: ExamQuestion[];
  startedAt: number;
  durationMs: number;
  phase: 'running' | 'review';
  index: number;
  /** The highlighted row of the current question. */
  cursor: number;
  answers: (ExamAnswer | undefined)[];
  flagged: boolean[];
  seen: boolean[];
  /** Per question, the order its choices or items are shown in; fixed at the start so navigating back shows the same screen. */
  shown: number[][];
  submittedAt?: number;
  /** Why the exam ended: the learner submitted, or the time ran out. */
  endedBy?: 'learner' | 'timeout';
}

export type ExamAction =
  | { type: 'tick' }
  | { type: 'move'; delta: number }
  /** A number key: choose that row (single, true/false), toggle it (multiple), or pick it next (order). */
  | { type: 'choose'; row: number }
  /** Space: toggle the highlighted choice (multiple) or pick the highlighted item (order); select it otherwise. */
  | { type: 'toggle' }
  | { type: 'undoPick' }
  | { type: 'clear' }
  | { type: 'flag' }
  | { type: 'goto'; index: number }
  | { type: 'step'; delta: number }
  | { type: 'submit' };

export function startExam(questions: ExamQuestion[], options: { now: number; minutes: number; random: Random }): ExamState {
  const shuffle = shuffleWith(options.random);
  const shown = questions.map((q) => {
    if (q.type === 'single' || q.type === 'multiple') return shuffle(q.choices.map((_, i) => i));
    if (q.type === 'order') {
      const order = shuffle(q.items.map((_, i) => i));
      // Never show the items already in the right order: that gives the answer away.
      return order.length > 1 && order.every((v, i) => v === i) ? [...order.slice(1), order[0]!] : order;
    }
    return [0, 1];
  });
  return {
    questions,
    startedAt: options.now,
    durationMs: Math.round(options.minutes * 60_000),
    phase: 'running',
    index: 0,
    cursor: 0,
    answers: questions.map(() => undefined),
    flagged: questions.map(() => false),
    seen: questions.map((_, i) => i === 0),
    shown,
  };
}

/** Milliseconds left on the countdown (0 once over or submitted). */
export function remainingMs(state: ExamState, now: number): number {
  if (state.phase !== 'running') return 0;
  return Math.max(0, state.startedAt + state.durationMs - now);
}

/** "mm:ss", rounded up so that 00:00 shows only when the time is really out. */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(ms / 1000);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export function paletteStatus(state: ExamState, index: number): PaletteStatus {
  if (state.flagged[index]) return 'flagged';
  if (state.answers[index] !== undefined) return 'answered';
  return state.seen[index] ? 'seen' : 'unseen';
}

export function examRowCount(q: ExamQuestion): number {
  return q.type === 'truefalse' ? 2 : q.type === 'order' ? q.items.length : q.choices.length;
}

export function examReducer(state: ExamState, action: ExamAction, now: number): ExamState {
  if (state.phase === 'review') {
    // After submitting, the learner walks the questions with their answers and the right ones.
    if (action.type === 'step') return goTo(state, state.index + action.delta);
    if (action.type === 'goto') return goTo(state, action.index);
    return state;
  }
  // The clock wins over whatever key arrived after the time ran out.
  if (remainingMs(state, now) === 0) return submit(state, state.startedAt + state.durationMs, 'timeout');
  const q = state.questions[state.index]!;
  const rows = examRowCount(q);
  switch (action.type) {
    case 'tick':
      return state;
    case 'move':
      return { ...state, cursor: (state.cursor + action.delta + rows) % rows };
    case 'choose':
      if (action.row < 0 || action.row >= rows) return state;
      return answerRow({ ...state, cursor: action.row }, q, action.row);
    case 'toggle':
      return answerRow(state, q, state.cursor);
    case 'undoPick': {
      const answer = state.answers[state.index];
      if (!answer || !('sequence' in answer)) return state;
      const sequence = answer.sequence.slice(0, -1);
      return withAnswer(state, sequence.length > 0 ? { sequence } : undefined);
    }
    case 'clear':
      return withAnswer(state, undefined);
    case 'flag':
      return { ...state, flagged: state.flagged.map((f, i) => (i === state.index ? !f : f)) };
    case 'goto':
      return goTo(state, action.index);
    case 'step':
      return goTo(state, state.index + action.delta);
    case 'submit':
      return submit(state, now, 'learner');
  }
}

function goTo(state: ExamState, index: number): ExamState {
  if (index < 0 || index >= state.questions.length || index === state.index) return state;
  return { ...state, index, cursor: 0, seen: state.seen.map((s, i) => s || i === index) };
}

function answerRow(state: ExamState, q: ExamQuestion, row: number): ExamState {
  const shownIndex = state.shown[state.index]![row]!;
  const previous = state.answers[state.index];
  switch (q.type) {
    case 'single':
      return withAnswer(state, { choices: [shownIndex] });
    case 'truefalse':
      return withAnswer(state, { value: row === 0 });
    case 'multiple': {
      const chosen = previous && 'choices' in previous ? previous.choices : [];
      const next = chosen.includes(shownIndex) ? chosen.filter((c) => c !== shownIndex) : [...chosen, shownIndex].sort((a, b) => a - b);
      return withAnswer(state, next.length > 0 ? { choices: next } : undefined);
    }
    case 'order': {
      const sequence = previous && 'sequence' in previous ? previous.sequence : [];
      if (sequence.includes(shownIndex)) return state;
      return withAnswer(state, { sequence: [...sequence, shownIndex] });
    }
  }
}

function withAnswer(state: ExamState, answer: ExamAnswer | undefined): ExamState {
  return { ...state, answers: state.answers.map((a, i) => (i === state.index ? answer : a)) };
}

function submit(state: ExamState, at: number, endedBy: 'learner' | 'timeout'): ExamState {
  return { ...state, phase: 'review', submittedAt: at, endedBy, index: 0, cursor: 0 };
}

/** Whether an answer is right; a partly picked order or an empty answer is wrong, as in the real exams (no partial credit). */
export function isCorrect(q: ExamQuestion, answer: ExamAnswer | undefined): boolean {
  if (!answer) return false;
  switch (q.type) {
    case 'single':
    case 'multiple': {
      if (!('choices' in answer)) return false;
      const right = q.choices.flatMap((c, i) => (c.correct ? [i] : []));
      return right.length === answer.choices.length && right.every((i) => answer.choices.includes(i));
    }
    case 'truefalse':
      return 'value' in answer && answer.value === q.answer;
    case 'order':
      return 'sequence' in answer && answer.sequence.length === q.items.length && answer.sequence.every((item, i) => item === i);
  }
}

export interface ScoreLine {
  name: string;
  correct: number;
  total: number;
}

export interface ExamItemResult {
  question: ExamQuestion;
  answer: ExamAnswer | undefined;
  correct: boolean;
  flagged: boolean;
}

export interface ExamResult {
  correct: number;
  total: number;
  unanswered: number;
  byLevel: ScoreLine[];
  byTopic: ScoreLine[];
  items: ExamItemResult[];
  /** Missed (or unanswered) questions with the time they are due for review: one day after the exam. */
  missed: { key: string; dueAt: string }[];
  startedAt: string;
  submittedAt: string;
  /** Time used, in ms (the whole duration on a time-out). */
  usedMs: number;
  endedBy: 'learner' | 'timeout';
}

const DAY_MS = 24 * 60 * 60 * 1000;
const LEVEL_ORDER: Level[] = ['beginner', 'intermediate', 'advanced', 'scenario'];

/** The score overall, by level and by topic; only meaningful once submitted. */
export function examResult(state: ExamState): ExamResult {
  const submittedAt = state.submittedAt ?? state.startedAt + state.durationMs;
  const items = state.questions.map((question, i) => ({ question, answer: state.answers[i], correct: isCorrect(question, state.answers[i]), flagged: state.flagged[i]! }));
  const tally = (names: (item: ExamItemResult) => string[]) => {
    const lines = new Map<string, ScoreLine>();
    for (const item of items) {
      for (const name of names(item)) {
        const line = lines.get(name) ?? { name, correct: 0, total: 0 };
        line.total++;
        if (item.correct) line.correct++;
        lines.set(name, line);
      }
    }
    return [...lines.values()];
  };
  const byLevel = tally((item) => [item.question.level]).sort((a, b) => LEVEL_ORDER.indexOf(a.name as Level) - LEVEL_ORDER.indexOf(b.name as Level));
  // Weakest topics first: that is where to study next.
  const byTopic = tally((item) => (item.question.topics.length > 0 ? item.question.topics : ['general'])).sort(
    (a, b) => a.correct / a.total - b.correct / b.total || a.name.localeCompare(b.name),
  );
  return {
    correct: items.filter((i) => i.correct).length,
    total: items.length,
    unanswered: items.filter((i) => !i.answer).length,
    byLevel,
    byTopic,
    items,
    missed: items.filter((i) => !i.correct).map((i) => ({ key: i.question.key, dueAt: new Date(submittedAt + DAY_MS).toISOString() })),
    startedAt: new Date(state.startedAt).toISOString(),
    submittedAt: new Date(submittedAt).toISOString(),
    usedMs: submittedAt - state.startedAt,
    endedBy: state.endedBy ?? 'timeout',
  };
}

/**
 * Picks an exam drawn across levels and topics: questions are dealt round
 * robin from each level (shuffled within), so a short exam still spans the
 * levels; never-answered ones need no special place here, unlike a quiz.
 */
export function pickExamQuestions(questions: readonly Question[], filter: { count: number; level?: Level }, random: Random): ExamQuestion[] {
  const shuffle = shuffleWith(random);
  const eligible = questions.filter((q): q is ExamQuestion => isExamQuestion(q) && (!filter.level || q.level === filter.level));
  const byLevel = LEVEL_ORDER.map((level) => spreadTopics(shuffle(eligible.filter((q) => q.level === level))));
  const picked: ExamQuestion[] = [];
  for (let round = 0; picked.length < filter.count && byLevel.some((l) => l.length > round); round++) {
    for (const level of byLevel) {
      const q = level[round];
      if (q && picked.length < filter.count) picked.push(q);
    }
  }
  return shuffle(picked);
}

/** Reorders so that consecutive picks come from different topics where possible. */
function spreadTopics(questions: ExamQuestion[]): ExamQuestion[] {
  const groups = new Map<string, ExamQuestion[]>();
  for (const q of questions) {
    const topic = q.topics[0] ?? '';
    groups.set(topic, [...(groups.get(topic) ?? []), q]);
  }
  const out: ExamQuestion[] = [];
  const lists = [...groups.values()];
  for (let round = 0; out.length < questions.length; round++) {
    for (const list of lists) if (list[round]) out.push(list[round]!);
  }
  return out;
}

/**
 * Records every answer of a submitted exam in the progress store, at the
 * time it was submitted; a missed question counts as a wrong answer there,
 * which puts it back in front of the learner.
 */
export function saveExamAnswers(ports: StudyPorts, result: ExamResult): void {
  // A missed question (wrong or left unanswered) is rated Again, so FSRS brings it back for review the next day.
  for (const item of result.items) {
    ports.store.rate({ key: item.question.key, rating: item.correct ? 3 : 1, at: result.submittedAt, rev: item.question.rev, correct: item.correct });
  }
}

/** The line of exam history worth keeping: when, how long, the scores, and what was missed. */
export interface ExamRecord {
  at: string;
  usedMs: number;
  endedBy: 'learner' | 'timeout';
  correct: number;
  total: number;
  byLevel: ScoreLine[];
  byTopic: ScoreLine[];
  missed: string[];
}

export function examRecord(result: ExamResult): ExamRecord {
  return {
    at: result.submittedAt,
    usedMs: result.usedMs,
    endedBy: result.endedBy,
    correct: result.correct,
    total: result.total,
    byLevel: result.byLevel,
    byTopic: result.byTopic,
    missed: result.missed.map((m) => m.key),
  };
}
