import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { reportsExercise } from '../../../test/helpers/exercises.js';
import { waitFor } from '../../../test/helpers/wait.js';
import type { ExerciseProgress, PracticeWorkspace } from '../../study/index.js';
import { ThemeContext } from '../theme-context.js';
import { createTheme } from '../theme.js';
import { Practice } from './Practice.js';

const right = reportsExercise.solution;
const broad = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::acme-data/reports/*"}]}';

/** A workspace in memory: the test plays the editor by "saving" new text. */
function fakeWorkspace(initial = reportsExercise.starter!) {
  let text = initial;
  let listener: ((t: string) => void) | undefined;
  const edits: string[] = [];
  const workspace: PracticeWorkspace = {
    prepare: (item) => `/ws/${item.packId}/${item.id}.json`,
    read: () => text,
    watch: (_path, onChange) => {
      listener = onChange;
      return () => (listener = undefined);
    },
    openEditor: (path) => {
      edits.push(path);
      text = right;
      return { ok: true };
    },
  };
  return {
    workspace,
    edits,
    save(next: string) {
      text = next;
      listener?.(next);
    },
    /** Changes the file without any change event, as on file systems that send none. */
    quietly(next: string) {
      text = next;
    },
  };
}

function mount(saved?: ExerciseProgress) {
  const ws = fakeWorkspace();
  const progress: [string, ExerciseProgress][] = [];
  let left = false;
  const app = render(
    <ThemeContext.Provider value={createTheme({ NO_COLOR: '1' })}>
      <Practice exercise={reportsExercise} saved={saved} workspace={ws.workspace} onProgress={(k, p) => progress.push([k, p])} onLeave={() => (left = true)} />
    </ThemeContext.Provider>,
  );
  const screen = (text: string | RegExp) => waitFor(() => app.lastFrame() ?? '', (f) => (typeof text === 'string' ? f.includes(text) : text.test(f)), String(text));
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await new Promise((r) => setTimeout(r, 15));
    }
  };
  return { app, ws, progress, screen, press, left: () => left };
}

describe('Practice screen', () => {
  it('shows the task, the workspace file and the starter graded as not passed', async () => {
    const { screen } = mount();
    await screen('Alice may read objects under `reports/`');
    await screen('/ws/t/reports-read.json');
    await screen('✗ Not passed yet · 2 of 3 cases');
    await screen('✗ Alice reads a report: expected allowed, got implicitDeny');
  });

  it('regrades on every save and shows the counterexample of a too-broad answer', async () => {
    const { ws, screen } = mount();
    await screen('grade #1');
    ws.save(broad);
    await screen('Counterexample');
    await screen(/your policy allows .*s3:DeleteObject/);
    ws.save(right);
    await screen('✓ Passed · 3 of 3 cases');
    await screen('✓ solved');
  });

  it('shows findings with line and column for invalid JSON', async () => {
    const { ws, screen } = mount();
    await screen('grade #1');
    ws.save('{\n  "Version": "2012-10-17",\n  "Statement": [\n');
    await screen(/✗ \d+:\d+ error InvalidJson/);
    await screen('not evaluated');
  });

  it('regrades with r when no change event arrives', async () => {
    const { ws, screen, press } = mount();
    await screen('grade #1');
    ws.quietly(right);
    await press('r');
    await screen('✓ Passed');
  });

  it('opens the editor with e and grades what was saved there', async () => {
    const { ws, screen, press } = mount();
    await screen('grade #1');
    await press('e');
    await screen('✓ Passed');
    expect(ws.edits).toEqual(['/ws/t/reports-read.json']);
  });

  it('gives hints one at a time and saves how many were used', async () => {
    const { screen, press, progress } = mount();
    await screen('grade #1');
    await press('h');
    await screen('Hints (1 of 2)');
    expect(progress.at(-1)).toEqual(['t/reports-read', { solved: false, attempts: 0, hintsUsed: 1 }]);
    await press('h', 'h');
    await screen('Hints (2 of 2)');
    await screen('no more hints');
  });

  it('shows the reference solution only after confirmation', async () => {
    const { app, screen, press } = mount();
    await screen('grade #1');
    await press('s');
    await screen('Show the reference solution?');
    await press('x');
    await screen('s show solution');
    expect(app.lastFrame()).not.toContain('Reference solution');
    await press('s', 'y');
    await screen('Reference solution');
  });

  it('shows the explanation once solved and saves the solved state with the attempts', async () => {
    const { app, ws, screen, progress } = mount();
    await screen('grade #1');
    expect(app.lastFrame()).not.toContain('The object ARN with a `reports/*` key pattern');
    ws.save(broad);
    await screen('Counterexample');
    ws.save(right);
    await screen('The object ARN with a `reports/*` key pattern');
    expect(progress.at(-1)).toEqual(['t/reports-read', { solved: true, attempts: 2, hintsUsed: 0 }]);
  });

  it('leaves with q', async () => {
    const m = mount();
    await m.screen('grade #1');
    await m.press('q');
    await waitFor(m.left, (v) => v, 'leaving');
  });
});
