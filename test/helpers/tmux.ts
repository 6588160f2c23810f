/**
 * Runs the built CLI in a real terminal (tmux, 80x24) and reads the screen,
 * the way a learner sees it.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { waitFor } from './wait.js';

export const CLI = resolve(import.meta.dirname, '../../dist/iamprep.js');

let counter = 0;

export interface TerminalSession {
  name: string;
  screen(): string;
  /** The screen with its colour and style escape sequences. */
  styledScreen(): string;
  /** Waits until the screen shows `text`, and returns the screen. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  keys(...keys: string[]): void;
  /** Types literal text. */
  type(text: string): void;
  close(): void;
}

export function hasTmux(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function startTerminal(args: string[], env: Record<string, string>, size = { columns: 80, rows: 24 }): TerminalSession {
  const name = `iamprep-test-${process.pid}-${++counter}`;
  const envArgs = Object.entries({ CI: '0', CONTINUOUS_INTEGRATION: '0', TERM: 'xterm-256color', ...env }).map(([k, v]) => `${k}=${shellQuote(v)}`);
  // The shell stays after the app exits, so its exit status can be read.
  const command = `env ${envArgs.join(' ')} node ${shellQuote(CLI)} ${args.map(shellQuote).join(' ')}; code=$?; echo; echo "[exited $code]"; sleep 600`;
  execFileSync('tmux', ['new-session', '-d', '-s', name, '-x', String(size.columns), '-y', String(size.rows), command]);
  const screen = () => execFileSync('tmux', ['capture-pane', '-p', '-t', name], { encoding: 'utf8' });
  return {
    name,
    screen,
    styledScreen: () => execFileSync('tmux', ['capture-pane', '-p', '-e', '-t', name], { encoding: 'utf8' }),
    waitFor: (text, timeoutMs = 10_000) =>
      waitFor(screen, (s) => (typeof text === 'string' ? s.includes(text) : text.test(s)), String(text), timeoutMs),
    keys: (...keys) => execFileSync('tmux', ['send-keys', '-t', name, ...keys]),
    type: (text) => execFileSync('tmux', ['send-keys', '-t', name, '-l', text]),
    close: () => {
      try {
        execFileSync('tmux', ['kill-session', '-t', name], { stdio: 'ignore' });
      } catch {
        // already gone
      }
    },
  };
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
