/**
 * `iamprep lint FILE... [--type T] [--json]`: every problem in IAM policy
 * documents, compiler-style, with the source line and the fix. Exit status
 * (shared/contracts/cli.md): 0 no errors, 1 some finding is an error, 2
 * usage error or a file that cannot be read.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { didYouMean, diagnosticToJson, formatDiagnostic, type Diagnostic, type Severity } from '../core/index.js';
import { LINT_KINDS, lintPolicy, type LintKind } from '../policy/index.js';
import { EXIT_INPUT_ERRORS, EXIT_OK, EXIT_USAGE, type Command, type CommandIO } from './types.js';

export const lintHelp = `iamprep lint - find mistakes in IAM policy documents

Usage:
  iamprep lint FILE... [--type TYPE] [--json]

Checks each file (one JSON policy document per file; - reads standard input)
and prints every finding as \`file:line:column severity Code message\`, the
source line with the problem underlined, and how to fix it.

Severities, as IAM Access Analyzer classifies its checks:
  error       the policy is invalid or cannot mean what it says
  security    valid, but grants more than is safe
  warning     probably not what was meant
  suggestion  tighter or cleaner

Options:
  --type TYPE   the kind of policy, because the rules differ: ${LINT_KINDS.join(', ')}
                (default identity; trust is a role's trust policy)
  --json        print one JSON document: {"files": [{"file", "findings"}], "summary"}
  --help        show this help

Exit status: 0 no errors, 1 some policy has errors, 2 usage error or unreadable file.

Examples:
  iamprep lint alice.json
  iamprep lint --type trust role-trust.json
  iamprep lint --type scp --json guardrails/*.json`;

const STDIN = '-';

export const lintCommand: Command = async (argv, io) => {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { type: { type: 'string', short: 't' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  if (parsed.values.help) {
    io.stdout(`${lintHelp}\n`);
    return EXIT_OK;
  }
  const type = parsed.values.type ?? 'identity';
  if (!(LINT_KINDS as readonly string[]).includes(type)) {
    const suggestion = didYouMean(type, LINT_KINDS);
    return usage(io, `unknown policy type \`${type}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''} (types: ${LINT_KINDS.join(', ')})`);
  }
  const files = parsed.positionals;
  if (files.length === 0) return usage(io, 'name at least one policy file, or - for standard input');

  const results: { file: string; text: string; findings: Diagnostic[] }[] = [];
  let unreadable = false;
  for (const file of files) {
    const text = await read(file, io);
    if (text === undefined) {
      unreadable = true;
      continue;
    }
    const name = file === STDIN ? '<stdin>' : file;
    results.push({ file: name, text, findings: lintPolicy({ text, file: name }, { type: type as LintKind }) });
  }

  const all = results.flatMap((r) => r.findings);
  const count = (severity: Severity) => all.filter((d) => d.severity === severity).length;
  const summary = { files: results.length, errors: count('error'), security: count('security'), warnings: count('warning'), suggestions: count('suggestion') };

  if (parsed.values.json) {
    const document = { files: results.map((r) => ({ file: r.file, findings: r.findings.map(diagnosticToJson) })), summary };
    io.stdout(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    for (const r of results) {
      for (const d of r.findings) io.stdout(`${formatDiagnostic(d, r.text)}\n\n`);
    }
    if (results.length > 0) io.stdout(`${summaryLine(summary)}\n`);
  }
  if (unreadable) return EXIT_USAGE;
  return summary.errors > 0 ? EXIT_INPUT_ERRORS : EXIT_OK;
};

function usage(io: CommandIO, message: string): number {
  io.stderr(`iamprep lint: ${message}\nRun \`iamprep lint --help\` for usage.\n`);
  return EXIT_USAGE;
}

async function read(file: string, io: CommandIO): Promise<string | undefined> {
  if (file === STDIN) return io.readStdin();
  try {
    return await readFile(isAbsolute(file) ? file : resolve(io.cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a policy file' : (error as Error).message;
    io.stderr(`iamprep lint: cannot read \`${file}\`: ${why}\n`);
    return undefined;
  }
}

function summaryLine(s: { files: number; errors: number; security: number; warnings: number; suggestions: number }): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const where = plural(s.files, 'file');
  if (s.errors + s.security + s.warnings + s.suggestions === 0) return `no problems found (${where})`;
  return `${plural(s.errors, 'error')}, ${s.security} security, ${plural(s.warnings, 'warning')}, ${plural(s.suggestions, 'suggestion')} (${where})`;
}
