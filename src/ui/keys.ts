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
  | 'scrollDown'
  | 'undo'
  | 'search'
  | 'flag'
  | 'prevQuestion'
  | 'nextQuestion'
  | 'jump'
  | 'finishExam'
  | 'confirm'
  | 'finishAnswer'
  | 'listUp'
  | 'listDown'
  | 'cancel'
  | 'left'
  | 'right'
  | 'edit'
  | 'regrade'
  | 'hint'
  | 'showSolution'
  | 'nextUnsolved';

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
  undo: { label: 'u', description: 'undo last rating', matches: (i) => i === 'u' },
  search: { label: '/', description: 'search', matches: (i) => i === '/' },
  flag: { label: 'f', description: 'flag for review', matches: (i) => i === 'f' },
  prevQuestion: { label: '←/p', description: 'previous', matches: (i, k) => k.leftArrow || i === 'p' },
  nextQuestion: { label: '→/n', description: 'next', matches: (i, k) => k.rightArrow || i === 'n' },
  jump: { label: 'Tab', description: 'next unanswered or flagged', matches: (i, k) => k.tab || i === '\t' },
  finishExam: { label: 's', description: 'submit exam', matches: (i) => i === 's' },
  confirm: { label: 'y', description: 'yes', matches: (i) => i === 'y' || i === 'Y' },
  // Enter is a new line in a typed answer; Ctrl+D ends it, as it ends input in a shell.
  finishAnswer: { label: 'Ctrl+D', description: 'done answering', matches: (i, k) => k.ctrl && i === 'd' },
  // Where letters are typed (search, answers), only the arrows move.
  listUp: { label: '↑', description: 'up', matches: (_, k) => k.upArrow },
  listDown: { label: '↓', description: 'down', matches: (_, k) => k.downArrow },
  cancel: { label: 'Esc', description: 'back', matches: (_, k) => k.escape },
  left: { label: '←/h', description: 'previous element', matches: (i, k) => k.leftArrow || i === 'h' },
  right: { label: '→/l', description: 'next element', matches: (i, k) => k.rightArrow || i === 'l' },
  edit: { label: 'e', description: 'edit in $EDITOR', matches: (i) => i === 'e' },
  // For file systems where save events do not arrive.
  regrade: { label: 'r', description: 'regrade', matches: (i) => i === 'r' },
  hint: { label: 'h', description: 'next hint', matches: (i) => i === 'h' },
  showSolution: { label: 's', description: 'show solution', matches: (i) => i === 's' },
  nextUnsolved: { label: 'n', description: 'next unsolved', matches: (i) => i === 'n' },
};

export function is(command: Command, input: string, key: Key): boolean {
  return keyTable[command].matches(input, key);
}

/** The footer line for a screen's commands. */
export function hints(commands: Command[]): string {
  return commands.map((c) => `${keyTable[c].label} ${keyTable[c].description}`).join('  ·  ');
}
