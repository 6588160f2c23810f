/**
 * What the pack commands need to know about the running iamprep: its
 * version (for `requires` and the schema URL), where the built-in pack is,
 * and any extra checks other modules add to `pack validate`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../core/index.js';
import type { Pack } from '../content/index.js';

/** More findings for a loaded pack (policies that do not validate, solutions that fail their cases, ...). */
export type ExtraPackChecks = (pack: Pack) => Diagnostic[];

export interface PackCommandContext {
  version: string;
  /** The built-in pack's folder; none when it cannot be found. */
  builtinDir?: string;
  extraChecks?: ExtraPackChecks;
}

/**
 * Finds the installed iamprep from this file: the nearest package.json named
 * `iamprep` above it (src/commands/ when run from source, dist/ when bundled).
 */
export function locateInstall(from: string = fileURLToPath(import.meta.url)): Omit<PackCommandContext, 'extraChecks'> {
  let dir = dirname(from);
  for (let i = 0; i < 6; i++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'iamprep' && typeof pkg.version === 'string') {
          const builtin = join(dir, 'content', 'aws-iam');
          return { version: pkg.version, builtinDir: existsSync(join(builtin, 'pack.yaml')) ? builtin : undefined };
        }
      } catch {
        // not ours; keep looking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { version: '0.0.0' };
}
