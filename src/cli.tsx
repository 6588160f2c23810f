/**
 * The composition root: argv -> a command or the terminal UI. The only
 * file that knows every module.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { systemClock } from './core/index.js';
import { loadLibrary, LEVELS, type Level } from './content/index.js';
import { appendExamRecord, FutureStoreError, openConfStore, configDir, userPacksDir } from './progress/index.js';
import { isQuizQuestion, seededRandom } from './study/index.js';
import { EXIT_OK, EXIT_USAGE, type Command, type CommandIO } from './commands/types.js';
import { VERSION } from './version.js';
import { INTERACTIVE_COMMANDS } from './interactive-commands.js';
import type { EnginePorts, StartRequest } from './ui/App.js';

const BUILTIN_PACK = fileURLToPath(new URL('../content/aws-iam', import.meta.url));

const HELP = `iamprep ${VERSION}: practise AWS IAM in the terminal

Usage:
  iamprep                         open the home screen (levels, progress)
  iamprep quiz [--level L] [--topic T] [--count N]
                                  a quiz; L is beginner, intermediate, advanced or scenario
  iamprep exam [--count N] [--minutes M] [--level L]
                                  a timed mock exam
  iamprep interview [--level L]   a mock interview with open questions
  iamprep review                  the spaced-repetition session of what is due today
  iamprep practice [ID]           hands-on policy exercises, graded on every save
  iamprep lint FILE...            validate IAM policies: every problem at line:column
  iamprep grade --exercise ID --policy FILE
                                  grade an exercise answer without the UI
  iamprep stats                   progress summary (--json)
  iamprep progress export|import|reset|settings
  iamprep search QUERY            find any question or exercise
  iamprep eval ...                the policy simulator (iamprep eval --help)
  iamprep pack validate PATH...   check question packs, compiler-style
  iamprep pack init|list|add|remove   author, share and install packs

Options for every command:
  --pack PATH      load an extra pack for this run (repeatable)
  --no-builtin     do not load the built-in AWS IAM pack
  --help           help for a command (iamprep quiz --help)
  --version        print the version

Progress is kept in ${configDir()} (set XDG_CONFIG_HOME to use another folder).`;

/** Interactive commands the contract names that this version does not have yet: said plainly, never faked. */
const NOT_YET = new Set<string>();

/** Non-interactive commands, loaded on demand so that each start pays only for what it runs. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  eval: async () => (await import('./commands/eval.js')).evalCommand,
  lint: async () => (await import('./commands/lint.js')).lintCommand,
  grade: async () => (await import('./commands/grade.js')).gradeCommand,
  stats: async () => (await import('./commands/stats.js')).statsCommand,
  progress: async () => (await import('./commands/progress.js')).progressCommand,
  search: async () => {
    // The index lives in study/, which commands may not import: the root hands it over.
    const [{ createSearchCommand }, { buildSearchIndex, searchItemsOf }] = await Promise.all([import('./commands/search.js'), import('./study/index.js')]);
    return createSearchCommand((questions, exercises) => buildSearchIndex(searchItemsOf(questions, exercises)));
  },
  pack: async () => {
    const [{ createPackCommand }, { checkPackExercises, checkPredictQuestions, checkSpotQuestions }] = await Promise.all([import('./commands/pack.js'), import('./grading/index.js')]);
    // Policies inside packs are checked with the evaluator and the linter: solutions, starters, wrong answers, predict answers, spot bugs.
    return createPackCommand({
      version: VERSION,
      builtinDir: BUILTIN_PACK,
      extraChecks: (pack) => [...checkPackExercises(pack), ...checkPredictQuestions(pack), ...checkSpotQuestions(pack)],
    });
  },
};

const globalOptions = {
  pack: { type: 'string', multiple: true },
  'no-builtin': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} satisfies ParseArgsConfig['options'];

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const command = argv[0] && !argv[0].startsWith('-') ? argv[0] : undefined;
  const rest = command ? argv.slice(1) : argv;

  const load = command ? COMMANDS[command] : undefined;
  if (load) return (await load())(rest, io);
  if (command && NOT_YET.has(command)) {
    io.stderr(`iamprep: \`${command}\` is not available in this version yet\nRun \`iamprep --help\` for the commands there are.\n`);
    return EXIT_USAGE;
  }
  const interactive = command ? INTERACTIVE_COMMANDS[command] : undefined;
  if (command && !interactive) {
    io.stderr(`iamprep: unknown command \`${command}\`\nRun \`iamprep --help\` for the commands there are.\n`);
    return EXIT_USAGE;
  }

  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    const parsed = parseArgs({ args: rest, options: { ...globalOptions, ...interactive?.options }, allowPositionals: !!interactive?.positionals, strict: true });
    values = parsed.values;
    positionals = parsed.positionals;
  } catch (error) {
    io.stderr(`iamprep: ${(error as Error).message}\nRun \`iamprep ${command ? `${command} ` : ''}--help\` for usage.\n`);
    return EXIT_USAGE;
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  if (values.help) {
    io.stdout(`${interactive?.help ?? HELP}\n`);
    return EXIT_OK;
  }
  const request = interactive?.request(values, positionals);
  if (typeof request === 'string') {
    io.stderr(`iamprep ${command}: ${request}\n`);
    return EXIT_USAGE;
  }

  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    io.stderr('iamprep: this command is interactive and needs a terminal; run it in a terminal, or use a non-interactive command such as `iamprep pack validate`\n');
    return EXIT_USAGE;
  }
  return runInteractive(io, { extraPacks: (values.pack as string[] | undefined) ?? [], builtin: !values['no-builtin'], request });
}

async function runInteractive(io: CommandIO, options: { extraPacks: string[]; builtin: boolean; request?: StartRequest }): Promise<number> {
  let store;
  try {
    store = openConfStore({ cwd: configDir(io.env) });
  } catch (error) {
    if (error instanceof FutureStoreError) {
      io.stderr(`iamprep: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const library = loadLibrary({
    builtinDir: options.builtin ? BUILTIN_PACK : undefined,
    userPacksDir: userPacksDir(io.env),
    extraPacks: options.extraPacks,
    cacheDir: join(configDir(io.env), 'cache'),
    appVersion: VERSION,
  });
  const errors = library.diagnostics.filter((d) => d.severity === 'error');
  const notices = [
    store.notice,
    ...library.skipped.map((s) => `pack \`${s.root}\` was skipped: ${s.reason.message}`),
    errors.length > 0 ? `${errors.length} problem${errors.length === 1 ? '' : 's'} in the loaded packs; run \`iamprep pack validate\` on them` : undefined,
  ].filter(Boolean);
  if (library.questions.length === 0) {
    io.stderr('iamprep: no questions are loaded; check the packs with `iamprep pack validate PATH`\n');
    return 1;
  }

  const quiz = options.request?.mode === 'quiz' ? options.request : undefined;
  if (quiz && !library.questions.some((q) => isQuizQuestion(q) && (!quiz.level || q.level === quiz.level) && (!quiz.topic || q.topics.includes(quiz.topic)))) {
    io.stderr(`iamprep quiz: no quiz questions match${quiz.level ? ` level \`${quiz.level}\`` : ''}${quiz.topic ? ` topic \`${quiz.topic}\`` : ''}; topic ids are listed in each pack's pack.yaml\n`);
    return 1;
  }

  const wanted = options.request?.mode === 'practice' ? options.request.id : undefined;
  if (wanted && !library.exercises.some((e) => e.id === wanted || e.key === wanted)) {
    io.stderr(`iamprep practice: there is no exercise \`${wanted}\`; \`iamprep practice\` lists them, \`iamprep search\` finds them\n`);
    return 1;
  }

  // Loaded only for the interactive path, so that other commands start fast.
  const [{ runApp }, { createTheme }, { createWorkspace }] = await withoutFetch(() =>
    Promise.all([import('./ui/run.js'), import('./ui/theme.js'), import('./workspace/index.js')]),
  );
  try {
    await runApp({
      library,
      store,
      clock: systemClock,
      random: seededRandom(Date.now()),
      theme: createTheme(io.env),
      engine: lazyEnginePorts(),
      workspace: createWorkspace(configDir(io.env), io.env),
      recordExam: (record) => appendExamRecord(configDir(io.env), record),
      startWith: options.request,
      notice: notices.join('; ') || undefined,
    });
  } catch (error) {
    io.stderr(`iamprep: ${(error as Error).message}\n`);
    return 1;
  }
  return EXIT_OK;
}

/**
 * Runs `load` with the global `fetch` hidden. Ink's layout engine (yoga)
 * instantiates its WebAssembly from an inline base64 string, but reaches for
 * `fetch` first when it exists, and touching Node's `fetch` loads its whole
 * HTTP client (measured here: the home screen's first frame went from 299 to
 * 229 ms). iamprep makes no network requests at all.
 */
async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!descriptor?.configurable) return load();
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', descriptor);
  }
}

/**
 * The policy engine for the predict and spot modes, loaded in the background
 * once the first frame is up: no one needs it in the first second, and the
 * home screen should not wait for it.
 */
function lazyEnginePorts(): EnginePorts {
  let loaded: EnginePorts | undefined;
  setTimeout(() => void import('./engine-ports.js').then((m) => (loaded = m.enginePorts)), 0);
  const notYet = 'the policy engine is still loading; try again in a moment';
  return {
    decide: { decide: (q) => loaded?.decide.decide(q) ?? { error: notYet } },
    spot: { elementsOf: (text) => loaded?.spot.elementsOf(text) ?? [], findingsFor: (text, kind) => loaded?.spot.findingsFor(text, kind) ?? [] },
  };
}

/** A reader that stops early (`iamprep search x | head`) is not an error: stop quietly. */
function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

export function processIO(): CommandIO {
  exitQuietlyOnClosedPipe(process.stdout);
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: !!process.stdout.isTTY,
  };
}

// Run when executed, not when imported by tests.
const invokedDirectly = process.argv[1] && fileURLToPath(import.meta.url) === (await import('node:fs')).realpathSync(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2), processIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`iamprep: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
