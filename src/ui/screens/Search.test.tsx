import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { multiple, order, single, truefalse } from '../../../test/helpers/questions.js';
import { waitFor } from '../../../test/helpers/wait.js';
import { buildSearchIndex, searchItemsOf, type SearchItem } from '../../study/index.js';
import { ThemeContext } from '../theme-context.js';
import { createTheme } from '../theme.js';
import { Search } from './Search.js';

const ENTER = '\r';
const ESC = '\u001b';
const DOWN = '\u001b[B';
const BACKSPACE = '\u007f';

function mount() {
  const index = buildSearchIndex(searchItemsOf([single, multiple, truefalse, order], []));
  const opened: SearchItem[] = [];
  let left = false;
  const app = render(
    <ThemeContext.Provider value={createTheme({ NO_COLOR: '1' })}>
      <Search search={index.search} size={index.size} onOpen={(item) => opened.push(item)} onLeave={() => (left = true)} />
    </ThemeContext.Provider>,
  );
  const screen = (test: (frame: string) => boolean, what: string) => waitFor(() => app.lastFrame() ?? '', test, what);
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await new Promise((r) => setTimeout(r, 15));
    }
  };
  return { app, screen, press, opened, left: () => left };
}

describe('search screen', () => {
  it('shows results as the query is typed, narrowing with each word', async () => {
    const { screen, press } = mount();
    await screen((f) => f.includes('Type to search 4 questions'), 'the empty search');
    await press('p');
    let frame = await screen((f) => f.includes('2 results'), 'two results');
    expect(frame).toContain('Which policy types can grant?');
    expect(frame).toContain('Which is a principal?');
    await press('o');
    frame = await screen((f) => f.includes('1 result'), 'one result');
    expect(frame).not.toContain('Which is a principal?');
    expect(frame).toContain('Which policy types can grant?  multiple · intermediate · t/m');
  });

  it('opens the highlighted result with Enter', async () => {
    const { screen, press, opened } = mount();
    await screen((f) => f.includes('Type to search'), 'the empty search');
    await press('which');
    await screen((f) => f.includes('2 results'), 'two results');
    await press(DOWN, ENTER);
    await waitFor(() => opened.length, (n) => n === 1, 'an opened item');
    expect(['t/s', 't/m']).toContain(opened[0]!.key);
  });

  it('types q and j into the query instead of leaving or moving; Esc leaves', async () => {
    const { screen, press, left } = mount();
    await screen((f) => f.includes('Type to search'), 'the empty search');
    await press('q', 'j');
    await screen((f) => f.includes('/ qj'), 'the typed query');
    await screen((f) => f.includes('Nothing matches `qj`'), 'no match');
    await press(BACKSPACE, BACKSPACE);
    await screen((f) => f.includes('Type to search'), 'the empty search again');
    expect(left()).toBe(false);
    await press(ESC);
    await waitFor(left, (l) => l, 'leaving');
  });
});
