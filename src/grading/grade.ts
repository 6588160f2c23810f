/**
 * Grading one answer to an exercise: valid, every case decided as
 * expected, and (for least-privilege exercises) nothing allowed that the
 * reference denies.
 */
import { hasErrors, type Diagnostic } from '../core/index.js';
import type { Exercise, ExerciseCase, PolicyOrigin } from '../content/index.js';
import { compilePolicySet, evaluate, explainText, type CompiledPolicySet, type Decision, type EvalRequest } from '../policy/index.js';
import { policyFindings } from './findings.js';
import { policyLiterals, type PolicyLiterals } from './literals.js';
import { placePolicy, policyTypeOfSlot } from './placement.js';
import { findTooBroad } from './search.js';
import { describeCounterexample } from './describe.js';

export interface CaseResult {
  name: string;
  expect: ExerciseCase['expect'];
  /** Undefined when the answer could not be evaluated (it has errors). */
  decision?: Decision;
  passed: boolean;
  /** The evaluator's account of the decision. */
  explanation: string;
}

export interface Counterexample {
  request: EvalRequest;
  answerDecision: Decision;
  referenceDecision: Decision;
  /** One sentence: the action, the resource, the caller and the context that matters. */
  text: string;
}

export interface GradeResult {
  passed: boolean;
  findings: Diagnostic[];
  cases: CaseResult[];
  counterexample?: Counterexample;
  /** False when the comparison with the reference stopped at its budget. */
  comparisonComplete: boolean;
  /** Requests the comparison evaluated (0 without one). */
  comparedRequests: number;
}

export interface GradeOptions {
  /** Where the answer was written, so that findings point into that file (default `answer`). */
  origin?: Pick<PolicyOrigin, 'file'> & Partial<PolicyOrigin>;
  /** Skip the comparison with the reference (pack checks of starters need only the cases). */
  compare?: boolean;
  /** Budget of the comparison, in requests. */
  maxCells?: number;
}

/** `denied` accepts either kind of deny. */
export function decisionMeets(expect: ExerciseCase['expect'], decision: Decision): boolean {
  return expect === 'denied' ? decision !== 'allowed' : decision === expect;
}

export function caseRequest(c: ExerciseCase): EvalRequest {
  return c.request as EvalRequest;
}

interface Reference {
  compiled?: CompiledPolicySet;
  literals: PolicyLiterals[];
  given: PolicyLiterals[];
}

// Graded on every save: the reference side is prepared once per exercise.
const references = new WeakMap<Exercise, Reference>();

function referenceOf(exercise: Exercise): Reference {
  let ref = references.get(exercise);
  if (!ref) {
    const type = policyTypeOfSlot(exercise.slot);
    const { set } = placePolicy(exercise, exercise.solution);
    const { compiled } = compilePolicySet(set);
    ref = { ...(compiled ? { compiled } : {}), literals: [policyLiterals(exercise.solution, type)], given: givenLiterals(exercise) };
    references.set(exercise, ref);
  }
  return ref;
}

function givenLiterals(exercise: Exercise): PolicyLiterals[] {
  const g = exercise.given;
  const out: PolicyLiterals[] = [];
  for (const p of g.identity ?? []) out.push(policyLiterals(p as object, 'identity'));
  if (g.resource) out.push(policyLiterals(g.resource as object, 'resource'));
  if (g.boundary) out.push(policyLiterals(g.boundary as object, 'boundary'));
  if (g.session) out.push(policyLiterals(g.session as object, 'session'));
  for (const level of g.scps ?? []) for (const p of level) out.push(policyLiterals(p as object, 'scp'));
  for (const level of g.rcps ?? []) for (const p of level) out.push(policyLiterals(p as object, 'rcp'));
  return out;
}

export function gradeExercise(exercise: Exercise, answerText: string, options: GradeOptions = {}): GradeResult {
  const type = policyTypeOfSlot(exercise.slot);
  const findings = policyFindings(answerText, exercise.slot, options.origin ?? { file: 'answer' });
  const { set } = placePolicy(exercise, answerText);
  const { compiled, diagnostics } = compilePolicySet(set);
  if (!compiled || hasErrors(findings)) {
    // Errors in the given policies belong to the pack; still shown, so that nothing is lost.
    const others = diagnostics.filter((d) => d.severity === 'error' && !findings.some((f) => f.code === d.code && f.message === d.message));
    const notEvaluated = 'not evaluated: the policy has errors; fix them first';
    return {
      passed: false,
      findings: [...findings, ...(hasErrors(findings) ? [] : others)],
      cases: exercise.cases.map((c) => ({ name: c.name, expect: c.expect, passed: false, explanation: notEvaluated })),
      comparisonComplete: false,
      comparedRequests: 0,
    };
  }

  const cases = exercise.cases.map((c): CaseResult => {
    const result = evaluate(compiled, caseRequest(c), { explain: true });
    if (result.errors.length > 0) {
      return { name: c.name, expect: c.expect, passed: false, explanation: result.errors.map((e) => e.message).join('; ') };
    }
    return { name: c.name, expect: c.expect, decision: result.decision, passed: decisionMeets(c.expect, result.decision), explanation: explainText(result) };
  });

  let counterexample: Counterexample | undefined;
  let comparisonComplete = true;
  let comparedRequests = 0;
  const reference = referenceOf(exercise);
  if (exercise.leastPrivilege && options.compare !== false && reference.compiled) {
    const answerLiterals = policyLiterals(answerText, type);
    const search = findTooBroad({
      answer: compiled,
      reference: reference.compiled,
      compared: [answerLiterals, ...reference.literals],
      all: [answerLiterals, ...reference.literals, ...reference.given],
      cases: exercise.cases.map(caseRequest),
      ...(options.maxCells ? { maxCells: options.maxCells } : {}),
    });
    comparisonComplete = search.complete;
    comparedRequests = search.evaluations;
    if (search.tooBroad) counterexample = { ...search.tooBroad, text: describeCounterexample(search.tooBroad) };
  }

  return {
    passed: !hasErrors(findings) && cases.every((c) => c.passed) && !counterexample,
    findings,
    cases,
    ...(counterexample ? { counterexample } : {}),
    comparisonComplete,
    comparedRequests,
  };
}
