/**
 * `iamprep pack list`: the packs this iamprep finds (built-in, the user's
 * packs folder, `--pack`), with versions and counts, and those skipped.
 */
import { lstatSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { stripControl } from '../core/index.js';
import { loadLibrary, type PackOrigin } from '../content/index.js';
import { configDir, userPacksDir } from '../progress/index.js';
import type { PackCommandContext } from './pack-context.js';
import { terminalSafeJson } from './pack-validate.js';
import { EXIT_OK, EXIT_USAGE, type Command, type CommandIO } from './types.js';

export const packListHelp = `Usage: iamprep pack list [--json] [--pack PATH]... [--no-builtin]

Lists the packs that load: the built-in pack, those in your packs folder
(added with \`iamprep pack add\`) and any --pack, with version, question and
exercise counts, levels and where each comes from. Packs that are skipped
(written for another iamprep, or an id already taken) are listed with why.

Options:
  --json           print one JSON document: {"packs": [...], "skipped": [...], "packsFolder": "..."}
  --pack PATH      also load this pack (repeatable)
  --no-builtin     leave out the built-in pack
  --help           show this help`;

export interface ListedPack {
  id: string;
  title: string;
  version: string;
  questions: number;
  exercises: number;
  levels: string[];
  origin: PackOrigin;
  /** A pack in the packs folder that is a link to the author's folder (`pack add --link`). */
  linked: boolean;
  path: string;
  errors: number;
}

export function createPackListCommand(context: PackCommandContext): Command {
  return async (argv, io) => {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        options: { json: { type: 'boolean' }, pack: { type: 'string', multiple: true }, 'no-builtin': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
        allowPositionals: false,
        strict: true,
      });
    } catch (error) {
      io.stderr(`iamprep pack list: ${(error as Error).message}\nRun \`iamprep pack list --help\` for usage.\n`);
      return EXIT_USAGE;
    }
    if (parsed.values.help) {
      io.stdout(`${packListHelp}\n`);
      return EXIT_OK;
    }
    const packsFolder = userPacksDir(io.env);
    const library = loadLibrary({
      builtinDir: parsed.values['no-builtin'] ? undefined : context.builtinDir,
      userPacksDir: packsFolder,
      extraPacks: (parsed.values.pack ?? []).map((p) => (isAbsolute(p) ? p : resolve(io.cwd, p))),
      cacheDir: join(configDir(io.env), 'cache'),
      appVersion: context.version,
    });
    const packs: ListedPack[] = library.packs.map((p) => ({
      id: p.id,
      title: p.title,
      version: p.version,
      questions: p.questions.length,
      exercises: p.exercises.length,
      levels: p.levels,
      origin: library.origins[p.id] ?? 'extra',
      linked: isLink(p.root),
      path: p.root,
      errors: library.diagnostics.filter((d) => d.severity === 'error' && inside(d.file, p.root)).length,
    }));
    const skipped = library.skipped.map((s) => ({ path: s.root, origin: s.origin, code: s.reason.code, message: s.reason.message }));

    if (parsed.values.json) {
      io.stdout(`${terminalSafeJson({ packs, skipped, packsFolder })}\n`);
      return EXIT_OK;
    }
    io.stdout(`${table(packs)}\n`);
    for (const s of skipped) io.stdout(`skipped ${stripControl(s.path)}: ${stripControl(s.message)}\n`);
    const broken = packs.filter((p) => p.errors > 0);
    for (const p of broken) io.stdout(`${stripControl(p.id)} has ${p.errors} error${p.errors === 1 ? '' : 's'}; its valid questions load. See \`iamprep pack validate ${stripControl(p.path)}\`\n`);
    io.stdout(`Your packs folder: ${packsFolder}\n`);
    return EXIT_OK;
  };
}

function table(packs: ListedPack[]): string {
  if (packs.length === 0) return 'No packs found. Add one with `iamprep pack add PATH`, or make one with `iamprep pack init DIR`.';
  const source = (p: ListedPack) => (p.origin === 'builtin' ? 'built-in' : p.origin === 'user' ? (p.linked ? `linked ${p.path}` : 'added') : `--pack ${p.path}`);
  const rows = [
    ['ID', 'VERSION', 'QUESTIONS', 'EXERCISES', 'LEVELS', 'SOURCE'],
    ...packs.map((p) => [p.id, p.version, String(p.questions), String(p.exercises), p.levels.join(','), source(p)].map(stripControl)),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function inside(file: string, root: string): boolean {
  return file === root || file.startsWith(root + sep) || file.startsWith(`${root}/`);
}
