/**
 * The exam, interview, predict and spot modes: each reducer wired to its
 * screen, with saving done before the screen shows an answer as answered.
 */
import type { Clock } from '../../core/index.js';
import type { OpenQuestion, PredictQuestion, SpotQuestion } from '../../content/index.js';
import {
  examReducer,
  examRecord,
  examResult,
  gradePredict,
  gradeSpot,
  interviewReducer,
  predictReducer,
  rateInterview,
  saveExamAnswers,
  saveInterviewOutcome,
  savePredictOutcome,
  saveSpotOutcome,
  spotReducer,
  startExam,
  startInterview,
  startPredict,
  startSpot,
  type DecidePort,
  type ExamQuestion,
  type ExamRecord,
  type ExamState,
  type InterviewState,
  type PredictState,
  type Random,
  type SpotPorts,
  type SpotState,
  type StudyPorts,
} from '../../study/index.js';
import { useStateRef } from '../hooks/use-latest.js';
import { Exam } from '../screens/Exam.js';
import { Interview } from '../screens/Interview.js';
import { Predict } from '../screens/Predict.js';
import { Spot } from '../screens/Spot.js';

interface FlowBase {
  ports: StudyPorts;
  onDone(): void;
}

/** Runs `save`, returning a message for the screen when the disk refuses. */
function saving(save: () => void): string | undefined {
  try {
    save();
    return undefined;
  } catch (error) {
    return `your answer could not be saved: ${(error as Error).message}`;
  }
}

export function ExamFlow({
  ports,
  onDone,
  questions,
  minutes,
  random,
  clock,
  onFinished,
}: FlowBase & { questions: ExamQuestion[]; minutes: number; random: Random; clock: Clock; onFinished?(record: ExamRecord): void }) {
  const now = () => clock.now().getTime();
  const [state, setState, ref] = useStateRef<{ exam: ExamState; message?: string }>(() => ({ exam: startExam(questions, { now: now(), minutes, random }) }));
  return (
    <Exam
      state={state.exam}
      latest={() => ref.current.exam}
      now={now}
      title="Mock exam"
      message={state.message}
      onAction={(action) => {
        const before = ref.current.exam;
        const after = examReducer(before, action, now());
        // Submitting (by key or by time-out) saves every answer once.
        const finished = before.phase === 'running' && after.phase !== 'running';
        const message = finished
          ? saving(() => {
              const result = examResult(after);
              saveExamAnswers(ports, result);
              onFinished?.(examRecord(result));
            })
          : ref.current.message;
        setState({ exam: after, message });
      }}
      onLeave={onDone}
    />
  );
}

export function InterviewFlow({ ports, onDone, questions, clock }: FlowBase & { questions: OpenQuestion[]; clock: Clock }) {
  const now = () => clock.now().getTime();
  const [state, setState, ref] = useStateRef<{ interview: InterviewState; message?: string }>(() => ({ interview: startInterview(questions, now()) }));
  return (
    <Interview
      state={state.interview}
      latest={() => ref.current.interview}
      now={now}
      title="Mock interview"
      message={state.message}
      onAction={(action) => setState({ interview: interviewReducer(ref.current.interview, action) })}
      onRate={(rating) => {
        const outcome = rateInterview(ref.current.interview, rating);
        if (!outcome) return;
        const message = saving(() => saveInterviewOutcome(ports, outcome));
        if (message) return setState({ ...ref.current, message });
        setState({ interview: interviewReducer(ref.current.interview, { type: 'rated', outcome, now: now() }) });
      }}
      onLeave={onDone}
    />
  );
}

export function PredictFlow({ ports, onDone, questions, decide }: FlowBase & { questions: PredictQuestion[]; decide: DecidePort }) {
  const [state, setState, ref] = useStateRef<{ predict: PredictState; message?: string }>(() => ({ predict: startPredict(questions) }));
  return (
    <Predict
      state={state.predict}
      latest={() => ref.current.predict}
      title="Predict the decision"
      message={state.message}
      onAction={(action) => setState({ predict: predictReducer(ref.current.predict, action) })}
      onSubmit={() => {
        const graded = gradePredict(ref.current.predict, decide);
        if ('error' in graded) return setState({ ...ref.current, message: graded.error });
        const message = saving(() => savePredictOutcome(ports, graded));
        if (message) return setState({ ...ref.current, message });
        setState({ predict: predictReducer(ref.current.predict, { type: 'answered', outcome: graded }) });
      }}
      onLeave={onDone}
    />
  );
}

export function SpotFlow({ ports, onDone, questions, spot }: FlowBase & { questions: SpotQuestion[]; spot: SpotPorts }) {
  const [state, setState, ref] = useStateRef<{ spot: SpotState; message?: string }>(() => ({ spot: startSpot(questions, spot.elementsOf) }));
  return (
    <Spot
      state={state.spot}
      latest={() => ref.current.spot}
      title="Spot the bug"
      message={state.message}
      onAction={(action) => setState({ spot: spotReducer(ref.current.spot, action, spot.elementsOf) })}
      onSubmit={() => {
        const graded = gradeSpot(ref.current.spot, spot.findingsFor);
        if ('incomplete' in graded) return setState({ ...ref.current, message: graded.incomplete });
        const message = saving(() => saveSpotOutcome(ports, graded));
        if (message) return setState({ ...ref.current, message });
        setState({ spot: spotReducer(ref.current.spot, { type: 'answered', outcome: graded }, spot.elementsOf) });
      }}
      onLeave={onDone}
    />
  );
}
