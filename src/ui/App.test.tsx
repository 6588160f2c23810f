import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { multiple, order, recall, single, truefalse } from '../../test/helpers/questions.js';
import { waitFor } from '../../test/helpers/wait.js';
import { fixedClock } from '../core/index.js';
import type { Pack, Question } from '../content/index.js';
import { createMemoryStore, type ProgressStore } from '../progress/index.js';
import { seededRandom } from '../study/index.js';
import { enginePorts } from '../engine-ports.js';
import { App, type AppProps } from './App.js';
import { createTheme } from './theme.js';

const ENTER = '\r';
const ESC = '\u001b';

const effectsSettled = async () => {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
};

function pack(questions: Question[]): Pack {
  return { id: 't', title: 'Test pack', version: '1.0.0', authors: [], levels: ['beginner', 'intermediate', 'advanced', 'scenario'], topics: [], root: '/x', builtin: true, questions, exercises: [] };
}

function mount(questions: Question[], extra: Partial<AppProps> = {}, store: ProgressStore = createMemoryStore()) {
  const p = pack(questions);
  const app = render(
    <App library={{ packs: [p], questions, exercises: [] }} engine={enginePorts} store={store} clock={fixedClock('2026-11-28T12:00:00Z')} random={seededRandom(3)} theme={createTheme({ NO_COLOR: '1' })} {...extra} />,
  );
  // Ink registers a new screen's key handler just after drawing it; let that happen before typing.
  const screen = async (text: string) => {
    const frame = await waitFor(() => app.lastFrame() ?? '', (f) => f.includes(text), `"${text}"`);
    await effectsSettled();
    return frame;
  };
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await new Promise((r) => setTimeout(r, 15));
    }
  };
  /** The number key of the row that shows `text`, since choices are shuffled. */
  const keyFor = (text: string) => {
    const match = new RegExp(`(\\d)\\. ${text}`).exec(app.lastFrame() ?? '');
    if (!match) throw new Error(`no row shows "${text}"`);
    return match[1]!;
  };
  return { app, store, screen, press, keyFor };
}

describe('home screen', () => {
  it('shows each level with its question count and correct answers', async () => {
    const store = createMemoryStore();
    store.recordAnswer({ key: 't/s', correct: true, at: '2026-11-27T00:00:00Z' });
    const { screen } = mount([single, truefalse, multiple, order, recall], {}, store);
    const frame = await screen('Beginner');
    expect(frame).toMatch(/Beginner quiz\s+2 questions\s+1 correct/);
    expect(frame).toMatch(/Intermediate quiz\s+1 questions\s+0 correct/);
    expect(frame).toContain('Quiz, all levels');
    expect(frame).toContain('Test pack 1.0.0 (5)');
  });

  it('starts a quiz at the chosen level', async () => {
    const { screen, press } = mount([single, truefalse, multiple]);
    await screen('Beginner');
    await press('2');
    const frame = await screen('question 1 of 2');
    expect(frame).toContain('Beginner quiz');
  });
});

describe('quiz screen', () => {
  it('shows right or wrong with a symbol, the explanation and why the wrong options are wrong', async () => {
    const { screen, press, store, keyFor } = mount([single], { startWith: { mode: 'quiz', count: 5 } });
    await screen('Which is a principal?');
    await press(keyFor('An IAM group'), ENTER);
    const frame = await screen('Not quite');
    expect(frame).toContain('✗ Not quite');
    expect(frame).toContain('why not: Groups cannot be principals.');
    expect(frame).toContain('Roles and users are principals');
    expect(store.get('t/s')).toMatchObject({ attempts: 1, correct: 0 });
  });

  it('saves each answer before showing it as answered', async () => {
    const { screen, press, store, keyFor } = mount([single], { startWith: { mode: 'quiz', count: 5 } });
    await screen('Which is a principal?');
    await press(keyFor('An IAM role'), ENTER);
    await screen('✓ Correct');
    expect(store.get('t/s')).toMatchObject({ attempts: 1, correct: 1, lastCorrect: true });
  });

  it('asks for a selection before submitting a multiple-answer question', async () => {
    const { screen, press, keyFor } = mount([multiple], { startWith: { mode: 'quiz', count: 5 } });
    await screen('select all that apply');
    await press(ENTER);
    await screen('select at least one answer');
    await press(keyFor('Identity-based'), keyFor('Resource-based'), ENTER);
    await screen('✓ Correct');
  });

  it('reveals a recall answer and takes a self-rating', async () => {
    const { screen, press, store } = mount([recall], { startWith: { mode: 'quiz', count: 5 } });
    await screen('Name the STS call');
    await press(ENTER);
    await screen('AssumeRole');
    await press('3');
    await screen('you rated 3');
    expect(store.get('t/r')?.correct).toBe(1);
  });

  it('ends with a summary by topic listing the missed questions', async () => {
    const { screen, press, keyFor } = mount([single, truefalse], { startWith: { mode: 'quiz', level: 'beginner', count: 5 } });
    // Answer the single question wrongly and the true/false one rightly, whichever comes first.
    for (const n of [1, 2]) {
      const frame = await screen(`question ${n} of 2`);
      if (frame.includes('Which is a principal?')) await press(keyFor('A managed policy'), ENTER);
      else await press(keyFor('True'), ENTER);
      await screen('Enter next');
      await press(ENTER);
    }
    const frame = await screen('Score: 1 of 2');
    expect(frame).toContain('roles');
    expect(frame).toContain('✗ Which is a principal?');
  });

  it('leaves with q, showing the summary of what was answered', async () => {
    const { screen, press } = mount([single, truefalse], { startWith: { mode: 'quiz', count: 5 } });
    await screen('question 1 of 2');
    await press(ENTER);
    await screen('Enter next');
    await press('q');
    await screen('Score:');
  });

  it('goes back home with Esc before any answer', async () => {
    const { screen, press } = mount([single, truefalse]);
    await screen('Beginner');
    await press('2');
    await screen('question 1 of');
    await press(ESC);
    await screen('Beginner quiz');
  });
});

describe('search from anywhere', () => {
  it('opens with / during a quiz and opens the item chosen', async () => {
    const { screen, press } = mount([single, truefalse], { startWith: { mode: 'quiz', count: 5 } });
    await screen('question 1 of 2');
    await press('/');
    await screen('Search');
    await press('p', 'r', 'i', 'n', 'c', 'i', 'p', 'a', 'l');
    await screen('Which is a principal?');
    await press('\r');
    await screen('Search result');
  });
});

describe('search results that are exercises', () => {
  it('open in the practice screen', async () => {
    const { reportsExercise } = await import('../../test/helpers/exercises.js');
    const workspace = { prepare: () => '/tmp/answer.json', read: () => undefined, watch: () => () => {}, openEditor: () => ({ ok: true }) };
    const p = pack([single]);
    const app = render(
      <App
        library={{ packs: [p], questions: [single], exercises: [reportsExercise] }}
        engine={enginePorts}
        workspace={workspace}
        store={createMemoryStore()}
        clock={fixedClock('2026-11-28T12:00:00Z')}
        random={seededRandom(3)}
        theme={createTheme({ NO_COLOR: '1' })}
      />,
    );
    const frame = () => app.lastFrame() ?? '';
    await waitFor(frame, (f) => f.includes('Beginner quiz'));
    await effectsSettled();
    app.stdin.write('/');
    await waitFor(frame, (f) => f.includes('Search'));
    await effectsSettled();
    for (const ch of 'reports') {
      app.stdin.write(ch);
      await new Promise((r) => setTimeout(r, 10));
    }
    await waitFor(frame, (f) => f.includes('Read the reports'));
    app.stdin.write('\r');
    await waitFor(frame, (f) => f.includes('/tmp/answer.json'), 'the practice screen with its workspace file');
  });
});
