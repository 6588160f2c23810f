/**
 * The practice workspace: exercise files on disk, the learner's editor,
 * and watching the file for saves. The only place the practice feature
 * touches the file system or spawns processes; the screens get these
 * through the ports the composition root passes in.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { basename, delimiter, dirname, join } from 'node:path';

export interface WorkspaceItem {
  packId: string;
  id: string;
  starter?: string;
}

const EMPTY_POLICY = '{\n  "Version": "2012-10-17",\n  "Statement": []\n}\n';

/** `<config>/workspace`: kept with the rest of the app's files. */
export function workspaceFolder(configDir: string): string {
  return join(configDir, 'workspace');
}

export function workspacePath(folder: string, item: WorkspaceItem): string {
  return join(folder, item.packId, `${item.id}.json`);
}

/** The exercise's file, with the starter written the first time; a learner's earlier work is kept. */
export function prepareWorkspaceFile(folder: string, item: WorkspaceItem): string {
  const path = workspacePath(folder, item);
  if (!existsSync(path)) writeStarter(path, item);
  return path;
}

/** Puts the starter back, replacing the learner's text. */
export function resetWorkspaceFile(folder: string, item: WorkspaceItem): string {
  const path = workspacePath(folder, item);
  writeStarter(path, item);
  return path;
}

function writeStarter(path: string, item: WorkspaceItem): void {
  mkdirSync(dirname(path), { recursive: true });
  const text = item.starter ?? EMPTY_POLICY;
  writeFileSync(path, text.endsWith('\n') ? text : `${text}\n`);
}

export function readWorkspaceFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export interface WatchOptions {
  /** How often to look at the file where change events do not arrive (network drives, some containers). */
  pollMs?: number;
  /** Editors write in bursts (truncate, write, rename): wait this long for the burst to end. */
  settleMs?: number;
}

/**
 * Calls `onChange` with the new text whenever the file's content changes.
 * Watches the folder, not the file, because many editors save by writing a
 * new file and renaming it over the old one; polls as well, for file
 * systems that send no events. Returns the function that stops watching.
 */
export function watchWorkspaceFile(path: string, onChange: (text: string) => void, options: WatchOptions = {}): () => void {
  const settleMs = options.settleMs ?? 25;
  let last = readWorkspaceFile(path);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const check = (): void => {
    timer = undefined;
    if (stopped) return;
    const text = readWorkspaceFile(path);
    if (text === undefined || text === last) return;
    last = text;
    onChange(text);
  };
  const soon = (): void => {
    if (timer === undefined) timer = setTimeout(check, settleMs);
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dirname(path), (_event, name) => {
      if (name === null || name.toString() === basename(path)) soon();
    });
    watcher.on('error', () => undefined);
  } catch {
    watcher = undefined;
  }
  const poll = setInterval(check, options.pollMs ?? 500);
  poll.unref();
  return () => {
    stopped = true;
    watcher?.close();
    clearInterval(poll);
    if (timer) clearTimeout(timer);
  };
}

/**
 * The editor to run: `$VISUAL`, then `$EDITOR` (either may carry
 * arguments, such as `code --wait`), then `nano`, then `vi`.
 */
export function editorCommand(env: Record<string, string | undefined>, onPath: (name: string) => boolean = (name) => onSearchPath(name, env)): { command: string; args: string[] } {
  for (const value of [env.VISUAL, env.EDITOR]) {
    const words = value?.trim().split(/\s+/).filter(Boolean) ?? [];
    if (words.length > 0) return { command: words[0]!, args: words.slice(1) };
  }
  return { command: onPath('nano') ? 'nano' : 'vi', args: [] };
}

function onSearchPath(name: string, env: Record<string, string | undefined>): boolean {
  return (env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, name)));
}

export type Spawner = (command: string, args: string[], options: { stdio: 'inherit'; env: NodeJS.ProcessEnv }) => Pick<SpawnSyncReturns<Buffer>, 'status' | 'error'>;

/**
 * Runs the editor on the file with the terminal handed over, and waits
 * for it to exit. The caller releases and retakes the keyboard around it.
 */
export function openInEditor(path: string, env: Record<string, string | undefined>, spawn: Spawner = spawnSync): { ok: boolean; message?: string } {
  const { command, args } = editorCommand(env);
  const result = spawn(command, [...args, path], { stdio: 'inherit', env: env as NodeJS.ProcessEnv });
  if (result.error) return { ok: false, message: `could not start \`${command}\`: ${(result.error as NodeJS.ErrnoException).code ?? result.error.message}; set $VISUAL or $EDITOR` };
  if (result.status !== 0) return { ok: false, message: `\`${command}\` exited with status ${String(result.status)}` };
  return { ok: true };
}

/** The workspace port the practice screen takes, bound to a config folder and environment. */
export function createWorkspace(configDir: string, env: Record<string, string | undefined>) {
  const folder = workspaceFolder(configDir);
  return {
    folder,
    prepare: (item: WorkspaceItem) => prepareWorkspaceFile(folder, item),
    reset: (item: WorkspaceItem) => resetWorkspaceFile(folder, item),
    read: readWorkspaceFile,
    watch: (path: string, onChange: (text: string) => void) => watchWorkspaceFile(path, onChange),
    openEditor: (path: string) => openInEditor(path, env),
  };
}
