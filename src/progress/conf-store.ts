/**
 * The progress store on disk, in the platform's config folder
 * (`$XDG_CONFIG_HOME/iamprep` on Linux):
 *
 *   progress.json       the snapshot, written by conf (atomically: temporary
 *                       file, then rename), with a JSON schema and a schema
 *                       version; older versions are migrated, newer refused
 *   progress.journal/   one append-only segment per running instance
 *                       (`<pid>-<random>.jsonl`), one event per line
 *   progress.lock       held only while the snapshot is rewritten
 *
 * Why a journal: conf rewrites the whole file on every change, which costs
 * tens of milliseconds for a 1 MB store, and two instances rewriting one
 * file lose each other's answers. Saving an answer instead appends one line
 * to this instance's own segment and syncs it (well under a millisecond),
 * so a SIGKILL right after leaves it on disk, and no two writers ever share
 * a file. Opening (under the lock) replays the segments into the snapshot
 * and deletes those whose process has ended. Each snapshot records how many
 * bytes of each segment it includes, so a replay never counts a line twice.
 */
import { closeSync, copyFileSync, existsSync, fdatasyncSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Conf from 'conf';
import { isAlive, withLock } from './lock.js';
import { emptySnapshot, migrate, SCHEMA_VERSION, SNAPSHOT_SCHEMA, snapshotProblems, type Snapshot } from './snapshot.js';
import { applyEvent, type StoreEvent } from './state.js';
import { storeOn, type EventSink } from './store-core.js';
import type { ProgressData, ProgressStore } from './types.js';

export { SCHEMA_VERSION };

export class FutureStoreError extends Error {
  constructor(
    readonly path: string,
    readonly version: number,
  ) {
    super(`the progress store at ${path} was written by a newer iamprep (store version ${version}, this one reads up to ${SCHEMA_VERSION}); upgrade iamprep to use it — it has not been changed`);
  }
}

/** Another instance held the lock too long for an import or reset. */
export class StoreBusyError extends Error {
  constructor(readonly path: string) {
    super(`the progress store at ${path} is being updated by another iamprep; try again in a moment`);
  }
}

export interface ConfStoreOptions {
  /** The config folder: the platform's (see configDir) or a test's. */
  cwd: string;
  /** Gives the time for naming a backup. */
  now?: () => Date;
  /** How long to wait for another instance's lock (default 5 s). */
  lockWaitMs?: number;
}

const FILE_NAME = 'progress.json';
const JOURNAL_DIR = 'progress.journal';
const LOCK_NAME = 'progress.lock';
const SEGMENT = /^(\d+)-[0-9a-f]+\.jsonl$/;
/** Ended segments are folded into the snapshot once there are this many, or this many bytes of them. */
const FOLD_SEGMENTS = 16;
const FOLD_BYTES = 256 * 1024;

export function openConfStore(options: ConfStoreOptions): ProgressStore {
  mkdirSync(options.cwd, { recursive: true });
  const store = new DiskStore(options);
  return storeOn(store, store.path, store.notice);
}

class DiskStore implements EventSink {
  readonly path: string;
  notice?: string;
  private readonly journalDir: string;
  private readonly lockPath: string;
  private readonly lockWaitMs: number;
  private data: ProgressData = emptySnapshot();
  /** Bytes of each segment included in `data`. */
  private offsets = new Map<string, number>();
  /** Identity of the snapshot `data` was loaded from: another instance rewriting it changes this. */
  private stamp = '';
  private segment?: { name: string; fd: number };
  private skippedLines = 0;

  constructor(private readonly options: ConfStoreOptions) {
    this.path = join(options.cwd, FILE_NAME);
    this.journalDir = join(options.cwd, JOURNAL_DIR);
    this.lockPath = join(options.cwd, LOCK_NAME);
    this.lockWaitMs = options.lockWaitMs ?? 5000;
    mkdirSync(this.journalDir, { recursive: true });
    const opened = withLock(this.lockPath, this.lockWaitMs, () => this.compact());
    // Without the lock (another instance stuck in a rewrite), read what is there and rewrite nothing.
    if (!opened.locked) this.reload(this.readSnapshot() ?? emptySnapshot());
    if (this.skippedLines > 0) this.addNotice(`${this.skippedLines} damaged line${this.skippedLines === 1 ? ' was' : 's were'} skipped in ${this.journalDir}`);
  }

  current(): ProgressData {
    this.catchUp();
    return this.data;
  }

  commit(event: StoreEvent): void {
    const segment = this.ownSegment();
    const line = Buffer.from(`${JSON.stringify(event)}\n`, 'utf8');
    let written = 0;
    while (written < line.length) written += writeSync(segment.fd, line, written);
    // Synced before returning: an answer shown as saved survives even a machine crash.
    fdatasyncSync(segment.fd);
    this.offsets.set(segment.name, (this.offsets.get(segment.name) ?? 0) + line.length);
    applyEvent(this.data, event);
  }

  rewrite<T>(change: (data: ProgressData) => T): T {
    const done = withLock(this.lockPath, this.lockWaitMs, () => {
      // The same checks as opening: a file damaged meanwhile is set aside, never overwritten.
      this.compact();
      const next = structuredClone(this.data);
      const result = change(next);
      this.writeSnapshot(next);
      this.data = next;
      return result;
    });
    if (!done.locked) throw new StoreBusyError(this.path);
    return done.value;
  }

  /** Under the lock: set a damaged file aside, migrate an old one, fold the journal in. */
  private compact(): void {
    let snapshot = this.inspect();
    let changed = false;
    if (snapshot && snapshot.schemaVersion < SCHEMA_VERSION) {
      const backup = `${this.path}.v${snapshot.schemaVersion}-backup`;
      if (!existsSync(backup)) copyFileSync(this.path, backup);
      snapshot = migrate(snapshot as unknown as Record<string, unknown>);
      changed = true;
    }
    this.reload(snapshot ?? emptySnapshot());
    const names = this.segmentNames();
    const finished = names.filter((name) => !isAlive(Number(SEGMENT.exec(name)![1])));
    const forgotten = Object.keys(snapshot?.journal ?? {}).filter((name) => !names.includes(name));
    // Rewriting a large snapshot costs far more than replaying a few short segments, so ended ones are folded in batches.
    const finishedBytes = finished.reduce((sum, name) => sum + sizeOf(join(this.journalDir, name)), 0);
    const worthIt = finished.length >= FOLD_SEGMENTS || finishedBytes >= FOLD_BYTES;
    if (!changed && snapshot && forgotten.length === 0 && !worthIt) return;
    this.writeSnapshot(this.data);
    // Only after the snapshot holds them: a crash before this line replays nothing twice.
    for (const name of finished) unlinkQuietly(join(this.journalDir, name));
  }

  /** The snapshot on disk, checked; undefined when there is none or it was set aside. */
  private inspect(): Snapshot | undefined {
    if (!existsSync(this.path)) return undefined;
    let { problem, value } = readJsonObject(this.path);
    if (value) {
      const version = value.schemaVersion;
      if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) problem = 'it has no schema version';
      else if (version > SCHEMA_VERSION) throw new FutureStoreError(this.path, version);
      else {
        const problems = snapshotProblems(value);
        if (problems.length > 0) problem = `it is damaged: ${problems.slice(0, 3).join('; ')}`;
      }
    }
    if (!problem) return value as unknown as Snapshot;
    // A damaged store is never cleared: it is kept beside the new one and the learner is told where.
    const stamp = (this.options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const backup = `${this.path}.corrupt-${stamp}`;
    renameSync(this.path, backup);
    this.addNotice(`your progress file could not be read (${problem}); it was kept as ${backup} and a new one was started`);
    return undefined;
  }

  /** The snapshot as it is now, for reloading; undefined when missing or unusable (kept for the next opening to deal with). */
  private readSnapshot(): Snapshot | undefined {
    try {
      const value = JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, unknown>;
      if (value.schemaVersion !== SCHEMA_VERSION || snapshotProblems(value).length > 0) return undefined;
      return value as unknown as Snapshot;
    } catch {
      return undefined;
    }
  }

  /** Starts from `snapshot` and replays every segment past what it includes. */
  private reload(snapshot: Snapshot): void {
    this.stamp = this.snapshotStamp();
    const { schemaVersion: _version, journal, ...data } = snapshot;
    this.data = { items: data.items, cards: data.cards, history: data.history, settings: data.settings };
    this.offsets = new Map(Object.entries(journal));
    for (const name of this.segmentNames()) this.replay(name);
  }

  /** Folds in what other instances saved since this one last looked. */
  private catchUp(): void {
    if (this.snapshotStamp() !== this.stamp) {
      const snapshot = this.readSnapshot();
      // Left for the next opening to set aside; this instance keeps what it has.
      if (!snapshot) return void (this.stamp = this.snapshotStamp());
      return this.reload(snapshot);
    }
    for (const name of this.segmentNames()) if (name !== this.segment?.name) this.replay(name);
  }

  /** Applies the complete lines of a segment past its offset. A line still being written waits for its newline. */
  private replay(name: string): void {
    const from = this.offsets.get(name) ?? 0;
    let fd: number;
    try {
      fd = openSync(join(this.journalDir, name), 'r');
    } catch {
      return; // Deleted by an opening that folded it into the snapshot.
    }
    try {
      const size = fstatSync(fd).size;
      if (size <= from) return;
      const bytes = Buffer.alloc(size - from);
      let read = 0;
      while (read < bytes.length) {
        const n = readSync(fd, bytes, read, bytes.length - read, from + read);
        if (n === 0) break;
        read += n;
      }
      const end = bytes.lastIndexOf(0x0a, read - 1);
      if (end < 0) return;
      for (const line of bytes.subarray(0, end).toString('utf8').split('\n')) {
        const event = parseEvent(line);
        if (event) applyEvent(this.data, event);
        else if (line.trim() !== '') this.skippedLines++;
      }
      this.offsets.set(name, from + end + 1);
    } finally {
      closeSync(fd);
    }
  }

  private writeSnapshot(data: ProgressData): void {
    const journal = Object.fromEntries([...this.offsets].filter(([name]) => existsSync(join(this.journalDir, name))));
    const snapshot: Snapshot = { schemaVersion: SCHEMA_VERSION, ...data, journal };
    this.conf().store = snapshot as unknown as Record<string, unknown>;
    this.stamp = this.snapshotStamp();
  }

  private confInstance?: Conf<Record<string, unknown>>;

  private conf(): Conf<Record<string, unknown>> {
    // Without `defaults`, constructing conf only reads the file; it compiles the schema once per store.
    return (this.confInstance ??= new Conf<Record<string, unknown>>({
      projectName: 'iamprep',
      projectSuffix: '',
      configName: 'progress',
      cwd: this.options.cwd,
      accessPropertiesByDotNotation: false,
      clearInvalidConfig: false,
      schema: SNAPSHOT_SCHEMA as never,
      // One line: the file is rewritten only when opening, import or reset, and a compact one is faster to write and read.
      serialize: (value) => JSON.stringify(value),
    }));
  }

  private ownSegment(): { name: string; fd: number } {
    if (!this.segment) {
      const name = `${process.pid}-${randomBytes(6).toString('hex')}.jsonl`;
      this.segment = { name, fd: openSync(join(this.journalDir, name), 'a') };
      this.offsets.set(name, 0);
      syncDirectory(this.journalDir);
    }
    return this.segment;
  }

  private segmentNames(): string[] {
    try {
      return readdirSync(this.journalDir).filter((name) => SEGMENT.test(name)).sort();
    } catch {
      return [];
    }
  }

  private snapshotStamp(): string {
    try {
      const s = statSync(this.path, { bigint: true });
      return `${s.ino}:${s.mtimeNs}:${s.size}`;
    } catch {
      return 'none';
    }
  }

  private addNotice(text: string) {
    this.notice = this.notice ? `${this.notice}; ${text}` : text;
  }
}

/** The JSON object in a file, or what is wrong with it. */
function readJsonObject(path: string): { problem?: string; value?: Record<string, unknown> } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { problem: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { problem: 'it does not hold an object' };
    return { value: parsed as Record<string, unknown> };
  } catch (error) {
    return { problem: `invalid JSON: ${(error as Error).message}` };
  }
}

function parseEvent(line: string): StoreEvent | undefined {
  try {
    const event = JSON.parse(line) as StoreEvent;
    if (event.t === 'answer' && typeof event.key === 'string' && typeof event.at === 'string' && typeof event.correct === 'boolean') return event;
    if (event.t === 'undo' && typeof event.of === 'string' && typeof event.key === 'string') return event;
    if (event.t === 'settings' && typeof event.settings === 'object' && event.settings !== null) return event;
  } catch {
    // A damaged line: counted by the caller.
  }
  return undefined;
}

/** Makes a new file's name durable too (a no-op where directories cannot be opened). */
function syncDirectory(dir: string) {
  try {
    const fd = openSync(dir, 'r');
    try {
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a directory; the rename-based snapshot does not depend on this.
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function unlinkQuietly(path: string) {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
