/**
 * `iamprep pack add PATH [--link]` and `iamprep pack remove ID`: keep a
 * pack in the user's packs folder, so it loads on every start, or take it
 * out. Progress is stored by pack id and item id, so removing a pack and
 * adding it again (or a newer version of it) keeps the learner's progress.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, realpathSync, renameSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stripControl } from '../core/index.js';
import { loadManifest, loadPack, packRoots } from '../content/index.js';
import { userPacksDir } from '../progress/index.js';
import type { PackCommandContext } from './pack-context.js';
import { EXIT_INPUT_ERRORS, EXIT_OK, EXIT_USAGE, type Command, type CommandIO } from './types.js';

export const packAddHelp = `Usage: iamprep pack add PATH [--link] [--force]

Keeps the pack in PATH: copies it into your packs folder, so it loads every
time iamprep starts. PATH is a folder with a pack.yaml: one you made, a
clone of a git repository, or an npm package's folder
(e.g. \`$(npm root -g)/acme-iam-pack\`).

Options:
  --link     link to PATH instead of copying, so your edits show at once
  --force    replace a pack with the same id that is already there
  --help     show this help`;

export const packRemoveHelp = `Usage: iamprep pack remove ID

Takes the pack with this id out of your packs folder (a linked pack's
folder is left as it is). Your progress in it is kept: add the pack again
and it is back.`;

export function createPackAddCommand(context: PackCommandContext): Command {
  return async (argv, io) => {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: { link: { type: 'boolean' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    } catch (error) {
      return usage(io, 'add', (error as Error).message);
    }
    if (parsed.values.help) {
      io.stdout(`${packAddHelp}\n`);
      return EXIT_OK;
    }
    if (parsed.positionals.length !== 1) return usage(io, 'add', 'name one pack folder');
    const given = parsed.positionals[0]!;
    const source = isAbsolute(given) ? given : resolve(io.cwd, given);
    const shownSource = stripControl(given);
    if (!existsSync(join(source, 'pack.yaml'))) {
      io.stderr(`iamprep pack add: \`${shownSource}\` is not a pack: it has no pack.yaml\n`);
      return EXIT_INPUT_ERRORS;
    }
    const { manifest, compatible, diagnostics } = loadManifest(source, { appVersion: context.version });
    if (!manifest || !compatible) {
      const reason = diagnostics.find((d) => d.severity === 'error');
      io.stderr(`iamprep pack add: \`${shownSource}\` cannot be added: ${stripControl(reason?.message ?? 'its pack.yaml is not valid')}\nRun \`iamprep pack validate ${shownSource}\` for details.\n`);
      return EXIT_INPUT_ERRORS;
    }
    const id = manifest.id;
    const folder = userPacksDir(io.env);
    const taken = packRoots({ builtinDir: context.builtinDir, userPacksDir: folder }).find(({ root }) => loadManifest(root).manifest?.id === id);
    if (taken?.origin === 'builtin') {
      io.stderr(`iamprep pack add: \`${id}\` is the id of the built-in pack; the pack needs another id in its pack.yaml\n`);
      return EXIT_INPUT_ERRORS;
    }
    const target = join(folder, id);
    if (taken || exists(target)) {
      if (!parsed.values.force) {
        io.stderr(`iamprep pack add: a pack with id \`${id}\` is already in your packs folder\nAdd --force to replace it (progress is kept), or run \`iamprep pack remove ${id}\` first.\n`);
        return EXIT_INPUT_ERRORS;
      }
      if (taken) removeEntry(taken.root);
      if (exists(target)) removeEntry(target);
    }

    mkdirSync(folder, { recursive: true });
    if (parsed.values.link) {
      symlinkSync(realpathSync(source), target, 'dir');
    } else {
      // Copy beside the target, then rename: a copy that fails half-way never appears as a pack.
      const staging = join(folder, `.adding-${id}-${process.pid}`);
      rmSync(staging, { recursive: true, force: true });
      try {
        cpSync(source, staging, { recursive: true, verbatimSymlinks: true, filter: (path) => !['.git', 'node_modules'].includes(basename(path)) });
        renameSync(staging, target);
      } catch (error) {
        rmSync(staging, { recursive: true, force: true });
        io.stderr(`iamprep pack add: copying \`${shownSource}\` failed: ${stripControl((error as Error).message)}\n`);
        return EXIT_INPUT_ERRORS;
      }
    }

    const loaded = loadPack(target, { appVersion: context.version });
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
    const counts = `${loaded.pack?.questions.length ?? 0} questions, ${loaded.pack?.exercises.length ?? 0} exercises`;
    io.stdout(`${parsed.values.link ? 'Linked' : 'Added'} pack \`${id}\` ${stripControl(manifest.version)} (${counts}) to ${folder}\n`);
    if (errors > 0) io.stdout(`It has ${errors} error${errors === 1 ? '' : 's'}; its valid questions load. See \`iamprep pack validate ${shownSource}\`\n`);
    return EXIT_OK;
  };
}

export function createPackRemoveCommand(context: PackCommandContext): Command {
  return async (argv, io) => {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    } catch (error) {
      return usage(io, 'remove', (error as Error).message);
    }
    if (parsed.values.help) {
      io.stdout(`${packRemoveHelp}\n`);
      return EXIT_OK;
    }
    if (parsed.positionals.length !== 1) return usage(io, 'remove', 'name the id of one pack');
    const id = parsed.positionals[0]!;
    const folder = userPacksDir(io.env);
    const entries = packRoots({ userPacksDir: folder });
    // By pack id, or by folder name for a pack whose pack.yaml no longer reads.
    const entry = entries.find(({ root }) => loadManifest(root).manifest?.id === id) ?? entries.find(({ root }) => basename(root) === id);
    if (!entry) {
      const builtin = context.builtinDir && loadManifest(context.builtinDir).manifest?.id === id;
      io.stderr(
        builtin
          ? `iamprep pack remove: \`${id}\` is the built-in pack, which cannot be removed; start with --no-builtin to leave it out\n`
          : `iamprep pack remove: there is no pack \`${stripControl(id)}\` in your packs folder (${folder})\nRun \`iamprep pack list\` to see the packs.\n`,
      );
      return EXIT_INPUT_ERRORS;
    }
    const linked = lstatSync(entry.root).isSymbolicLink();
    removeEntry(entry.root);
    io.stdout(`Removed pack \`${stripControl(id)}\`${linked ? ' (the link only; its folder is untouched)' : ''}. Your progress in it is kept.\n`);
    return EXIT_OK;
  };
}

/** Removes a packs-folder entry; a link is removed itself, never what it points to. */
function removeEntry(path: string): void {
  if (lstatSync(path).isSymbolicLink()) unlinkSync(path);
  else rmSync(path, { recursive: true, force: true });
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function usage(io: CommandIO, sub: string, message: string): number {
  io.stderr(`iamprep pack ${sub}: ${stripControl(message)}\nRun \`iamprep pack ${sub} --help\` for usage.\n`);
  return EXIT_USAGE;
}
