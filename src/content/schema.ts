/**
 * A small declarative schema for pack files. The loader checks YAML nodes
 * against it (with positions), and the same definitions can be turned into
 * a JSON Schema for editors, so the two cannot drift.
 */

export type Schema =
  | { kind: 'string'; pattern?: RegExp; patternHint?: string; maxLength?: number; minLength?: number; description?: string }
  | { kind: 'boolean'; description?: string }
  | { kind: 'number'; integer?: boolean; min?: number; max?: number; description?: string }
  | { kind: 'enum'; values: readonly string[]; description?: string }
  | { kind: 'list'; item: Schema; minItems?: number; maxItems?: number; description?: string }
  | { kind: 'object'; fields: Record<string, Field>; description?: string; open?: boolean }
  /** Any JSON-like value (a policy given as a mapping), or a string holding JSON. */
  | { kind: 'any'; description?: string }
  /** Accepted as it is here and checked by a later pass (the items of a question list); `ref` names the schema that pass uses. */
  | { kind: 'deferred'; ref: 'question' | 'exercise'; description?: string }
  /** Either of several schemas, tried in order by the node's YAML kind. */
  | { kind: 'union'; options: Schema[]; description?: string };

export interface Field {
  schema: Schema;
  required?: boolean;
}

/** Longest text a single field may hold: large enough for any real prompt or policy. */
export const MAX_TEXT_LENGTH = 20_000;

export const str = (options: Omit<Extract<Schema, { kind: 'string' }>, 'kind'> = {}): Schema => ({
  kind: 'string',
  maxLength: MAX_TEXT_LENGTH,
  ...options,
});
export const text = (description?: string): Schema => str({ minLength: 1, description });
export const bool = (description?: string): Schema => ({ kind: 'boolean', description });
export const int = (min?: number, max?: number): Schema => ({ kind: 'number', integer: true, min, max });
export const oneOf = (values: readonly string[], description?: string): Schema => ({ kind: 'enum', values, description });
export const list = (item: Schema, minItems?: number, maxItems?: number): Schema => ({ kind: 'list', item, minItems, maxItems });
export const obj = (fields: Record<string, Field>, description?: string): Schema => ({ kind: 'object', fields, description });
export const req = (schema: Schema): Field => ({ schema, required: true });
export const opt = (schema: Schema): Field => ({ schema });

export const LEVELS = ['beginner', 'intermediate', 'advanced', 'scenario'] as const;
export const QUESTION_TYPES = ['single', 'multiple', 'truefalse', 'order', 'recall', 'open', 'predict', 'spot'] as const;
export const SLOTS = ['identity', 'resource', 'trust', 'boundary', 'scp', 'rcp', 'session'] as const;
/** The kinds of policy the validator knows; the same names as exercise slots. */
export const POLICY_KINDS = SLOTS;
export const EXPECTATIONS = ['allowed', 'denied', 'explicitDeny', 'implicitDeny'] as const;

const idPattern = /^[a-z0-9][a-z0-9-]*$/;
const id = (description: string) =>
  str({ pattern: idPattern, patternHint: 'lowercase letters, digits and `-`', maxLength: 100, minLength: 1, description });
const semver = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

const reference = obj({
  title: req(text('Title of the page')),
  url: req(str({ pattern: /^https?:\/\/\S+$/, patternHint: 'an http(s) URL', maxLength: 2000 })),
});

export const manifestSchema = obj({
  id: req(id('Pack id, unique among loaded packs')),
  title: req(text('Title shown to learners')),
  version: req(str({ pattern: semver, patternHint: 'a semantic version such as `1.2.0`' })),
  authors: opt(list(text(), 0, 100)),
  license: opt(text()),
  description: opt(text()),
  requires: opt(text('iamprep versions this pack is written for, such as `>=1.0.0`')),
  levels: opt(list(oneOf(LEVELS), 1, 4)),
  topics: opt(list(obj({ id: req(id('Topic id')), title: req(text()) }), 0, 1000)),
});

const choice = obj({
  text: req(text('The choice as shown')),
  correct: opt(bool()),
  why: opt(text('Why this choice is wrong (or right)')),
});

/** A policy: a YAML mapping, or JSON text. */
const policy: Schema = { kind: 'union', options: [str({ minLength: 1 }), { kind: 'object', fields: {}, open: true }] };
const policyList: Schema = list(policy, 0, 50);

const contextValue: Schema = {
  kind: 'union',
  options: [str(), { kind: 'number' }, bool(), list({ kind: 'union', options: [str(), { kind: 'number' }, bool()] })],
};
const request = obj({
  principal: opt(text()),
  action: req(text()),
  resource: req(text()),
  resourceAccount: opt(text()),
  context: opt({ kind: 'object', fields: {}, open: true, description: 'context keys and values' }),
});
export const contextValueSchema = contextValue;

export const policiesSchema = obj({
  identity: opt({ kind: 'union', options: [policyList, policy] }),
  resource: opt(policy),
  boundary: opt(policy),
  scps: opt(list(policyList, 0, 10)),
  rcps: opt(list(policyList, 0, 10)),
  session: opt(policy),
});

/** Fields every question may have. */
const questionCommon: Record<string, Field> = {
  id: req(id('Unique within the pack; progress is keyed by packId/id')),
  level: req(oneOf(LEVELS, 'How hard: beginner, intermediate, advanced or scenario; must be among the pack\'s levels')),
  topics: opt(list(id('Topic id, declared under `topics` in pack.yaml'), 0, 20)),
  type: req(oneOf(QUESTION_TYPES, 'The question type; it decides the other fields')),
  prompt: req(text('The question')),
  explanation: opt(text('Shown after answering, whatever the answer')),
  references: opt(list(reference, 0, 20)),
  hints: opt(list(text('A hint, shown on request'), 0, 20)),
  tags: opt(list(str({ minLength: 1, maxLength: 100 }), 0, 50)),
  rev: opt({ ...int(0), description: 'Raise it when a change should make learners see the question as new' }),
};

/** The fields of each question type, besides the common ones. */
export const questionTypeFields: Record<(typeof QUESTION_TYPES)[number], Record<string, Field>> = {
  single: { choices: req({ ...list(choice, 2, 10), description: 'The choices; exactly one has `correct: true`' }) },
  multiple: { choices: req({ ...list(choice, 2, 10), description: 'The choices; one or more have `correct: true`' }) },
  truefalse: { answer: req(bool('Whether the prompt is true')) },
  order: { items: req({ ...list(text(), 2, 20), description: 'The items in the right order; learners see them shuffled' }) },
  recall: { answer: req(text('The model answer')) },
  open: {
    answer: req(text('The model answer')),
    keyPoints: opt(list(obj({ point: req(text()), match: opt(list(text(), 0, 20)) }), 0, 30)),
  },
  predict: { policies: req(policiesSchema), request: req(request), expect: opt(oneOf(['allowed', 'explicitDeny', 'implicitDeny'])) },
  spot: {
    policy: req(text('The policy as JSON text')),
    bug: req(str({ pattern: /^(\/[^/]*)*$/, patternHint: 'a JSON pointer such as `/Statement/0/Effect`' })),
    why: req(text()),
    kind: opt(oneOf(POLICY_KINDS, 'What kind of policy this is, for the validator; read from the policy when absent (a Principal makes it resource-based)')),
  },
};

export const exerciseSchema = obj({
  id: req(id('Unique within the pack')),
  level: req(oneOf(LEVELS)),
  topics: opt(list(id('Topic id'), 0, 20)),
  title: req(text()),
  task: req(text()),
  slot: req(oneOf(SLOTS)),
  given: opt(policiesSchema),
  starter: opt(text()),
  cases: req(list(obj({ name: req(text()), request: req(request), expect: req(oneOf(EXPECTATIONS)) }), 1, 200)),
  solution: req(text()),
  leastPrivilege: opt(bool()),
  hints: opt(list(text(), 0, 20)),
  explanation: opt(text()),
  references: opt(list(reference, 0, 20)),
  tags: opt(list(str({ minLength: 1, maxLength: 100 }), 0, 50)),
  wrongAnswers: opt(list(obj({ policy: req(text()), why: req(text()) }), 0, 20)),
  rev: opt(int(0)),
});

export function questionSchema(type: (typeof QUESTION_TYPES)[number]): Schema {
  return obj({ ...questionCommon, ...questionTypeFields[type] });
}

/** The schema of a question whose type is not known (or not valid): the common fields only, open to the rest. */
export const questionBaseSchema: Schema = { kind: 'object', fields: questionCommon, open: true };

export const questionFileSchema = obj({
  questions: opt(list({ kind: 'deferred', ref: 'question' }, 0, 100_000)),
  exercises: opt(list({ kind: 'deferred', ref: 'exercise' }, 0, 10_000)),
});
