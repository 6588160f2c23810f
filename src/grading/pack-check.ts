/**
 * What `iamprep pack validate` checks in exercises and `predict` questions
 * with the evaluator (the loader checks the shape): every policy is valid,
 * every solution passes its cases, every starter fails, every listed wrong
 * answer fails, every `predict` expectation is what the evaluator decides.
 */
import type { Diagnostic } from '../core/index.js';
import type { Exercise, Pack, PolicyOrigin, PolicyOrigins, PredictQuestion } from '../content/index.js';
import { evaluatePolicies, type EvalRequest, type PolicyInput, type PolicySet, type PolicyType } from '../policy/index.js';
import { relocate, policyFindings } from './findings.js';
import { gradeExercise } from './grade.js';

type Origin = Pick<PolicyOrigin, 'file'> & Partial<PolicyOrigin>;

function originOf(origins: PolicyOrigins | undefined, path: string, fallback: { file: string; line: number; column: number }): Origin {
  return origins?.[path] ?? { file: fallback.file, lineOffset: fallback.line - 1, columnOffset: fallback.column - 1, kind: 'mapping' };
}

function at(origin: Origin, code: string, message: string, help: string): Diagnostic {
  const line = (origin.lineOffset ?? 0) + 1;
  const column = (origin.columnOffset ?? 0) + 1;
  return { code, severity: 'error', message, help, file: origin.file, line, column, endLine: line, endColumn: column + 1 };
}

/** `scps[1][0]` -> `scps.1.0`, the origins' field path. */
export function slotPath(slot: string): string {
  return slot.replace(/\[(\d+)\]/g, '.$1');
}

function givenFindings(exercise: Exercise): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (policy: unknown, type: PolicyType, path: string): void => {
    // Warnings about a given policy are part of the scenario (it may be broad on purpose); errors are the author's.
    out.push(...policyFindings(policy as PolicyInput, type, originOf(exercise.origins, `given.${path}`, exercise.source)).filter((d) => d.severity === 'error'));
  };
  const g = exercise.given;
  (g.identity ?? []).forEach((p, i) => check(p, 'identity', `identity.${i}`));
  for (const slot of ['resource', 'boundary', 'session'] as const) if (g[slot]) check(g[slot], slot, slot);
  (g.scps ?? []).forEach((level, i) => level.forEach((p, j) => check(p, 'scp', `scps.${i}.${j}`)));
  (g.rcps ?? []).forEach((level, i) => level.forEach((p, j) => check(p, 'rcp', `rcps.${i}.${j}`)));
  return out;
}

export function checkExercise(exercise: Exercise): Diagnostic[] {
  const out: Diagnostic[] = [];
  const given = givenFindings(exercise);
  out.push(...given);
  if (given.some((d) => d.severity === 'error')) return out;

  const solutionOrigin = originOf(exercise.origins, 'solution', exercise.source);
  const solution = gradeExercise(exercise, exercise.solution, { origin: solutionOrigin, compare: false });
  const solutionErrors = solution.findings.filter((d) => d.severity === 'error');
  out.push(...solutionErrors);
  if (solutionErrors.length > 0) return out;
  for (const c of solution.cases) {
    if (c.passed) continue;
    out.push(
      at(
        solutionOrigin,
        'ExerciseSolutionFails',
        c.decision === undefined
          ? `case \`${c.name}\` of exercise \`${exercise.id}\` cannot be evaluated: ${c.explanation}`
          : `the solution of exercise \`${exercise.id}\` gets \`${c.decision}\` in case \`${c.name}\`, which expects \`${c.expect}\``,
        'fix the solution or the case: the reference solution must pass every case',
      ),
    );
  }

  if (exercise.starter !== undefined) {
    const origin = originOf(exercise.origins, 'starter', exercise.source);
    const starter = gradeExercise(exercise, exercise.starter, { origin });
    // A starter is a sketch (often an empty Statement list): only its errors are the author's problem.
    out.push(...starter.findings.filter((d) => d.severity === 'error'));
    if (starter.passed) {
      out.push(at(origin, 'ExerciseStarterPasses', `the starter of exercise \`${exercise.id}\` already passes every case`, 'give a starter that fails at least one case, so that the learner has something to do'));
    }
  }

  exercise.wrongAnswers.forEach((wrong, i) => {
    const origin = originOf(exercise.origins, `wrongAnswers.${i}.policy`, exercise.source);
    const result = gradeExercise(exercise, wrong.policy, { origin });
    if (result.passed) {
      out.push(
        at(
          origin,
          'WrongAnswerPasses',
          `wrong answer ${i + 1} of exercise \`${exercise.id}\` passes the grader`,
          exercise.leastPrivilege ? 'add a case that this answer gets wrong, or remove it from `wrongAnswers`' : 'add a case that this answer gets wrong, or set `leastPrivilege: true`',
        ),
      );
    }
  });
  return out;
}

export function checkPackExercises(pack: Pick<Pack, 'exercises'>): Diagnostic[] {
  return pack.exercises.flatMap(checkExercise);
}

/** A `predict` question's policies must be valid, and its `expect` must be what the evaluator decides. */
export function checkPredictQuestions(pack: Pick<Pack, 'questions'>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const q of pack.questions) {
    if (q.type !== 'predict') continue;
    out.push(...checkPredict(q));
  }
  return out;
}

function checkPredict(q: PredictQuestion): Diagnostic[] {
  const result = evaluatePolicies(q.policies as PolicySet, q.request as EvalRequest);
  if (result.errors.length > 0) {
    return result.errors.map((d) => {
      if (d.file === 'request') return { ...d, file: q.source.file, line: q.source.line, column: q.source.column, endLine: q.source.line, endColumn: q.source.column + 1 };
      return relocate(d, originOf(q.origins, `policies.${slotPath(d.file)}`, q.source));
    });
  }
  if (q.expect === undefined || q.expect === result.decision) return [];
  const line = q.source.line;
  return [
    {
      code: 'PredictExpectDisagrees',
      severity: 'error',
      message: `question \`${q.id}\` expects \`${q.expect}\` but the evaluator decides \`${result.decision}\``,
      help: 'check the policies and the request; if the evaluator is right, change `expect`',
      file: q.source.file,
      line,
      column: q.source.column,
      endLine: line,
      endColumn: q.source.column + 1,
    },
  ];
}
