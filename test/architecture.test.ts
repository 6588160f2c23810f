/**
 * The import rules of shared/design/architecture.md: the domain engine never
 * imports the UI, and each module imports only what its row allows.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');

const allowed: Record<string, string[]> = {
  core: [],
  policy: ['core'],
  content: ['core'],
  grading: ['core', 'policy', 'content'],
  progress: ['core'],
  study: ['core', 'content', 'grading', 'progress'],
  ui: ['study', 'core'],
  commands: ['core', 'policy', 'content', 'grading', 'progress'],
  // The exercise workspace: files and the learner's editor; used by the composition root only.
  workspace: [],
};
/** Modules that may use `import type` from anywhere. */
const typeImportsFromAnywhere = new Set(['ui']);
const reactAllowed = new Set(['ui', '(root)']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function moduleOf(file: string): string {
  const rel = relative(SRC, file).split(sep);
  return rel.length > 1 ? rel[0]! : '(root)';
}

interface ImportLine {
  spec: string;
  typeOnly: boolean;
}

function importsOf(text: string): ImportLine[] {
  const out: ImportLine[] = [];
  const staticImport = /^\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(staticImport)) out.push({ spec: m[3]!, typeOnly: !!m[2] });
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1]!, typeOnly: false });
  return out;
}

export function violations(): string[] {
  const problems: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = moduleOf(file);
    for (const { spec, typeOnly } of importsOf(readFileSync(file, 'utf8'))) {
      const where = relative(SRC, file);
      if (spec === 'react' || spec === 'ink' || spec.startsWith('react/') || spec.startsWith('ink-')) {
        if (!reactAllowed.has(from) && !typeOnly) problems.push(`${where} imports ${spec}`);
        continue;
      }
      if (!spec.startsWith('.')) continue;
      const to = moduleOf(resolve(dirname(file), spec));
      if (to === from || from === '(root)') continue;
      if (to === '(root)') {
        problems.push(`${where} imports the composition root (${spec})`);
        continue;
      }
      const ok = allowed[from]?.includes(to) || (typeOnly && typeImportsFromAnywhere.has(from));
      if (!ok) problems.push(`${where} (${from}) imports ${spec} (${to})`);
      // Other modules are used through their index.
      if (ok && !/\/index\.js$/.test(spec) && !typeOnly) problems.push(`${where} imports ${spec} instead of ${to}/index.js`);
    }
  }
  return problems;
}

describe('module boundaries', () => {
  it('has no import that the architecture forbids', () => {
    expect(violations()).toEqual([]);
  });

  it('would notice a forbidden import', () => {
    expect(importsOf("import { render } from 'ink';\nimport type { X } from '../ui/App.js';")).toEqual([
      { spec: 'ink', typeOnly: false },
      { spec: '../ui/App.js', typeOnly: true },
    ]);
  });
});
