/**
 * `iamprep eval --batch`: JSON Lines in, one JSON object per line out, in
 * order, following shared/contracts/eval-batch.md. A bad line yields an
 * `error` object and the run goes on; the exit status says whether any line
 * failed.
 */
import type { Diagnostic } from '../core/index.js';
import { compilePolicySet, evaluate } from '../policy/index.js';
import type { CompiledPolicySet, EvalRequest, EvaluationResult, PolicySet } from '../policy/index.js';
import { endOfValue, memberValueStart } from './eval-line-scan.js';

/** The `error` member of an output line. Fields are always present (null when unknown) so scripts can rely on them. */
export interface BatchLineError {
  /** `InvalidPolicy` for any problem inside a policy (the contract's code), `InvalidRequest`, `InvalidJson`, `InvalidCase`. */
  code: string;
  /** The validator's own code for the problem (`UnknownConditionOperator`, `MissingEffect`, ...), when there is one. */
  check?: string;
  message: string;
  /** The policy slot at fault (`identity[0]`, `scps[1][0]`), or null. */
  policy: string | null;
  /** Position inside that policy's text when `policy` is set, otherwise inside the input line. */
  line: number | null;
  column: number | null;
  /** The 1-based line of the batch input this error belongs to. */
  inputLine: number;
}

export type BatchOutputLine =
  | { id: unknown; decision: EvaluationResult['decision']; trace?: EvaluationResult['trace'] }
  | { id: unknown; error: BatchLineError };

type CompileOutcome = { compiled: CompiledPolicySet } | { diagnostic: Diagnostic } | { caseError: string };

interface CachedPolicies {
  /** The JSON text of the `policies` value, exactly as it appeared in a line. */
  text: string;
  outcome: CompileOutcome;
}

/** Long texts are grouped under this many leading characters, so that a lookup never hashes a whole policy set. */
const PREFIX_LENGTH = 128;

/**
 * Batch corpora reuse the same few policy sets on thousands of lines, so a
 * compiled set is cached under the exact JSON text of its `policies` value.
 * A line is matched against cached texts where its `policies` value starts
 * (a cached text is a complete JSON value, so if the line continues with
 * it, that is the whole value); this costs one comparison instead of
 * scanning and hashing several kilobytes per line. The cache is bounded so
 * that a corpus of all-different policies cannot grow memory without limit.
 */
export class CompiledPolicyCache {
  private byText = new Map<string, CachedPolicies>();
  private byPrefix = new Map<string, CachedPolicies[]>();

  constructor(private readonly limit = 1_000) {}

  /** The cached set whose text `line` holds at `start`, if any (only texts of PREFIX_LENGTH or more). */
  findAt(line: string, start: number): CachedPolicies | undefined {
    const group = this.byPrefix.get(line.slice(start, start + PREFIX_LENGTH));
    if (!group) return undefined;
    for (const entry of group) {
      // `===` on a slice compares memory; `startsWith` walks the characters one by one and is many times slower.
      if (line.slice(start, start + entry.text.length) === entry.text) return entry;
    }
    return undefined;
  }

  get(text: string): CachedPolicies | undefined {
    return this.byText.get(text);
  }

  /** Compiles `policies` and remembers the outcome under `text`. */
  add(text: string, policies: unknown): CachedPolicies {
    if (this.byText.size >= this.limit) {
      this.byText.clear();
      this.byPrefix.clear();
    }
    const entry = { text, outcome: compileOutcome(policies) };
    this.byText.set(text, entry);
    if (text.length >= PREFIX_LENGTH) {
      const prefix = text.slice(0, PREFIX_LENGTH);
      const group = this.byPrefix.get(prefix);
      if (group) group.push(entry);
      else this.byPrefix.set(prefix, [entry]);
    }
    return entry;
  }
}

function compileOutcome(policies: unknown): CompileOutcome {
  if (policies === undefined || policies === null) policies = {};
  if (!isPlainObject(policies)) return { caseError: '`policies` must be an object' };
  const { compiled, diagnostics } = compilePolicySet(policies as PolicySet);
  const firstError = diagnostics.find((d) => d.severity === 'error');
  if (firstError) return { diagnostic: firstError };
  if (!compiled) {
    // The engine promises a compiled set whenever there is no error; say so rather than guess.
    return { caseError: 'the policies could not be compiled' };
  }
  return { compiled };
}

type ParsedCase =
  /** `policies` was found in the cache. */
  | { rest: unknown; cached: CachedPolicies }
  /** `policies` still to be parsed from its text. */
  | { rest: unknown; policiesText: string }
  /** The whole line was parsed; `policies` is its value. */
  | { rest: unknown; policies: unknown; policiesText: string };

/**
 * Parses a line, leaving its `policies` value out whenever its text is
 * already cached or can be cut out cleanly: that value is most of the line,
 * and most lines repeat one seen before. Throws JSON.parse's error when the
 * line is not JSON.
 */
function parseCase(text: string, cache: CompiledPolicyCache): ParsedCase {
  const start = memberValueStart(text, 'policies');
  if (start >= 0) {
    let cached = cache.findAt(text, start);
    const end = cached ? start + cached.text.length : endOfValue(text, start);
    // A second `policies` member would override the first: leave that to the full parse.
    if (end >= 0 && text.indexOf('"policies"', end) < 0) {
      const policiesText = text.slice(start, end);
      cached ??= cache.get(policiesText);
      try {
        const rest = JSON.parse(text.slice(0, start) + 'null' + text.slice(end)) as unknown;
        return cached ? { rest, cached } : { rest, policiesText };
      } catch {
        // fall through: the full parse gives the error its true position
      }
    }
  }
  const rest = JSON.parse(text) as unknown;
  const policies = isPlainObject(rest) ? rest.policies : undefined;
  return { rest, policies, policiesText: policies === undefined ? '{}' : JSON.stringify(policies) };
}

/** The compiled outcome for a parsed line: from the cache, or parsed, compiled and cached now. */
function policiesOf(parsed: ParsedCase, cache: CompiledPolicyCache): CompileOutcome | { invalidJson: unknown } {
  if ('cached' in parsed) return parsed.cached.outcome;
  const hit = cache.get(parsed.policiesText);
  if (hit) return hit.outcome;
  if ('policies' in parsed) return cache.add(parsed.policiesText, parsed.policies).outcome;
  try {
    return cache.add(parsed.policiesText, JSON.parse(parsed.policiesText)).outcome;
  } catch (e) {
    return { invalidJson: e };
  }
}

function invalidJson(e: unknown, text: string, inputLine: number): BatchOutputLine {
  return lineError(null, {
    code: 'InvalidJson',
    message: `the line is not valid JSON: ${jsonErrorReason(e)}`,
    policy: null,
    line: inputLine,
    column: jsonErrorColumn(e, text),
    inputLine,
  });
}

/** Decides one input line. Every problem with the input becomes an `error` output line. */
export function decideBatchLine(
  text: string,
  inputLine: number,
  cache: CompiledPolicyCache,
  explain: boolean,
): BatchOutputLine {
  let parsed: ParsedCase;
  try {
    parsed = parseCase(text, cache);
  } catch (e) {
    return invalidJson(e, text, inputLine);
  }
  const { rest } = parsed;
  if (!isPlainObject(rest)) {
    return caseError(null, inputLine, 'each line must be a JSON object with `policies` and `request`');
  }
  const id = rest.id ?? null;
  const request = readRequest(rest.request);
  if (typeof request === 'string') return caseError(id, inputLine, request);

  const outcome = policiesOf(parsed, cache);
  if ('invalidJson' in outcome) {
    // Balanced brackets but not JSON inside `policies`: the full parse says where.
    try {
      JSON.parse(text);
    } catch (e) {
      return invalidJson(e, text, inputLine);
    }
    return invalidJson(outcome.invalidJson, text, inputLine);
  }
  if ('caseError' in outcome) return caseError(id, inputLine, outcome.caseError);
  if ('diagnostic' in outcome) {
    const d = outcome.diagnostic;
    return lineError(id, {
      code: 'InvalidPolicy',
      check: d.code,
      message: d.message,
      policy: d.file,
      line: d.line,
      column: d.column,
      inputLine,
    });
  }
  const result = evaluate(outcome.compiled, request, { explain });
  const problem = result.errors.find((d) => d.severity === 'error') ?? result.errors[0];
  if (problem) {
    return lineError(id, {
      code: problem.file === 'request' ? 'InvalidRequest' : 'InvalidPolicy',
      check: problem.code,
      message: problem.message,
      policy: problem.file || null,
      line: problem.line ?? null,
      column: problem.column ?? null,
      inputLine,
    });
  }
  return explain ? { id, decision: result.decision, trace: result.trace ?? [] } : { id, decision: result.decision };
}

/** Checks the request's shape; returns the request or a message saying what is wrong. */
function readRequest(value: unknown): EvalRequest | string {
  if (!isPlainObject(value)) return '`request` must be an object with `principal`, `action` and `resource`';
  for (const field of ['principal', 'action', 'resource'] as const) {
    if (typeof value[field] !== 'string' || value[field] === '') {
      return `\`request.${field}\` must be a non-empty string`;
    }
  }
  if (value.resourceAccount !== undefined && value.resourceAccount !== null && typeof value.resourceAccount !== 'string') {
    return '`request.resourceAccount` must be a string';
  }
  if (value.context !== undefined && value.context !== null) {
    if (!isPlainObject(value.context)) return '`request.context` must be an object';
    for (const [key, v] of Object.entries(value.context)) {
      if (!isContextValue(v)) {
        return `context key \`${key}\` must be a string, number, boolean or an array of those`;
      }
    }
  }
  return value as unknown as EvalRequest;
}

function isContextValue(v: unknown): boolean {
  if (Array.isArray(v)) return v.every(isContextScalar);
  return isContextScalar(v);
}

function isContextScalar(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

function caseError(id: unknown, inputLine: number, message: string): BatchOutputLine {
  return lineError(id, { code: 'InvalidCase', message, policy: null, line: inputLine, column: null, inputLine });
}

function lineError(id: unknown, error: BatchLineError): BatchOutputLine {
  return { id, error };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** V8's messages end with "at position N" or "(line 1 column N)"; turn that into a 1-based column. */
function jsonErrorColumn(e: unknown, text: string): number | null {
  const message = e instanceof Error ? e.message : '';
  const column = /column (\d+)/.exec(message);
  if (column) return Number(column[1]);
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]) + 1;
  if (/end of JSON input/i.test(message)) return text.length + 1;
  return null;
}

/** V8's JSON.parse message as a lowercase phrase, without its echo of the input (which can be the whole long line) or its position (given apart). */
function jsonErrorReason(e: unknown): string {
  const reason = (e instanceof Error ? e.message : String(e))
    .replace(/, "[\s\S]*" is not valid JSON$/, '')
    .replace(/( in JSON)? at position \d+.*$/, '')
    .replace(/ \(line \d+ column \d+\)$/, '')
    .replace(/'([^']*)'/g, '`$1`');
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

/** A bug in the engine must not end the run: the line reports it and the next line is decided. */
function decideSafely(text: string, inputLine: number, cache: CompiledPolicyCache, explain: boolean): BatchOutputLine {
  try {
    return decideBatchLine(text, inputLine, cache, explain);
  } catch (e) {
    let id: unknown = null;
    try {
      id = (JSON.parse(text) as { id?: unknown }).id ?? null;
    } catch {
      // the id stays unknown
    }
    const reason = e instanceof Error ? e.message : String(e);
    return lineError(id, {
      code: 'InternalError',
      message: `the evaluator failed on this line: ${reason}`,
      policy: null,
      line: null,
      column: null,
      inputLine,
    });
  }
}

/**
 * Collects output text and hands it to `write` in large chunks: one write
 * per line costs more than the evaluation itself on big corpora.
 */
export class ChunkedWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(
    private readonly write: (text: string) => void,
    private readonly chunkSize = 64 * 1024,
  ) {}

  push(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= this.chunkSize) this.flush();
  }

  flush(): void {
    if (this.size === 0) return;
    this.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

/**
 * Runs a whole batch. `lines` yields the raw input lines (without line
 * ends); output is written as it is produced. Resolves to true when every
 * line was decided.
 */
export async function runBatch(
  lines: AsyncIterable<string> | Iterable<string>,
  write: (text: string) => void,
  options: { explain: boolean },
): Promise<boolean> {
  const cache = new CompiledPolicyCache();
  const out = new ChunkedWriter(write);
  let inputLine = 0;
  let allDecided = true;
  for await (const raw of lines) {
    inputLine++;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') continue;
    const output = decideSafely(text, inputLine, cache, options.explain);
    if ('error' in output) allDecided = false;
    out.push(JSON.stringify(output) + '\n');
  }
  out.flush();
  return allDecided;
}
