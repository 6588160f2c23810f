/**
 * The built-in exercises, graded by the grader they ship with: every
 * solution passes, every starter and listed wrong answer fails, and the
 * set covers every slot and level.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack, SLOTS, LEVELS } from '../src/content/index.js';
import { checkPackExercises, gradeExercise } from '../src/grading/index.js';

const { pack, diagnostics } = loadPack(resolve(import.meta.dirname, '../content/aws-iam'));
const exercises = pack?.exercises ?? [];

describe('built-in exercises', () => {
  it('load without findings', () => {
    expect(diagnostics.filter((d) => d.file.includes('exercises'))).toEqual([]);
  });

  it('number at least thirty and cover every slot and level', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(30);
    expect(new Set(exercises.map((e) => e.slot))).toEqual(new Set(SLOTS));
    expect(new Set(exercises.map((e) => e.level))).toEqual(new Set(LEVELS));
  });

  it('pass the pack checks (solutions pass, starters and wrong answers fail, policies valid)', () => {
    expect(checkPackExercises(pack!)).toEqual([]);
  });

  it.each(exercises.map((e) => [e.id, e] as const))('%s: the solution passes and the starter fails', (_id, e) => {
    const solution = gradeExercise(e, e.solution);
    expect(solution.cases.filter((c) => !c.passed)).toEqual([]);
    expect(solution.passed).toBe(true);
    expect(gradeExercise(e, e.starter ?? '{"Version":"2012-10-17","Statement":[]}').passed).toBe(false);
  });

  it('have requests that must be allowed, except containment exercises that deny everything', () => {
    const withoutAllowed = exercises.filter((e) => !e.cases.some((c) => c.expect === 'allowed')).map((e) => e.id);
    expect(withoutAllowed).toEqual(['contain-compromised-user']);
  });

  it.each(exercises.map((e) => [e.id, e] as const))('%s: has denied cases, hints, an explanation, references and wrong answers', (_id, e) => {
    expect(e.cases.some((c) => c.expect !== 'allowed')).toBe(true);
    expect(e.hints.length).toBeGreaterThan(0);
    expect(e.explanation).toBeTruthy();
    expect(e.references.every((r) => r.url.startsWith('https://docs.aws.amazon.com/'))).toBe(true);
    expect(e.wrongAnswers.length).toBeGreaterThan(0);
  });

  it.each(exercises.filter((e) => e.leastPrivilege).map((e) => [e.id, e] as const))(
    '%s: a wrong answer that passes every case is caught by a counterexample the evaluator stands by',
    (_id, e) => {
      for (const wrong of e.wrongAnswers) {
        const result = gradeExercise(e, wrong.policy);
        if (!result.cases.every((c) => c.passed) || result.findings.some((f) => f.severity === 'error')) continue;
        expect(result.counterexample?.answerDecision).toBe('allowed');
        expect(result.counterexample?.referenceDecision).not.toBe('allowed');
      }
    },
  );
});
