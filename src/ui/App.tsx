/**
 * The app: which screen is showing, and the actions that save before the
 * screen moves on. Domain state lives in the study reducers; this file only
 * wires them to the screens and to the ports.
 */
import { useApp } from 'ink';
import { useMemo, useState } from 'react';
import { useStateRef } from './hooks/use-latest.js';
import type { Clock } from '../core/index.js';
import type { Level } from '../content/index.js';
import type { Library } from '../content/index.js';
import type { ProgressStore } from '../progress/index.js';
import {
  countByLevel,
  gradeCurrent,
  pickQuizQuestions,
  quizReducer,
  rateRecall,
  saveOutcome,
  shuffleWith,
  startQuiz,
  summarize,
  type AnswerOutcome,
  type QuizAction,
  type QuizState,
  type Random,
  type SelfRating,
} from '../study/index.js';
import { Home, type HomeEntry } from './screens/Home.js';
import { Quiz } from './screens/Quiz.js';
import { Summary } from './screens/Summary.js';
import { ThemeContext } from './theme-context.js';
import type { Theme } from './theme.js';

export interface QuizRequest {
  level?: Level;
  topic?: string;
  count: number;
}

export interface AppProps {
  library: Pick<Library, 'packs' | 'questions'>;
  store: ProgressStore;
  clock: Clock;
  random: Random;
  theme: Theme;
  /** Open straight into a quiz (`iamprep quiz`) instead of the home screen. */
  startWith?: QuizRequest;
  quizLength?: number;
  notice?: string;
}

type Screen = { name: 'home' } | { name: 'quiz'; title: string; quiz: QuizState; message?: string } | { name: 'empty'; title: string };

const LEVEL_TITLES: Record<Level, string> = { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced', scenario: 'Scenario' };

export function App({ library, store, clock, random, theme, startWith, quizLength = 10, notice }: AppProps) {
  const { exit } = useApp();
  const shuffle = useMemo(() => shuffleWith(random), [random]);
  const ports = { store, clock };

  const begin = (request: QuizRequest): Screen => {
    const questions = pickQuizQuestions(library.questions, store.all(), request, random);
    const title = request.level ? `${LEVEL_TITLES[request.level]} quiz` : 'Quiz';
    if (questions.length === 0) return { name: 'empty', title };
    return { name: 'quiz', title, quiz: startQuiz(questions, shuffle) };
  };

  const [screen, setScreen, screenRef] = useStateRef<Screen>(() => (startWith ? begin(startWith) : { name: 'home' }));
  const [homeNotice, setHomeNotice] = useState(notice);

  if (screen.name === 'home') {
    const levels = [...new Set(library.packs.flatMap((p) => p.levels))] as Level[];
    const counts = countByLevel(levels, library.questions, store.all());
    const entries: HomeEntry[] = [
      ...counts.map((detail) => ({ kind: 'quiz' as const, level: detail.level, label: LEVEL_TITLES[detail.level], detail })),
      { kind: 'quiz' as const, label: 'All levels' },
    ];
    return (
      <ThemeContext.Provider value={theme}>
        <Home
          entries={entries}
          packs={library.packs.map((p) => ({ title: p.title, version: p.version, questions: p.questions.length }))}
          quizLength={quizLength}
          notice={homeNotice}
          onChoose={(entry) => {
            const next = begin({ level: entry.level, count: quizLength });
            if (next.name === 'empty') setHomeNotice(`there are no quiz questions for ${entry.label}`);
            else setScreen(next);
          }}
          onQuit={() => exit()}
        />
      </ThemeContext.Provider>
    );
  }

  if (screen.name === 'empty') {
    // Only reachable from the command line: say so and leave.
    setTimeout(() => exit(new Error('no quiz questions match; try another --level or --topic')), 0);
    return null;
  }

  const quiz = screen.quiz;
  // Callbacks read the latest screen, not the rendered one: keys can outrun renders.
  const current = () => {
    const s = screenRef.current;
    return s.name === 'quiz' ? s : undefined;
  };
  const update = (next: QuizState, message?: string) => {
    const s = current();
    if (s) setScreen({ ...s, quiz: next, message });
  };
  const record = (outcome: AnswerOutcome | undefined) => {
    const s = current();
    if (!outcome || !s) return;
    try {
      saveOutcome(ports, outcome);
      update(quizReducer(s.quiz, { type: 'answered', outcome }, shuffle));
    } catch (error) {
      update(s.quiz, `your answer could not be saved: ${(error as Error).message}`);
    }
  };

  if (quiz.phase === 'summary') {
    return (
      <ThemeContext.Provider value={theme}>
        <Summary summary={summarize(quiz)} title={screen.title} onDone={() => setScreen({ name: 'home' })} onQuit={() => exit()} />
      </ThemeContext.Provider>
    );
  }

  return (
    <ThemeContext.Provider value={theme}>
      <Quiz
        state={quiz}
        latest={() => current()?.quiz ?? quiz}
        title={screen.title}
        message={screen.message}
        onAction={(action: QuizAction) => setScreen((s) => (s.name === 'quiz' ? { ...s, quiz: quizReducer(s.quiz, action, shuffle), message: undefined } : s))}
        onSubmit={() => {
          const latest = current()?.quiz;
          if (!latest) return;
          const graded = gradeCurrent(latest);
          if ('incomplete' in graded) update(latest, graded.incomplete);
          else record(graded);
        }}
        onRate={(rating: SelfRating) => {
          const latest = current()?.quiz;
          if (latest) record(rateRecall(latest, rating));
        }}
        onLeave={() => {
          const s = current();
          if (s) setScreen(s.quiz.outcomes.length > 0 ? { ...s, quiz: { ...s.quiz, phase: 'summary' } } : { name: 'home' });
        }}
      />
    </ThemeContext.Provider>
  );
}
