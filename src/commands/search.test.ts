import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOOD_QUESTIONS, MANIFEST, writePack } from '../../test/helpers/packs.js';
import { buildSearchIndex, searchItemsOf } from '../study/index.js';
import { createSearchCommand } from './search.js';
import type { CommandIO } from './types.js';

const search = createSearchCommand((questions, exercises) => buildSearchIndex(searchItemsOf(questions, exercises)));
const pack = writePack({ 'pack.yaml': MANIFEST, 'questions/q.yaml': GOOD_QUESTIONS });

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const io: CommandIO = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    readStdin: async () => '',
    cwd: process.cwd(),
    // A config folder of its own, so no installed pack of the machine's user joins in.
    env: { XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'iamprep-search-')) },
    stdoutIsTTY: false,
  };
  const code = await search(['--no-builtin', '--pack', pack, ...argv], io);
  return { code, out, err };
}

describe('iamprep search', () => {
  it('prints the matching questions with key, type, level and prompt', async () => {
    const { code, out } = await run('explicit', 'deny');
    expect(code).toBe(0);
    expect(out).toMatch(/^demo\/deny-wins\s+truefalse\s+intermediate\s+An explicit deny overrides any allow\.$/m);
    expect(out).not.toContain('roles-vs-users');
  });

  it('forgives a typo', async () => {
    const { out } = await run('statment');
    expect(out).toContain('demo/roles-vs-users');
  });

  it('prints one JSON document with --json', async () => {
    const { code, out } = await run('roles', '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(out) as { query: string; results: { key: string; kind: string; topics: string[] }[] };
    expect(doc.query).toBe('roles');
    expect(doc.results).toEqual([expect.objectContaining({ key: 'demo/roles-vs-users', kind: 'question', topics: ['roles'] })]);
  });

  it('says so when nothing matches, and still succeeds', async () => {
    const { code, out } = await run('zzzzqq');
    expect(code).toBe(0);
    expect(out).toContain('nothing matches `zzzzqq` among 2 questions and 0 exercises');
  });

  it('is a usage error without a query or with a bad option', async () => {
    expect((await run()).code).toBe(2);
    const bad = await run('x', '--limit', '0');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--limit must be a whole number');
    expect((await run('x', '--bogus')).code).toBe(2);
  });
});
