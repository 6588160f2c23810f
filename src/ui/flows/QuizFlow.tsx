/**
 * A quiz from first question to summary: the quiz reducer wired to the Quiz
 * and Summary screens. Saving is the caller's: `onAnswered` runs before the
 * answer is shown as answered, and a failure to save is shown, not hidden.
 */
import type { AnswerOutcome, QuizAction, QuizQuestion, QuizState, SelfRating } from '../../study/index.js';
import { gradeCurrent, quizReducer, rateRecall, startQuiz, summarize } from '../../study/index.js';
import { useStateRef } from '../hooks/use-latest.js';
import { Quiz } from '../screens/Quiz.js';
import { Summary } from '../screens/Summary.js';

export interface QuizFlowProps {
  questions: QuizQuestion[];
  title: string;
  shuffle<T>(items: T[]): T[];
  /** Saves an answer; throws when it cannot. */
  onAnswered(outcome: AnswerOutcome): void;
  /** Back to where the quiz was opened from. */
  onDone(): void;
  onQuit(): void;
}

interface FlowState {
  quiz: QuizState;
  message?: string;
}

export function QuizFlow({ questions, title, shuffle, onAnswered, onDone, onQuit }: QuizFlowProps) {
  const [state, setState, stateRef] = useStateRef<FlowState>(() => ({ quiz: startQuiz(questions, shuffle) }));
  const set = (quiz: QuizState, message?: string) => setState({ quiz, message });

  const record = (outcome: AnswerOutcome | undefined) => {
    const { quiz } = stateRef.current;
    if (!outcome) return;
    try {
      onAnswered(outcome);
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
      onLeave={() => {
        const { quiz } = stateRef.current;
        if (quiz.outcomes.length > 0) set({ ...quiz, phase: 'summary' });
        else onDone();
      }}
    />
  );
}
