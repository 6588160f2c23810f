import { describe, expect, it } from 'vitest';
import type { PredictQuestion } from '../content/index.js';
import { exercise, reportsExercise } from '../../test/helpers/exercises.js';
import { checkPackExercises, checkPredictQuestions } from './index.js';

const origin = (lineOffset: number) => ({ file: 'exercises/a.yaml', lineOffset, columnOffset: 6, kind: 'text' as const });

describe('checkPackExercises', () => {
  it('finds nothing wrong in a sound exercise', () => {
    expect(checkPackExercises({ exercises: [reportsExercise] })).toEqual([]);
  });

  it('reports a solution that fails its own case, at the solution in the YAML file', () => {
    const ex = exercise({
      solution: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-data/*"}]}',
      origins: { solution: origin(20) },
    });
    const found = checkPackExercises({ exercises: [ex] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'ExerciseSolutionFails', file: 'exercises/a.yaml', line: 21, column: 7 });
    expect(found[0]!.message).toContain('Alice cannot read payroll');
  });

  it('reports a starter that already passes', () => {
    const ex = exercise({ starter: reportsExercise.solution, origins: { starter: origin(5) } });
    expect(checkPackExercises({ exercises: [ex] })).toMatchObject([{ code: 'ExerciseStarterPasses', line: 6 }]);
  });

  it('reports a wrong answer that the grader accepts', () => {
    const alternative = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:getobject"],"Resource":["arn:aws:s3:::acme-data/reports/*"]}]}';
    const ex = exercise({ wrongAnswers: [{ policy: alternative, why: 'not really wrong' }], origins: { 'wrongAnswers.0.policy': origin(30) } });
    expect(checkPackExercises({ exercises: [ex] })).toMatchObject([{ code: 'WrongAnswerPasses', line: 31 }]);
  });

  it('accepts wrong answers that fail through a case, the comparison, or invalid JSON', () => {
    const ex = exercise({
      wrongAnswers: [
        { policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::acme-data/reports/*"}]}', why: 'writes too' },
        { policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-data/rep*"}]}', why: 'prefix too short' },
        { policy: '{"Version": "2012-10-17", "Statement": [', why: 'not JSON' },
      ],
    });
    expect(checkPackExercises({ exercises: [ex] })).toEqual([]);
  });

  it('reports an invalid solution at its line inside the YAML block', () => {
    const ex = exercise({ solution: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": 5 }]\n}', origins: { solution: origin(40) } });
    const found = checkPackExercises({ exercises: [ex] });
    expect(found[0]).toMatchObject({ severity: 'error', file: 'exercises/a.yaml', line: 43 });
  });

  it('reports an invalid given policy at its own origin', () => {
    const ex = exercise({ given: { identity: ['{"Version":"2012-10-17","Statement":[{"Effect":"Maybe","Action":"*","Resource":"*"}]}'] }, origins: { 'given.identity.0': origin(12) } });
    const found = checkPackExercises({ exercises: [ex] });
    expect(found[0]).toMatchObject({ severity: 'error', line: 13 });
  });
});

describe('checkPredictQuestions', () => {
  const base: PredictQuestion = {
    id: 'p', key: 't/p', packId: 't', level: 'intermediate', topics: [], prompt: 'Allowed?', references: [], hints: [], tags: [], rev: 0,
    source: { file: 'questions/p.yaml', line: 3, column: 5 }, origins: {},
    type: 'predict',
    policies: { identity: ['{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}'] },
    request: { principal: 'arn:aws:iam::111122223333:user/alice', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' },
    expect: 'allowed',
  };

  it('accepts an expectation the evaluator agrees with', () => {
    expect(checkPredictQuestions({ questions: [base] })).toEqual([]);
  });

  it('reports an expectation the evaluator disagrees with, at the question', () => {
    const found = checkPredictQuestions({ questions: [{ ...base, expect: 'explicitDeny' }] });
    expect(found).toMatchObject([{ code: 'PredictExpectDisagrees', file: 'questions/p.yaml', line: 3 }]);
    expect(found[0]!.message).toContain('`allowed`');
  });

  it('reports an invalid policy of a predict question at its YAML line', () => {
    const q: PredictQuestion = { ...base, policies: { identity: ['{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}'] }, origins: { 'policies.identity.0': { file: 'questions/p.yaml', lineOffset: 8, columnOffset: 8, kind: 'text' } } };
    const found = checkPredictQuestions({ questions: [q] });
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ file: 'questions/p.yaml', line: 9 });
  });
});
