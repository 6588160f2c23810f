/**
 * `iamprep pack validate PATH...`: every problem in every pack, compiler-style.
 */
import { readFileSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import { parseArgs } from 'node:util';
import { diagnosticToJson, formatDiagnostic, sortDiagnostics, type Diagnostic } from '../core/index.js';
import { loadPack } from '../content/index.js';
import { EXIT_INPUT_ERRORS, EXIT_OK, EXIT_USAGE, type Command } from './types.js';

export const packValidateHelp = `Usage: iamprep pack validate PATH... [--json]

Validates question packs (folders with a pack.yaml) and prints every problem
as \`file:line:column severity Code message\`, with the source line.

Options:
  --json    print one JSON document: {"packs": [...], "findings": [...], "summary": {...}}
  --help    show this help

Exit status: 0 no errors, 1 some pack has errors, 2 usage error.`;

export const packValidateCommand: Command = async (argv, io) => {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(`iamprep pack validate: ${(error as Error).message}\nRun \`iamprep pack validate --help\` for usage.\n`);
    return EXIT_USAGE;
  }
  if (parsed.values.help) {
    io.stdout(`${packValidateHelp}\n`);
    return EXIT_OK;
  }
  if (parsed.positionals.length === 0) {
    io.stderr('iamprep pack validate: name at least one pack folder\nRun `iamprep pack validate --help` for usage.\n');
    return EXIT_USAGE;
  }

  const findings: Diagnostic[] = [];
  const packs: { path: string; id?: string; questions: number; exercises: number }[] = [];
  for (const path of parsed.positionals) {
    const result = loadPack(path);
    findings.push(...result.diagnostics.map((d) => ({ ...d, file: display(d.file, io.cwd) })));
    packs.push({ path, id: result.pack?.id, questions: result.pack?.questions.length ?? 0, exercises: result.pack?.exercises.length ?? 0 });
  }
  const sorted = sortDiagnostics(findings);
  const count = (severity: Diagnostic['severity']) => sorted.filter((d) => d.severity === severity).length;
  const summary = { errors: count('error'), warnings: count('warning'), suggestions: count('suggestion'), security: count('security') };

  if (parsed.values.json) {
    io.stdout(`${JSON.stringify({ packs, findings: sorted.map(diagnosticToJson), summary }, null, 2)}\n`);
  } else {
    const sources = new Map<string, string | undefined>();
    for (const d of sorted) {
      if (!sources.has(d.file)) sources.set(d.file, readSafely(d.file, io.cwd));
      io.stdout(`${formatDiagnostic(d, sources.get(d.file))}\n\n`);
    }
    const items = packs.map((p) => `${p.id ?? p.path}: ${p.questions} questions, ${p.exercises} exercises`).join('; ');
    io.stdout(`${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'} (${items})\n`);
  }
  return summary.errors > 0 ? EXIT_INPUT_ERRORS : EXIT_OK;
};

function display(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel.startsWith('..') ? file : rel;
}

function readSafely(file: string, cwd: string): string | undefined {
  try {
    const text = readFileSync(isAbsolute(file) ? file : `${cwd}/${file}`, 'utf8');
    return text.length > 4 * 1024 * 1024 ? undefined : text;
  } catch {
    return undefined;
  }
}
