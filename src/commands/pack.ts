/**
 * `iamprep pack SUBCOMMAND`: the pack tools for instructors and learners.
 */
import { createPackAddCommand, createPackRemoveCommand } from './pack-install.js';
import { locateInstall, type PackCommandContext } from './pack-context.js';
import { createPackInitCommand } from './pack-init.js';
import { createPackListCommand } from './pack-list.js';
import { createPackValidateCommand } from './pack-validate.js';
import { EXIT_OK, EXIT_USAGE, type Command } from './types.js';

export type { PackCommandContext, ExtraPackChecks } from './pack-context.js';

export const packHelp = `Usage: iamprep pack SUBCOMMAND

Subcommands:
  validate PATH... [--json] [--format github]   check packs, compiler-style (exit 1 on errors)
  init DIR [--id ID]                            scaffold a new pack that validates
  list [--json] [--pack PATH]                   packs found, with versions and counts
  add PATH [--link] [--force]                   keep a pack in your packs folder
  remove ID                                     take a pack out of your packs folder

Run \`iamprep pack SUBCOMMAND --help\` for each one's options.`;

/**
 * The pack command for a given iamprep: its version, its built-in pack and
 * the extra checks `pack validate` runs on each loaded pack.
 */
export function createPackCommand(context: PackCommandContext): Command {
  const subcommands: Record<string, Command> = {
    validate: createPackValidateCommand(context),
    init: createPackInitCommand(context),
    list: createPackListCommand(context),
    add: createPackAddCommand(context),
    remove: createPackRemoveCommand(context),
  };
  return async (argv, io) => {
    const sub = argv[0];
    const run = sub && Object.hasOwn(subcommands, sub) ? subcommands[sub] : undefined;
    if (run) return run(argv.slice(1), io);
    if (sub === '--help' || sub === '-h') {
      io.stdout(`${packHelp}\n`);
      return EXIT_OK;
    }
    io.stderr(`iamprep pack: ${!sub ? 'name a subcommand' : `unknown subcommand \`${sub.replace(/[^\x20-\x7e]/g, '?')}\``}\nRun \`iamprep pack --help\` for usage.\n`);
    return EXIT_USAGE;
  };
}

/** The pack command of the installed iamprep, found from this file's location. */
export const packCommand: Command = (argv, io) => createPackCommand(locateInstall())(argv, io);
