/**
 * A mock interview as a pure reducer: an open question, the learner's own
 * answer (typed, or given out loud), then the model answer with its key
 * points. Points the typed answer covers are marked by fuzzy matching; the
 * learner can correct every mark, then rates the answer 1-4, which feeds
 * spaced repetition like any other self-rated item.
 */
import Fuse from 'fuse.js';
import type { Level, OpenQuestion, Question } from '../content/index.js';
import type { ItemProgress } from '../progress/index.js';
import type { SelfRating } from './quiz.js';
import { shuffleWith, type Random } from './select.js';
import type { StudyPorts } from './session.js';

export type AnswerMode = 'typed' | 'aloud';

export interface InterviewOutcome {
  question: OpenQuestion;
  mode: AnswerMode;
  text: string;
  elapsedMs: number;
  /** Key points found in the typed answer by matching (all false when answered aloud). */
  matched: boolean[];
  /** Key points counted as covered after the learner's corrections. */
  covered: boolean[];
  rating: SelfRating;
  /** As with recall: anything but "again" counts as answered. */
  correct: boolean;
}

export interface InterviewState {
  questions: OpenQuestion[];
  index: number;
  phase: 'answering' | 'marking' | 'done';
  mode: AnswerMode;
  text: string;
  startedAt: number;
  /** Time taken to answer, fixed when the learner says they are done. */
  elapsedMs: number;
  matched: boolean[];
  covered: boolean[];
  /** The highlighted key point while marking. */
  cursor: number;
  outcomes: InterviewOutcome[];
}

export type InterviewAction =
  | { type: 'type'; text: string }
  | { type: 'backspace' }
  | { type: 'done'; now: number }
  | { type: 'aloud'; now: number }
  | { type: 'move'; delta: number }
  | { type: 'toggleMark' }
  | { type: 'rated'; outcome: InterviewOutcome; now: number };

/** An answer longer than this is surely pasted by mistake; the rest is dropped rather than slowing every keystroke. */
export const MAX_ANSWER_CHARS = 20_000;

export function startInterview(questions: OpenQuestion[], now: number): InterviewState {
  return enter({ questions, index: 0, phase: 'answering', mode: 'typed', text: '', startedAt: now, elapsedMs: 0, matched: [], covered: [], cursor: 0, outcomes: [] }, 0, now);
}

function enter(state: InterviewState, index: number, now: number): InterviewState {
  if (!state.questions[index]) return { ...state, index, phase: 'done' };
  return { ...state, index, phase: 'answering', mode: 'typed', text: '', startedAt: now, elapsedMs: 0, matched: [], covered: [], cursor: 0 };
}

export function currentInterviewQuestion(state: InterviewState): OpenQuestion | undefined {
  return state.phase === 'done' ? undefined : state.questions[state.index];
}

/** Milliseconds spent on the current answer: running while answering, fixed afterwards. */
export function answerElapsedMs(state: InterviewState, now: number): number {
  return state.phase === 'answering' ? Math.max(0, now - state.startedAt) : state.elapsedMs;
}

export function interviewReducer(state: InterviewState, action: InterviewAction): InterviewState {
  const q = currentInterviewQuestion(state);
  if (!q) return state;
  switch (action.type) {
    case 'type': {
      if (state.phase !== 'answering') return state;
      // Tabs and carriage returns from a paste become plain spacing; other control characters are dropped.
      const clean = action.text.replace(/\r\n?/g, '\n').replace(/\t/g, '  ').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
      return { ...state, text: (state.text + clean).slice(0, MAX_ANSWER_CHARS) };
    }
    case 'backspace':
      if (state.phase !== 'answering') return state;
      return { ...state, text: [...state.text].slice(0, -1).join('') };
    case 'done':
    case 'aloud': {
      if (state.phase !== 'answering') return state;
      // An empty typed answer means the learner answered out loud.
      const mode: AnswerMode = action.type === 'aloud' || state.text.trim() === '' ? 'aloud' : 'typed';
      const matched = mode === 'typed' ? matchKeyPoints(state.text, q.keyPoints) : q.keyPoints.map(() => false);
      return { ...state, phase: 'marking', mode, elapsedMs: Math.max(0, action.now - state.startedAt), matched, covered: [...matched], cursor: 0 };
    }
    case 'move': {
      const rows = q.keyPoints.length;
      if (state.phase !== 'marking' || rows === 0) return state;
      return { ...state, cursor: (state.cursor + action.delta + rows) % rows };
    }
    case 'toggleMark':
      if (state.phase !== 'marking' || q.keyPoints.length === 0) return state;
      return { ...state, covered: state.covered.map((c, i) => (i === state.cursor ? !c : c)) };
    case 'rated':
      if (state.phase !== 'marking') return state;
      return enter({ ...state, outcomes: [...state.outcomes, action.outcome] }, state.index + 1, action.now);
  }
}

/** The outcome to save for a rating; undefined unless the key points are on screen. */
export function rateInterview(state: InterviewState, rating: SelfRating): InterviewOutcome | undefined {
  const q = currentInterviewQuestion(state);
  if (!q || state.phase !== 'marking') return undefined;
  return { question: q, mode: state.mode, text: state.text, elapsedMs: state.elapsedMs, matched: state.matched, covered: state.covered, rating, correct: rating >= 2 };
}

export function saveInterviewOutcome(ports: StudyPorts, outcome: InterviewOutcome): void {
  // The learner's own rating schedules the card, as in Anki.
  ports.store.rate({ key: outcome.question.key, rating: outcome.rating, at: ports.clock.now().toISOString(), rev: outcome.question.rev, correct: outcome.correct });
}

export interface InterviewSummary {
  answered: number;
  pointsCovered: number;
  pointsTotal: number;
  /** The mean self-rating, 1-4 (0 when nothing was answered). */
  meanRating: number;
  totalMs: number;
  /** Questions rated "again", to come back to. */
  again: OpenQuestion[];
}

export function summarizeInterview(state: InterviewState): InterviewSummary {
  const o = state.outcomes;
  return {
    answered: o.length,
    pointsCovered: o.reduce((n, x) => n + x.covered.filter(Boolean).length, 0),
    pointsTotal: o.reduce((n, x) => n + x.covered.length, 0),
    meanRating: o.length === 0 ? 0 : o.reduce((n, x) => n + x.rating, 0) / o.length,
    totalMs: o.reduce((n, x) => n + x.elapsedMs, 0),
    again: o.filter((x) => x.rating === 1).map((x) => x.question),
  };
}

/** Open questions at a level: never-answered first, then those rated "again" last time, then the rest. */
export function pickInterviewQuestions(questions: readonly Question[], progress: Record<string, ItemProgress>, filter: { level?: Level; count: number }, random: Random): OpenQuestion[] {
  const shuffle = shuffleWith(random);
  const open = questions.filter((q): q is OpenQuestion => q.type === 'open' && (!filter.level || q.level === filter.level));
  const rank = (q: OpenQuestion) => (!progress[q.key] ? 0 : progress[q.key]!.lastCorrect ? 2 : 1);
  const groups: OpenQuestion[][] = [[], [], []];
  for (const q of open) groups[rank(q)]!.push(q);
  return groups.flatMap((g) => shuffle(g)).slice(0, Math.max(0, filter.count));
}

// ---- key-point matching ----

/** Words that carry no meaning of their own in a phrase ("the trust policy" needs only "trust" and "policy"). */
const STOPWORDS = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'is', 'are', 'be', 'by', 'with', 'its', 'it', 'that', 'this', 'as', 'at', 'from']);

/** How close a word must be, as a fuse.js score (0 exact, 1 anything): allows a typo or an inflection in a longer word ("denied" for "deny"). */
const WORD_THRESHOLD = 0.34;

function words(text: string): string[] {
  // Keep the characters of IAM names ("sts:AssumeRole", "s3:*", "aws:SourceIp") inside one word;
  // hyphens separate, so "long-term" and "long term" read the same.
  return text.toLowerCase().split(/[^\p{L}\p{N}:*_/.$]+/u).map((w) => w.replace(/^[./]+|[./]+$/g, '')).filter(Boolean);
}

/**
 * Which key points a typed answer covers. A point is covered when any of
 * its `match` phrases is: every meaningful word of the phrase appears in the
 * answer, each allowing a small typo or a different ending (fuse.js over the
 * answer's words, which are short, so it stays fast), and close together,
 * within a few words of each other, so scattered words do not count.
 */
export function matchKeyPoints(answer: string, keyPoints: readonly { point: string; match: string[] }[]): boolean[] {
  const answerWords = words(answer);
  if (answerWords.length === 0) return keyPoints.map(() => false);
  const unique = [...new Set(answerWords)];
  const fuse = new Fuse(unique, { includeScore: true, threshold: WORD_THRESHOLD, ignoreFieldNorm: true, ignoreLocation: true, isCaseSensitive: false });
  const positions = new Map<string, number[]>();
  answerWords.forEach((w, i) => positions.set(w, [...(positions.get(w) ?? []), i]));
  const cache = new Map<string, number[]>();
  const where = (word: string): number[] => {
    let found = cache.get(word);
    if (!found) {
      // Short words must match exactly: one typo in "mfa" is another word.
      const hits = word.length <= 3 ? (positions.has(word) ? [word] : []) : fuse.search(word).filter((r) => (r.score ?? 1) <= WORD_THRESHOLD && lengthsClose(word, r.item)).map((r) => r.item);
      found = hits.flatMap((h) => positions.get(h) ?? []).sort((a, b) => a - b);
      cache.set(word, found);
    }
    return found;
  };
  return keyPoints.map((kp) => kp.match.some((phrase) => phraseCovered(words(phrase).filter((w) => !STOPWORDS.has(w)), where)));
}

/** fuse.js finds a word inside a longer one ("role" in "roles", but also in "rolebasedaccess"); keep the lengths comparable. */
function lengthsClose(word: string, found: string): boolean {
  return found.length <= word.length + Math.max(3, Math.ceil(word.length / 2)) && found.length >= word.length - 3;
}

function phraseCovered(phraseWords: string[], where: (word: string) => number[]): boolean {
  if (phraseWords.length === 0) return false;
  const lists = phraseWords.map(where);
  if (lists.some((l) => l.length === 0)) return false;
  // The words may come in any order, with a few others between them.
  const span = phraseWords.length + 3;
  return lists[0]!.some((start) => lists.every((l) => l.some((p) => Math.abs(p - start) <= span)));
}
