/**
 * All the packs of one run: the built-in pack, the user's packs folder and
 * any `--pack` paths. A pack with errors still contributes its valid items;
 * a pack whose id repeats another's, or that requires another iamprep
 * version, is skipped with a finding and the others still load.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../core/index.js';
import { loadPackCached } from './cache.js';
import type { Pack, Question, Exercise } from './types.js';

/** Where a pack was found. */
export type PackOrigin = 'builtin' | 'user' | 'extra';

export interface SkippedPack {
  root: string;
  origin: PackOrigin;
  /** The finding that says why; its code is `IncompatibleIamprep`, `DuplicatePackId` or the manifest's first error. */
  reason: Diagnostic;
}

export interface Library {
  packs: Pack[];
  /** Where each loaded pack came from, by pack id. */
  origins: Record<string, PackOrigin>;
  /** Packs found but not loaded. */
  skipped: SkippedPack[];
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
  /** The running iamprep version, checked against each pack's `requires`. */
  appVersion?: string;
}

/** Every pack folder the sources name, in load order: built-in, the user's folder (by name), then `--pack`. */
export function packRoots(sources: LibrarySources): { root: string; origin: PackOrigin }[] {
  const roots: { root: string; origin: PackOrigin }[] = [];
  if (sources.builtinDir) roots.push({ root: sources.builtinDir, origin: 'builtin' });
  if (sources.userPacksDir && existsSync(sources.userPacksDir)) {
    for (const name of readdirSync(sources.userPacksDir).sort()) {
      if (!name.startsWith('.')) roots.push({ root: join(sources.userPacksDir, name), origin: 'user' });
    }
  }
  for (const extra of sources.extraPacks ?? []) roots.push({ root: extra, origin: 'extra' });
  return roots;
}

export function loadLibrary(sources: LibrarySources): Library {
  const packs: Pack[] = [];
  const origins: Record<string, PackOrigin> = {};
  const skipped: SkippedPack[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { root, origin } of packRoots(sources)) {
    const result = loadPackCached(root, sources.cacheDir, { builtin: origin === 'builtin', appVersion: sources.appVersion });
    diagnostics.push(...result.diagnostics);
    if (!result.pack) {
      const reason = result.diagnostics.find((d) => d.code === 'IncompatibleIamprep') ?? result.diagnostics.find((d) => d.severity === 'error');
      if (reason) skipped.push({ root, origin, reason });
      continue;
    }
    const clash = packs.find((p) => p.id === result.pack!.id);
    if (clash) {
      const reason: Diagnostic = {
        file: join(root, 'pack.yaml'),
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 2,
        severity: 'error',
        code: 'DuplicatePackId',
        message: `pack id \`${result.pack.id}\` is already used by the pack in \`${clash.root}\`, so this one is skipped`,
        help: 'give the pack its own id in pack.yaml',
      };
      diagnostics.push(reason);
      skipped.push({ root, origin, reason });
      continue;
    }
    packs.push(result.pack);
    origins[result.pack.id] = origin;
  }
  return {
    packs,
    origins,
    skipped,
    diagnostics,
    questions: packs.flatMap((p) => p.questions),
    exercises: packs.flatMap((p) => p.exercises),
  };
}
