/**
 * A quiz session as a pure reducer: what is on screen, what the learner has
 * chosen, and what each answer scored. Saving happens outside, in the
 * action that submits (see `submitAnswer` in ./session.ts), before the
 * feedback is shown.
 */
import type { Question } from '../content/index.js';

/** Question types a quiz can ask (the others have their own modes). */
export const QUIZ_TYPES = ['single', 'multiple', 'truefalse', 'order', 'recall'] as const;
export type QuizQuestion = Extract<Question, { type: (typeof QUIZ_TYPES)[number] }>;

export function isQuizQuestion(q: Question): q is QuizQuestion {
  return (QUIZ_TYPES as readonly string[]).includes(q.type);
}

/** A self-rating, as in Anki and FSRS: 1 again, 2 hard, 3 good, 4 easy. */
export type SelfRating = 1 | 2 | 3 | 4;

export interface AnswerOutcome {
  question: QuizQuestion;
  correct: boolean;
  /** What the learner answered: choice indexes, true/false, item order, or a rating. */
  given: number[] | boolean | SelfRating;
}

export type Phase = 'answering' | 'revealed' | 'feedback' | 'summary';

export interface QuizState {
  questions: QuizQuestion[];
  index: number;
  phase: Phase;
  /** The highlighted row (choice, true/false, or order item). */
  cursor: number;
  /** Chosen choice indexes (multiple); single and true/false answer with the cursor. */
  selected: number[];
  /** For order questions: the order items are shown in (indexes into `items`). */
  shownOrder: number[];
  /** For choice questions: the order choices are shown in (indexes into `choices`), shuffled so position gives nothing away. */
  shownChoices: number[];
  /** For order questions: the items picked so far, as indexes into `items`. */
  sequence: number[];
  outcomes: AnswerOutcome[];
}

export type QuizAction =
  | { type: 'move'; delta: number }
  | { type: 'choose'; index: number }
  | { type: 'toggle' }
  | { type: 'undoPick' }
  | { type: 'reveal' }
  | { type: 'answered'; outcome: AnswerOutcome }
  | { type: 'undo' }
  | { type: 'next' };

export function startQuiz(questions: QuizQuestion[], shuffle: <T>(items: T[]) => T[]): QuizState {
  return enter({ questions, index: 0, phase: 'answering', cursor: 0, selected: [], shownOrder: [], shownChoices: [], sequence: [], outcomes: [] }, 0, shuffle);
}

function enter(state: QuizState, index: number, shuffle: <T>(items: T[]) => T[]): QuizState {
  const q = state.questions[index];
  if (!q) return { ...state, index, phase: 'summary' };
  let shownOrder: number[] = [];
  if (q.type === 'order') {
    const identity = q.items.map((_, i) => i);
    shownOrder = shuffle(identity);
    // Never show the items already in the right order: that gives the answer away.
    if (shownOrder.every((v, i) => v === i) && shownOrder.length > 1) shownOrder = [...shownOrder.slice(1), shownOrder[0]!];
  }
  const shownChoices = q.type === 'single' || q.type === 'multiple' ? shuffle(q.choices.map((_, i) => i)) : [];
  return { ...state, index, phase: 'answering', cursor: 0, selected: [], shownOrder, shownChoices, sequence: [] };
}

export function currentQuestion(state: QuizState): QuizQuestion | undefined {
  return state.phase === 'summary' ? undefined : state.questions[state.index];
}

/** How many rows the learner moves between on the current question. */
export function rowCount(q: QuizQuestion): number {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return q.choices.length;
    case 'truefalse':
      return 2;
    case 'order':
      return q.items.length;
    case 'recall':
      return 0;
  }
}

export function quizReducer(state: QuizState, action: QuizAction, shuffle: <T>(items: T[]) => T[] = (x) => x): QuizState {
  const q = currentQuestion(state);
  switch (action.type) {
    case 'move': {
      if (!q || state.phase !== 'answering') return state;
      const rows = rowCount(q);
      if (rows === 0) return state;
      return { ...state, cursor: (state.cursor + action.delta + rows) % rows };
    }
    case 'choose': {
      // A number key: move there, and for single and true/false also select it.
      if (!q || state.phase !== 'answering' || action.index < 0 || action.index >= rowCount(q)) return state;
      if (q.type === 'order') return pickOrderItem(state, q, action.index);
      if (q.type === 'multiple') return { ...state, cursor: action.index, selected: toggled(state.selected, state.shownChoices[action.index]!) };
      // Single and true/false answers are the highlighted row.
      return { ...state, cursor: action.index };
    }
    case 'toggle': {
      if (!q || state.phase !== 'answering') return state;
      if (q.type === 'multiple') return { ...state, selected: toggled(state.selected, state.shownChoices[state.cursor]!) };
      if (q.type === 'order') return pickOrderItem(state, q, state.cursor);
      return state;
    }
    case 'undoPick':
      if (!q || q.type !== 'order' || state.phase !== 'answering') return state;
      return { ...state, sequence: state.sequence.slice(0, -1) };
    case 'reveal':
      if (!q || q.type !== 'recall' || state.phase !== 'answering') return state;
      return { ...state, phase: 'revealed' };
    case 'answered':
      if (!q || (state.phase !== 'answering' && state.phase !== 'revealed')) return state;
      return { ...state, phase: 'feedback', outcomes: [...state.outcomes, action.outcome] };
    case 'undo':
      // Takes back the answer just given: the same question, unanswered, shown the same way.
      if (state.phase !== 'feedback') return state;
      return { ...state, phase: 'answering', cursor: 0, selected: [], sequence: [], outcomes: state.outcomes.slice(0, -1) };
    case 'next':
      if (state.phase !== 'feedback') return state;
      return enter(state, state.index + 1, shuffle);
  }
}

/** Order questions: pressing a shown row appends its item to the learner's sequence. */
function pickOrderItem(state: QuizState, q: Extract<QuizQuestion, { type: 'order' }>, row: number): QuizState {
  const item = state.shownOrder[row];
  if (item === undefined || state.sequence.includes(item) || state.sequence.length >= q.items.length) return { ...state, cursor: row };
  return { ...state, cursor: row, sequence: [...state.sequence, item] };
}

function toggled(list: number[], index: number): number[] {
  return list.includes(index) ? list.filter((i) => i !== index) : [...list, index].sort((a, b) => a - b);
}

/**
 * Grades what is on screen, or says why it cannot be submitted yet.
 * Recall questions are graded by the learner's rating instead.
 */
export function gradeCurrent(state: QuizState): AnswerOutcome | { incomplete: string } {
  const q = currentQuestion(state);
  if (!q) return { incomplete: 'there is no question' };
  switch (q.type) {
    case 'single': {
      const chosen = state.shownChoices[state.cursor]!;
      return { question: q, correct: q.choices[chosen]?.correct === true, given: [chosen] };
    }
    case 'multiple': {
      if (state.selected.length === 0) return { incomplete: 'select at least one answer (space), then press Enter' };
      const right = q.choices.flatMap((c, i) => (c.correct ? [i] : []));
      const correct = right.length === state.selected.length && right.every((i) => state.selected.includes(i));
      return { question: q, correct, given: [...state.selected] };
    }
    case 'truefalse': {
      const chosen = state.cursor;
      const answer = chosen === 0;
      return { question: q, correct: answer === q.answer, given: answer };
    }
    case 'order': {
      if (state.sequence.length < q.items.length) return { incomplete: `pick all ${q.items.length} items in order first` };
      return { question: q, correct: state.sequence.every((item, i) => item === i), given: [...state.sequence] };
    }
    case 'recall':
      return { incomplete: state.phase === 'revealed' ? 'rate how well you recalled it: 1-4' : 'think of your answer, then press Enter to reveal' };
  }
}

/** A recall question is graded by the learner's own rating: anything but "again" counts as recalled. */
export function rateRecall(state: QuizState, rating: SelfRating): AnswerOutcome | undefined {
  const q = currentQuestion(state);
  if (!q || q.type !== 'recall' || state.phase !== 'revealed') return undefined;
  return { question: q, correct: rating >= 2, given: rating };
}

export interface TopicScore {
  topic: string;
  correct: number;
  total: number;
}

export interface QuizSummary {
  correct: number;
  total: number;
  byTopic: TopicScore[];
  missed: QuizQuestion[];
}

export function summarize(state: QuizState): QuizSummary {
  const byTopic = new Map<string, TopicScore>();
  for (const outcome of state.outcomes) {
    const topics = outcome.question.topics.length > 0 ? outcome.question.topics : ['general'];
    for (const topic of topics) {
      const score = byTopic.get(topic) ?? { topic, correct: 0, total: 0 };
      score.total++;
      if (outcome.correct) score.correct++;
      byTopic.set(topic, score);
    }
  }
  return {
    correct: state.outcomes.filter((o) => o.correct).length,
    total: state.outcomes.length,
    byTopic: [...byTopic.values()].sort((a, b) => a.correct / a.total - b.correct / b.total || a.topic.localeCompare(b.topic)),
    missed: state.outcomes.filter((o) => !o.correct).map((o) => o.question),
  };
}
