/**
 * The progress store on disk, with conf, in the platform's config folder
 * (`$XDG_CONFIG_HOME/iamprep/progress.json` on Linux). conf writes
 * atomically (temporary file, then rename), so a crash leaves the old or
 * the new file, never half of one.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { applyAnswer } from './memory-store.js';
import type { ItemProgress, ProgressStore } from './types.js';

/** Bumped with every change of the stored shape; older stores are migrated, newer ones refused. */
export const SCHEMA_VERSION = 1;

interface StoredProgress {
  schemaVersion: number;
  items: Record<string, ItemProgress>;
}

export class FutureStoreError extends Error {
  constructor(
    readonly path: string,
    readonly version: number,
  ) {
    super(`the progress store at ${path} was written by a newer iamprep (store version ${version}, this one reads up to ${SCHEMA_VERSION}); upgrade iamprep to use it — it has not been changed`);
  }
}

export interface ConfStoreOptions {
  /** The config folder: the platform's (see configDir) or a test's. */
  cwd: string;
  /** Gives the time for naming a backup. */
  now?: () => Date;
}

const FILE_NAME = 'progress.json';

export function openConfStore(options: ConfStoreOptions): ProgressStore {
  const path = join(options.cwd, FILE_NAME);
  // Checked before conf opens it: conf would write its defaults into a file it cannot use.
  const problem = inspect(path);
  let notice: string | undefined;
  if (problem) {
    // A damaged store is never cleared: it is kept beside the new one and the learner is told where.
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const backup = `${path}.corrupt-${stamp}`;
    renameSync(path, backup);
    notice = `your progress file could not be read (${problem}); it was kept as ${backup} and a new one was started`;
  }

  const conf = new Conf<StoredProgress>({
    projectName: 'iamprep',
    projectSuffix: '',
    configName: 'progress',
    cwd: options.cwd,
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    defaults: { schemaVersion: SCHEMA_VERSION, items: {} },
  });

  return {
    location: conf.path,
    notice,
    get: (key) => conf.get('items')[key],
    all: () => conf.get('items'),
    recordAnswer(answer) {
      // Read just before writing, so that another open iamprep's answers are kept.
      const items = conf.get('items');
      items[answer.key] = applyAnswer(items[answer.key], answer);
      conf.set('items', items);
    },
  };
}

/** What is wrong with the file at `path`, if anything; throws FutureStoreError for a newer store. */
function inspect(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  let data: Partial<StoredProgress>;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as Partial<StoredProgress>;
  } catch (error) {
    return `invalid JSON: ${(error as Error).message}`;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'it does not hold an object';
  if (typeof data.schemaVersion !== 'number') return 'it has no schema version';
  if (data.schemaVersion > SCHEMA_VERSION) throw new FutureStoreError(path, data.schemaVersion);
  if (typeof data.items !== 'object' || data.items === null || Array.isArray(data.items)) return 'it has no answer records';
  for (const [key, item] of Object.entries(data.items)) {
    if (typeof item?.attempts !== 'number' || typeof item.correct !== 'number') return `the record for ${key} is damaged`;
  }
  return undefined;
}
