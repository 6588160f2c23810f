/**
 * A quiz from first question to summary: the quiz reducer wired to the Quiz
 * and Summary screens. Saving is the caller's: `onAnswered` runs before the
 * answer is shown as answered, and a failure to save is shown, not hidden.
 */
import type { AnswerOutcome, QuizAction, QuizQuestion, QuizState, SelfRating } from '../../study/index.js';
import { gradeCurrent, quizReducer, rateRecall, startQuiz, summarize } from '../../study/index.js';
import { useRef } from 'react';
import { useStateRef } from '../hooks/use-latest.js';
import { Quiz } from '../screens/Quiz.js';
import { Summary } from '../screens/Summary.js';

export interface QuizFlowProps {
  questions: QuizQuestion[];
  title: string;
  shuffle<T>(items: T[]): T[];
  /** The clock, in epoch ms, to time each answer (a slow right answer counts as Hard). */
  now(): number;
  /** Saves an answer; throws when it cannot. */
  onAnswered(outcome: AnswerOutcome, elapsedMs: number): void;
  /** Takes back the last saved answer; false when there is none to take back. */
  onUndo?(): boolean;
  /** Back to where the quiz was opened from. */
  onDone(): void;
  onQuit(): void;
}

interface FlowState {
  quiz: QuizState;
  message?: string;
}

export function QuizFlow({ questions, title, shuffle, now, onAnswered, onUndo, onDone, onQuit }: QuizFlowProps) {
  const [state, setState, stateRef] = useStateRef<FlowState>(() => ({ quiz: startQuiz(questions, shuffle) }));
  // When the current question was shown, to time the answer.
  const shownAt = useRef({ index: -1, at: 0 });
  if (shownAt.current.index !== state.quiz.index) shownAt.current = { index: state.quiz.index, at: now() };
  const set = (quiz: QuizState, message?: string) => setState({ quiz, message });

  const record = (outcome: AnswerOutcome | undefined) => {
    const { quiz } = stateRef.current;
    if (!outcome) return;
    try {
      onAnswered(outcome, now() - shownAt.current.at);
      set(quizReducer(quiz, { type: 'answered', outcome }, shuffle));
    } catch (error) {
      set(quiz, `your answer could not be saved: ${(error as Error).message}`);
    }
  };

  if (state.quiz.phase === 'summary') {
    return <Summary summary={summarize(state.quiz)} title={title} onDone={onDone} onQuit={onQuit} />;
  }
  return (
    <Quiz
      state={state.quiz}
      latest={() => stateRef.current.quiz}
      title={title}
      message={state.message}
      onAction={(action: QuizAction) => set(quizReducer(stateRef.current.quiz, action, shuffle))}
      onSubmit={() => {
        const { quiz } = stateRef.current;
        const graded = gradeCurrent(quiz);
        if ('incomplete' in graded) set(quiz, graded.incomplete);
        else record(graded);
      }}
      onRate={(rating: SelfRating) => record(rateRecall(stateRef.current.quiz, rating))}
      onUndo={
        onUndo &&
        (() => {
          // The saved answer is taken back first; the screen follows only if that worked.
          if (onUndo()) set(quizReducer(stateRef.current.quiz, { type: 'undo' }, shuffle));
          else set(stateRef.current.quiz, 'there is no answer to take back');
        })
      }
      onLeave={() => {
        const { quiz } = stateRef.current;
        if (quiz.outcomes.length > 0) set({ ...quiz, phase: 'summary' });
        else onDone();
      }}
    />
  );
}
