import { describe, expect, it } from 'vitest';
import { fixedClock } from '../core/index.js';
import type { OpenQuestion } from '../content/index.js';
import { createMemoryStore } from '../progress/index.js';
import {
  answerElapsedMs,
  interviewReducer,
  matchKeyPoints,
  pickInterviewQuestions,
  rateInterview,
  saveInterviewOutcome,
  startInterview,
  summarizeInterview,
  type InterviewAction,
  type InterviewState,
} from './interview.js';
import { seededRandom } from './select.js';

const base = { packId: 't', topics: ['roles'], references: [], hints: [], tags: [], rev: 0, source: { file: 'x.yaml', line: 1, column: 1 }, origins: {} };

export const roleQuestion: OpenQuestion = {
  ...base,
  id: 'what-is-a-role',
  key: 't/what-is-a-role',
  level: 'beginner',
  type: 'open',
  prompt: 'What is an IAM role, and how does a principal use one?',
  answer: 'An identity with permissions and no long-term credentials; a trusted principal assumes it with sts:AssumeRole and gets temporary credentials.',
  keyPoints: [
    { point: 'No long-term credentials', match: ['no long-term credentials', 'no access keys', 'no password'] },
    { point: 'The trust policy says who may assume it', match: ['trust policy', 'trusted principal'] },
    { point: 'Assuming it returns temporary credentials', match: ['temporary credentials', 'short-lived credentials'] },
    { point: 'Requires MFA when the trust policy says so', match: ['mfa'] },
  ],
};
const denyQuestion: OpenQuestion = {
  ...roleQuestion,
  id: 'deny',
  key: 't/deny',
  level: 'advanced',
  prompt: 'How does an explicit deny interact with allows?',
  keyPoints: [{ point: 'An explicit deny overrides any allow', match: ['explicit deny overrides', 'deny wins'] }],
};

const points = roleQuestion.keyPoints;

describe('key-point matching', () => {
  it('finds a phrase despite a typo, a different ending or other words between', () => {
    const answer = 'A role has no long term credentals. Its trust policy names who may assume it, and they get temporary security credentials back.';
    expect(matchKeyPoints(answer, points)).toEqual([true, true, true, false]);
  });

  it('counts a point covered by any one of its phrases', () => {
    expect(matchKeyPoints('Users assume it; roles have no access keys at all.', points)[0]).toBe(true);
  });

  it('does not count words scattered far apart', () => {
    const answer = 'Temporary workers often forget things, so we wrote a long list of rules, checks, reviews and audits for their credentials.';
    expect(matchKeyPoints(answer, points)[2]).toBe(false);
  });

  it('requires short words such as MFA to be exact', () => {
    expect(matchKeyPoints('You can require MFA.', points)[3]).toBe(true);
    expect(matchKeyPoints('You can require MFO.', points)[3]).toBe(false);
  });

  it('finds nothing in an empty answer', () => {
    expect(matchKeyPoints('   ', points)).toEqual([false, false, false, false]);
  });
});

describe('interview reducer', () => {
  const clock = fixedClock('2026-11-28T10:00:00Z');
  const now = () => clock.now().getTime();
  const act = (s: InterviewState, ...actions: InterviewAction[]) => actions.reduce(interviewReducer, s);

  it('takes a typed multi-line answer, with backspace, and times it', () => {
    let s = startInterview([roleQuestion], now());
    s = act(s, { type: 'type', text: 'It has a trust polic' }, { type: 'type', text: 'yy' }, { type: 'backspace' }, { type: 'type', text: '\r\nand gives temporary credentials' });
    expect(s.text).toBe('It has a trust policy\nand gives temporary credentials');
    clock.advance(95_000);
    expect(answerElapsedMs(s, now())).toBe(95_000);
    s = act(s, { type: 'done', now: now() });
    expect(s.phase).toBe('marking');
    expect(s.mode).toBe('typed');
    expect(s.covered).toEqual([false, true, true, false]);
    clock.advance(30_000);
    expect(answerElapsedMs(s, now())).toBe(95_000);
  });

  it('treats an empty answer as answered aloud, with nothing marked', () => {
    const s = act(startInterview([roleQuestion], now()), { type: 'done', now: now() });
    expect(s.mode).toBe('aloud');
    expect(s.covered).toEqual([false, false, false, false]);
  });

  it('lets the learner correct the marks before rating', () => {
    let s = act(startInterview([roleQuestion], now()), { type: 'type', text: 'trust policy' }, { type: 'done', now: now() });
    s = act(s, { type: 'toggleMark' }, { type: 'move', delta: 1 }, { type: 'toggleMark' });
    expect(s.covered).toEqual([true, false, false, false]);
    expect(s.matched).toEqual([false, true, false, false]);
    const outcome = rateInterview(s, 3)!;
    expect(outcome).toMatchObject({ rating: 3, correct: true, covered: [true, false, false, false] });
  });

  it('ignores typing once the answer is done, and rating before it is', () => {
    const s = startInterview([roleQuestion], now());
    expect(rateInterview(s, 4)).toBeUndefined();
    const marking = act(s, { type: 'aloud', now: now() });
    expect(act(marking, { type: 'type', text: 'late' }).text).toBe('');
  });

  it('moves to the next question after a rating, restarting the timer, and summarises', () => {
    let s = startInterview([roleQuestion, denyQuestion], now());
    s = act(s, { type: 'type', text: 'no long-term credentials, only temporary credentials' });
    clock.advance(60_000);
    s = act(s, { type: 'done', now: now() });
    s = act(s, { type: 'rated', outcome: rateInterview(s, 3)!, now: now() });
    expect(s.index).toBe(1);
    expect(s.text).toBe('');
    expect(answerElapsedMs(s, now())).toBe(0);
    s = act(s, { type: 'aloud', now: now() });
    s = act(s, { type: 'rated', outcome: rateInterview(s, 1)!, now: now() });
    expect(s.phase).toBe('done');
    expect(summarizeInterview(s)).toMatchObject({ answered: 2, pointsCovered: 2, pointsTotal: 5, meanRating: 2, totalMs: 60_000, again: [denyQuestion] });
  });

  it('saves a rating of "again" as not answered, and others as answered', () => {
    const store = createMemoryStore();
    const s = act(startInterview([roleQuestion], now()), { type: 'aloud', now: now() });
    saveInterviewOutcome({ store, clock }, rateInterview(s, 1)!);
    saveInterviewOutcome({ store, clock }, rateInterview(s, 2)!);
    expect(store.get('t/what-is-a-role')).toMatchObject({ attempts: 2, correct: 1, lastCorrect: true });
  });
});

describe('picking interview questions', () => {
  it('keeps to open questions at the level, unanswered first', () => {
    const store = createMemoryStore();
    store.recordAnswer({ key: 't/what-is-a-role', correct: true, at: '2026-11-27T00:00:00Z' });
    const beginner2 = { ...roleQuestion, id: 'b2', key: 't/b2' };
    const picked = pickInterviewQuestions([roleQuestion, beginner2, denyQuestion], store.all(), { level: 'beginner', count: 5 }, seededRandom(2));
    expect(picked.map((q) => q.id)).toEqual(['b2', 'what-is-a-role']);
  });
});
