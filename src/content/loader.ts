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
import { field, itemIds, readManifest, readQuestions, readExercises } from './read-items.js';
import { isRange, parseRange, parseVersion, rangeAllows } from './semver.js';
import { YamlChecker } from './yaml-check.js';
import type { Pack, PackManifest, Question, Exercise } from './types.js';
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
  /** The running iamprep version: a pack whose `requires` excludes it is not loaded. */
  appVersion?: string;
}

export interface ManifestResult {
  manifest?: PackManifest;
  diagnostics: Diagnostic[];
  /** False when `requires` excludes the running version: the pack must not be loaded. */
  compatible: boolean;
}

/** Reads only pack.yaml: quick, for listing packs and for checks across packs. */
export function loadManifest(root: string, options: LoadOptions = {}): ManifestResult {
  const diagnostics: Diagnostic[] = [];
  const checker = readManifestFile(root, diagnostics);
  if (!checker) return { diagnostics, compatible: true };
  const manifest = readManifest(checker);
  const compatible = checkRequires(checker, manifest, options.appVersion);
  diagnostics.push(...checker.diagnostics);
  return { manifest, diagnostics, compatible };
}

export function loadPack(root: string, options: LoadOptions = {}): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const manifestDoc = readManifestFile(root, diagnostics);
  if (!manifestDoc) return { diagnostics };
  const readable = readManifest(manifestDoc);
  const compatible = checkRequires(manifestDoc, readable, options.appVersion);
  diagnostics.push(...manifestDoc.diagnostics);
  // A pack written for another iamprep may use fields this one does not know: one clear finding, not dozens.
  if (!compatible) return { diagnostics };
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
      // A loop, not push(...items): a file may hold tens of thousands of items.
      for (const q of withoutDuplicates(checker, 'questions', seenQuestions, readQuestions(checker, manifest))) questions.push(q);
      for (const e of withoutDuplicates(checker, 'exercises', seenExercises, readExercises(checker, manifest))) exercises.push(e);
    }
    diagnostics.push(...checker.diagnostics);
  }

  if (!readable) return { diagnostics };
  return { pack: { ...manifest, root, builtin: options.builtin ?? false, questions, exercises }, diagnostics };
}

/**
 * Checks that `requires` is a readable range and, given the running
 * version, that the range includes it. Returns false when it does not.
 */
function checkRequires(checker: YamlChecker, manifest: PackManifest | undefined, appVersion: string | undefined): boolean {
  const requires = manifest?.requires;
  if (requires === undefined) return true;
  const node = field(checker.doc.contents, 'requires');
  const range = parseRange(requires);
  if (!isRange(range)) {
    checker.error('InvalidRequires', `\`requires\` is not a version range: ${range.error}`, node, { help: 'write a range such as `>=1.0.0` or `^1.2`' });
    return true;
  }
  const running = appVersion === undefined ? undefined : parseVersion(appVersion);
  if (!running || rangeAllows(range, running)) return true;
  const newer = rangeAllows(range, { major: Number.MAX_SAFE_INTEGER, minor: 0, patch: 0, prerelease: [] });
  checker.error(
    'IncompatibleIamprep',
    newer
      ? `the pack requires a newer iamprep (\`${requires}\`) than this one (${appVersion}), so it is skipped`
      : `the pack requires iamprep \`${requires}\`, which excludes this version (${appVersion}), so it is skipped`,
    node,
    { help: newer ? 'update iamprep: `npm install -g iamprep@latest`' : 'use the pack version made for this iamprep, or widen `requires` in pack.yaml' },
  );
  return false;
}

/**
 * The items of one list whose ids were not used before in the pack. Ids are
 * taken from every item, valid or not, so a duplicate is reported even when
 * one of the two is broken.
 */
function withoutDuplicates<T extends { source: { line: number; column: number } }>(
  checker: YamlChecker,
  list: 'questions' | 'exercises',
  seen: Map<string, { file: string; line: number; column: number }>,
  items: T[],
): T[] {
  const repeated = new Set<string>();
  for (const { id, source } of itemIds(checker, list)) {
    if (rejectDuplicate(checker, seen, id, source, list === 'questions' ? 'question' : 'exercise')) repeated.add(`${source.line}:${source.column}`);
  }
  return items.filter((item) => !repeated.has(`${item.source.line}:${item.source.column}`));
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
  // Real folders already walked: a link to a folder above would otherwise repeat the pack inside itself.
  // The root itself is not a question folder: a link to it must not read pack.yaml as questions.
  const walked = new Set<string>([realRoot]);
  let full = false;
  const walk = (dir: string) => {
    let entries: string[];
    try {
      const real = realpathSync(dir);
      if (walked.has(real)) return;
      walked.add(real);
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of entries) {
      if (full) return;
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      let real: string;
      try {
        real = realpathSync(path);
      } catch {
        continue; // a dangling link
      }
      if (!inside(real, realRoot)) {
        diagnostics.push(outsidePack(root, path));
        continue;
      }
      const stats = statSync(real);
      if (stats.isDirectory()) walk(path);
      else if (/\.ya?ml$/i.test(name)) {
        // A FIFO or device named .yaml would block the read forever.
        if (!stats.isFile()) {
          diagnostics.push(at(path, 'error', 'NotAFile', `\`${relative(root, path)}\` is not a regular file`, 'packs hold plain files only'));
          continue;
        }
        if (files.length >= MAX_FILES) {
          diagnostics.push(at(path, 'error', 'TooManyFiles', `the pack has more than ${MAX_FILES} files`));
          full = true;
          return;
        }
        files.push(path);
      }
    }
  };
  for (const sub of ['questions', 'exercises']) walk(join(root, sub));
  return files;
}

function inside(real: string, realRoot: string): boolean {
  return real === realRoot || real.startsWith(realRoot + sep);
}

function outsidePack(root: string, path: string): Diagnostic {
  return at(path, 'error', 'PathOutsidePack', `\`${relative(root, path)}\` points outside the pack folder`, 'packs are self-contained; copy the file into the pack instead of linking to it');
}

/** The manifest, unless it is a link to a file outside the pack (whose text would otherwise be echoed in findings). */
function readManifestFile(root: string, diagnostics: Diagnostic[]): YamlChecker | undefined {
  const path = join(root, 'pack.yaml');
  try {
    if (!inside(realpathSync(path), realpathSync(root))) {
      diagnostics.push(outsidePack(root, path));
      return undefined;
    }
  } catch {
    // Missing: readYaml says so.
  }
  return readYaml(path, diagnostics);
}

/** Reads and parses one YAML file, reporting unreadable, oversized, non-UTF-8 and malformed files. */
function readYaml(file: string, diagnostics: Diagnostic[]): YamlChecker | undefined {
  let bytes: Buffer;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) {
      diagnostics.push(at(file, 'error', 'NotAFile', `\`${file}\` is not a regular file`, 'packs hold plain files only'));
      return undefined;
    }
    const size = stats.size;
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
