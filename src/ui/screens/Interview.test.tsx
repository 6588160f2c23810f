import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/helpers/wait.js';
import { fixedClock } from '../../core/index.js';
import type { OpenQuestion } from '../../content/index.js';
import { createMemoryStore } from '../../progress/index.js';
import { interviewReducer, rateInterview, saveInterviewOutcome, startInterview } from '../../study/index.js';
import { useStateRef } from '../hooks/use-latest.js';
import { ThemeContext } from '../theme-context.js';
import { createTheme } from '../theme.js';
import { Interview, wrapLines } from './Interview.js';

const CTRL_D = '\u0004';
const ENTER = '\r';
const ESC = '\u001b';
const SPACE = ' ';
const DOWN = '\u001b[B';

const base = { packId: 't', topics: ['roles'], references: [], hints: [], tags: [], rev: 0, source: { file: 'x.yaml', line: 1, column: 1 }, origins: {} };
const question: OpenQuestion = {
  ...base, id: 'role', key: 't/role', level: 'beginner', type: 'open',
  prompt: 'What is an IAM role?',
  answer: 'An identity with no long-term credentials that trusted principals assume for temporary credentials.',
  keyPoints: [
    { point: 'Has no long-term credentials', match: ['no long-term credentials'] },
    { point: 'Its trust policy says who may assume it', match: ['trust policy'] },
    { point: 'Gives temporary credentials', match: ['temporary credentials'] },
  ],
};

function mount(questions: OpenQuestion[] = [question]) {
  const clock = fixedClock('2026-11-28T10:00:00Z');
  const store = createMemoryStore();
  let left = false;
  function Harness() {
    const [state, setState, ref] = useStateRef(() => startInterview(questions, clock.now().getTime()));
    return (
      <ThemeContext.Provider value={createTheme({ NO_COLOR: '1' })}>
        <Interview
          state={state}
          latest={() => ref.current}
          now={() => clock.now().getTime()}
          title="Interview"
          onAction={(a) => setState((s) => interviewReducer(s, a))}
          onRate={(rating) => {
            const outcome = rateInterview(ref.current, rating);
            if (!outcome) return;
            saveInterviewOutcome({ store, clock }, outcome);
            setState((s) => interviewReducer(s, { type: 'rated', outcome, now: clock.now().getTime() }));
          }}
          onLeave={() => (left = true)}
        />
      </ThemeContext.Provider>
    );
  }
  const app = render(<Harness />);
  const screen = (text: string | RegExp) => waitFor(() => app.lastFrame() ?? '', (f) => (typeof text === 'string' ? f.includes(text) : text.test(f)), String(text));
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await new Promise((r) => setTimeout(r, 15));
    }
  };
  return { app, clock, store, screen, press, left: () => left };
}

describe('interview screen', () => {
  it('takes a typed answer over several lines, with a running timer', async () => {
    const { screen, press, clock } = mount();
    await screen('What is an IAM role?');
    await press('A role has a trust policy', ENTER, 'and gives temporary credentials');
    const frame = await screen('and gives temporary credentials');
    expect(frame).toMatch(/A role has a trust policy\s*│\n\s*│ and gives temporary credentials/);
    expect(frame).toContain('⏱ 00:00');
    clock.advance(83_000);
    await screen('⏱ 01:23');
  });

  it('marks the key points the answer covered, lets the learner correct them, and saves the rating', async () => {
    const { screen, press, store } = mount();
    await screen('What is an IAM role?');
    await press('It has a trust polcy and hands out temporary credentials.', CTRL_D);
    let frame = await screen('2 of 3 key points found in your answer');
    expect(frame).toMatch(/☐\s+Has no long-term credentials/);
    expect(frame).toMatch(/☑ ✓ Its trust policy says who may assume it/);
    expect(frame).toContain('Model answer:');
    await press(SPACE);
    frame = await screen('3 of 3 key points');
    expect(frame).toMatch(/Has no long-term credentials \(your mark\)/);
    await press(DOWN, SPACE);
    await screen('2 of 3 key points');
    await press('3');
    await screen('Interview: finished');
    expect(store.get('t/role')).toMatchObject({ attempts: 1, correct: 1 });
  });

  it('keeps keys typed while the key points appear', async () => {
    const { screen, press } = mount();
    await screen('What is an IAM role?');
    await press('temporary credentials', CTRL_D, SPACE);
    await screen('2 of 3 key points');
  });

  it('lets the learner answer aloud and mark the points themselves', async () => {
    const { screen, press } = mount();
    await screen('answer out loud and just press');
    await press(CTRL_D);
    await screen('0 of 3 key points marked (you answered aloud: mark what you said)');
  });

  it('asks for a second Esc before dropping a typed answer', async () => {
    const { screen, press, left } = mount();
    await screen('What is an IAM role?');
    await press('draft', ESC);
    await screen('press Esc again to leave');
    expect(left()).toBe(false);
    await press(ESC);
    await waitFor(left, (l) => l, 'leaving');
  });

  it('backspace removes the last character typed', async () => {
    const { screen, press, app } = mount();
    await screen('What is an IAM role?');
    await press('rolex', '\u007f');
    await screen(/role\s/);
    expect(app.lastFrame()).not.toContain('rolex');
  });
});

describe('wrapping the answer', () => {
  it('keeps words whole and breaks words longer than the width', () => {
    expect(wrapLines('a trust policy names principals', 12)).toEqual(['a trust', 'policy names', 'principals']);
    expect(wrapLines('arn:aws:iam::123456789012:role/x', 10)).toEqual(['arn:aws:ia', 'm::1234567', '89012:role', '/x']);
    expect(wrapLines('one\n\ntwo', 10)).toEqual(['one', '', 'two']);
  });
});
