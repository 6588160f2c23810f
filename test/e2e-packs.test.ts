/**
 * End to end, as an instructor and then a learner: scaffold a pack with the
 * built CLI, add a question to it, validate it, then load it with `--pack`
 * in a real terminal and answer the new question.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConfStore } from '../src/progress/index.js';
import { CLI, hasTmux, startTerminal, type TerminalSession } from './helpers/tmux.js';

const ready = existsSync(CLI) && hasTmux();
const sessions: TerminalSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.close()));

const NEW_QUESTION = `
  - id: root-user-mfa
    level: scenario
    topics: [roles]
    type: truefalse
    prompt: ACME protects the root user of every account with MFA.
    answer: true
    explanation: The root user has full access to the account, so it is protected with MFA.
`;

describe.skipIf(!ready)('an instructor makes a pack and a learner uses it', () => {
  it('inits a pack, adds a question, validates it, and answers the question with --pack', async () => {
    const work = mkdtempSync(join(tmpdir(), 'iamprep-e2e-pack-'));
    const env = { ...process.env, XDG_CONFIG_HOME: join(work, 'config'), NO_COLOR: '1' };
    const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: work, env, encoding: 'utf8' });

    const init = cli('pack', 'init', 'acme');
    expect(init.status, init.stderr).toBe(0);
    appendFileSync(join(work, 'acme', 'questions', 'examples.yaml'), NEW_QUESTION);

    const validate = cli('pack', 'validate', 'acme');
    expect(validate.stdout).toContain('0 errors, 0 warnings (acme: 9 questions, 1 exercise)');
    expect(validate.status).toBe(0);

    const session = startTerminal(['quiz', '--pack', join(work, 'acme'), '--no-builtin', '--level', 'scenario', '--count', '1'], { XDG_CONFIG_HOME: join(work, 'config') });
    sessions.push(session);
    await session.waitFor('ACME protects the root user of every account with MFA.');
    session.keys('1');
    session.keys('Enter');
    await session.waitFor('✓ Correct');
    session.keys('q');
    await session.waitFor('Score:');
    session.keys('q');
    await session.waitFor('[exited 0]');

    // Progress is kept under packId/itemId; opening the store, as the next start does, shows it.
    const progress = openConfStore({ cwd: join(work, 'config', 'iamprep') }).all();
    expect(Object.keys(progress)).toEqual(['acme/root-user-mfa']);
    expect(progress['acme/root-user-mfa']).toMatchObject({ attempts: 1, correct: 1 });
  });

  it('reports a broken question at its line, compiler-style, and exits 1', () => {
    const work = mkdtempSync(join(tmpdir(), 'iamprep-e2e-pack-'));
    const env = { ...process.env, XDG_CONFIG_HOME: join(work, 'config') };
    execFileSync(process.execPath, [CLI, 'pack', 'init', 'acme'], { cwd: work, env });
    appendFileSync(join(work, 'acme', 'questions', 'examples.yaml'), NEW_QUESTION.replace('answer: true', 'answer: yes please'));
    const validate = spawnSync(process.execPath, [CLI, 'pack', 'validate', 'acme'], { cwd: work, env, encoding: 'utf8' });
    expect(validate.status).toBe(1);
    expect(validate.stdout).toMatch(/^acme\/questions\/examples\.yaml:\d+:13 error WrongType `answer` must be true or false/m);
  });
});
