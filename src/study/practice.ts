/**
 * A hands-on exercise session as a pure reducer: the learner edits a
 * policy file, every save is graded, hints come one at a time, the
 * reference solution only after a confirmation, the explanation once
 * solved. What progress keeps (solved, attempts, hints used) leaves
 * through one small port.
 */
import { LEVELS, type Exercise } from '../content/index.js';
import { gradeExercise, type GradeResult } from '../grading/index.js';

export type ExerciseStatus = 'notStarted' | 'attempted' | 'solved';

/** What is saved per exercise, keyed by `packId/id`. */
export interface ExerciseProgress {
  solved: boolean;
  /** Graded answers that differed from the previous one (re-saving the same text is not an attempt). */
  attempts: number;
  /** The most hints ever shown at once. */
  hintsUsed: number;
}

/** The progress port: the caller stores it however its progress module does. */
export interface PracticeProgressPort {
  saveExerciseProgress(key: string, progress: ExerciseProgress): void;
}

export const NO_PROGRESS: ExerciseProgress = Object.freeze({ solved: false, attempts: 0, hintsUsed: 0 });

export function exerciseStatus(progress: ExerciseProgress | undefined): ExerciseStatus {
  if (!progress) return 'notStarted';
  if (progress.solved) return 'solved';
  return progress.attempts > 0 ? 'attempted' : 'notStarted';
}

export interface PracticeState {
  exercise: Exercise;
  progress: ExerciseProgress;
  /** Hints shown so far in this session, from the first. */
  hintsShown: number;
  /** Waiting for the learner to confirm that they want to see the solution. */
  confirmingSolution: boolean;
  solutionShown: boolean;
  /** The latest grade, absent before the first one. */
  result?: GradeResult;
  /** The text the latest grade was for. */
  gradedText?: string;
}

export type PracticeAction =
  /** A grade of the workspace file; `initial` for the grade of the file as first opened (not an attempt). */
  | { type: 'graded'; text: string; result: GradeResult; initial?: boolean }
  | { type: 'hint' }
  | { type: 'askSolution' }
  | { type: 'confirmSolution' }
  | { type: 'cancel' };

export function startPractice(exercise: Exercise, saved: ExerciseProgress | undefined): PracticeState {
  return { exercise, progress: { ...(saved ?? NO_PROGRESS) }, hintsShown: 0, confirmingSolution: false, solutionShown: false };
}

export function practiceReducer(state: PracticeState, action: PracticeAction): PracticeState {
  switch (action.type) {
    case 'graded': {
      const changed = action.text !== state.gradedText;
      const isStarter = action.text === (state.exercise.starter ?? '');
      const counts = changed && !action.initial && !isStarter;
      const progress: ExerciseProgress = {
        ...state.progress,
        attempts: state.progress.attempts + (counts ? 1 : 0),
        solved: state.progress.solved || action.result.passed,
      };
      return { ...state, result: action.result, gradedText: action.text, progress };
    }
    case 'hint': {
      const hintsShown = Math.min(state.exercise.hints.length, state.hintsShown + 1);
      return { ...state, hintsShown, progress: { ...state.progress, hintsUsed: Math.max(state.progress.hintsUsed, hintsShown) } };
    }
    case 'askSolution':
      return state.solutionShown ? state : { ...state, confirmingSolution: true };
    case 'confirmSolution':
      return state.confirmingSolution ? { ...state, confirmingSolution: false, solutionShown: true } : state;
    case 'cancel':
      return { ...state, confirmingSolution: false };
  }
}

/** The explanation is the reward for solving (now or before). */
export function explanationVisible(state: PracticeState): boolean {
  return state.progress.solved;
}

/** Calls the port when what progress keeps has changed between two states. */
export function saveIfChanged(before: PracticeState, after: PracticeState, port: PracticeProgressPort): void {
  const a = before.progress;
  const b = after.progress;
  if (a.solved !== b.solved || a.attempts !== b.attempts || a.hintsUsed !== b.hintsUsed) port.saveExerciseProgress(after.exercise.key, b);
}

/** Grades the workspace text, with findings pointing into the workspace file. */
export function gradeAnswer(exercise: Exercise, text: string, file: string): GradeResult {
  return gradeExercise(exercise, text, { origin: { file } });
}

/** Exercises by level (the pack's level order), then in pack order. */
export function orderExercises(exercises: readonly Exercise[]): Exercise[] {
  const rank = (e: Exercise) => LEVELS.indexOf(e.level);
  return exercises.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i).map(({ e }) => e);
}

/** The index of the first unsolved exercise after `from` (wrapping), or -1 when all are solved. */
export function nextUnsolved(ordered: readonly Exercise[], progressOf: (key: string) => ExerciseProgress | undefined, from = -1): number {
  for (let step = 1; step <= ordered.length; step++) {
    const i = (from + step + ordered.length) % ordered.length;
    if (exerciseStatus(progressOf(ordered[i]!.key)) !== 'solved') return i;
  }
  return -1;
}

/**
 * The side effects of a practice screen, implemented outside the UI (the
 * workspace module) and passed in by the composition root.
 */
export interface PracticeWorkspace {
  /** The exercise's file, with the starter written the first time; returns its path. */
  prepare(item: { packId: string; id: string; starter?: string }): string;
  read(path: string): string | undefined;
  /** Calls back with the new text on every change; returns the function that stops watching. */
  watch(path: string, onChange: (text: string) => void): () => void;
  /** Runs the learner's editor with the terminal handed over; returns when it exits. */
  openEditor(path: string): { ok: boolean; message?: string };
}
