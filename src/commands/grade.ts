/**
 * `iamprep grade --exercise ID --policy FILE`: grades one answer to an
 * exercise without the terminal UI, the same way the practice screen does.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { diagnosticToJson, formatDiagnostic, sortDiagnostics } from '../core/index.js';
import type { Exercise } from '../content/index.js';
import { gradeExercise, type GradeResult } from '../grading/index.js';
import { loadRunLibrary } from './run-library.js';
import { EXIT_INPUT_ERRORS, EXIT_OK, EXIT_USAGE, type Command, type CommandIO } from './types.js';

export const gradeHelp = `Usage: iamprep grade --exercise ID --policy FILE [--pack PATH] [--no-builtin] [--json]

Grades a policy written for a hands-on exercise: the validator's findings,
each case with the evaluator's decision and why, and, for least-privilege
exercises, a request the policy allows that the reference solution denies.

Options:
  --exercise ID   the exercise id (or pack/id when two packs use the same id)
  --policy FILE   the policy to grade, as JSON (- reads standard input)
  --pack PATH     load an extra pack for this run (repeatable)
  --no-builtin    do not load the built-in AWS IAM pack
  --json          print one JSON document: {"exercise", "passed", "findings", "cases", "counterexample"}
  --help          show this help

Exit status: 0 passed, 1 not passed, 2 usage error.`;

export const gradeCommand: Command = async (argv, io) => {
  let values: { exercise?: string; policy?: string; pack?: string[]; 'no-builtin'?: boolean; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        exercise: { type: 'string' },
        policy: { type: 'string' },
        pack: { type: 'string', multiple: true },
        'no-builtin': { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  if (values.help) {
    io.stdout(`${gradeHelp}\n`);
    return EXIT_OK;
  }
  if (!values.exercise) return usage(io, 'name the exercise with `--exercise ID`');
  if (!values.policy) return usage(io, 'name the policy file with `--policy FILE`');

  const library = loadRunLibrary({ packs: values.pack ?? [], noBuiltin: values['no-builtin'] ?? false }, io);
  const found = findExercise(library.exercises, values.exercise);
  if (typeof found === 'string') return usage(io, found);

  let text: string;
  const file = values.policy === '-' ? '<stdin>' : isAbsolute(values.policy) ? values.policy : resolve(io.cwd, values.policy);
  try {
    text = values.policy === '-' ? await io.readStdin() : readFileSync(file, 'utf8');
  } catch (error) {
    return usage(io, `cannot read \`${values.policy}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }

  const shown = values.policy === '-' ? file : display(file, io.cwd);
  const result = gradeExercise(found, text, { origin: { file: shown } });
  if (values.json) io.stdout(`${JSON.stringify(toJson(found, result), null, 2)}\n`);
  else io.stdout(render(found, result, text));
  return result.passed ? EXIT_OK : EXIT_INPUT_ERRORS;
};

function usage(io: CommandIO, message: string): number {
  io.stderr(`iamprep grade: ${message}\nRun \`iamprep grade --help\` for usage.\n`);
  return EXIT_USAGE;
}

/** By id, or by `pack/id`; an id two packs share must be qualified. */
export function findExercise(exercises: readonly Exercise[], id: string): Exercise | string {
  const byKey = exercises.find((e) => e.key === id);
  if (byKey) return byKey;
  const byId = exercises.filter((e) => e.id === id);
  if (byId.length === 1) return byId[0]!;
  if (byId.length > 1) return `exercise \`${id}\` exists in several packs; name one of ${byId.map((e) => `\`${e.key}\``).join(', ')}`;
  const near = exercises.map((e) => e.id).filter((other) => other.includes(id) || id.includes(other)).slice(0, 3);
  return `no exercise \`${id}\`${near.length > 0 ? `; did you mean ${near.map((n) => `\`${n}\``).join(', ')}?` : ''}`;
}

function display(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel.startsWith('..') ? file : rel;
}

export function toJson(exercise: Exercise, result: GradeResult) {
  return {
    exercise: exercise.key,
    passed: result.passed,
    findings: sortDiagnostics(result.findings).map(diagnosticToJson),
    cases: result.cases.map((c) => ({ name: c.name, expect: c.expect, decision: c.decision ?? null, passed: c.passed, explanation: c.explanation })),
    counterexample: result.counterexample ?? null,
    comparisonComplete: result.comparisonComplete,
  };
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line ? prefix + line : line))
    .join('\n');
}

export function render(exercise: Exercise, result: GradeResult, source: string): string {
  const out: string[] = [];
  const passedCases = result.cases.filter((c) => c.passed).length;
  out.push(`${exercise.key}: ${result.passed ? 'PASSED' : 'NOT PASSED'} (${passedCases} of ${result.cases.length} cases)`);
  for (const d of sortDiagnostics(result.findings)) out.push('', formatDiagnostic(d, source));
  out.push('');
  for (const c of result.cases) {
    const got = c.decision ? `got ${c.decision}` : 'not evaluated';
    out.push(`${c.passed ? 'ok  ' : 'FAIL'} ${c.name}: expected ${c.expect}, ${got}`);
    // The decision and its reason; `--json` carries the whole trace.
    if (!c.passed) out.push(indent(c.explanation.split(/\n\s*\n/)[0]!.trimEnd(), '       '));
  }
  if (result.counterexample) out.push('', `Counterexample: ${result.counterexample.text}`);
  return `${out.join('\n')}\n`;
}
