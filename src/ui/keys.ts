/**
 * Every key the app answers to, in one table: command -> keys -> what it
 * does. Screens ask `is(command, input, key)`, and footers are drawn from the
 * same table, so hints never drift from behaviour.
 */
import type { Key } from 'ink';

export type Command =
  | 'up'
  | 'down'
  | 'select'
  | 'toggle'
  | 'submit'
  | 'reveal'
  | 'rate'
  | 'undoPick'
  | 'next'
  | 'number'
  | 'back'
  | 'quit'
  | 'scrollUp'
  | 'scrollDown';

interface Binding {
  /** How the keys are written in the footer. */
  label: string;
  description: string;
  matches(input: string, key: Key): boolean;
}

export const keyTable: Record<Command, Binding> = {
  up: { label: '↑/k', description: 'up', matches: (i, k) => k.upArrow || i === 'k' },
  down: { label: '↓/j', description: 'down', matches: (i, k) => k.downArrow || i === 'j' },
  select: { label: 'Enter', description: 'open', matches: (_, k) => k.return },
  toggle: { label: 'Space', description: 'select', matches: (i) => i === ' ' },
  submit: { label: 'Enter', description: 'submit', matches: (_, k) => k.return },
  reveal: { label: 'Enter', description: 'reveal answer', matches: (_, k) => k.return },
  rate: { label: '1-4', description: 'again/hard/good/easy', matches: (i) => /^[1-4]$/.test(i) },
  undoPick: { label: 'Backspace', description: 'undo pick', matches: (_, k) => k.backspace || k.delete },
  next: { label: 'Enter', description: 'next', matches: (i, k) => k.return || k.rightArrow || i === 'n' },
  number: { label: '1-9', description: 'choose', matches: (i) => /^[1-9]$/.test(i) },
  back: { label: 'q/Esc', description: 'back', matches: (i, k) => k.escape || i === 'q' },
  quit: { label: 'q/Esc', description: 'quit', matches: (i, k) => k.escape || i === 'q' },
  scrollUp: { label: 'PgUp', description: 'scroll up', matches: (_, k) => k.pageUp },
  scrollDown: { label: 'PgDn', description: 'scroll down', matches: (_, k) => k.pageDown },
};

export function is(command: Command, input: string, key: Key): boolean {
  return keyTable[command].matches(input, key);
}

/** The footer line for a screen's commands. */
export function hints(commands: Command[]): string {
  return commands.map((c) => `${keyTable[c].label} ${keyTable[c].description}`).join('  ·  ');
}
