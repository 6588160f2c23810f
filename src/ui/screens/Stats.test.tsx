import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { multiple, order, recall, single, truefalse } from '../../../test/helpers/questions.js';
import { waitFor } from '../../../test/helpers/wait.js';
import { fixedClock } from '../../core/index.js';
import { createMemoryStore } from '../../progress/index.js';
import { statsForLibrary } from '../../study/index.js';
import { ThemeContext } from '../theme-context.js';
import { createTheme } from '../theme.js';
import { Stats } from './Stats.js';

const noon = (d: number) => new Date(Date.UTC(2026, 10, d, 12)).toISOString();

function reportFor(days: number[]) {
  const store = createMemoryStore();
  for (const d of days) {
    store.rate({ key: single.key, rating: 3, at: noon(d) });
    store.rate({ key: multiple.key, rating: d % 2 === 0 ? 1 : 3, at: noon(d) });
  }
  return statsForLibrary([single, multiple, truefalse, order, recall], [], store, fixedClock(noon(28)));
}

function mount(days: number[]) {
  let back = 0;
  const app = render(
    <ThemeContext.Provider value={createTheme({ NO_COLOR: '1' })}>
      <Stats report={reportFor(days)} onBack={() => back++} />
    </ThemeContext.Provider>,
  );
  const screen = (test: (frame: string) => boolean, what: string) => waitFor(() => app.lastFrame() ?? '', test, what);
  return { app, screen, back: () => back };
}

describe('stats screen', () => {
  it('shows mastery bars, retention, the forecast and the study calendar within 80x24', async () => {
    const { screen } = mount([20, 21, 22, 26, 27, 28]);
    const frame = await screen((f) => f.includes('Study days'), 'the stats screen');
    expect(frame).toMatch(/streak 3 days · longest 3/);
    expect(frame).toMatch(/By level/);
    expect(frame).toMatch(/beginner\s+[█░]{10}\s+\d\/2/);
    expect(frame).toMatch(/Retention \d+% [✓✗]/);
    expect(frame).toMatch(/Due in the next 30 days: \d+/);
    // Saturday the 28th was studied, and the busiest days are drawn darkest.
    expect(frame).toMatch(/Sat [·░▒▓█]*█/);
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(lines.every((l) => [...l].length <= 80)).toBe(true);
  });

  it('says when there is no retention figure yet', async () => {
    const { screen } = mount([]);
    const frame = await screen((f) => f.includes('Statistics'), 'the stats screen');
    expect(frame).toMatch(/Retention - \(no reviews of learned cards yet; target 90%\)/);
    expect(frame).toMatch(/streak 0 days/);
  });

  it('goes back on q or Esc', async () => {
    const { app, screen, back } = mount([28]);
    await screen((f) => f.includes('Statistics'), 'the stats screen');
    app.stdin.write('q');
    await waitFor(back, (n) => n === 1, 'going back');
  });
});
