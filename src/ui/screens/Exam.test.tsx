import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { multiple, order, single, truefalse } from '../../../test/helpers/questions.js';
import { waitFor } from '../../../test/helpers/wait.js';
import { fixedClock } from '../../core/index.js';
import { examReducer, startExam, type ExamQuestion, type ExamState } from '../../study/index.js';
import { useStateRef } from '../hooks/use-latest.js';
import { ThemeContext } from '../theme-context.js';
import { createTheme } from '../theme.js';
import { Exam } from './Exam.js';

const ENTER = '\r';
const RIGHT = '\u001b[C';
const TAB = '\t';

function Harness({ initial, clock, onLeave }: { initial: ExamState; clock: ReturnType<typeof fixedClock>; onLeave(): void }) {
  const [state, setState, ref] = useStateRef(initial);
  return (
    <ThemeContext.Provider value={createTheme({ NO_COLOR: '1' })}>
      <Exam
        state={state}
        latest={() => ref.current}
        now={() => clock.now().getTime()}
        title="Mock exam"
        onAction={(action) => setState((s) => examReducer(s, action, clock.now().getTime()))}
        onLeave={onLeave}
      />
    </ThemeContext.Provider>
  );
}

function mount(questions: ExamQuestion[], minutes = 10) {
  const clock = fixedClock('2026-11-28T10:00:00Z');
  let left = false;
  const initial = startExam(questions, { now: clock.now().getTime(), minutes, random: () => 0.999 });
  const app = render(<Harness initial={initial} clock={clock} onLeave={() => (left = true)} />);
  const screen = (text: string | RegExp) => waitFor(() => app.lastFrame() ?? '', (f) => (typeof text === 'string' ? f.includes(text) : text.test(f)), String(text));
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await new Promise((r) => setTimeout(r, 15));
    }
  };
  return { app, clock, screen, press, left: () => left };
}

const four = [single, truefalse, multiple, order] as ExamQuestion[];

describe('exam screen', () => {
  it('shows the countdown, the question and the palette with its legend', async () => {
    const { screen, clock } = mount(four);
    const frame = await screen('10:00 left');
    expect(frame).toContain('question 1 of 4');
    expect(frame).toContain('Which is a principal?');
    expect(frame).toContain('[1◌]');
    expect(frame).toContain('2○');
    expect(frame).toContain('● answered  ⚑ flagged  ◌ seen  ○ unseen');
    clock.advance(65_000);
    await screen('08:55 left');
  });

  it('marks answered and flagged questions in the palette and keeps them when coming back', async () => {
    const { screen, press } = mount(four);
    await screen('Which is a principal?');
    await press('2', RIGHT, 'f', RIGHT);
    await screen('question 3 of 4');
    let frame = await screen('1●');
    expect(frame).toContain('2⚑');
    await press('p', 'p');
    frame = await screen('question 1 of 4');
    expect(frame).toMatch(/◉ 2\. An IAM role/);
  });

  it('jumps with Tab to the next flagged or unanswered question', async () => {
    const { screen, press } = mount(four);
    await screen('question 1 of 4');
    await press('1', TAB);
    await screen('question 2 of 4');
  });

  it('submits after a confirmation and shows the score by level and topic', async () => {
    const { screen, press } = mount(four);
    await screen('question 1 of 4');
    await press('2', 's');
    await screen('submit the exam now? 3 unanswered, 0 flagged');
    await press('y');
    const frame = await screen('Score: 1 of 4 (25%)');
    expect(frame).toContain('submitted');
    expect(frame).toMatch(/beginner\s+1\/2/);
    expect(frame).toMatch(/policies\s+0\/1/);
    expect(frame).toContain('3 missed questions will come back for review tomorrow');
  });

  it('goes on with the exam when the confirmation is refused', async () => {
    const { app, screen, press } = mount(four);
    await screen('question 1 of 4');
    await press('s');
    await screen('submit the exam now?');
    await press('x');
    const frame = await waitFor(() => app.lastFrame() ?? '', (f) => !f.includes('submit the exam now?'), 'the question without the confirmation');
    expect(frame).toContain('question 1 of 4');
    expect(frame).not.toContain('Score:');
  });

  it('submits by itself when the time runs out', async () => {
    const { screen, clock } = mount(four, 1);
    await screen('01:00 left');
    clock.advance(61_000);
    const frame = await screen('time is up');
    expect(frame).toContain('Score: 0 of 4');
  });

  it('walks every question in review with the right answer, the learner answer and the explanation', async () => {
    const { app, screen, press } = mount(four);
    await screen('question 1 of 4');
    await press('1', 's', 'y');
    await screen('Score:');
    await press(ENTER);
    const frame = await screen('review 1 of 4');
    expect(frame).toContain('✗ Not quite');
    expect(frame).toMatch(/✗ ◉ 1\. An IAM group/);
    expect(frame).toMatch(/✓ ○ 2\. An IAM role/);
    expect(frame).toContain('why not: Groups cannot be principals.');
    expect(frame).toContain('Roles and users are principals');
    await press(RIGHT);
    await screen('✗ Not answered');
  });

  it('asks before leaving a running exam', async () => {
    const { screen, press, left } = mount(four);
    await screen('question 1 of 4');
    await press('q');
    await screen('leave the exam?');
    await press('y');
    await waitFor(left, (l) => l, 'leaving');
  });
});
