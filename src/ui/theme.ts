/**
 * Semantic colours and symbols. Nothing relies on colour alone: every state
 * also has a symbol, and NO_COLOR turns colour off entirely.
 */
export type Token = 'accent' | 'good' | 'bad' | 'muted' | 'warning' | 'heading';

const palette: Record<Token, string> = {
  accent: 'cyan',
  good: 'green',
  bad: 'red',
  muted: 'gray',
  warning: 'yellow',
  heading: 'magenta',
};

export interface Theme {
  color(token: Token): string | undefined;
  /** Whether dim text may be used (off with NO_COLOR, where it can vanish). */
  dim: boolean;
}

export function createTheme(env: Record<string, string | undefined>): Theme {
  const plain = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return { color: (token) => (plain ? undefined : palette[token]), dim: !plain };
}

export const symbols = {
  correct: '✓',
  wrong: '✗',
  pointer: '›',
  selected: '◉',
  unselected: '○',
  checked: '☑',
  unchecked: '☐',
  bullet: '•',
  barFull: '█',
  barEmpty: '░',
} as const;
