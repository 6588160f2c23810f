/**
 * End to end: the built CLI in a real pseudo-terminal, for a timed exam and
 * for a mock interview, on a small pack of their own. These run once the
 * `exam` and `interview` commands exist in the build (`iamprep exam --help`
 * succeeds); until then they are skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConfStore, readExamHistory } from '../src/progress/index.js';
import { writePack } from './helpers/packs.js';
import { CLI, hasTmux, startTerminal, type TerminalSession } from './helpers/tmux.js';

function commandExists(name: string): boolean {
  if (!existsSync(CLI)) return false;
  return spawnSync(process.execPath, [CLI, name, '--help'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

const ready = hasTmux() && commandExists('exam') && commandExists('interview');

const PACK = {
  'pack.yaml': `id: e2e
title: End-to-end pack
version: 1.0.0
topics:
  - { id: roles, title: Roles }
  - { id: policies, title: Policies }
`,
  'questions/exam.yaml': `questions:
  - id: principal
    level: beginner
    topics: [roles]
    type: single
    prompt: Which of these can be a principal?
    choices:
      - text: An IAM role
        correct: true
      - text: An IAM group
        why: Groups cannot be principals.
  - id: deny-wins
    level: intermediate
    topics: [policies]
    type: truefalse
    prompt: An explicit deny overrides any allow.
    answer: true
  - id: boundary
    level: advanced
    topics: [policies]
    type: single
    prompt: What does a permissions boundary do?
    choices:
      - text: It sets the most permissions an identity-based policy can grant.
        correct: true
      - text: It grants permissions.
        why: A boundary never grants.
`,
  'questions/interview.yaml': `questions:
  - id: what-is-a-role
    level: beginner
    topics: [roles]
    type: open
    prompt: What is an IAM role, and how is it used?
    answer: An identity with permissions and no long-term credentials; principals its trust policy names assume it and get temporary credentials.
    keyPoints:
      - point: It has no long-term credentials
        match: [no long-term credentials, no access keys]
      - point: Its trust policy names who may assume it
        match: [trust policy]
      - point: Assuming it gives temporary credentials
        match: [temporary credentials]
`,
};

const sessions: TerminalSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.close()));

function open(args: string[]) {
  const config = mkdtempSync(join(tmpdir(), 'iamprep-e2e-'));
  const pack = writePack(PACK);
  const session = startTerminal([...args, '--no-builtin', '--pack', pack], { XDG_CONFIG_HOME: config });
  sessions.push(session);
  return { session, saved: () => openConfStore({ cwd: join(config, 'iamprep') }).all(), exams: () => readExamHistory(join(config, 'iamprep')) };
}

describe.skipIf(!ready)('a timed exam in a real terminal', () => {
  it('counts down, navigates, flags, submits, scores and reviews, and saves every answer', async () => {
    const { session, saved, exams } = open(['exam', '--count', '3', '--minutes', '1']);
    const first = await session.waitFor(/00:[0-5]\d left|01:00 left/);
    expect(first).toContain('question 1 of 3');
    expect(first).toContain('answered');

    session.keys('1');
    session.keys('Right');
    await session.waitFor('question 2 of 3');
    session.keys('f');
    await session.waitFor('2⚑');
    session.keys('s');
    await session.waitFor('submit the exam now?');
    session.keys('y');
    const results = await session.waitFor('Score:');
    expect(results).toMatch(/Score: [01] of 3/);
    expect(results).toContain('By level');
    expect(results).toContain('By topic');

    session.keys('Enter');
    await session.waitFor('review 1 of 3');
    session.keys('Right');
    await session.waitFor('review 2 of 3');
    expect(Object.keys(saved()).sort()).toEqual(['e2e/boundary', 'e2e/deny-wins', 'e2e/principal']);
    // The exam is kept in the history with its score.
    const history = exams();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ total: 3, endedBy: 'learner' });
  });
});

describe.skipIf(!ready)('a mock interview in a real terminal', () => {
  it('takes a typed answer, marks the key points it covered, and saves the self-rating', async () => {
    const { session, saved } = open(['interview', '--level', 'beginner']);
    await session.waitFor('What is an IAM role, and how is it used?');
    session.type('Its trust policy says who can assume it.');
    session.keys('Enter');
    session.type('You get temporary credentials back.');
    await session.waitFor('You get temporary credentials back.');
    session.keys('C-d');
    const marked = await session.waitFor('2 of 3 key points found in your answer');
    expect(marked).toContain('Model answer:');
    session.keys('3');
    await session.waitFor('Interview: finished');
    expect(saved()['e2e/what-is-a-role']).toMatchObject({ attempts: 1, correct: 1 });
  });
});
