import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FutureStoreError, openConfStore, SCHEMA_VERSION } from './index.js';

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
