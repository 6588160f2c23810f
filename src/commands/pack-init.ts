/**
 * `iamprep pack init DIR`: scaffolds a pack that validates at once.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stripControl } from '../core/index.js';
import type { PackCommandContext } from './pack-context.js';
import { scaffoldFiles } from './pack-scaffold.js';
import { EXIT_OK, EXIT_USAGE, type Command, type CommandIO } from './types.js';

export const packInitHelp = `Usage: iamprep pack init DIR [--id ID]

Creates a new pack in DIR (which must not exist or be empty): a pack.yaml,
one question of each type and one exercise, ready to edit. Each YAML file
names its JSON Schema, so editors with YAML support complete and check
fields as you type.

Options:
  --id ID    the pack id (default: made from DIR's name)
  --help     show this help`;

const ID = /^[a-z0-9][a-z0-9-]*$/;

export function createPackInitCommand(context: PackCommandContext): Command {
  return async (argv, io) => {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: { id: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    } catch (error) {
      return usage(io, (error as Error).message);
    }
    if (parsed.values.help) {
      io.stdout(`${packInitHelp}\n`);
      return EXIT_OK;
    }
    if (parsed.positionals.length !== 1) return usage(io, 'name one folder to create the pack in');
    const given = parsed.positionals[0]!;
    const dir = isAbsolute(given) ? given : resolve(io.cwd, given);
    const id = parsed.values.id ?? idFrom(basename(dir));
    if (!ID.test(id) || id.length > 100) return usage(io, `--id \`${stripControl(id)}\` is not a pack id: use lowercase letters, digits and \`-\``);
    if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) {
      return usage(io, `\`${stripControl(given)}\` already exists and is not an empty folder; choose a new folder`);
    }

    const files = scaffoldFiles({ id, version: context.version });
    for (const [path, text] of Object.entries(files)) {
      const full = join(dir, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text, { flag: 'wx' });
    }
    const shown = stripControl(relative(io.cwd, dir).startsWith('..') ? dir : relative(io.cwd, dir) || '.');
    io.stdout(
      [
        `Created pack \`${id}\` in ${shown}:`,
        ...Object.keys(files).map((path) => `  ${path}`),
        '',
        'Next:',
        `  iamprep pack validate ${shown}      check it, as CI would (add --format github in a workflow)`,
        `  iamprep quiz --pack ${shown}        try it`,
        `  iamprep pack add ${shown} --link    keep it loaded while you edit it`,
        '',
      ].join('\n'),
    );
    return EXIT_OK;
  };
}

/** A pack id from a folder name: `ACME Onboarding` -> `acme-onboarding`. */
export function idFrom(name: string): string {
  const id = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return id || 'my-pack';
}

function usage(io: CommandIO, message: string): number {
  io.stderr(`iamprep pack init: ${message}\nRun \`iamprep pack init --help\` for usage.\n`);
  return EXIT_USAGE;
}
