/**
 * Predict the decision: policies and a request are shown, the learner says
 * what AWS decides, and the evaluator gives the real decision with its
 * trace. The evaluator is reached through a port the caller passes in, so
 * this module does not depend on the policy engine.
 */
import type { PolicySetSpec, PredictQuestion, RequestSpec } from '../content/index.js';
import type { StudyPorts } from './session.js';

export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** The three answers, in the order they are shown (and numbered 1-3). */
export const DECISIONS: readonly { decision: Decision; label: string }[] = [
  { decision: 'allowed', label: 'Allowed' },
  { decision: 'explicitDeny', label: 'Denied by an explicit deny' },
  { decision: 'implicitDeny', label: 'Denied implicitly (nothing allows it)' },
];

export function decisionLabel(decision: Decision): string {
  return DECISIONS.find((d) => d.decision === decision)!.label;
}

/** What the evaluator says about a question's request; `error` when its policies cannot be evaluated. */
export type Verdict = { decision: Decision; trace: string } | { error: string };

export interface DecidePort {
  decide(question: PredictQuestion): Verdict;
}

export interface PredictOutcome {
  question: PredictQuestion;
  given: Decision;
  decision: Decision;
  trace: string;
  correct: boolean;
}

export interface PredictState {
  questions: PredictQuestion[];
  index: number;
  phase: 'answering' | 'feedback' | 'done';
  cursor: number;
  outcomes: PredictOutcome[];
}

export type PredictAction = { type: 'move'; delta: number } | { type: 'choose'; row: number } | { type: 'answered'; outcome: PredictOutcome } | { type: 'next' };

export function startPredict(questions: PredictQuestion[]): PredictState {
  return { questions, index: 0, phase: questions.length > 0 ? 'answering' : 'done', cursor: 0, outcomes: [] };
}

export function currentPredictQuestion(state: PredictState): PredictQuestion | undefined {
  return state.phase === 'done' ? undefined : state.questions[state.index];
}

export function predictReducer(state: PredictState, action: PredictAction): PredictState {
  switch (action.type) {
    case 'move':
      if (state.phase !== 'answering') return state;
      return { ...state, cursor: (state.cursor + action.delta + DECISIONS.length) % DECISIONS.length };
    case 'choose':
      if (state.phase !== 'answering' || action.row < 0 || action.row >= DECISIONS.length) return state;
      return { ...state, cursor: action.row };
    case 'answered':
      if (state.phase !== 'answering') return state;
      return { ...state, phase: 'feedback', outcomes: [...state.outcomes, action.outcome] };
    case 'next': {
      if (state.phase !== 'feedback') return state;
      const index = state.index + 1;
      return { ...state, index, cursor: 0, phase: index < state.questions.length ? 'answering' : 'done' };
    }
  }
}

/** Grades the highlighted answer against the evaluator; an `error` means the question itself is broken. */
export function gradePredict(state: PredictState, port: DecidePort): PredictOutcome | { error: string } {
  const q = currentPredictQuestion(state);
  if (!q || state.phase !== 'answering') return { error: 'there is no question to answer' };
  const verdict = port.decide(q);
  if ('error' in verdict) return verdict;
  const given = DECISIONS[state.cursor]!.decision;
  return { question: q, given, decision: verdict.decision, trace: verdict.trace, correct: given === verdict.decision };
}

export function savePredictOutcome(ports: StudyPorts, outcome: PredictOutcome): void {
  // Objective answers schedule the card: wrong is Again, right is Good.
  ports.store.rate({ key: outcome.question.key, rating: outcome.correct ? 3 : 1, at: ports.clock.now().toISOString(), rev: outcome.question.rev, correct: outcome.correct });
}

/** A policy in play, labelled the way the evaluation logic names it, as text to show. */
export interface PolicyBlock {
  label: string;
  text: string;
}

export function policyBlocks(spec: PolicySetSpec): PolicyBlock[] {
  const show = (p: unknown) => (typeof p === 'string' ? p.trim() : JSON.stringify(p, null, 2));
  const blocks: PolicyBlock[] = [];
  const identity = spec.identity ?? [];
  identity.forEach((p, i) => blocks.push({ label: identity.length > 1 ? `Identity-based policy ${i + 1}` : 'Identity-based policy', text: show(p) }));
  if (spec.resource != null) blocks.push({ label: 'Resource-based policy', text: show(spec.resource) });
  if (spec.boundary != null) blocks.push({ label: 'Permissions boundary', text: show(spec.boundary) });
  // SCPs and RCPs come as one list per level of the organization, root first.
  (spec.scps ?? []).forEach((level, l) => level.forEach((p, i) => blocks.push({ label: `SCP at level ${l + 1}${level.length > 1 ? `, ${i + 1}` : ''}`, text: show(p) })));
  (spec.rcps ?? []).forEach((level, l) => level.forEach((p, i) => blocks.push({ label: `RCP at level ${l + 1}${level.length > 1 ? `, ${i + 1}` : ''}`, text: show(p) })));
  if (spec.session != null) blocks.push({ label: 'Session policy', text: show(spec.session) });
  return blocks;
}

/** The request as "name: value" lines. */
export function requestLines(request: RequestSpec): string[] {
  const lines = [`Principal: ${request.principal ?? '(the identity the policies are attached to)'}`, `Action:    ${request.action}`, `Resource:  ${request.resource}`];
  if (request.resourceAccount) lines.push(`Resource account: ${request.resourceAccount}`);
  for (const [key, value] of Object.entries(request.context ?? {})) lines.push(`Context:   ${key} = ${JSON.stringify(value)}`);
  return lines;
}

export interface ModeSummary {
  correct: number;
  total: number;
  missed: { key: string; prompt: string }[];
}

export function summarizePredict(state: PredictState): ModeSummary {
  return {
    correct: state.outcomes.filter((o) => o.correct).length,
    total: state.outcomes.length,
    missed: state.outcomes.filter((o) => !o.correct).map((o) => ({ key: o.question.key, prompt: o.question.prompt })),
  };
}
