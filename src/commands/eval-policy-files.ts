/**
 * Reads the policy files named on the `iamprep eval` command line into a
 * PolicySet, remembering which file (and where in it) each policy slot came
 * from, so that the engine's diagnostics (which name slots such as
 * `scps[1][0]`) can be shown against the user's own file and line.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic } from '../core/index.js';
import type { EvaluationResult, PolicySet } from '../policy/index.js';

/** Where a slot's policy text sits in a file: its start line and column (1-based). */
export interface SlotOrigin {
  path: string;
  /** The whole file text, for showing the source line. */
  source: string;
  line: number;
  column: number;
}

export interface PolicyFileArgs {
  identity: string[];
  resource?: string;
  boundary?: string;
  scps: string[];
  rcps: string[];
  session?: string;
}

export type LoadedPolicies =
  | { ok: true; set: PolicySet; origins: Map<string, SlotOrigin> }
  | { ok: false; missing: string[] };

/** Loads every file; reports all unreadable files at once. */
export async function loadPolicyFiles(args: PolicyFileArgs, cwd: string): Promise<LoadedPolicies> {
  const origins = new Map<string, SlotOrigin>();
  const missing: string[] = [];

  const read = async (path: string): Promise<string | undefined> => {
    try {
      return await readFile(resolve(cwd, path), 'utf8');
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
      missing.push(`${path}: ${reason}`);
      return undefined;
    }
  };

  /** One file, one policy, in the slot given. */
  const single = async (path: string, slot: string): Promise<string | undefined> => {
    const text = await read(path);
    if (text === undefined) return undefined;
    origins.set(slot, { path, source: text, line: 1, column: 1 });
    return text;
  };

  /** One file per organization level; the file holds one policy or a JSON array of them. */
  const level = async (path: string, slotPrefix: string): Promise<string[]> => {
    const text = await read(path);
    if (text === undefined) return [];
    const elements = splitTopLevelArray(text);
    if (!elements) {
      origins.set(`${slotPrefix}[0]`, { path, source: text, line: 1, column: 1 });
      return [text];
    }
    elements.forEach((element, i) => {
      origins.set(`${slotPrefix}[${i}]`, { path, source: text, line: element.line, column: element.column });
    });
    return elements.map((element) => element.text);
  };

  const identity: string[] = [];
  for (const [i, path] of args.identity.entries()) {
    const text = await single(path, `identity[${i}]`);
    if (text !== undefined) identity.push(text);
  }
  const scps: string[][] = [];
  for (const [i, path] of args.scps.entries()) scps.push(await level(path, `scps[${i}]`));
  const rcps: string[][] = [];
  for (const [i, path] of args.rcps.entries()) rcps.push(await level(path, `rcps[${i}]`));

  const set: PolicySet = { identity };
  if (args.resource !== undefined) set.resource = (await single(args.resource, 'resource')) ?? null;
  if (args.boundary !== undefined) set.boundary = (await single(args.boundary, 'boundary')) ?? null;
  if (args.session !== undefined) set.session = (await single(args.session, 'session')) ?? null;
  if (scps.length > 0) set.scps = scps;
  if (rcps.length > 0) set.rcps = rcps;

  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, set, origins };
}

/**
 * Moves a diagnostic from slot coordinates (positions inside the policy
 * text handed to the engine) to file coordinates. A diagnostic whose slot
 * is unknown is returned as it is.
 */
export function toFileDiagnostic(d: Diagnostic, origins: ReadonlyMap<string, SlotOrigin>): { diagnostic: Diagnostic; source?: string } {
  const origin = origins.get(d.file);
  if (!origin) return { diagnostic: d };
  const shift = (line: number, column: number) => ({
    line: line + origin.line - 1,
    // Only the element's first line is indented by its start column.
    column: line === 1 ? column + origin.column - 1 : column,
  });
  const start = shift(d.line, d.column);
  const end = shift(d.endLine, d.endColumn);
  return {
    diagnostic: {
      ...d,
      file: origin.path,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      related: d.related?.map((r) =>
        r.file === d.file && r.line !== undefined ? { ...r, file: origin.path, ...shift(r.line, r.column ?? 1) } : r,
      ),
    },
    source: origin.source,
  };
}

/**
 * When `text` is a JSON array (`[ {...}, {...} ]`), the text of each
 * element with its 1-based start line and column; otherwise undefined.
 * Element texts are handed to the engine unparsed so that its diagnostics
 * keep exact positions. Malformed text is left for the engine to report.
 */
export function splitTopLevelArray(text: string): { text: string; line: number; column: number }[] | undefined {
  let i = skipSpace(text, 0);
  if (text.charCodeAt(i) === 0xfeff) i = skipSpace(text, i + 1);
  if (text[i] !== '[') return undefined;
  const elements: { text: string; line: number; column: number }[] = [];
  let depth = 0;
  let start = -1;
  for (i = i + 1; i < text.length; i++) {
    const c = text[i]!;
    if (depth === 0 && start < 0 && !/\s|,|\]/.test(c)) start = i;
    if (c === '"') {
      i = endOfString(text, i);
      if (i < 0) return undefined;
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) {
        // the closing bracket of the outer array
        if (start >= 0) elements.push(element(text, start, i));
        return elements;
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      if (start >= 0) elements.push(element(text, start, i));
      start = -1;
    }
  }
  return undefined;
}

function element(text: string, start: number, end: number) {
  const body = text.slice(start, end).trimEnd();
  const before = text.slice(0, start);
  const line = before.split('\n').length;
  const column = start - before.lastIndexOf('\n');
  return { text: body, line, column };
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/** Index of the quote that closes the string opening at `open`, or -1. */
function endOfString(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') return i;
  }
  return -1;
}

/** A statement reference with its line and column moved into the file it came from. */
export function toFileRef<R extends { policy: string; line?: number; column?: number }>(ref: R, origins: ReadonlyMap<string, SlotOrigin>): R {
  const origin = origins.get(ref.policy);
  if (!origin || ref.line === undefined) return ref;
  const column = ref.column ?? 1;
  return {
    ...ref,
    line: ref.line + origin.line - 1,
    column: ref.line === 1 ? column + origin.column - 1 : column,
  };
}

/** The same result with every statement position in file coordinates. */
export function withFilePositions(result: EvaluationResult, origins: ReadonlyMap<string, SlotOrigin>): EvaluationResult {
  return {
    ...result,
    reasons: result.reasons.map((r) => toFileRef(r, origins)),
    ...(result.trace ? { trace: result.trace.map((step) => ({ ...step, statements: step.statements.map((r) => toFileRef(r, origins)) })) } : {}),
  };
}
