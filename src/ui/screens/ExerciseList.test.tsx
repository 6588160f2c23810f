import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { exercise } from '../../../test/helpers/exercises.js';
import { waitFor } from '../../../test/helpers/wait.js';
import type { Exercise } from '../../content/index.js';
import type { ExerciseProgress } from '../../study/index.js';
import { ThemeContext } from '../theme-context.js';
import { createTheme } from '../theme.js';
import { ExerciseList } from './ExerciseList.js';

const DOWN = '\u001b[B';
const ENTER = '\r';
const list = [
  exercise({ id: 'scp', key: 't/scp', level: 'advanced', title: 'Guardrail SCP', slot: 'scp' }),
  exercise({ id: 'home', key: 't/home', level: 'beginner', title: 'Home folders' }),
  exercise({ id: 'trust', key: 't/trust', level: 'beginner', title: 'EC2 trust', slot: 'trust' }),
];

function mount(progress: Record<string, ExerciseProgress>) {
  const opened: Exercise[] = [];
  const app = render(
    <ThemeContext.Provider value={createTheme({ NO_COLOR: '1' })}>
      <ExerciseList exercises={list} progressOf={(k) => progress[k]} onOpen={(e) => opened.push(e)} onLeave={() => undefined} />
    </ThemeContext.Provider>,
  );
  const screen = (text: string | RegExp) => waitFor(() => app.lastFrame() ?? '', (f) => (typeof text === 'string' ? f.includes(text) : text.test(f)), String(text));
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await new Promise((r) => setTimeout(r, 15));
    }
  };
  return { app, opened, screen, press };
}

describe('ExerciseList', () => {
  it('lists exercises by level with their status in words and symbols', async () => {
    const { app, screen } = mount({ 't/home': { solved: true, attempts: 2, hintsUsed: 0 }, 't/trust': { solved: false, attempts: 1, hintsUsed: 1 } });
    await screen('Practice · 1 of 3 solved');
    const frame = app.lastFrame()!;
    expect(frame.indexOf('beginner')).toBeLessThan(frame.indexOf('advanced'));
    expect(frame).toMatch(/✓ solved\s+Home folders/);
    expect(frame).toMatch(/… attempted\s+EC2 trust/);
    expect(frame).toMatch(/○ not started\s+Guardrail SCP/);
  });

  it('starts on the first unsolved exercise and opens it with Enter', async () => {
    const { opened, screen, press } = mount({ 't/home': { solved: true, attempts: 1, hintsUsed: 0 } });
    await screen(/› ○ not started\s+EC2 trust/);
    await press(ENTER);
    await waitFor(() => opened.map((e) => e.id).join(), (v) => v === 'trust', 'opening the trust exercise');
  });

  it('jumps to the next unsolved exercise with n', async () => {
    const { opened, screen, press } = mount({ 't/trust': { solved: true, attempts: 1, hintsUsed: 0 } });
    await screen('Home folders');
    await press('n', ENTER);
    await waitFor(() => opened.map((e) => e.id).join(), (v) => v === 'scp', 'opening the SCP exercise');
  });

  it('moves with the arrows', async () => {
    const { opened, screen, press } = mount({});
    await screen('Home folders');
    await press(DOWN, DOWN, ENTER);
    await waitFor(() => opened.map((e) => e.id).join(), (v) => v === 'scp', 'opening the last exercise');
  });
});
