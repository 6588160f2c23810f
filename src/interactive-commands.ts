/**
 * The commands that open the terminal UI: their options, help, and the
 * request each one starts the app with.
 */
import type { ParseArgsConfig } from 'node:util';
import { LEVELS, type Level } from './content/index.js';
import type { StartRequest } from './ui/App.js';

export interface InteractiveCommand {
  options: NonNullable<ParseArgsConfig['options']>;
  help: string;
  /** Whether the command takes arguments besides options (`practice ID`). */
  positionals?: boolean;
  /** The start request, or a usage error message. */
  request(values: Record<string, unknown>, positionals: string[]): StartRequest | string;
}

const levelOption = { level: { type: 'string' } } as const;

/** An option's value that is not acceptable, with the sentence that says why. */
class Invalid {
  constructor(readonly message: string) {}
}

function level(values: Record<string, unknown>): Level | undefined | Invalid {
  const value = values.level as string | undefined;
  if (value === undefined || (LEVELS as readonly string[]).includes(value)) return value as Level | undefined;
  return new Invalid(`--level must be one of ${LEVELS.join(', ')}, not \`${value}\``);
}

function whole(values: Record<string, unknown>, name: string, fallback: number, max: number): number | Invalid {
  const raw = values[name];
  const n = raw === undefined ? fallback : Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : new Invalid(`--${name} must be a whole number from 1 to ${max}, not \`${String(raw)}\``);
}

/** The first invalid option's message, or the request built from the valid values. */
function build<T extends Record<string, unknown>>(parts: T, make: (parts: { [K in keyof T]: Exclude<T[K], Invalid> }) => StartRequest): StartRequest | string {
  for (const value of Object.values(parts)) if (value instanceof Invalid) return value.message;
  return make(parts as { [K in keyof T]: Exclude<T[K], Invalid> });
}

export const INTERACTIVE_COMMANDS: Record<string, InteractiveCommand> = {
  quiz: {
    options: { ...levelOption, topic: { type: 'string' }, count: { type: 'string' } },
    help: `Usage: iamprep quiz [--level L] [--topic T] [--count N] [--pack PATH] [--no-builtin]

Starts a quiz in the terminal UI. Questions never answered come first, then
those you last got wrong.

Options:
  --level L    beginner, intermediate, advanced or scenario (default: all)
  --topic T    only questions with this topic id
  --count N    how many questions (default 10)`,
    request: (values) =>
      build({ level: level(values), count: whole(values, 'count', 10, 1000) }, (p) => ({ mode: 'quiz', level: p.level, topic: values.topic as string | undefined, count: p.count })),
  },
  exam: {
    options: { ...levelOption, count: { type: 'string' }, minutes: { type: 'string' } },
    help: `Usage: iamprep exam [--count N] [--minutes M] [--level L] [--pack PATH] [--no-builtin]

A timed mock exam drawn across levels and topics: a countdown always in view,
free navigation with a question palette, flags for review, submit early or
automatically at time-out; then the score by level and topic and a review of
every question.

Options:
  --count N      how many questions (default 20)
  --minutes M    time allowed (default 30)
  --level L      only one level (default: all)`,
    request: (values) =>
      build({ level: level(values), count: whole(values, 'count', 20, 500), minutes: whole(values, 'minutes', 30, 600) }, (p) => ({ mode: 'exam', ...p })),
  },
  review: {
    options: {},
    help: `Usage: iamprep review [--pack PATH] [--no-builtin]

The spaced-repetition session of what is due today (FSRS), plus new cards up
to the daily limit (\`iamprep progress settings --new-per-day N\`). Wrong
answers come back soon; right ones later each time. After an answer, u
takes it back.`,
    request: () => ({ mode: 'review' }),
  },
  practice: {
    options: {},
    positionals: true,
    help: `Usage: iamprep practice [ID] [--pack PATH] [--no-builtin]

Hands-on policy exercises: write the policy in your own editor ($VISUAL or
$EDITOR); it is graded on every save against the requests it must allow and
deny and, for least privilege, against a reference solution, with a
counterexample when it allows too much. Without ID, the list of exercises
opens on the next unsolved one.`,
    request: (_values, positionals) => (positionals.length > 1 ? 'name at most one exercise' : { mode: 'practice', id: positionals[0] }),
  },
  interview: {
    options: { ...levelOption, count: { type: 'string' } },
    help: `Usage: iamprep interview [--level L] [--count N] [--pack PATH] [--no-builtin]

A mock interview: open questions as an interviewer asks them. Type your
answer (Enter for a new line, Ctrl+D when done) or answer aloud; then the
model answer with its key points, the ones you covered marked, and a
self-rating.

Options:
  --level L    only one level (default: all)
  --count N    how many questions (default 5)`,
    request: (values) => build({ level: level(values), count: whole(values, 'count', 5, 100) }, (p) => ({ mode: 'interview', ...p })),
  },
};
