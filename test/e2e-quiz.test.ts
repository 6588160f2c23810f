/**
 * End to end: the built CLI in a real pseudo-terminal. A learner answers two
 * questions, quits, starts again and sees the progress.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConfStore } from '../src/progress/index.js';
import { CLI, hasTmux, startTerminal, type TerminalSession } from './helpers/tmux.js';

const ready = existsSync(CLI) && hasTmux();
const sessions: TerminalSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.close()));

function open(args: string[], config: string, extraEnv: Record<string, string> = {}) {
  const session = startTerminal(args, { XDG_CONFIG_HOME: config, ...extraEnv });
  sessions.push(session);
  return session;
}

/** What the store holds, read the way the app reads it. */
function savedAnswers(config: string) {
  return openConfStore({ cwd: join(config, 'iamprep') }).all();
}

/** The correct-answer count shown for Beginner on the home screen. */
function beginnerCorrect(screen: string): number {
  const match = /Beginner quiz\s+\d+ questions\s+(\d+) correct/.exec(screen);
  if (!match) throw new Error(`no Beginner row on screen:\n${screen}`);
  return Number(match[1]);
}

describe.skipIf(!ready)('a learner in a real terminal', () => {
  it('answers two questions, quits, and sees the progress on the next start', async () => {
    const config = mkdtempSync(join(tmpdir(), 'iamprep-e2e-'));
    const first = open([], config);
    const home = await first.waitFor('Beginner quiz');
    expect(beginnerCorrect(home)).toBe(0);

    first.keys('2');
    await first.waitFor('question 1 of 10');
    await answerWhateverIsShown(first);
    first.keys('Enter');
    await first.waitFor('question 2 of 10');
    await answerWhateverIsShown(first);
    first.keys('q');
    await first.waitFor('Score:');
    first.keys('q');
    await first.waitFor('[exited 0]');

    const answered = Object.values(savedAnswers(config));
    expect(answered).toHaveLength(2);
    const correct = answered.filter((a) => a.correct > 0).length;

    const second = open([], config);
    const again = await second.waitFor('Beginner quiz');
    expect(beginnerCorrect(again)).toBe(correct);
    second.keys('Escape');
    await second.waitFor('[exited 0]');
  });

  it('keeps an answer when the learner presses Ctrl+C right after it', async () => {
    const config = mkdtempSync(join(tmpdir(), 'iamprep-e2e-'));
    const session = open(['quiz', '--level', 'intermediate', '--count', '3'], config);
    await session.waitFor('question 1 of 3');
    await answerWhateverIsShown(session);
    session.keys('C-c');
    await session.waitFor('[exited');
    expect(Object.keys(savedAnswers(config))).toHaveLength(1);
  });

  it('shows symbols, not only colour, with NO_COLOR', async () => {
    const config = mkdtempSync(join(tmpdir(), 'iamprep-e2e-'));
    const session = open(['quiz', '--count', '1'], config, { NO_COLOR: '1' });
    await session.waitFor('question 1 of 1');
    await answerWhateverIsShown(session);
    expect(session.screen()).toMatch(/[✓✗] (Correct|Not quite)/);
    // No foreground colour codes (SGR 30-37, 90-97, 38;...) reach the terminal.
    expect(session.styledScreen()).not.toMatch(/\u001b\[[0-9;]*(3[0-8]|9[0-7])[;m]/);
  });

  it('uses colour when NO_COLOR is not set', async () => {
    const config = mkdtempSync(join(tmpdir(), 'iamprep-e2e-'));
    const session = open(['quiz', '--count', '1'], config, { FORCE_COLOR: '1' });
    await session.waitFor('question 1 of 1');
    await answerWhateverIsShown(session);
    expect(session.styledScreen()).toMatch(/\u001b\[[0-9;]*(3[0-8]|9[0-7])[;m]/);
  });
});

/** Answers the question on screen by its type's keys and waits for the verdict. */
async function answerWhateverIsShown(session: TerminalSession): Promise<void> {
  const screen = session.screen();
  if (screen.includes('press Enter to see the model answer')) {
    session.keys('Enter');
    await session.waitFor('How well did you recall it?');
    session.keys('3');
  } else if (screen.includes('Press the numbers in the right order')) {
    const rows = [...screen.matchAll(/^\s*›?\s*(\d)\. /gm)].map((m) => m[1]!);
    for (const row of rows) session.keys(row);
    session.keys('Enter');
  } else if (screen.includes('select all that apply')) {
    session.keys('1', 'Enter');
  } else {
    session.keys('Enter');
  }
  await session.waitFor(/✓ Correct|✗ Not quite/);
}
