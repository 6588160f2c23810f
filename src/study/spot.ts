/**
 * Spot the bug: a policy is shown with line numbers, the learner moves to
 * the faulty element and selects it, and the answer is checked against the
 * question's `bug` (a JSON pointer). Where each element sits in the text, and
 * what the policy validator says about it, come through ports the caller
 * passes in, so this module does not depend on the policy engine.
 */
import type { SpotQuestion } from '../content/index.js';
import type { StudyPorts } from './session.js';
import type { ModeSummary } from './predict.js';

/** A selectable element of the policy JSON: its pointer and span (1-based lines and columns; end exclusive), and a short label. */
export interface SpotElement {
  pointer: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  label: string;
}

/** A validator finding about the policy, with the JSON pointer of the element it is about. */
export interface SpotFinding {
  code: string;
  severity: string;
  message: string;
  help?: string;
  line?: number;
  column?: number;
  pointer?: string;
}

export interface SpotPorts {
  elementsOf(policyText: string): SpotElement[];
  /** The validator's findings; `kind` is the question's own when it names one. */
  findingsFor(policyText: string, kind?: string): SpotFinding[];
}

export interface SpotOutcome {
  question: SpotQuestion;
  chosen: string;
  correct: boolean;
  /** The validator's findings about the faulty element (all findings when none points at it). */
  findings: SpotFinding[];
}

export interface SpotState {
  questions: SpotQuestion[];
  index: number;
  phase: 'answering' | 'feedback' | 'done';
  /** The current policy's elements, in reading order. */
  elements: SpotElement[];
  cursor: number;
  outcomes: SpotOutcome[];
}

export type SpotAction = { type: 'move'; delta: number } | { type: 'moveLine'; delta: number } | { type: 'answered'; outcome: SpotOutcome } | { type: 'next' };

export function startSpot(questions: SpotQuestion[], elementsOf: SpotPorts['elementsOf']): SpotState {
  return enter({ questions, index: 0, phase: 'answering', elements: [], cursor: 0, outcomes: [] }, 0, elementsOf);
}

function enter(state: SpotState, index: number, elementsOf: SpotPorts['elementsOf']): SpotState {
  const q = state.questions[index];
  if (!q) return { ...state, index, phase: 'done', elements: [] };
  // The whole document ("") is never the answer; leave it out so the cursor starts on something useful.
  const elements = elementsOf(q.policy)
    .filter((e) => e.pointer !== '')
    .sort((a, b) => a.line - b.line || a.column - b.column);
  return { ...state, index, phase: 'answering', elements, cursor: 0 };
}

export function currentSpotQuestion(state: SpotState): SpotQuestion | undefined {
  return state.phase === 'done' ? undefined : state.questions[state.index];
}

export function spotReducer(state: SpotState, action: SpotAction, elementsOf: SpotPorts['elementsOf']): SpotState {
  const count = state.elements.length;
  switch (action.type) {
    case 'move':
      if (state.phase !== 'answering' || count === 0) return state;
      return { ...state, cursor: Math.max(0, Math.min(count - 1, state.cursor + action.delta)) };
    case 'moveLine': {
      // Jump to the first element on the next (or previous) line that has one.
      if (state.phase !== 'answering' || count === 0) return state;
      const line = state.elements[state.cursor]!.line;
      const target =
        action.delta > 0 ? state.elements.findIndex((e) => e.line > line) : findLastIndex(state.elements, (e) => e.line < line);
      if (target < 0) return state;
      const targetLine = state.elements[target]!.line;
      return { ...state, cursor: state.elements.findIndex((e) => e.line === targetLine) };
    }
    case 'answered':
      if (state.phase !== 'answering') return state;
      return { ...state, phase: 'feedback', outcomes: [...state.outcomes, action.outcome] };
    case 'next':
      if (state.phase !== 'feedback') return state;
      return enter(state, state.index + 1, elementsOf);
  }
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

/** Selecting the faulty element, or something inside it (one entry of a faulty list), is right; its parent is too vague. */
export function isBugSelection(bug: string, chosen: string): boolean {
  return chosen === bug || chosen.startsWith(`${bug}/`);
}

const related = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

export function gradeSpot(state: SpotState, findingsFor: SpotPorts['findingsFor']): SpotOutcome | { incomplete: string } {
  const q = currentSpotQuestion(state);
  const chosen = state.elements[state.cursor];
  if (!q || state.phase !== 'answering') return { incomplete: 'there is no question to answer' };
  if (!chosen) return { incomplete: 'this policy has no elements to select' };
  const all = findingsFor(q.policy, q.kind);
  const about = all.filter((f) => f.pointer !== undefined && related(f.pointer, q.bug));
  return { question: q, chosen: chosen.pointer, correct: isBugSelection(q.bug, chosen.pointer), findings: about.length > 0 ? about : all };
}

export function saveSpotOutcome(ports: StudyPorts, outcome: SpotOutcome): void {
  // Objective answers schedule the card: wrong is Again, right is Good.
  ports.store.rate({ key: outcome.question.key, rating: outcome.correct ? 3 : 1, at: ports.clock.now().toISOString(), rev: outcome.question.rev, correct: outcome.correct });
}

export function summarizeSpot(state: SpotState): ModeSummary {
  return {
    correct: state.outcomes.filter((o) => o.correct).length,
    total: state.outcomes.length,
    missed: state.outcomes.filter((o) => !o.correct).map((o) => ({ key: o.question.key, prompt: o.question.prompt })),
  };
}
