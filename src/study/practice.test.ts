import { describe, expect, it } from 'vitest';
import { exercise, reportsExercise } from '../../test/helpers/exercises.js';
import {
  exerciseStatus,
  explanationVisible,
  gradeAnswer,
  nextUnsolved,
  orderExercises,
  practiceReducer,
  saveIfChanged,
  startPractice,
  type ExerciseProgress,
  type PracticeState,
} from './practice.js';

const wrong = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}';
const right = reportsExercise.solution;

function graded(state: PracticeState, text: string, initial = false): PracticeState {
  return practiceReducer(state, { type: 'graded', text, result: gradeAnswer(state.exercise, text, 'ws.json'), initial });
}

describe('practice session', () => {
  it('starts not started, counts changed answers as attempts and marks the exercise solved', () => {
    let s = startPractice(reportsExercise, undefined);
    expect(exerciseStatus(s.progress)).toBe('notStarted');
    s = graded(s, reportsExercise.starter!, true);
    expect(s.progress.attempts).toBe(0);
    s = graded(s, wrong);
    expect(exerciseStatus(s.progress)).toBe('attempted');
    s = graded(s, wrong);
    expect(s.progress.attempts).toBe(1);
    s = graded(s, right);
    expect(s.progress).toEqual({ solved: true, attempts: 2, hintsUsed: 0 });
    expect(exerciseStatus(s.progress)).toBe('solved');
  });

  it('does not count saving the starter unchanged as an attempt', () => {
    const s = graded(startPractice(reportsExercise, undefined), reportsExercise.starter!);
    expect(s.progress.attempts).toBe(0);
  });

  it('stays solved after a later wrong answer', () => {
    let s = graded(startPractice(reportsExercise, undefined), right);
    s = graded(s, wrong);
    expect(s.progress.solved).toBe(true);
    expect(s.result!.passed).toBe(false);
  });

  it('shows hints one at a time, never more than there are, and remembers the most used', () => {
    let s = startPractice(reportsExercise, { solved: false, attempts: 3, hintsUsed: 1 });
    s = practiceReducer(s, { type: 'hint' });
    expect(s.hintsShown).toBe(1);
    expect(s.progress.hintsUsed).toBe(1);
    s = practiceReducer(practiceReducer(practiceReducer(s, { type: 'hint' }), { type: 'hint' }), { type: 'hint' });
    expect(s.hintsShown).toBe(reportsExercise.hints.length);
    expect(s.progress.hintsUsed).toBe(reportsExercise.hints.length);
  });

  it('shows the solution only after a confirmation, and cancel keeps it hidden', () => {
    let s = startPractice(reportsExercise, undefined);
    s = practiceReducer(s, { type: 'confirmSolution' });
    expect(s.solutionShown).toBe(false);
    s = practiceReducer(s, { type: 'askSolution' });
    expect(s.confirmingSolution).toBe(true);
    expect(practiceReducer(s, { type: 'cancel' }).solutionShown).toBe(false);
    s = practiceReducer(s, { type: 'confirmSolution' });
    expect(s.solutionShown).toBe(true);
    expect(s.confirmingSolution).toBe(false);
  });

  it('shows the explanation only once solved', () => {
    let s = startPractice(reportsExercise, undefined);
    expect(explanationVisible(s)).toBe(false);
    s = graded(s, right);
    expect(explanationVisible(s)).toBe(true);
    expect(explanationVisible(startPractice(reportsExercise, { solved: true, attempts: 1, hintsUsed: 0 }))).toBe(true);
  });

  it('saves progress through the port only when it changed', () => {
    const saved: [string, ExerciseProgress][] = [];
    const port = { saveExerciseProgress: (key: string, p: ExerciseProgress) => void saved.push([key, p]) };
    const s0 = startPractice(reportsExercise, undefined);
    const s1 = practiceReducer(s0, { type: 'askSolution' });
    saveIfChanged(s0, s1, port);
    expect(saved).toEqual([]);
    const s2 = graded(s1, right);
    saveIfChanged(s1, s2, port);
    expect(saved).toEqual([['t/reports-read', { solved: true, attempts: 1, hintsUsed: 0 }]]);
  });
});

describe('exercise list order', () => {
  const a = exercise({ id: 'a', key: 't/a', level: 'advanced' });
  const b = exercise({ id: 'b', key: 't/b', level: 'beginner' });
  const c = exercise({ id: 'c', key: 't/c', level: 'beginner' });

  it('orders by level, then as written', () => {
    expect(orderExercises([a, b, c]).map((e) => e.id)).toEqual(['b', 'c', 'a']);
  });

  it('finds the next unsolved exercise, wrapping around, or none', () => {
    const ordered = orderExercises([a, b, c]);
    const progress: Record<string, ExerciseProgress> = { 't/b': { solved: true, attempts: 1, hintsUsed: 0 } };
    expect(nextUnsolved(ordered, (k) => progress[k])).toBe(1);
    expect(nextUnsolved(ordered, (k) => progress[k], 2)).toBe(1);
    progress['t/c'] = { solved: true, attempts: 1, hintsUsed: 0 };
    progress['t/a'] = { solved: true, attempts: 4, hintsUsed: 2 };
    expect(nextUnsolved(ordered, (k) => progress[k])).toBe(-1);
  });
});
