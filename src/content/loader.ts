/**
 * Loads a pack folder: the manifest and every question and exercise file,
 * into a typed Pack and a list of Diagnostics with file:line:column. Never
 * throws on bad content; a pack with errors still loads what is valid so
 * the learner can use the rest.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../core/index.js';
import { itemIds, readManifest, readQuestions, readExercises } from './read-items.js';
import { YamlChecker } from './yaml-check.js';
import type { Pack, Question, Exercise } from './types.js';
import { LEVELS, questionFileSchema } from './schema.js';

/** Largest pack file accepted: far above any real pack file, small enough to parse quickly. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
const MAX_FILES = 5_000;

export interface LoadResult {
  /** Undefined when the manifest is missing or unusable. */
  pack?: Pack;
  diagnostics: Diagnostic[];
}

export interface LoadOptions {
  builtin?: boolean;
}

export function loadPack(root: string, options: LoadOptions = {}): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const manifestPath = join(root, 'pack.yaml');
  const manifestDoc = readYaml(manifestPath, diagnostics);
  if (!manifestDoc) return { diagnostics };
  const readable = readManifest(manifestDoc);
  diagnostics.push(...manifestDoc.diagnostics);
  // With a broken manifest the questions are still checked, so every problem shows at once.
  const manifest = readable ?? { id: 'invalid', title: '', version: '0.0.0', authors: [], levels: [...LEVELS], topics: [] };

  const questions: Question[] = [];
  const exercises: Exercise[] = [];
  const seenQuestions = new Map<string, { file: string; line: number; column: number }>();
  const seenExercises = new Map<string, { file: string; line: number; column: number }>();

  for (const file of findPackFiles(root, diagnostics)) {
    const checker = readYaml(file, diagnostics);
    if (!checker) continue;
    const contents = checker.doc.contents;
    if (contents === null || contents === undefined) continue; // an empty file holds nothing
    const top = checker.check(contents, questionFileSchema, 'the file') as Record<string, unknown> | undefined;
    if (top) {
      const duplicates = new Set<string>();
      for (const { id, source } of itemIds(checker, 'questions')) {
        if (rejectDuplicate(checker, seenQuestions, id, source, 'question')) duplicates.add(`${source.line}:${source.column}`);
      }
      for (const q of readQuestions(checker, manifest)) {
        if (!duplicates.has(`${q.source.line}:${q.source.column}`)) questions.push(q);
      }
      duplicates.clear();
      for (const { id, source } of itemIds(checker, 'exercises')) {
        if (rejectDuplicate(checker, seenExercises, id, source, 'exercise')) duplicates.add(`${source.line}:${source.column}`);
      }
      for (const e of readExercises(checker, manifest)) {
        if (!duplicates.has(`${e.source.line}:${e.source.column}`)) exercises.push(e);
      }
    }
    diagnostics.push(...checker.diagnostics);
  }

  if (!readable) return { diagnostics };
  return { pack: { ...manifest, root, builtin: options.builtin ?? false, questions, exercises }, diagnostics };
}

/** A duplicate id is reported at the later occurrence, with the first as related. */
function rejectDuplicate(
  checker: YamlChecker,
  seen: Map<string, { file: string; line: number; column: number }>,
  id: string,
  at: { file: string; line: number; column: number },
  what: string,
): boolean {
  const first = seen.get(id);
  if (!first) {
    seen.set(id, at);
    return false;
  }
  checker.diagnostics.push({
    file: at.file,
    line: at.line,
    column: at.column,
    endLine: at.line,
    endColumn: at.column + id.length,
    severity: 'error',
    code: 'DuplicateId',
    message: `${what} id \`${id}\` is already used in this pack`,
    help: 'give each item its own id; progress is stored by id',
    related: [{ file: first.file, line: first.line, column: first.column, message: `first used here` }],
  });
  return true;
}

/** Every .yaml/.yml file under questions/ and exercises/, in path order, staying inside the pack. */
export function findPackFiles(root: string, diagnostics: Diagnostic[]): string[] {
  const files: string[] = [];
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return files;
  }
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      let real: string;
      try {
        real = realpathSync(full);
      } catch {
        continue; // a dangling link
      }
      if (real !== realRoot && !real.startsWith(realRoot + sep)) {
        diagnostics.push(at(full, 'error', 'PathOutsidePack', `\`${relative(root, full)}\` points outside the pack folder`, 'packs are self-contained; copy the file into the pack instead of linking to it'));
        continue;
      }
      const stats = statSync(real);
      if (stats.isDirectory()) walk(full);
      else if (/\.ya?ml$/i.test(name)) {
        if (files.length >= MAX_FILES) {
          diagnostics.push(at(full, 'error', 'TooManyFiles', `the pack has more than ${MAX_FILES} files`));
          return;
        }
        files.push(full);
      }
    }
  };
  for (const sub of ['questions', 'exercises']) walk(join(root, sub));
  return files;
}

/** Reads and parses one YAML file, reporting unreadable, oversized, non-UTF-8 and malformed files. */
function readYaml(file: string, diagnostics: Diagnostic[]): YamlChecker | undefined {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) {
      diagnostics.push(at(file, 'error', 'FileTooLarge', `the file is ${(size / 1048576).toFixed(1)} MiB, more than the ${MAX_FILE_BYTES / 1048576} MiB allowed`, 'split it into several files'));
      return undefined;
    }
    bytes = readFileSync(file);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    diagnostics.push(at(file, 'error', missing ? 'MissingFile' : 'UnreadableFile', missing ? `\`${file}\` does not exist` : `\`${file}\` cannot be read`, missing && file.endsWith('pack.yaml') ? 'a pack folder needs a pack.yaml manifest; `iamprep pack init DIR` makes one' : undefined));
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, offset).toString('utf8');
    const line = before.split('\n').length;
    diagnostics.push(at(file, 'error', 'NotUtf8', `the file is not UTF-8 text (invalid byte at offset ${offset})`, 'save the file as UTF-8', line));
    return undefined;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false});
  const checker = new YamlChecker(file, doc, lineCounter, text);
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lineCounter.linePos(e.pos[0]);
      const end = lineCounter.linePos(Math.max(e.pos[0], e.pos[1]));
      const duplicate = e.code === 'DUPLICATE_KEY';
      diagnostics.push({
        file,
        line: pos.line,
        column: pos.col,
        endLine: end.line,
        endColumn: end.col,
        severity: 'error',
        code: duplicate ? 'DuplicateKey' : 'YamlSyntax',
        message: duplicate ? 'this key appears twice in the same mapping' : yamlMessage(e.message),
      });
    }
    return undefined;
  }
  return checker;
}

function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  const clean = first.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
  return `invalid YAML: ${clean.charAt(0).toLowerCase()}${clean.slice(1)}`;
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return i;
}

function at(file: string, severity: 'error' | 'warning', code: string, message: string, help?: string, line = 1): Diagnostic {
  return { file, line, column: 1, endLine: line, endColumn: 2, severity, code, message, ...(help ? { help } : {}) };
}
