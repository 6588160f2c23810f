/**
 * What a non-interactive command gets from the composition root. Commands
 * write through `io` so tests can run them in process.
 */
export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads all of standard input (for `-` arguments). */
  readStdin(): Promise<string>;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (plain output otherwise). */
  stdoutIsTTY: boolean;
}

/** Runs a command with its own arguments (after the command name); resolves to the exit status. */
export type Command = (argv: string[], io: CommandIO) => Promise<number>;

/** Exit statuses from shared/contracts/cli.md. */
export const EXIT_OK = 0;
export const EXIT_INPUT_ERRORS = 1;
export const EXIT_USAGE = 2;
