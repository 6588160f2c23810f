import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FutureStoreError, openConfStore, SCHEMA_VERSION, StoreBusyError } from './index.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'iamprep-store-'));
const at = '2026-11-28T10:00:00.000Z';

describe('the progress store on disk', () => {
  it('keeps answers across openings, counting attempts and correct ones', () => {
    const dir = fresh();
    const first = openConfStore({ cwd: dir });
    first.recordAnswer({ key: 'aws-iam/q1', correct: false, at });
    first.recordAnswer({ key: 'aws-iam/q1', correct: true, at });
    const again = openConfStore({ cwd: dir });
    expect(again.get('aws-iam/q1')).toEqual({ attempts: 2, correct: 1, lastCorrect: true, lastAnsweredAt: at });
  });

  it('writes a schema version from the first save', () => {
    const dir = fresh();
    openConfStore({ cwd: dir }).recordAnswer({ key: 'p/q', correct: true, at });
    expect(JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('keeps the answers of another open instance', () => {
    const dir = fresh();
    const a = openConfStore({ cwd: dir });
    const b = openConfStore({ cwd: dir });
    a.recordAnswer({ key: 'p/a', correct: true, at });
    b.recordAnswer({ key: 'p/b', correct: true, at });
    expect(Object.keys(openConfStore({ cwd: dir }).all()).sort()).toEqual(['p/a', 'p/b']);
  });

  it('sets a corrupt file aside, says where, and starts a new one', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'progress.json'), '{"schemaVersion": 1, "items": {"p/q": ');
    const store = openConfStore({ cwd: dir, now: () => new Date(at) });
    const backup = readdirSync(dir).find((f) => f.includes('corrupt'));
    expect(backup).toBeDefined();
    expect(readFileSync(join(dir, backup!), 'utf8')).toContain('"p/q"');
    expect(store.notice).toContain(backup);
    store.recordAnswer({ key: 'p/q', correct: true, at });
    expect(openConfStore({ cwd: dir }).get('p/q')?.attempts).toBe(1);
  });

  it('sets aside a file whose records are damaged', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'progress.json'), JSON.stringify({ schemaVersion: 1, items: { 'p/q': { attempts: 'many' } } }));
    expect(openConfStore({ cwd: dir }).notice).toMatch(/damaged/);
  });

  it('refuses a store written by a newer version and leaves it untouched', () => {
    const dir = fresh();
    const text = JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, items: {}, future: true });
    writeFileSync(join(dir, 'progress.json'), text);
    expect(() => openConfStore({ cwd: dir })).toThrow(FutureStoreError);
    expect(readFileSync(join(dir, 'progress.json'), 'utf8')).toBe(text);
  });
});

describe('upgrading a store written by the first version', () => {
  const v1 = { schemaVersion: 1, items: { 'p/right': { attempts: 3, correct: 2, lastCorrect: true, lastAnsweredAt: at }, 'p/wrong': { attempts: 1, correct: 0, lastCorrect: false, lastAnsweredAt: at } } };

  it('keeps every count, gives each answered item a card, and keeps the old file as a backup', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'progress.json'), JSON.stringify(v1));
    const store = openConfStore({ cwd: dir });
    expect(store.all()).toEqual(v1.items);
    // A wrong last answer makes the card due again soon; a right one pushes it days away.
    expect(Date.parse(store.card('p/wrong')!.due)).toBeLessThan(Date.parse(store.card('p/right')!.due));
    expect(Date.parse(store.card('p/right')!.due) - Date.parse(at)).toBeGreaterThan(86_400_000);
    expect(JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
    expect(JSON.parse(readFileSync(join(dir, 'progress.json.v1-backup'), 'utf8'))).toEqual(v1);
  });

  it('refuses a newer store even when an older one would migrate', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'progress.json'), JSON.stringify({ ...v1, schemaVersion: 99 }));
    expect(() => openConfStore({ cwd: dir })).toThrow(/newer iamprep \(store version 99/);
  });
});

describe('cards, ratings and undo on disk', () => {
  it('stores cards with ISO dates that read back the same after reopening', () => {
    const dir = fresh();
    const card = openConfStore({ cwd: dir }).rate({ key: 'p/q', rating: 3, at }).card;
    const again = openConfStore({ cwd: dir }).card('p/q');
    expect(again).toEqual(card);
    expect(again?.due).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(again?.lastReview).toBe(at);
  });

  it('undoes the last rating, and the undo survives reopening', () => {
    const dir = fresh();
    const store = openConfStore({ cwd: dir });
    const first = store.rate({ key: 'p/q', rating: 3, at }).card;
    store.rate({ key: 'p/q', rating: 1, at: '2026-11-28T10:05:00.000Z' });
    expect(store.undoLast()).toEqual({ key: 'p/q', rating: 1 });
    const reopened = openConfStore({ cwd: dir });
    expect(reopened.card('p/q')).toEqual(first);
    expect(reopened.get('p/q')).toEqual({ attempts: 1, correct: 1, lastCorrect: true, lastAnsweredAt: at });
    expect(reopened.history().map((e) => e.rating)).toEqual([3]);
  });

  it('keeps settings across openings', () => {
    const dir = fresh();
    openConfStore({ cwd: dir }).updateSettings({ desiredRetention: 0.85, newCardsPerDay: 5 });
    expect(openConfStore({ cwd: dir }).settings()).toEqual({ desiredRetention: 0.85, newCardsPerDay: 5 });
  });

  it('sees answers another open instance saved, without reopening', () => {
    const dir = fresh();
    const a = openConfStore({ cwd: dir });
    const b = openConfStore({ cwd: dir });
    a.rate({ key: 'p/a', rating: 3, at });
    expect(b.card('p/a')?.reps).toBe(1);
    b.recordAnswer({ key: 'p/a', correct: false, at });
    expect(a.get('p/a')?.attempts).toBe(2);
  });

  it('resets only the matching keys, also in another open instance', () => {
    const dir = fresh();
    const a = openConfStore({ cwd: dir });
    const b = openConfStore({ cwd: dir });
    a.rate({ key: 'one/q', rating: 3, at });
    a.rate({ key: 'two/q', rating: 3, at });
    expect(b.reset((key) => key.startsWith('one/'))).toBe(1);
    expect(Object.keys(a.all())).toEqual(['two/q']);
    expect(Object.keys(openConfStore({ cwd: dir }).cards())).toEqual(['two/q']);
  });

  it('skips a damaged journal line, says so, and keeps the lines around it', () => {
    const dir = fresh();
    const store = openConfStore({ cwd: dir });
    store.recordAnswer({ key: 'p/a', correct: true, at });
    const segment = readdirSync(join(dir, 'progress.journal'))[0]!;
    appendFileSync(join(dir, 'progress.journal', segment), '{"t":"answer","key":\n');
    store.recordAnswer({ key: 'p/b', correct: true, at });
    const reopened = openConfStore({ cwd: dir });
    expect(Object.keys(reopened.all()).sort()).toEqual(['p/a', 'p/b']);
    expect(reopened.notice).toMatch(/1 damaged line was skipped/);
  });

  it('folds the journals of ended processes into the snapshot and removes them', () => {
    const dir = fresh();
    const journal = join(dir, 'progress.journal');
    openConfStore({ cwd: dir });
    // Segments named after a process id that cannot be running.
    for (let i = 0; i < 16; i++) {
      writeFileSync(join(journal, `999999${i}-00${i}.jsonl`), `${JSON.stringify({ t: 'answer', id: `x${i}`, key: `p/${i}`, at, correct: true })}\n`);
    }
    const store = openConfStore({ cwd: dir });
    expect(Object.keys(store.all())).toHaveLength(16);
    expect(readdirSync(journal)).toEqual([]);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8')).items)).toHaveLength(16);
    expect(Object.keys(openConfStore({ cwd: dir }).all())).toHaveLength(16);
  });
});

describe('the lock around rewrites', () => {
  it('takes over a lock left by a process that has ended', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'progress.lock'), '99999999');
    const store = openConfStore({ cwd: dir });
    store.recordAnswer({ key: 'p/q', correct: true, at });
    expect(store.reset(() => true)).toBe(1);
    expect(readdirSync(dir)).not.toContain('progress.lock');
  });

  it('still opens and saves answers while a live process holds the lock, but refuses to rewrite', () => {
    const dir = fresh();
    openConfStore({ cwd: dir });
    // The parent of this test process is alive for as long as the test runs.
    writeFileSync(join(dir, 'progress.lock'), String(process.ppid));
    const store = openConfStore({ cwd: dir, lockWaitMs: 30 });
    store.recordAnswer({ key: 'p/q', correct: true, at });
    expect(() => store.reset(() => true)).toThrow(StoreBusyError);
    expect(store.get('p/q')?.attempts).toBe(1);
    rmSync(join(dir, 'progress.lock'));
    expect(openConfStore({ cwd: dir }).get('p/q')?.attempts).toBe(1);
  });
});

describe('hints used on exercises', () => {
  it('keeps the most hints ever needed, across openings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamprep-store-'));
    const store = openConfStore({ cwd: dir });
    store.recordAnswer({ key: 'p/ex', correct: false, at: '2026-11-28T10:00:00.000Z', hintsUsed: 2 });
    store.rate({ key: 'p/ex', rating: 2, at: '2026-11-28T10:05:00.000Z', correct: true, hintsUsed: 1 });
    expect(openConfStore({ cwd: dir }).get('p/ex')).toMatchObject({ attempts: 2, correct: 1, hintsUsed: 2 });
  });
});
