/**
 * `iamprep pack validate PATH...`: every problem in every pack,
 * compiler-style, as JSON, or as GitHub workflow annotations for CI.
 * Besides each pack's own findings it checks packs against each other and
 * against the packs a learner already has (duplicate pack ids).
 */
import { readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { diagnosticToJson, formatDiagnostic, sortDiagnostics, stripControl, type Diagnostic } from '../core/index.js';
import { loadManifest, loadPack, packRoots, type Pack } from '../content/index.js';
import { userPacksDir } from '../progress/index.js';
import type { PackCommandContext } from './pack-context.js';
import { EXIT_INPUT_ERRORS, EXIT_OK, EXIT_USAGE, type Command, type CommandIO } from './types.js';

export const packValidateHelp = `Usage: iamprep pack validate PATH... [--json] [--format text|json|github]

Validates question packs (folders with a pack.yaml) and prints every problem
as \`file:line:column severity Code message\`, with the source line.

Checks: YAML syntax, every field's type and value, ids unique within a
pack and pack ids unique among the packs given and those installed,
declared topics and levels, references (https URLs), \`requires\` against
this iamprep, terminal control characters, and the policies in questions
and exercises.

Options:
  --json             print one JSON document: {"packs": [...], "findings": [...], "summary": {...}}
  --format FORMAT    text (default), json, or github: workflow annotations
                     (::error file=...,line=...::message) for GitHub Actions
  --help             show this help

Exit status: 0 no errors, 1 some pack has errors, 2 usage error.`;

const FORMATS = ['text', 'json', 'github'] as const;
type Format = (typeof FORMATS)[number];

export function createPackValidateCommand(context: PackCommandContext): Command {
  return async (argv, io) => {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        options: { json: { type: 'boolean' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      return usage(io, (error as Error).message);
    }
    if (parsed.values.help) {
      io.stdout(`${packValidateHelp}\n`);
      return EXIT_OK;
    }
    const format = (parsed.values.json ? 'json' : (parsed.values.format ?? 'text')) as Format;
    if (!FORMATS.includes(format)) return usage(io, `--format must be one of ${FORMATS.join(', ')}, not \`${stripControl(String(parsed.values.format))}\``);
    if (parsed.positionals.length === 0) return usage(io, 'name at least one pack folder');

    const { packs, findings } = validatePacks(parsed.positionals, context, io);
    const sorted = sortDiagnostics(findings.map((d) => ({ ...d, file: display(d.file, io.cwd) })));
    const count = (severity: Diagnostic['severity']) => sorted.filter((d) => d.severity === severity).length;
    const summary = { errors: count('error'), warnings: count('warning'), suggestions: count('suggestion'), security: count('security') };

    if (format === 'json') {
      io.stdout(`${terminalSafeJson({ packs, findings: sorted.map(diagnosticToJson), summary })}\n`);
    } else if (format === 'github') {
      for (const d of sorted) io.stdout(`${githubAnnotation(d)}\n`);
      io.stdout(`${summaryLine(summary, packs)}\n`);
    } else {
      const sources = new Map<string, string | undefined>();
      for (const d of sorted) {
        if (!sources.has(d.file)) sources.set(d.file, readSafely(d.file, io.cwd));
        io.stdout(`${formatDiagnostic(shown(d), sources.get(d.file))}\n\n`);
      }
      io.stdout(`${summaryLine(summary, packs)}\n`);
    }
    return summary.errors > 0 ? EXIT_INPUT_ERRORS : EXIT_OK;
  };
}

export interface ValidatedPack {
  path: string;
  id?: string;
  version?: string;
  questions: number;
  exercises: number;
}

/** Loads and checks every pack; the findings keep absolute or given paths. */
export function validatePacks(paths: string[], context: PackCommandContext, io: Pick<CommandIO, 'cwd' | 'env'>): { packs: ValidatedPack[]; findings: Diagnostic[] } {
  const findings: Diagnostic[] = [];
  const packs: ValidatedPack[] = [];
  const loaded: Pack[] = [];
  for (const given of paths) {
    const path = isAbsolute(given) ? given : join(io.cwd, given);
    const result = loadPack(path, { appVersion: context.version });
    findings.push(...result.diagnostics);
    if (result.pack) {
      // The hook where other modules add their checks (policies, solutions, expectations).
      findings.push(...(context.extraChecks?.(result.pack) ?? []));
      loaded.push(result.pack);
    }
    packs.push({ path: given, id: result.pack?.id, version: result.pack?.version, questions: result.pack?.questions.length ?? 0, exercises: result.pack?.exercises.length ?? 0 });
  }
  findings.push(...packIdClashes(loaded, context, io.env));
  return { packs, findings };
}

/**
 * Pack ids are how progress is stored and how packs are told apart: two
 * packs given together must differ, and a pack must not take the built-in
 * pack's id (it would be skipped). Sharing an id with a pack in the user's
 * folder is a warning: it is usually an older copy of the same pack.
 */
function packIdClashes(packs: Pack[], context: PackCommandContext, env: Record<string, string | undefined>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, Pack>();
  for (const pack of packs) {
    const first = seen.get(pack.id);
    if (first) {
      out.push(clash(pack, 'error', `pack id \`${pack.id}\` is also the id of the pack in \`${first.root}\``, 'give each pack its own id in pack.yaml', first.root));
      continue;
    }
    seen.set(pack.id, pack);
  }
  const installed = packRoots({ builtinDir: context.builtinDir, userPacksDir: userPacksDir(env) });
  for (const { root, origin } of installed) {
    const manifest = loadManifest(root).manifest;
    if (!manifest) continue;
    for (const pack of packs) {
      if (pack.id !== manifest.id || samePath(pack.root, root)) continue;
      if (origin === 'builtin') {
        out.push(clash(pack, 'error', `pack id \`${pack.id}\` is the id of the built-in pack, so this pack would never load`, 'choose another id in pack.yaml', root));
      } else {
        out.push(clash(pack, 'warning', `a pack with id \`${pack.id}\` is already in your packs folder; the one loaded first wins`, `replace it with \`iamprep pack remove ${pack.id}\` then \`iamprep pack add\``, root));
      }
    }
  }
  return out;
}

function clash(pack: Pack, severity: 'error' | 'warning', message: string, help: string, other: string): Diagnostic {
  const file = join(pack.root, 'pack.yaml');
  const line = idLine(file);
  return {
    file,
    line,
    column: 1,
    endLine: line,
    endColumn: 3,
    severity,
    code: 'DuplicatePackId',
    message,
    help,
    related: [{ file: join(other, 'pack.yaml'), message: 'the other pack' }],
  };
}

/** The line of `id:` in a manifest, for pointing at it. */
function idLine(file: string): number {
  try {
    const lines = readFileSync(file, 'utf8').split('\n');
    const index = lines.findIndex((l) => /^id\s*:/.test(l));
    return index >= 0 ? index + 1 : 1;
  } catch {
    return 1;
  }
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return a === b;
  }
}

/**
 * A GitHub Actions workflow command, which the runner turns into an
 * annotation on the file's line:
 * https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
 */
export function githubAnnotation(d: Diagnostic): string {
  const command = d.severity === 'error' || d.severity === 'security' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
  const properties = [
    `file=${escapeProperty(d.file)}`,
    `line=${d.line}`,
    `endLine=${d.endLine}`,
    // Columns are only allowed when the annotation stays on one line.
    ...(d.endLine === d.line ? [`col=${d.column}`, `endColumn=${d.endColumn}`] : []),
    `title=${escapeProperty(d.code)}`,
  ];
  const text = stripControl(d.help ? `${d.message} (help: ${d.help})` : d.message);
  return `::${command} ${properties.join(',')}::${escapeData(text)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(stripControl(text)).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Text from a pack never reaches the terminal raw, not even inside a message or a file name. */
function shown(d: Diagnostic): Diagnostic {
  return {
    ...d,
    file: stripControl(d.file),
    message: stripControl(d.message),
    ...(d.help ? { help: stripControl(d.help) } : {}),
    ...(d.related ? { related: d.related.map((r) => ({ ...r, message: stripControl(r.message), ...(r.file ? { file: stripControl(r.file) } : {}) })) } : {}),
  };
}

function summaryLine(summary: { errors: number; warnings: number }, packs: ValidatedPack[]): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const items = packs.map((p) => `${stripControl(p.id ?? p.path)}: ${count(p.questions, 'question')}, ${count(p.exercises, 'exercise')}`).join('; ');
  return `${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'} (${items})`;
}

function usage(io: CommandIO, message: string): number {
  io.stderr(`iamprep pack validate: ${message}\nRun \`iamprep pack validate --help\` for usage.\n`);
  return EXIT_USAGE;
}

function display(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel.startsWith('..') ? file : rel;
}

/** The file's text for showing source lines; bidirectional controls are shown escaped so a line reads as it is. */
function readSafely(file: string, cwd: string): string | undefined {
  try {
    const text = readFileSync(isAbsolute(file) ? file : `${cwd}/${file}`, 'utf8');
    return text.length > 4 * 1024 * 1024 ? undefined : text.replace(BIDI, escapeChar);
  } catch {
    return undefined;
  }
}

const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * JSON.stringify escapes C0 controls but leaves DEL, C1 controls (U+009B is
 * a CSI to some terminals) and bidirectional controls raw; this escapes them
 * too, which is still the same JSON.
 */
export function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, escapeChar);
}
