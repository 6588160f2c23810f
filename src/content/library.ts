/**
 * All the packs of one run: the built-in pack, the user's packs folder and
 * any `--pack` paths. A pack with errors still contributes its valid items;
 * a pack whose id repeats another's is skipped with a finding.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../core/index.js';
import { loadPackCached } from './cache.js';
import type { Pack, Question, Exercise } from './types.js';

export interface Library {
  packs: Pack[];
  diagnostics: Diagnostic[];
  questions: Question[];
  exercises: Exercise[];
}

export interface LibrarySources {
  builtinDir?: string;
  userPacksDir?: string;
  extraPacks?: string[];
  /** Where parsed packs are cached; no cache when absent. */
  cacheDir?: string;
}

export function loadLibrary(sources: LibrarySources): Library {
  const roots: { root: string; builtin: boolean }[] = [];
  if (sources.builtinDir) roots.push({ root: sources.builtinDir, builtin: true });
  if (sources.userPacksDir && existsSync(sources.userPacksDir)) {
    for (const name of readdirSync(sources.userPacksDir).sort()) {
      if (!name.startsWith('.')) roots.push({ root: join(sources.userPacksDir, name), builtin: false });
    }
  }
  for (const extra of sources.extraPacks ?? []) roots.push({ root: extra, builtin: false });

  const packs: Pack[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { root, builtin } of roots) {
    const result = loadPackCached(root, sources.cacheDir, { builtin });
    diagnostics.push(...result.diagnostics);
    if (!result.pack) continue;
    const clash = packs.find((p) => p.id === result.pack!.id);
    if (clash) {
      diagnostics.push({
        file: join(root, 'pack.yaml'),
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 2,
        severity: 'error',
        code: 'DuplicatePackId',
        message: `pack id \`${result.pack.id}\` is already used by the pack in \`${clash.root}\``,
        help: 'give the pack its own id in pack.yaml',
      });
      continue;
    }
    packs.push(result.pack);
  }
  return {
    packs,
    diagnostics,
    questions: packs.flatMap((p) => p.questions),
    exercises: packs.flatMap((p) => p.exercises),
  };
}
