/**
 * `iamprep pack SUBCOMMAND`: the pack tools for instructors and learners.
 */
import { packValidateCommand, packValidateHelp } from './pack-validate.js';
import { EXIT_OK, EXIT_USAGE, type Command } from './types.js';

const SUBCOMMANDS: Record<string, Command> = { validate: packValidateCommand };

export const packHelp = `Usage: iamprep pack validate PATH... [--json]

${packValidateHelp}`;

export const packCommand: Command = async (argv, io) => {
  const sub = argv[0];
  const run = sub ? SUBCOMMANDS[sub] : undefined;
  if (run) return run(argv.slice(1), io);
  if (sub === '--help' || sub === '-h') {
    io.stdout(`${packHelp}\n`);
    return EXIT_OK;
  }
  const known = ['init', 'list', 'add', 'remove'].includes(sub ?? '');
  io.stderr(`iamprep pack: ${!sub ? 'name a subcommand' : known ? `\`pack ${sub}\` is not available in this version yet` : `unknown subcommand \`${sub}\``}\nRun \`iamprep pack --help\` for usage.\n`);
  return EXIT_USAGE;
};
