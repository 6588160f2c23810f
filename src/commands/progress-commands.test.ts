import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOOD_QUESTIONS, MANIFEST, writePack } from '../../test/helpers/packs.js';
import { configDir, openConfStore } from '../progress/index.js';
import { progressCommand, type ConfirmIO } from './progress.js';
import { statsCommand } from './stats.js';
import type { Command, CommandIO } from './types.js';

const at = '2026-11-28T12:00:00.000Z';

function learner() {
  const home = mkdtempSync(join(tmpdir(), 'iamprep-home-'));
  const env = { XDG_CONFIG_HOME: home };
  const pack = writePack({ 'pack.yaml': MANIFEST, 'questions/q.yaml': GOOD_QUESTIONS });
  const store = () => openConfStore({ cwd: configDir(env) });
  const run = async (command: Command, argv: string[], extra: Partial<CommandIO & ConfirmIO> = {}) => {
    let out = '';
    let err = '';
    const io: CommandIO & ConfirmIO = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), readStdin: async () => '', cwd: home, env, stdoutIsTTY: false, stdinIsTTY: false, ...extra };
    const code = await command(argv, io);
    return { code, out, err };
  };
  return { home, env, pack, store, run };
}

describe('iamprep stats', () => {
  it('prints mastery bars, retention, forecast and the study calendar in plain text', async () => {
    const l = learner();
    // Missed two days ago: seen, not remembered, overdue today.
    l.store().rate({ key: 'demo/roles-vs-users', rating: 1, at: new Date(Date.now() - 2 * 86_400_000).toISOString() });
    const { code, out } = await l.run(statsCommand, ['--no-builtin', '--pack', l.pack]);
    expect(code).toBe(0);
    expect(out).toMatch(/Mastery by level/);
    expect(out).toMatch(/beginner\s+░+\s+0\/1 +0%\s+\(seen 1\)/);
    expect(out).toMatch(/Today\s+1 review due/);
    expect(out).toMatch(/Due in the next 30 days: 1 /);
    expect(out).toMatch(/Streak\s+0 days · longest 1 day/);
    expect(out).toMatch(/Mon [·░▒▓█]+/);
    expect(out.split('\n').every((line) => [...line].length <= 80)).toBe(true);
  });

  it('prints the same figures as one JSON document', async () => {
    const l = learner();
    l.store().recordAnswer({ key: 'demo/deny-wins', correct: true, at: new Date().toISOString() });
    const { code, out } = await l.run(statsCommand, ['--json', '--no-builtin', '--pack', l.pack]);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.masteryByLevel.find((r: { name: string }) => r.name === 'intermediate')).toEqual({ name: 'intermediate', total: 1, seen: 1, mastered: 1 });
    expect(report.forecast).toHaveLength(30);
    expect(report.streak.current).toBe(1);
  });

  it('refuses a store from a newer iamprep without changing it', async () => {
    const l = learner();
    const path = join(configDir(l.env), 'progress.json');
    l.store();
    writeFileSync(path, '{"schemaVersion": 99}');
    const { code, err } = await l.run(statsCommand, ['--no-builtin']);
    expect(code).toBe(1);
    expect(err).toMatch(/newer iamprep/);
    expect(readFileSync(path, 'utf8')).toBe('{"schemaVersion": 99}');
  });

  it('is a usage error with an unknown option', async () => {
    expect((await learner().run(statsCommand, ['--bogus'])).code).toBe(2);
  });
});

describe('iamprep progress export and import', () => {
  it('moves progress to another machine, and importing twice counts nothing twice', async () => {
    const from = learner();
    from.store().rate({ key: 'demo/roles-vs-users', rating: 3, at });
    from.store().rate({ key: 'demo/deny-wins', rating: 1, at });
    const file = join(from.home, 'export.json');
    expect((await from.run(progressCommand, ['export', file])).code).toBe(0);

    const to = learner();
    to.store().rate({ key: 'demo/deny-wins', rating: 3, at: '2026-11-29T12:00:00.000Z' });
    const first = await to.run(progressCommand, ['import', file]);
    expect(first).toMatchObject({ code: 0 });
    expect(first.err).toMatch(/imported 2 new answers/);
    expect((await to.run(progressCommand, ['import', file])).err).toMatch(/imported 0 new answers/);
    const store = to.store();
    expect(store.history()).toHaveLength(3);
    expect(store.get('demo/deny-wins')).toMatchObject({ attempts: 2, correct: 1, lastCorrect: true });
    expect(store.card('demo/roles-vs-users')).toEqual(from.store().card('demo/roles-vs-users'));
  });

  it('imports nothing from a file with any damaged record, and lists every problem with its place', async () => {
    const from = learner();
    from.store().rate({ key: 'demo/roles-vs-users', rating: 3, at });
    from.store().rate({ key: 'demo/deny-wins', rating: 3, at });
    const file = join(from.home, 'export.json');
    await from.run(progressCommand, ['export', file]);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.items['demo/deny-wins'].attempts = -1;
    doc.cards['demo/roles-vs-users'].state = 'forgotten';
    writeFileSync(file, JSON.stringify(doc, null, 2));

    const to = learner();
    const { code, err } = await to.run(progressCommand, ['import', file]);
    expect(code).toBe(1);
    expect(err).toMatch(/export\.json:\d+:\d+ error InvalidProgressFile the counts for `demo\/deny-wins` are damaged/);
    expect(err).toMatch(/unknown state `forgotten`/);
    expect(err).toMatch(/nothing was imported/);
    expect(to.store().history()).toHaveLength(0);
  });

  it('points at the line and column of a JSON syntax error', async () => {
    const l = learner();
    const file = join(l.home, 'broken.json');
    writeFileSync(file, '{\n  "schemaVersion": 2,\n  "items": {,\n}');
    const { code, err } = await l.run(progressCommand, ['import', file]);
    expect(code).toBe(1);
    expect(err).toMatch(/broken\.json:3:\d+ error InvalidJson/);
  });

  it('imports the progress.json of the first version, migrating it', async () => {
    const l = learner();
    const file = join(l.home, 'old.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, items: { 'demo/deny-wins': { attempts: 2, correct: 1, lastCorrect: true, lastAnsweredAt: at } } }));
    expect((await l.run(progressCommand, ['import', file])).code).toBe(0);
    expect(l.store().get('demo/deny-wins')).toMatchObject({ attempts: 2 });
    expect(l.store().card('demo/deny-wins')).toBeDefined();
  });

  it('exports to standard output with -', async () => {
    const l = learner();
    l.store().recordAnswer({ key: 'demo/deny-wins', correct: true, at });
    const { out } = await l.run(progressCommand, ['export', '-']);
    expect(JSON.parse(out)).toMatchObject({ format: 'iamprep-progress', schemaVersion: 2, items: { 'demo/deny-wins': { attempts: 1 } } });
  });
});

describe('iamprep progress reset', () => {
  const seeded = () => {
    const l = learner();
    const store = l.store();
    store.rate({ key: 'demo/roles-vs-users', rating: 3, at }); // beginner
    store.rate({ key: 'demo/deny-wins', rating: 3, at }); // intermediate
    store.rate({ key: 'other/q', rating: 3, at });
    return l;
  };

  it('refuses without --yes when there is no terminal to ask in, and changes nothing', async () => {
    const l = seeded();
    const { code, err } = await l.run(progressCommand, ['reset']);
    expect(code).toBe(2);
    expect(err).toMatch(/add --yes/);
    expect(Object.keys(l.store().all())).toHaveLength(3);
  });

  it('asks first on a terminal and keeps everything when the answer is no', async () => {
    const l = seeded();
    const questions: string[] = [];
    const confirm = async (q: string) => (questions.push(q), false);
    expect((await l.run(progressCommand, ['reset'], { stdinIsTTY: true, stdoutIsTTY: true, confirm })).code).toBe(0);
    expect(questions[0]).toMatch(/Clear the progress of 3 questions \(all packs and levels\)/);
    expect(Object.keys(l.store().all())).toHaveLength(3);
    await l.run(progressCommand, ['reset'], { stdinIsTTY: true, stdoutIsTTY: true, confirm: async () => true });
    expect(l.store().all()).toEqual({});
  });

  it('clears one pack with --pack ID, by id or by its folder', async () => {
    const l = seeded();
    expect((await l.run(progressCommand, ['reset', '--pack', 'other', '--yes'])).code).toBe(0);
    expect(Object.keys(l.store().all()).sort()).toEqual(['demo/deny-wins', 'demo/roles-vs-users']);
    await l.run(progressCommand, ['reset', '--pack', l.pack, '--yes']);
    expect(l.store().all()).toEqual({});
  });

  it('clears one level of the packs it can see', async () => {
    const l = seeded();
    const { code, err } = await l.run(progressCommand, ['reset', '--pack', l.pack, '--level', 'beginner', '--yes']);
    expect(code).toBe(0);
    expect(err).toMatch(/cleared the progress of 1 question/);
    expect(Object.keys(l.store().all()).sort()).toEqual(['demo/deny-wins', 'other/q']);
    expect(l.store().history().map((e) => e.key)).not.toContain('demo/roles-vs-users');
  });

  it('is a usage error with an unknown level', async () => {
    expect((await seeded().run(progressCommand, ['reset', '--level', 'expert', '--yes'])).code).toBe(2);
  });

  it('says there is nothing to reset when nothing matches', async () => {
    const l = seeded();
    const { code, err } = await l.run(progressCommand, ['reset', '--pack', 'nope', '--yes']);
    expect(code).toBe(0);
    expect(err).toMatch(/nothing to reset/);
    expect(existsSync(join(configDir(l.env), 'progress.json'))).toBe(true);
  });
});

describe('iamprep progress settings', () => {
  it('shows the defaults, then keeps a changed retention and new-card limit', async () => {
    const l = learner();
    expect((await l.run(progressCommand, ['settings'])).out).toBe('desired retention  0.9\nnew cards per day  10\n');
    expect((await l.run(progressCommand, ['settings', '--retention', '0.85', '--new-per-day', '20'])).code).toBe(0);
    expect(l.store().settings()).toEqual({ desiredRetention: 0.85, newCardsPerDay: 20 });
  });

  it('refuses a retention out of range and changes nothing', async () => {
    const l = learner();
    const { code, err } = await l.run(progressCommand, ['settings', '--retention', '0.99']);
    expect(code).toBe(2);
    expect(err).toMatch(/desired retention must be from 0.7 to 0.97, not 0.99/);
    expect(l.store().settings().desiredRetention).toBe(0.9);
  });
});
