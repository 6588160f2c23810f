// Placeholder until `iamprep search` lands; replaced by its implementation.
import { EXIT_USAGE, type Command } from './types.js';

export const searchCommand: Command = async (_argv, io) => {
  io.stderr('iamprep: `search` is not available in this version yet\nRun `iamprep --help` for the commands there are.\n');
  return EXIT_USAGE;
};
