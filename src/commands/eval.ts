/**
 * `iamprep eval`: the policy simulator. One request from policy files and
 * flags, or a whole JSON Lines batch (shared/contracts/eval-batch.md).
 * Exit status follows shared/contracts/cli.md: 0 decided, 1 the input had
 * errors, 2 usage error.
 */
import { createReadStream } from 'node:fs';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { didYouMean, diagnosticToJson, formatDiagnostic, sortDiagnostics } from '../core/index.js';
import { compilePolicySet, evaluate, explainText } from '../policy/index.js';
import type { EvalRequest, EvaluationResult } from '../policy/index.js';
import { runBatch } from './eval-batch.js';
import { loadPolicyFiles, toFileDiagnostic, withFilePositions } from './eval-policy-files.js';
import { EXIT_INPUT_ERRORS, EXIT_OK, EXIT_USAGE } from './types.js';
import type { Command, CommandIO } from './types.js';

/** The principal used when `--principal` is not given: a user in the AWS documentation's example account. */
export const DEFAULT_PRINCIPAL = 'arn:aws:iam::111122223333:user/alice';

export const evalHelp = `iamprep eval - decide whether AWS would allow a request

Usage:
  iamprep eval --policy FILE --action ACTION --resource ARN [options]
  iamprep eval --batch FILE|- [--explain]

One request:
  --policy FILE            identity-based policy of the principal (repeatable)
  --resource-policy FILE   resource-based policy of the target (bucket policy, trust policy, key policy)
  --boundary FILE          permissions boundary
  --scp FILE               service control policies of one organization level, root first
                           (repeatable; the file holds one policy or a JSON array of policies).
                           Each level needs an Allow for the action, as in AWS (e.g. FullAWSAccess)
  --rcp FILE               resource control policies of one level (repeatable, same form as --scp);
                           RCPFullAWSAccess is implied and never listed
  --session-policy FILE    session policy
  --action ACTION          the action requested, e.g. s3:GetObject
  --resource ARN           the resource requested
  --principal ARN          who asks (default ${DEFAULT_PRINCIPAL})
  --resource-account ID    account that owns the resource (default: the principal's account)
  --context KEY=VALUE      a request context value (repeatable; repeat a key for a
                           multi-valued key). Values stay strings, as in AWS
  --explain                show every policy type consulted (adds "trace" to --json)
  --json                   print one JSON document: {decision, reasons, trace, errors}

Batch:
  --batch FILE|-           JSON Lines, one case per line (- reads standard input);
                           prints one JSON object per line, in order, with the same id
  --explain                add each line's evaluation trace

Exit status: 0 every request decided, 1 a policy or a batch line had errors, 2 usage error.

Examples:
  iamprep eval --policy alice.json --action s3:GetObject --resource arn:aws:s3:::reports/q1.csv
  iamprep eval --policy alice.json --scp root.json --scp ou.json --action ec2:RunInstances \\
    --resource '*' --context aws:RequestedRegion=eu-west-1 --explain
  iamprep eval --batch cases.jsonl > decisions.jsonl
`;

const options = {
  policy: { type: 'string', multiple: true },
  'resource-policy': { type: 'string' },
  boundary: { type: 'string' },
  scp: { type: 'string', multiple: true },
  rcp: { type: 'string', multiple: true },
  'session-policy': { type: 'string' },
  action: { type: 'string' },
  resource: { type: 'string' },
  principal: { type: 'string' },
  'resource-account': { type: 'string' },
  context: { type: 'string', multiple: true },
  explain: { type: 'boolean' },
  json: { type: 'boolean' },
  batch: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Flags = ReturnType<typeof parseFlags>['values'];

function parseFlags(argv: string[]) {
  return parseArgs({ args: argv, options, strict: true, allowPositionals: false });
}

export const evalCommand: Command = async (argv, io) => {
  let flags: Flags;
  try {
    flags = parseFlags(argv).values;
  } catch (e) {
    return usageError(io, explainArgError(e));
  }
  if (flags.help) {
    io.stdout(evalHelp);
    return EXIT_OK;
  }
  if (flags.batch !== undefined) return batchMode(flags, flags.batch, io);
  return singleMode(flags, io);
};

function usageError(io: CommandIO, message: string): number {
  io.stderr(`iamprep eval: ${message}\nRun \`iamprep eval --help\` for usage.\n`);
  return EXIT_USAGE;
}

/** Turns util.parseArgs' error into one sentence, with a did-you-mean for a mistyped flag. */
function explainArgError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message);
  if (unknown) {
    const flag = unknown[1]!;
    const guess = didYouMean(flag.replace(/^-+/, ''), Object.keys(options));
    return `unknown option \`${flag}\`${guess ? ` (did you mean \`--${guess}\`?)` : ''}`;
  }
  if (/Unexpected argument/.test(message)) {
    const arg = /Unexpected argument '([^']*)'/.exec(message)?.[1];
    return `unexpected argument \`${arg ?? ''}\`; every value follows its flag, e.g. \`--policy FILE\``;
  }
  const missingValue = /Option '(-{1,2}[^ ']+)[^']*' argument missing/.exec(message);
  if (missingValue) return `option \`${missingValue[1]}\` needs a value`;
  return message.replace(/\.$/, '');
}

// ---------------------------------------------------------------------------
// Batch mode

const singleRequestFlags = [
  'policy',
  'resource-policy',
  'boundary',
  'scp',
  'rcp',
  'session-policy',
  'action',
  'resource',
  'principal',
  'resource-account',
  'context',
] as const;

async function batchMode(flags: Flags, source: string, io: CommandIO): Promise<number> {
  // `--json` is accepted and changes nothing: batch output is always JSON Lines.
  const stray = singleRequestFlags.filter((name) => flags[name] !== undefined);
  if (stray.length > 0) {
    return usageError(io, `\`--${stray[0]}\` describes a single request and cannot be combined with \`--batch\``);
  }
  if (source === '') return usageError(io, '`--batch` needs a file name, or `-` for standard input');

  let lines: AsyncIterable<string> | Iterable<string>;
  if (source === '-') {
    lines = splitLines(await io.readStdin());
  } else {
    const path = resolve(io.cwd, source);
    const problem = await unreadableFile(path);
    if (problem) return usageError(io, `cannot read batch file \`${source}\`: ${problem}`);
    lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  }
  const allDecided = await runBatch(lines, io.stdout, { explain: flags.explain === true });
  return allDecided ? EXIT_OK : EXIT_INPUT_ERRORS;
}

/** Why `path` cannot be read as a file, or undefined when it can. */
async function unreadableFile(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return 'not a file';
    await access(path, constants.R_OK);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
  }
}

function* splitLines(text: string): Iterable<string> {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    yield text.slice(start, end);
    start = end + 1;
  }
}

// ---------------------------------------------------------------------------
// Single request

async function singleMode(flags: Flags, io: CommandIO): Promise<number> {
  if (flags.action === undefined || flags.resource === undefined) {
    const missing = [flags.action === undefined ? '`--action`' : '', flags.resource === undefined ? '`--resource`' : '']
      .filter(Boolean)
      .join(' and ');
    return usageError(io, `a request needs ${missing} (or use \`--batch FILE\`)`);
  }
  const context = parseContext(flags.context ?? []);
  if (typeof context === 'string') return usageError(io, context);

  const loaded = await loadPolicyFiles(
    {
      identity: flags.policy ?? [],
      resource: flags['resource-policy'],
      boundary: flags.boundary,
      scps: flags.scp ?? [],
      rcps: flags.rcp ?? [],
      session: flags['session-policy'],
    },
    io.cwd,
  );
  if (!loaded.ok) {
    io.stderr(loaded.missing.map((m) => `iamprep eval: cannot read policy file ${m}\n`).join(''));
    return EXIT_USAGE;
  }

  const { compiled, diagnostics } = compilePolicySet(loaded.set);
  const located = diagnostics.map((d) => toFileDiagnostic(d, loaded.origins));
  const sourceOf = new Map(located.map((l) => [l.diagnostic, l.source]));
  const fileDiagnostics = sortDiagnostics(located.map((l) => l.diagnostic));
  const errors = fileDiagnostics.filter((d) => d.severity === 'error');

  if (errors.length > 0 || !compiled) {
    if (flags.json) {
      io.stdout(JSON.stringify({ decision: null, reasons: [], errors: fileDiagnostics.map(diagnosticToJson) }, null, 2) + '\n');
    } else {
      io.stderr(fileDiagnostics.map((d) => formatDiagnostic(d, sourceOf.get(d)) + '\n').join('\n'));
    }
    return EXIT_INPUT_ERRORS;
  }

  const request: EvalRequest = {
    principal: flags.principal ?? DEFAULT_PRINCIPAL,
    action: flags.action,
    resource: flags.resource,
    ...(flags['resource-account'] !== undefined ? { resourceAccount: flags['resource-account'] } : {}),
    context,
  };
  const result = withFilePositions(evaluate(compiled, request, { explain: true }), loaded.origins);
  const sources = Object.fromEntries([...loaded.origins].map(([slot, origin]) => [slot, origin.path]));
  const requestErrors = result.errors.map((d) => toFileDiagnostic(d, loaded.origins).diagnostic);

  if (flags.json) {
    io.stdout(
      JSON.stringify(
        {
          decision: result.errors.length > 0 ? null : result.decision,
          reasons: result.reasons,
          ...(flags.explain ? { trace: result.trace ?? [] } : {}),
          errors: requestErrors.map(diagnosticToJson),
          warnings: fileDiagnostics.map(diagnosticToJson),
          sources,
        },
        null,
        2,
      ) + '\n',
    );
    return requestErrors.length > 0 ? EXIT_INPUT_ERRORS : EXIT_OK;
  }

  if (requestErrors.length > 0) {
    io.stderr(requestErrors.map((d) => formatDiagnostic(d) + '\n').join('\n'));
    return EXIT_INPUT_ERRORS;
  }
  const colour = io.stdoutIsTTY && !io.env.NO_COLOR;
  const warnings = fileDiagnostics.map((d) => formatDiagnostic(d, sourceOf.get(d)) + '\n').join('\n');
  if (warnings) io.stderr(warnings + '\n');
  io.stdout(renderDecision(result, request, sources, { colour, explain: flags.explain === true }));
  return EXIT_OK;
}

/**
 * `key=value` pairs into a context. Values stay strings, as AWS sends them
 * (`aws:MultiFactorAuthPresent` is the string `true`); a repeated key
 * becomes a multi-valued key. Returns a message on a malformed pair.
 */
export function parseContext(pairs: readonly string[]): Record<string, string | string[]> | string {
  const context: Record<string, string | string[]> = {};
  const canonicalKey = new Map<string, string>();
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return `\`--context ${pair}\` must be KEY=VALUE, e.g. \`--context aws:SourceIp=203.0.113.10\``;
    const rawKey = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    // Context key names are case-insensitive in AWS, so `aws:tagkeys` repeats `aws:TagKeys`.
    const key = canonicalKey.get(rawKey.toLowerCase()) ?? rawKey;
    canonicalKey.set(rawKey.toLowerCase(), key);
    const previous = context[key];
    if (previous === undefined) context[key] = value;
    else context[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return context;
}

const decisionLabel = {
  allowed: { symbol: '✓', text: 'allowed', colour: '\u001b[32m' },
  explicitDeny: { symbol: '✗', text: 'explicit deny', colour: '\u001b[31m' },
  implicitDeny: { symbol: '✗', text: 'implicit deny', colour: '\u001b[33m' },
} as const;

/**
 * The decision line (symbol and words, never colour alone), the request,
 * which file each policy slot came from, then the engine's narrative
 * (with the per-policy-type trace under `--explain`).
 */
export function renderDecision(
  result: EvaluationResult,
  request: EvalRequest,
  sources: Record<string, string>,
  options: { colour: boolean; explain: boolean },
): string {
  const label = decisionLabel[result.decision];
  const head = `${label.symbol} ${label.text}`;
  const lines = [`${options.colour ? `${label.colour}${head}\u001b[0m` : head}: ${request.action} on ${request.resource}`, `  principal ${request.principal}`];
  const slots = Object.entries(sources);
  if (slots.length > 0) lines.push(`  policies  ${slots.map(([slot, path]) => `${slot} ${path}`).join(', ')}`);
  lines.push('');
  const narrative = explainText(result, { steps: options.explain })
    .trimEnd()
    // The first line above already states the decision.
    .replace(/^Decision:[^\n]*\n?/, '');
  if (narrative) lines.push(narrative, '');
  return lines.join('\n');
}
