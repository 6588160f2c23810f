/**
 * A parsed-pack cache: YAML parsing dominates start-up for large packs, so
 * the result of loading a pack is kept as JSON, keyed by a hash of every
 * file the pack is made of. Any change to any file makes a new key.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Diagnostic } from '../core/index.js';
import { findPackFiles, loadPack, type LoadOptions, type LoadResult } from './loader.js';

/** Bumped when the shape of a loaded pack changes, so old entries are ignored. */
const CACHE_FORMAT = 2;

export function loadPackCached(root: string, cacheDir: string | undefined, options: LoadOptions = {}): LoadResult {
  if (!cacheDir) return loadPack(root, options);
  const key = packKey(root, options);
  if (!key) return loadPack(root, options);
  const entry = join(cacheDir, `${key}.json`);
  try {
    return JSON.parse(readFileSync(entry, 'utf8')) as LoadResult;
  } catch {
    // Missing or unreadable: load from YAML and write a fresh entry.
  }
  const result = loadPack(root, options);
  try {
    mkdirSync(cacheDir, { recursive: true });
    const temporary = `${entry}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(result));
    renameSync(temporary, entry);
    prune(cacheDir, root, key);
  } catch {
    // A cache that cannot be written only costs speed.
  }
  return result;
}

/** A hash of the pack's path, every file's path and bytes; undefined when the pack cannot be read. */
function packKey(root: string, options: LoadOptions): string | undefined {
  const hash = createHash('sha256');
  hash.update(`${CACHE_FORMAT}\0${root}\0${options.builtin ? 1 : 0}\0${options.appVersion ?? ''}\0`);
  const ignored: Diagnostic[] = [];
  try {
    for (const file of [join(root, 'pack.yaml'), ...findPackFiles(root, ignored)]) {
      const stats = statSync(file);
      if (!stats.isFile() || stats.size > 64 * 1024 * 1024) return undefined;
      hash.update(`${relative(root, file)}\0${stats.size}\0`);
      hash.update(readFileSync(file));
    }
  } catch {
    return undefined;
  }
  return `${hash.digest('hex').slice(0, 32)}`;
}

/** Keeps the cache small: entries older than a week that are not the current one go. */
function prune(cacheDir: string, _root: string, keep: string): void {
  const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
  for (const name of readdirSync(cacheDir)) {
    if (!name.endsWith('.json') || name.startsWith(keep)) continue;
    const full = join(cacheDir, name);
    if (statSync(full).mtimeMs < weekAgo) rmSync(full, { force: true });
  }
}
