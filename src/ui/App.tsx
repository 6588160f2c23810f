/**
 * The app: which screen is showing, and the actions that save before the
 * screen moves on. Domain state lives in the study reducers; this file only
 * wires them to the screens and to the ports.
 */
import { useApp } from 'ink';
import { useMemo, useState, type ReactNode } from 'react';
import type { Clock } from '../core/index.js';
import type { Level } from '../content/index.js';
import type { Library } from '../content/index.js';
import type { ProgressStore } from '../progress/index.js';
import { countByLevel, pickQuizQuestions, saveOutcome, shuffleWith, type QuizQuestion, type Random } from '../study/index.js';
import { Home, type HomeEntry } from './screens/Home.js';
import { QuizFlow } from './flows/QuizFlow.js';
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

type Screen = { name: 'home' } | { name: 'quiz'; title: string; questions: QuizQuestion[]; key: number };

const LEVEL_TITLES: Record<Level, string> = { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced', scenario: 'Scenario' };

export function App({ library, store, clock, random, theme, startWith, quizLength = 10, notice }: AppProps) {
  const { exit } = useApp();
  const shuffle = useMemo(() => shuffleWith(random), [random]);
  const ports = { store, clock };

  /** A quiz screen for a request, or undefined when no question matches. */
  const quizFor = (request: QuizRequest): Screen | undefined => {
    const questions = pickQuizQuestions(library.questions, store.all(), request, random);
    const title = request.level ? `${LEVEL_TITLES[request.level]} quiz` : 'Quiz';
    return questions.length === 0 ? undefined : { name: 'quiz', title, questions, key: Date.now() };
  };

  const [screen, setScreen] = useState<Screen>(() => (startWith && quizFor(startWith)) || { name: 'home' });
  const [homeNotice, setHomeNotice] = useState(notice);
  const home = () => setScreen({ name: 'home' });

  let view: ReactNode;
  if (screen.name === 'quiz') {
    view = (
      <QuizFlow
        key={screen.key}
        questions={screen.questions}
        title={screen.title}
        shuffle={shuffle}
        onAnswered={(outcome) => saveOutcome(ports, outcome)}
        onDone={home}
        onQuit={() => exit()}
      />
    );
  } else {
    const levels = [...new Set(library.packs.flatMap((p) => p.levels))] as Level[];
    const counts = countByLevel(levels, library.questions, store.all());
    const entries: HomeEntry[] = [
      ...counts.map((detail) => ({ kind: 'quiz' as const, level: detail.level, label: LEVEL_TITLES[detail.level], detail })),
      { kind: 'quiz' as const, label: 'All levels' },
    ];
    view = (
      <Home
        entries={entries}
        packs={library.packs.map((p) => ({ title: p.title, version: p.version, questions: p.questions.length }))}
        quizLength={quizLength}
        notice={homeNotice}
        onChoose={(entry) => {
          const next = quizFor({ level: entry.level, count: quizLength });
          if (next) setScreen(next);
          else setHomeNotice(`there are no quiz questions for ${entry.label}`);
        }}
        onQuit={() => exit()}
      />
    );
  }
  return <ThemeContext.Provider value={theme}>{view}</ThemeContext.Provider>;
}
