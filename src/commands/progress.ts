/**
 * `iamprep progress export FILE | import FILE | reset`: move progress
 * between machines, or clear it. An import is checked completely and then
 * merged in one atomic write, or not at all; a reset asks first.
 */
import { existsSync, renameSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, basename } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { LineIndex } from '../core/index.js';
import { LEVELS, loadLibrary, type Level } from '../content/index.js';
import { checkImport, DEFAULT_SETTINGS, exportDocument, settingsProblem, StoreBusyError, type ProgressSettings, type ProgressStore } from '../progress/index.js';
import { loadRunLibrary } from './run-library.js';
import { openStoreFor } from './stats.js';
import { EXIT_INPUT_ERRORS, EXIT_OK, EXIT_USAGE, type Command, type CommandIO } from './types.js';

export const progressHelp = `Usage: iamprep progress export FILE
       iamprep progress import FILE
       iamprep progress reset [--pack ID] [--level L] [--yes]
       iamprep progress settings [--retention R] [--new-per-day N]

  export FILE   write all your progress (answers, schedule, history,
                settings) to FILE as JSON; \`-\` writes to standard output
  import FILE   merge a file written by \`export\` (or a progress.json) into
                your progress: answers already here are not counted twice.
                The file is checked first; if anything is wrong, nothing
                changes. \`-\` reads standard input
  reset         clear progress: all of it, one pack (--pack ID, or the path
                of a pack folder), one level (--level L: beginner,
                intermediate, advanced or scenario), or both. Asks first;
                --yes skips the question (needed when not in a terminal)
  settings      show or change the review settings: --retention R is the
                desired retention, the chance of recalling a card when it
                falls due (0.7 to 0.97, default 0.9); --new-per-day N is
                how many new cards a day's review introduces (default 10)

Exit status: 0, 1 the file had errors or the store could not be changed,
2 usage error (also a reset without --yes outside a terminal).`;

/** Asking the learner; the composition root may provide it, tests do. */
export interface ConfirmIO {
  /** Asks a yes/no question; resolves true only for yes. */
  confirm?(question: string): Promise<boolean>;
  /** Whether the learner can answer (standard input is a terminal). */
  stdinIsTTY?: boolean;
}

export const progressCommand: Command = async (argv, io) => {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout(`${progressHelp}\n`);
    return EXIT_OK;
  }
  if (sub === 'export' || sub === 'import') return transfer(sub, rest, io);
  if (sub === 'reset') return reset(rest, io as CommandIO & ConfirmIO);
  if (sub === 'settings') return settings(rest, io);
  io.stderr(`iamprep progress: ${sub ? `unknown subcommand \`${sub}\`` : 'name a subcommand: export, import or reset'}\nRun \`iamprep progress --help\` for usage.\n`);
  return EXIT_USAGE;
};

async function transfer(sub: 'export' | 'import', argv: string[], io: CommandIO): Promise<number> {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args: argv, options: {}, allowPositionals: true, strict: true }));
  } catch (error) {
    io.stderr(`iamprep progress ${sub}: ${(error as Error).message}\nRun \`iamprep progress --help\` for usage.\n`);
    return EXIT_USAGE;
  }
  if (positionals.length !== 1) {
    io.stderr(`iamprep progress ${sub}: name one FILE (\`-\` for standard ${sub === 'export' ? 'output' : 'input'})\nRun \`iamprep progress --help\` for usage.\n`);
    return EXIT_USAGE;
  }
  const file = positionals[0]!;
  const store = openStoreFor(io, `progress ${sub}`);
  if (!store) return EXIT_INPUT_ERRORS;
  return sub === 'export' ? exportTo(file, store, io) : importFrom(file, store, io);
}

function exportTo(file: string, store: ProgressStore, io: CommandIO): number {
  const data = store.data();
  const text = `${JSON.stringify(exportDocument(data, new Date()), null, 2)}\n`;
  if (file === '-') {
    io.stdout(text);
    return EXIT_OK;
  }
  const path = resolve(io.cwd, file);
  // Written beside the target, then renamed: an interrupted export never leaves half a file.
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    io.stderr(`iamprep progress export: cannot write \`${file}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return EXIT_INPUT_ERRORS;
  }
  io.stderr(`exported ${count(data.history.length, 'answer')} for ${count(Object.keys(data.items).length, 'question')} to ${file}\n`);
  return EXIT_OK;
}

async function importFrom(file: string, store: ProgressStore, io: CommandIO): Promise<number> {
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    io.stderr(`iamprep progress import: cannot read \`${file}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return EXIT_INPUT_ERRORS;
  }
  const name = file === '-' ? '<stdin>' : file;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const at = jsonErrorPosition(text, (error as Error).message);
    io.stderr(`${name}:${at.line}:${at.column} error InvalidJson the file is not valid JSON: ${(error as Error).message}\n  help: import a file written by \`iamprep progress export\`\nnothing was imported\n`);
    return EXIT_INPUT_ERRORS;
  }
  const checked = checkImport(value);
  if (!checked.ok) {
    const index = new LineIndex(text);
    for (const problem of checked.problems) {
      const at = index.position(offsetOfProblem(text, problem));
      io.stderr(`${name}:${at.line}:${at.column} error InvalidProgressFile ${problem}\n`);
    }
    io.stderr(`  help: ${checked.newer ? 'upgrade iamprep to import it' : 'import a file written by `iamprep progress export`, unedited'}\nnothing was imported\n`);
    return EXIT_INPUT_ERRORS;
  }
  try {
    const report = store.merge(checked.data);
    io.stderr(`imported ${count(report.added, 'new answer')}; ${count(report.keys, 'question')} updated\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof StoreBusyError) {
      io.stderr(`iamprep progress import: ${error.message}\nnothing was imported\n`);
      return EXIT_INPUT_ERRORS;
    }
    throw error;
  }
}

async function reset(argv: string[], io: CommandIO & ConfirmIO): Promise<number> {
  let values;
  try {
    values = parseArgs({ args: argv, options: { pack: { type: 'string' }, level: { type: 'string' }, yes: { type: 'boolean', short: 'y' } }, allowPositionals: false, strict: true }).values;
  } catch (error) {
    io.stderr(`iamprep progress reset: ${(error as Error).message}\nRun \`iamprep progress --help\` for usage.\n`);
    return EXIT_USAGE;
  }
  const level = values.level;
  if (level !== undefined && !(LEVELS as readonly string[]).includes(level)) {
    io.stderr(`iamprep progress reset: --level must be one of ${LEVELS.join(', ')}, not \`${level}\`\n`);
    return EXIT_USAGE;
  }
  const packId = values.pack === undefined ? undefined : packIdOf(values.pack, io);
  const store = openStoreFor(io, 'progress reset');
  if (!store) return EXIT_INPUT_ERRORS;

  const levelKeys = level ? keysAtLevel(level as Level, values.pack, io) : undefined;
  const matches = (key: string) => (packId === undefined || key.startsWith(`${packId}/`)) && (levelKeys === undefined || levelKeys.has(key));
  const data = store.data();
  const affected = new Set([...Object.keys(data.items), ...Object.keys(data.cards), ...data.history.map((e) => e.key)].filter(matches));
  const what = [packId !== undefined ? `pack \`${packId}\`` : undefined, level ? `level ${level}` : undefined].filter(Boolean).join(', ') || 'all packs and levels';
  if (affected.size === 0) {
    io.stderr(`nothing to reset for ${what}\n`);
    return EXIT_OK;
  }
  if (!values.yes) {
    const canAsk = (io.stdinIsTTY ?? !!process.stdin.isTTY) && io.stdoutIsTTY;
    if (!canAsk) {
      io.stderr(`iamprep progress reset: this would clear the progress of ${count(affected.size, 'question')} (${what}); add --yes to do it without a terminal to ask in\n`);
      return EXIT_USAGE;
    }
    const ask = io.confirm ?? askOnTerminal;
    if (!(await ask(`Clear the progress of ${count(affected.size, 'question')} (${what})? This cannot be undone. [y/N] `))) {
      io.stderr('nothing was reset\n');
      return EXIT_OK;
    }
  }
  try {
    const cleared = store.reset(matches);
    io.stderr(`cleared the progress of ${count(cleared, 'question')} (${what})\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof StoreBusyError) {
      io.stderr(`iamprep progress reset: ${error.message}\nnothing was reset\n`);
      return EXIT_INPUT_ERRORS;
    }
    throw error;
  }
}

async function settings(argv: string[], io: CommandIO): Promise<number> {
  let values;
  try {
    values = parseArgs({ args: argv, options: { retention: { type: 'string' }, 'new-per-day': { type: 'string' } }, allowPositionals: false, strict: true }).values;
  } catch (error) {
    io.stderr(`iamprep progress settings: ${(error as Error).message}\nRun \`iamprep progress --help\` for usage.\n`);
    return EXIT_USAGE;
  }
  const patch: Partial<ProgressSettings> = {};
  if (values.retention !== undefined) patch.desiredRetention = Number(values.retention);
  if (values['new-per-day'] !== undefined) patch.newCardsPerDay = Number(values['new-per-day']);
  const problem = settingsProblem({ ...DEFAULT_SETTINGS, ...patch });
  if (problem) {
    io.stderr(`iamprep progress settings: ${problem}\n`);
    return EXIT_USAGE;
  }
  const store = openStoreFor(io, 'progress settings');
  if (!store) return EXIT_INPUT_ERRORS;
  const now = Object.keys(patch).length > 0 ? store.updateSettings(patch) : store.settings();
  io.stdout(`desired retention  ${now.desiredRetention}\nnew cards per day  ${now.newCardsPerDay}\n`);
  return EXIT_OK;
}

/** `--pack` takes a pack id, or the folder of a pack (its id is read from it). */
function packIdOf(value: string, io: CommandIO): string {
  const folder = resolve(io.cwd, value);
  if (!existsSync(join(folder, 'pack.yaml'))) return value;
  return loadLibrary({ extraPacks: [folder] }).packs[0]?.id ?? value;
}

/** Keys of the questions and exercises at `level` in the packs this run can see. */
function keysAtLevel(level: Level, pack: string | undefined, io: CommandIO): Set<string> {
  const extra = pack !== undefined && existsSync(join(resolve(io.cwd, pack), 'pack.yaml')) ? [pack] : [];
  const library = loadRunLibrary({ packs: extra }, io);
  return new Set([...library.questions, ...library.exercises].filter((i) => i.level === level).map((i) => i.key));
}

async function askOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Where JSON.parse stopped, from its message ("... at position 12" or "(line 2 column 5)"). */
function jsonErrorPosition(text: string, message: string): { line: number; column: number } {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  return new LineIndex(text).position(position ? Number(position[1]) : text.length);
}

/** Best effort: the first place the key a problem names appears in the file, else the start. */
function offsetOfProblem(text: string, problem: string): number {
  const key = /`([^`]+)`/.exec(problem)?.[1];
  const entry = /history entry (\d+)/.exec(problem);
  if (key) {
    const at = text.indexOf(JSON.stringify(key));
    if (at >= 0) return at;
  }
  if (entry) {
    const history = text.indexOf('"history"');
    if (history >= 0) return history;
  }
  return 0;
}
