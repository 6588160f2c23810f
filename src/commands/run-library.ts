/**
 * Loads the library the way every command sees it: the built-in pack
 * (unless `--no-builtin`), the user's packs folder, and each `--pack`
 * (relative to the working directory), with the parse cache in the config
 * folder.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { loadLibrary, type Library } from '../content/index.js';
import { configDir, userPacksDir } from '../progress/index.js';
import { locateInstall } from './pack-context.js';
import type { CommandIO } from './types.js';

export interface LibraryOptions {
  /** `--pack` values, as typed. */
  packs?: string[];
  noBuiltin?: boolean;
}

export function loadRunLibrary(options: LibraryOptions, io: Pick<CommandIO, 'cwd' | 'env'>, install = locateInstall()): Library {
  return loadLibrary({
    builtinDir: options.noBuiltin ? undefined : install.builtinDir,
    userPacksDir: userPacksDir(io.env),
    extraPacks: (options.packs ?? []).map((p) => (isAbsolute(p) ? p : resolve(io.cwd, p))),
    cacheDir: join(configDir(io.env), 'cache'),
    appVersion: install.version,
  });
}
