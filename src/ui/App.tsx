/**
 * The app: which screen is showing, and how choosing on the home screen or
 * in search opens a mode. Domain state lives in the study reducers and each
 * mode's flow; this file only routes between them.
 */
import { useApp } from 'ink';
import { Fragment, useMemo, useRef, useState, type ReactNode } from 'react';
import { useKeys } from './hooks/use-latest.js';
import { is } from './keys.js';
import type { Clock } from '../core/index.js';
import type { Exercise, Level, Library, OpenQuestion, PredictQuestion, Question, SpotQuestion } from '../content/index.js';
import type { ProgressStore } from '../progress/index.js';
import {
  buildSearchIndex,
  countByLevel,
  isExamQuestion,
  isQuizQuestion,
  pickExamQuestions,
  pickInterviewQuestions,
  dueQuestions,
  pickQuizQuestions,
  reviewCounts,
  saveExerciseResult,
  saveRatedOutcome,
  searchItemsOf,
  shuffleWith,
  statsForLibrary,
  type DecidePort,
  type ExerciseProgress,
  type PracticeWorkspace,
  type ExamQuestion,
  type ExamRecord,
  type QuizQuestion,
  type Random,
  type SearchIndex,
  type SearchItem,
  type SpotPorts,
} from '../study/index.js';
import { ExamFlow, InterviewFlow, PredictFlow, SpotFlow } from './flows/ModeFlows.js';
import { QuizFlow } from './flows/QuizFlow.js';
import { ExerciseList } from './screens/ExerciseList.js';
import { Home, type HomeEntry } from './screens/Home.js';
import { Practice } from './screens/Practice.js';
import { Stats } from './screens/Stats.js';
import { Search } from './screens/Search.js';
import { ThemeContext } from './theme-context.js';
import type { Theme } from './theme.js';

/** What `iamprep COMMAND` opens straight into, instead of the home screen. */
export type StartRequest =
  | { mode: 'quiz'; level?: Level; topic?: string; count: number }
  | { mode: 'exam'; level?: Level; count: number; minutes: number }
  | { mode: 'interview'; level?: Level; count: number }
  | { mode: 'review' }
  | { mode: 'practice'; id?: string };

/** Mode logic that needs the policy engine, which the UI may not import: the composition root supplies it. */
export interface EnginePorts {
  decide: DecidePort;
  spot: SpotPorts;
}

export interface AppProps {
  library: Pick<Library, 'packs' | 'questions' | 'exercises'>;
  store: ProgressStore;
  clock: Clock;
  random: Random;
  theme: Theme;
  engine: EnginePorts;
  /** Keeps a finished mock exam in the history. */
  recordExam?(record: ExamRecord): void;
  /** Where exercise answers are written and watched; exercises are hidden without it. */
  workspace?: PracticeWorkspace;
  startWith?: StartRequest;
  quizLength?: number;
  notice?: string;
}

type Screen =
  | { name: 'home' }
  | { name: 'search' }
  | { name: 'quiz'; title: string; questions: QuizQuestion[] }
  | { name: 'exam'; questions: ExamQuestion[]; minutes: number }
  | { name: 'interview'; questions: OpenQuestion[] }
  | { name: 'predict'; questions: PredictQuestion[] }
  | { name: 'spot'; questions: SpotQuestion[] }
  | { name: 'exercises' }
  | { name: 'practice'; exercise: Exercise }
  | { name: 'stats' };

/** Screens where `/` opens search (home has its own key for it). */
const SEARCH_FROM = new Set<Screen['name']>(['quiz', 'predict', 'spot', 'exercises', 'stats']);

export const LEVEL_TITLES: Record<Level, string> = { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced', scenario: 'Scenario' };
const EXAM_DEFAULTS = { count: 20, minutes: 30 };

export function App({ library, store, clock, random, theme, engine, workspace, recordExam, startWith, quizLength = 10, notice }: AppProps) {
  const { exit } = useApp();
  const shuffle = useMemo(() => shuffleWith(random), [random]);
  const ports = { store, clock };
  const questions = library.questions;
  const predictQuestions = useMemo(() => questions.filter((q): q is PredictQuestion => q.type === 'predict'), [questions]);
  const spotQuestions = useMemo(() => questions.filter((q): q is SpotQuestion => q.type === 'spot'), [questions]);
  // Built the first time search opens, not at start-up.
  const searchIndex = useRef<SearchIndex | undefined>(undefined);
  const search = () => (searchIndex.current ??= buildSearchIndex(searchItemsOf(library.questions, library.exercises)));

  /** The screen for a start request, or undefined when nothing matches it. */
  const screenFor = (request: StartRequest): Screen | undefined => {
    if (request.mode === 'quiz') {
      const picked = pickQuizQuestions(questions, store.all(), request, random);
      const title = request.level ? `${LEVEL_TITLES[request.level]} quiz` : 'Quiz';
      return picked.length > 0 ? { name: 'quiz', title, questions: picked } : undefined;
    }
    if (request.mode === 'review') {
      const due = dueQuestions(questions, store, clock).questions;
      return due.length > 0 ? { name: 'quiz', title: 'Review', questions: due } : undefined;
    }
    if (request.mode === 'practice') {
      if (!workspace) return undefined;
      const exercise = request.id ? findExercise(library.exercises, request.id) : undefined;
      return exercise ? { name: 'practice', exercise } : { name: 'exercises' };
    }
    if (request.mode === 'exam') {
      const picked = pickExamQuestions(questions, request, random);
      return picked.length > 0 ? { name: 'exam', questions: picked, minutes: request.minutes } : undefined;
    }
    const picked = pickInterviewQuestions(questions, store.all(), request, random);
    return picked.length > 0 ? { name: 'interview', questions: picked } : undefined;
  };

  // Each opened screen gets a new session number, so the same mode opened twice starts afresh.
  const [{ screen, session }, setSession] = useState<{ screen: Screen; session: number }>(() => ({ screen: (startWith && screenFor(startWith)) || { name: 'home' }, session: 0 }));
  const setScreen = (next: Screen) => setSession((s) => ({ screen: next, session: s.session + 1 }));
  // A command that found nothing to open lands on the home screen, saying so.
  const [homeNotice, setHomeNotice] = useState(
    startWith && screen.name === 'home' ? (startWith.mode === 'review' ? 'nothing is due for review today; a quiz brings in new questions' : `nothing to open for \`${startWith.mode}\``) : notice,
  );
  const home = () => setScreen({ name: 'home' });

  // `/` opens search from any screen where it cannot cost work in progress (not mid-exam, mid-answer or mid-exercise).
  const screenName = useRef(screen.name);
  screenName.current = screen.name;
  useKeys((input, key) => {
    if (is('search', input, key) && SEARCH_FROM.has(screenName.current)) setScreen({ name: 'search' });
  });
  const open = (next: Screen | undefined, what: string) => {
    if (next) setScreen(next);
    else setHomeNotice(`there is nothing to practise for ${what}`);
  };

  /** Search's Enter: the item in the mode it belongs to. */
  const openItem = (item: SearchItem) => {
    const q = questions.find((x) => x.key === item.key);
    if (q) return setScreen(screenForQuestion(q));
    const exercise = library.exercises.find((e) => e.key === item.key);
    if (exercise && workspace) return setScreen({ name: 'practice', exercise });
    setHomeNotice(`\`${item.id}\` cannot be opened here`);
    home();
  };

  /** What the exercise screens show of an exercise's progress: solved once answered right, and the attempts. */
  const progressOf = (key: string): ExerciseProgress | undefined => {
    const item = store.get(key);
    return item ? { solved: item.correct > 0, attempts: item.attempts, hintsUsed: item.hintsUsed ?? 0 } : undefined;
  };
  const saveExerciseProgress = (exercise: Exercise, progress: ExerciseProgress) => {
    const before = progressOf(exercise.key);
    // Solving schedules the exercise for spaced review; a failed attempt is only counted. Hints go with either.
    if (progress.solved && !before?.solved) saveExerciseResult(ports, exercise, true, { hintsUsed: progress.hintsUsed });
    else if (!progress.solved && progress.attempts > (before?.attempts ?? 0)) {
      store.recordAnswer({ key: exercise.key, correct: false, at: clock.now().toISOString(), hintsUsed: progress.hintsUsed });
    }
  };

  const entries = homeEntries({
    questions,
    store,
    review: reviewCounts(questions, store, clock),
    exercises: workspace ? library.exercises.map((e) => !!progressOf(e.key)?.solved) : [],
    predict: predictQuestions.length,
    spot: spotQuestions.length,
    levels: [...new Set(library.packs.flatMap((p) => p.levels))],
  });
  const choose = (entry: HomeEntry) => {
    const [kind, level] = entry.id.split(':') as [string, Level | undefined];
    if (kind === 'review') open(screenFor({ mode: 'review' }), 'review today: nothing is due');
    else if (kind === 'quiz') open(screenFor({ mode: 'quiz', level, count: quizLength }), entry.label);
    else if (kind === 'exercises') setScreen({ name: 'exercises' });
    else if (kind === 'stats') setScreen({ name: 'stats' });
    else if (kind === 'exam') open(screenFor({ mode: 'exam', ...EXAM_DEFAULTS }), 'an exam');
    else if (kind === 'interview') open(screenFor({ mode: 'interview', count: 5 }), 'an interview');
    else if (kind === 'predict') open(predictQuestions.length ? { name: 'predict', questions: shuffle(predictQuestions).slice(0, quizLength) } : undefined, entry.label);
    else if (kind === 'spot') open(spotQuestions.length ? { name: 'spot', questions: shuffle(spotQuestions).slice(0, quizLength) } : undefined, entry.label);
    else if (kind === 'search') setScreen({ name: 'search' });
  };

  let view: ReactNode;
  switch (screen.name) {
    case 'quiz':
      view = (
        <QuizFlow
          questions={screen.questions}
          title={screen.title}
          shuffle={shuffle}
          now={() => clock.now().getTime()}
          onAnswered={(outcome, elapsedMs) => saveRatedOutcome(ports, outcome, elapsedMs)}
          onUndo={() => store.undoLast() !== undefined}
          onDone={home}
          onQuit={() => exit()}
        />
      );
      break;
    case 'exercises':
      view = <ExerciseList exercises={library.exercises} progressOf={progressOf} onOpen={(exercise) => setScreen({ name: 'practice', exercise })} onLeave={home} />;
      break;
    case 'practice':
      view = workspace ? (
        <Practice
          exercise={screen.exercise}
          saved={progressOf(screen.exercise.key)}
          workspace={workspace}
          onProgress={(_key, progress) => saveExerciseProgress(screen.exercise, progress)}
          onLeave={() => setScreen({ name: 'exercises' })}
        />
      ) : null;
      break;
    case 'stats':
      view = <Stats report={statsForLibrary(library.questions, library.exercises, store, clock)} onBack={home} />;
      break;
    case 'exam':
      view = <ExamFlow ports={ports} onDone={home} questions={screen.questions} minutes={screen.minutes} random={random} clock={clock} onFinished={recordExam} />;
      break;
    case 'interview':
      view = <InterviewFlow ports={ports} onDone={home} questions={screen.questions} clock={clock} />;
      break;
    case 'predict':
      view = <PredictFlow ports={ports} onDone={home} questions={screen.questions} decide={engine.decide} />;
      break;
    case 'spot':
      view = <SpotFlow ports={ports} onDone={home} questions={screen.questions} spot={engine.spot} />;
      break;
    case 'search':
      view = <Search search={(query, limit) => search().search(query, limit)} size={search().size} onOpen={openItem} onLeave={home} />;
      break;
    case 'home':
      view = (
        <Home
          entries={entries}
          packs={library.packs.map((p) => ({ title: p.title, version: p.version, questions: p.questions.length }))}
          notice={homeNotice}
          onChoose={choose}
          onSearch={() => setScreen({ name: 'search' })}
          onQuit={() => exit()}
        />
      );
  }
  return (
    <ThemeContext.Provider value={theme}>
      <Fragment key={session}>{view}</Fragment>
    </ThemeContext.Provider>
  );
}

/** The screen a single question opens in. */
function screenForQuestion(q: Question): Screen {
  if (q.type === 'open') return { name: 'interview', questions: [q] };
  if (q.type === 'predict') return { name: 'predict', questions: [q] };
  if (q.type === 'spot') return { name: 'spot', questions: [q] };
  return { name: 'quiz', title: 'Search result', questions: [q] };
}

/** An exercise by `id` or `packId/id`. */
function findExercise(exercises: readonly Exercise[], id: string): Exercise | undefined {
  return exercises.find((e) => e.key === id || e.id === id);
}

interface HomeFacts {
  questions: readonly Question[];
  store: ProgressStore;
  review: { due: number; fresh: number };
  /** Solved or not, one per exercise. */
  exercises: boolean[];
  predict: number;
  spot: number;
  levels: Level[];
}

function homeEntries(input: HomeFacts): HomeEntry[] {
  const counts = countByLevel(input.levels, input.questions, input.store.all());
  const quizTotal = input.questions.filter(isQuizQuestion).length;
  const entries: HomeEntry[] = [];
  entries.push({ id: 'review', section: 'Today', label: 'Review', info: `${input.review.due} due, ${input.review.fresh} new` });
  entries.push(...counts.map((c) => ({
    id: `quiz:${c.level}`,
    section: 'Quiz by level (unanswered and missed first)',
    label: `${LEVEL_TITLES[c.level]} quiz`,
    info: `${String(c.total).padStart(4)} questions ${String(c.mastered).padStart(4)} correct`,
    bar: { value: c.mastered, total: c.total },
  })));
  entries.push({ id: 'quiz', section: entries[1]?.section ?? 'Quiz', label: 'Quiz, all levels', info: `${String(quizTotal).padStart(4)} questions` });
  if (input.exercises.length > 0) {
    const solved = input.exercises.filter(Boolean).length;
    entries.push({ id: 'exercises', section: 'Hands on', label: 'Policy exercises', info: `${solved} of ${input.exercises.length} solved`, bar: { value: solved, total: input.exercises.length } });
  }
  const open = input.questions.filter((q) => q.type === 'open').length;
  const examable = input.questions.filter(isExamQuestion).length;
  if (examable > 0) entries.push({ id: 'exam', section: 'Practise like the real thing', label: 'Mock exam', info: `${EXAM_DEFAULTS.count} questions, ${EXAM_DEFAULTS.minutes} minutes` });
  if (open > 0) entries.push({ id: 'interview', section: 'Practise like the real thing', label: 'Mock interview', info: `${open} open questions` });
  if (input.predict > 0) entries.push({ id: 'predict', section: 'Read policies like a reviewer', label: 'Predict the decision', info: `${input.predict} questions` });
  if (input.spot > 0) entries.push({ id: 'spot', section: 'Read policies like a reviewer', label: 'Spot the bug', info: `${input.spot} questions` });
  entries.push({ id: 'stats', section: 'Progress', label: 'Statistics', info: 'mastery, retention, forecast, streak' });
  entries.push({ id: 'search', section: 'Progress', label: 'Search', info: 'every question and exercise (or press /)' });
  return entries;
}
