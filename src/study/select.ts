/**
 * Which questions a quiz asks, and the counts the home screen shows.
 */
import type { Level, Question } from '../content/index.js';
import type { ItemProgress } from '../progress/index.js';
import { isQuizQuestion, type QuizQuestion } from './quiz.js';

export type Random = () => number;

/** Fisher–Yates with an injected random source, so tests repeat exactly. */
export function shuffleWith(random: Random) {
  return <T>(items: T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
}

/** A small seeded generator (mulberry32) for repeatable runs. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface QuizFilter {
  level?: Level;
  topic?: string;
  count: number;
}

/**
 * Picks quiz questions: never-answered ones first, then those last answered
 * wrong, then the rest; random within each group.
 */
export function pickQuizQuestions(
  questions: readonly Question[],
  progress: Record<string, ItemProgress>,
  filter: QuizFilter,
  random: Random,
): QuizQuestion[] {
  const shuffle = shuffleWith(random);
  const eligible = questions.filter(
    (q): q is QuizQuestion => isQuizQuestion(q) && (!filter.level || q.level === filter.level) && (!filter.topic || q.topics.includes(filter.topic)),
  );
  const rank = (q: QuizQuestion) => {
    const p = progress[q.key];
    if (!p) return 0;
    return p.lastCorrect ? 2 : 1;
  };
  const groups: QuizQuestion[][] = [[], [], []];
  for (const q of eligible) groups[rank(q)]!.push(q);
  return groups.flatMap((g) => shuffle(g)).slice(0, Math.max(0, filter.count));
}

export interface LevelCount {
  level: Level;
  total: number;
  /** Questions answered correctly at their last attempt. */
  mastered: number;
  /** Questions answered at least once. */
  answered: number;
}

export function countByLevel(levels: readonly Level[], questions: readonly Question[], progress: Record<string, ItemProgress>): LevelCount[] {
  return levels.map((level) => {
    const here = questions.filter((q) => q.level === level && isQuizQuestion(q));
    return {
      level,
      total: here.length,
      answered: here.filter((q) => progress[q.key]).length,
      mastered: here.filter((q) => progress[q.key]?.lastCorrect).length,
    };
  });
}
