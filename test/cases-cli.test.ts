/**
 * The conformance corpus through the built CLI: `iamprep eval --batch` must
 * give, line for line, the decision the AWS documentation gives (or an error
 * line for a policy AWS would reject), exactly as the library does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = resolve(import.meta.dirname, '../dist/iamprep.js');
const casesDir = resolve(import.meta.dirname, 'cases');

interface Case {
  id: string;
  expect?: string;
  expectError?: string;
}

describe.skipIf(!existsSync(CLI))('the conformance corpus through iamprep eval --batch', () => {
  const text = readdirSync(casesDir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => readFileSync(join(casesDir, f), 'utf8'))
    .join('\n');
  const cases: Case[] = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Case);
  const run = spawnSync(process.execPath, [CLI, 'eval', '--batch', '-'], { input: text, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const outputs = run.stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; decision?: string; error?: { code: string } });

  it('answers every line, in order, with the same ids', () => {
    expect(outputs.map((o) => o.id)).toEqual(cases.map((c) => c.id));
  });

  it('exits 1 because some lines hold policies that must be refused', () => {
    expect(cases.some((c) => c.expectError)).toBe(true);
    expect(run.status).toBe(1);
  });

  it('gives the documented decision for every case', () => {
    const wrong = cases.flatMap((c, i) => {
      const out = outputs[i];
      if (c.expectError) return out?.error ? [] : [`${c.id}: expected an error, got ${out?.decision}`];
      return out?.decision === c.expect ? [] : [`${c.id}: expected ${c.expect}, got ${out?.decision ?? out?.error?.code}`];
    });
    expect(wrong).toEqual([]);
  });
});
