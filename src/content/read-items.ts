/**
 * Turns checked YAML into typed manifest, questions and exercises, and
 * applies the rules a schema cannot say: exactly one correct choice for
 * `single`, declared topics and levels, distinct order items.
 */
import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { didYouMean } from '../core/index.js';
import { exerciseSchema, LEVELS, manifestSchema, QUESTION_TYPES, questionBaseSchema, questionSchema } from './schema.js';
import { checkReferences } from './references.js';
import type { YamlChecker } from './yaml-check.js';
import type { Choice, Exercise, SpotQuestion, Level, PackManifest, PolicyOrigins, Question, QuestionType, Reference, SourceLocation } from './types.js';

type Raw = Record<string, unknown>;

export function readManifest(checker: YamlChecker): PackManifest | undefined {
  const raw = checker.check(checker.doc.contents, manifestSchema, 'the manifest') as Raw | undefined;
  if (!raw || typeof raw.id !== 'string' || typeof raw.title !== 'string' || typeof raw.version !== 'string') return undefined;
  const topics = ((raw.topics as Raw[] | undefined) ?? []).filter((t): t is { id: string; title: string } => !!t && typeof t.id === 'string' && typeof t.title === 'string');
  const topicIds = new Set<string>();
  const topicNodes = field(checker.doc.contents, 'topics');
  topics.forEach((topic, i) => {
    if (topicIds.has(topic.id)) checker.error('DuplicateId', `topic id \`${topic.id}\` is declared twice`, isSeq(topicNodes) ? topicNodes.items[i] : topicNodes);
    topicIds.add(topic.id);
  });
  const levels = ((raw.levels as (Level | undefined)[] | undefined) ?? [...LEVELS]).filter((l): l is Level => !!l);
  return {
    id: raw.id,
    title: raw.title,
    version: raw.version,
    authors: ((raw.authors as unknown[] | undefined) ?? []).filter((a): a is string => typeof a === 'string'),
    license: raw.license as string | undefined,
    description: raw.description as string | undefined,
    requires: raw.requires as string | undefined,
    levels,
    topics,
  };
}

/** The id of every item in a list, valid or not, so that duplicates are found even among broken items. */
export function itemIds(checker: YamlChecker, listName: 'questions' | 'exercises'): { id: string; source: SourceLocation }[] {
  const list = field(checker.doc.contents, listName);
  if (!isSeq(list)) return [];
  const out: { id: string; source: SourceLocation }[] = [];
  for (const node of list.items) {
    const idNode = field(node, 'id');
    if (isMap(node) && isScalar(idNode) && typeof idNode.value === 'string') out.push({ id: idNode.value, source: location(checker, node) });
  }
  return out;
}

export function readQuestions(checker: YamlChecker, manifest: PackManifest): Question[] {
  const list = field(checker.doc.contents, 'questions');
  if (!isSeq(list)) return [];
  const out: Question[] = [];
  list.items.forEach((node, index) => {
    const what = `question ${index + 1}`;
    const base = checker.check(node, questionBaseSchema, what) as Raw | undefined;
    if (!base || typeof base.type !== 'string' || !QUESTION_TYPES.includes(base.type as QuestionType)) return;
    // The base pass reported the common fields; the typed pass reports type-specific ones.
    const before = checker.diagnostics.length;
    const raw = checker.check(node, questionSchema(base.type as QuestionType), what) as Raw | undefined;
    dropRepeats(checker, before);
    if (!raw || !isMap(node)) return;
    const question = toQuestion(raw, manifest, location(checker, node), policyOrigins(checker, node));
    if (!question) return;
    if (!checkQuestionRules(checker, node, question, manifest)) return;
    out.push(question);
  });
  return out;
}

export function readExercises(checker: YamlChecker, manifest: PackManifest): Exercise[] {
  const list = field(checker.doc.contents, 'exercises');
  if (!isSeq(list)) return [];
  const out: Exercise[] = [];
  list.items.forEach((node, index) => {
    const raw = checker.check(node, exerciseSchema, `exercise ${index + 1}`) as Raw | undefined;
    if (!raw || !isMap(node) || !complete(raw, ['id', 'level', 'title', 'task', 'slot', 'cases', 'solution'])) return;
    const cases = (raw.cases as (Raw | undefined)[]).filter((c): c is Raw => !!c && !!c.request && !!c.expect);
    const exercise: Exercise = {
      id: raw.id as string,
      key: `${manifest.id}/${raw.id as string}`,
      packId: manifest.id,
      level: raw.level as Level,
      topics: strings(raw.topics),
      title: raw.title as string,
      task: raw.task as string,
      slot: raw.slot as Exercise['slot'],
      given: (raw.given as Exercise['given']) ?? {},
      starter: raw.starter as string | undefined,
      cases: cases as unknown as Exercise['cases'],
      solution: raw.solution as string,
      leastPrivilege: raw.leastPrivilege === true,
      hints: strings(raw.hints),
      explanation: raw.explanation as string | undefined,
      references: references(raw.references),
      tags: strings(raw.tags),
      wrongAnswers: ((raw.wrongAnswers as Raw[] | undefined) ?? []).filter(Boolean) as Exercise['wrongAnswers'],
      rev: (raw.rev as number | undefined) ?? 0,
      source: location(checker, node),
      origins: policyOrigins(checker, node),
    };
    checkTaxonomy(checker, node, exercise.level, exercise.topics, manifest);
    checkReferences(checker, node);
    out.push(exercise);
  });
  return out;
}

function toQuestion(raw: Raw, manifest: PackManifest, source: SourceLocation, origins: PolicyOrigins): Question | undefined {
  if (!complete(raw, ['id', 'level', 'type', 'prompt'])) return undefined;
  const base = {
    id: raw.id as string,
    key: `${manifest.id}/${raw.id as string}`,
    packId: manifest.id,
    level: raw.level as Level,
    topics: strings(raw.topics),
    prompt: raw.prompt as string,
    explanation: raw.explanation as string | undefined,
    references: references(raw.references),
    hints: strings(raw.hints),
    tags: strings(raw.tags),
    rev: (raw.rev as number | undefined) ?? 0,
    source,
    origins,
  };
  switch (raw.type as QuestionType) {
    case 'single':
    case 'multiple': {
      const choices = raw.choices as (Raw | undefined)[] | undefined;
      if (!choices || choices.some((c) => !c || typeof c.text !== 'string')) return undefined;
      const typed: Choice[] = choices.map((c) => ({ text: c!.text as string, correct: c!.correct === true, ...(typeof c!.why === 'string' ? { why: c!.why } : {}) }));
      return { ...base, type: raw.type as 'single' | 'multiple', choices: typed };
    }
    case 'truefalse':
      return typeof raw.answer === 'boolean' ? { ...base, type: 'truefalse', answer: raw.answer } : undefined;
    case 'order': {
      const items = raw.items as unknown[] | undefined;
      return items && items.every((i) => typeof i === 'string') ? { ...base, type: 'order', items: items as string[] } : undefined;
    }
    case 'recall':
      return typeof raw.answer === 'string' ? { ...base, type: 'recall', answer: raw.answer } : undefined;
    case 'open': {
      if (typeof raw.answer !== 'string') return undefined;
      const keyPoints = ((raw.keyPoints as (Raw | undefined)[] | undefined) ?? [])
        .filter((k): k is Raw => !!k && typeof k.point === 'string')
        .map((k) => ({ point: k.point as string, match: strings(k.match) }));
      return { ...base, type: 'open', answer: raw.answer, keyPoints };
    }
    case 'predict':
      if (!raw.policies || !raw.request) return undefined;
      return { ...base, type: 'predict', policies: raw.policies as never, request: raw.request as never, ...(raw.expect ? { expect: raw.expect as 'allowed' } : {}) };
    case 'spot':
      if (typeof raw.policy !== 'string' || typeof raw.bug !== 'string' || typeof raw.why !== 'string') return undefined;
      return { ...base, type: 'spot', policy: raw.policy, bug: raw.bug, why: raw.why, ...(raw.kind ? { kind: raw.kind as SpotQuestion['kind'] } : {}) };
  }
}

/** Returns false when the question must not be used. */
function checkQuestionRules(checker: YamlChecker, node: YAMLMap, q: Question, manifest: PackManifest): boolean {
  let usable = true;
  if (q.type === 'single' || q.type === 'multiple') {
    const correct = q.choices.filter((c) => c.correct).length;
    const choicesNode = field(node, 'choices');
    if (correct === 0) {
      checker.error('NoCorrectChoice', `question \`${q.id}\` has no choice marked \`correct: true\``, choicesNode, { help: 'mark the right answer with `correct: true`' });
      usable = false;
    } else if (q.type === 'single' && correct > 1) {
      checker.error('SeveralCorrectChoices', `single-answer question \`${q.id}\` has ${correct} choices marked correct`, choicesNode, { help: 'keep one `correct: true`, or make the question `type: multiple`' });
      usable = false;
    }
    const seen = new Set<string>();
    q.choices.forEach((c, i) => {
      const key = c.text.trim().toLowerCase();
      if (seen.has(key)) checker.error('DuplicateChoice', `question \`${q.id}\` lists the same choice twice`, isSeq(choicesNode) ? choicesNode.items[i] : choicesNode);
      seen.add(key);
    });
  }
  if (q.type === 'order') {
    const itemsNode = field(node, 'items');
    const seen = new Set<string>();
    q.items.forEach((item, i) => {
      if (seen.has(item.trim())) {
        checker.error('DuplicateItem', `order question \`${q.id}\` lists the same item twice, so its order is ambiguous`, isSeq(itemsNode) ? itemsNode.items[i] : itemsNode);
        usable = false;
      }
      seen.add(item.trim());
    });
  }
  checkTaxonomy(checker, node, q.level, q.topics, manifest);
  checkReferences(checker, node);
  return usable;
}

/** Levels must be ones the pack declares, and topics must be declared when the pack declares any. */
function checkTaxonomy(checker: YamlChecker, node: YAMLMap, level: Level, topics: string[], manifest: PackManifest): void {
  if (!manifest.levels.includes(level)) {
    checker.error('UndeclaredLevel', `level \`${level}\` is not among the pack's levels`, field(node, 'level'), { help: `add it to \`levels\` in pack.yaml` });
  }
  if (manifest.topics.length === 0) return;
  const declared = manifest.topics.map((t) => t.id);
  const topicsNode = field(node, 'topics');
  topics.forEach((topic, i) => {
    if (declared.includes(topic)) return;
    const guess = didYouMean(topic, declared);
    checker.error('UndeclaredTopic', `topic \`${topic}\` is not declared in pack.yaml`, isSeq(topicsNode) ? topicsNode.items[i] : topicsNode, {
      help: guess ? `did you mean \`${guess}\`?` : 'declare it under `topics` in pack.yaml',
    });
  });
}

/** The value node of a mapping's field, for positions. */
export function field(node: unknown, name: string): unknown {
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p) => isScalar(p.key) && p.key.value === name);
  return pair ? (pair.value ?? pair.key) : undefined;
}

function location(checker: YamlChecker, node: YAMLMap): SourceLocation {
  const at = field(node, 'id') ?? node;
  const span = checker.spanOf(at);
  return { file: checker.file, line: span.line, column: span.column };
}

/** The base pass already reported problems in common fields; the typed pass would report them again. */
function dropRepeats(checker: YamlChecker, from: number): void {
  const earlier = checker.diagnostics.slice(0, from).map(key);
  const fresh = checker.diagnostics.splice(from);
  for (const d of fresh) if (!earlier.includes(key(d))) checker.diagnostics.push(d);
}
const key = (d: { line: number; column: number; code: string; message: string }) => `${d.line}:${d.column}:${d.code}:${d.message}`;

function complete(raw: Raw, names: string[]): boolean {
  return names.every((n) => raw[n] !== undefined);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function references(value: unknown): Reference[] {
  return Array.isArray(value) ? value.filter((r): r is Reference => !!r && typeof r.title === 'string' && typeof r.url === 'string') : [];
}

/** Where every policy of a question or exercise starts in the YAML file. */
function policyOrigins(checker: YamlChecker, item: unknown): PolicyOrigins {
  const out: PolicyOrigins = {};
  const add = (path: string, node: unknown) => {
    const origin = checker.originOf(node);
    if (origin) out[path] = origin;
  };
  for (const name of ['solution', 'starter', 'policy']) {
    const node = field(item, name);
    if (node) add(name, node);
  }
  const wrong = field(item, 'wrongAnswers');
  if (isSeq(wrong)) wrong.items.forEach((entry, i) => add(`wrongAnswers.${i}.policy`, field(entry, 'policy')));
  for (const setName of ['given', 'policies']) {
    const set = field(item, setName);
    if (!isMap(set)) continue;
    for (const slot of ['resource', 'boundary', 'session']) add(`${setName}.${slot}`, field(set, slot));
    const identity = field(set, 'identity');
    if (isSeq(identity)) identity.items.forEach((policy, i) => add(`${setName}.identity.${i}`, policy));
    else add(`${setName}.identity.0`, identity);
    for (const kind of ['scps', 'rcps']) {
      const levels = field(set, kind);
      if (!isSeq(levels)) continue;
      levels.items.forEach((level, i) => {
        if (isSeq(level)) level.items.forEach((policy, j) => add(`${setName}.${kind}.${i}.${j}`, policy));
      });
    }
  }
  return out;
}
