/**
 * The JSON Schema editors read and the loader `pack validate` runs are made
 * from the same definitions: the committed schema files are what the
 * generator makes, every valid example passes both, and broken examples
 * fail both. The scaffold and the example pack are also checked the way a
 * learner would meet them: with the policy evaluator.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatDiagnosticLine } from '../src/core/index.js';
import { loadPack, packJsonSchema, questionsJsonSchema, schemaFileText, SCHEMA_FILES, type Pack } from '../src/content/index.js';
import { evaluatePolicies, parsePolicy, type PolicySet } from '../src/policy/index.js';
import { scaffoldFiles } from '../src/commands/pack-scaffold.js';
import { jsonSchemaErrors } from './helpers/json-schema-subset.js';
import { GOOD_QUESTIONS, MANIFEST, writePack } from './helpers/packs.js';

const REPO = resolve(import.meta.dirname, '..');

function yamlFiles(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const full = join(root, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });
}

/** Schema errors of every file in a pack folder, as `file: problem`. */
function schemaErrors(root: string): string[] {
  return yamlFiles(root).flatMap((file) => {
    const schema = file.endsWith('pack.yaml') ? packJsonSchema() : questionsJsonSchema();
    return jsonSchemaErrors(parse(readFileSync(file, 'utf8')) ?? {}, schema).map((e) => `${relative(root, file)} ${e}`);
  });
}

function loaderErrors(root: string): string[] {
  return loadPack(root).diagnostics.filter((d) => d.severity === 'error').map(formatDiagnosticLine);
}

const validPacks: Record<string, () => string> = {
  'the test helpers pack': () => writePack({ 'pack.yaml': MANIFEST, 'questions/a.yaml': GOOD_QUESTIONS }),
  'the `pack init` scaffold': () => writePack(scaffoldFiles({ id: 'scaffold', version: '0.1.0' })),
  'the example pack in examples/': () => join(REPO, 'examples/acme-onboarding'),
  'the built-in pack': () => join(REPO, 'content/aws-iam'),
};

describe('the committed JSON Schemas', () => {
  for (const name of Object.keys(SCHEMA_FILES) as (keyof typeof SCHEMA_FILES)[]) {
    it(`schema/${name} is exactly what the generator makes (run \`npx tsx scripts/gen-schema.ts\` after changing src/content/schema.ts)`, () => {
      expect(readFileSync(join(REPO, 'schema', name), 'utf8')).toBe(schemaFileText(name));
    });
  }
});

describe('every valid example passes both the loader and the schema', () => {
  for (const [name, make] of Object.entries(validPacks)) {
    it(name, () => {
      const root = make();
      expect(loaderErrors(root)).toEqual([]);
      expect(schemaErrors(root)).toEqual([]);
    });
  }
});

describe('broken examples fail both the loader and the schema', () => {
  const question = (fields: string) => `questions:\n  - id: q\n    level: beginner\n    prompt: p\n${fields}`;
  const broken: Record<string, { manifest?: string; questions?: string }> = {
    'a missing required field': { questions: 'questions:\n  - id: q\n    level: beginner\n    type: truefalse\n    answer: true\n' },
    'an unknown field': { questions: question('    type: truefalse\n    answer: true\n    promt: x\n') },
    'a value of the wrong type': { questions: question('    type: truefalse\n    answer: maybe\n') },
    'a level that does not exist': { questions: question('    type: truefalse\n    answer: true\n').replace('beginner', 'expert') },
    'an id with capitals': { questions: question('    type: truefalse\n    answer: true\n').replace('id: q', 'id: Q1') },
    'a choice list of one': { questions: question('    type: single\n    choices:\n      - { text: a, correct: true }\n') },
    'fields of another type': { questions: question('    type: truefalse\n    answer: true\n    choices: [{ text: a }, { text: b }]\n') },
    'a bug that is not a JSON pointer': { questions: question('    type: spot\n    policy: "{}"\n    bug: Statement.0\n    why: w\n') },
    'a manifest version that is not semver': { manifest: MANIFEST.replace('1.0.0', '1.0') },
    'an unknown manifest field': { manifest: `${MANIFEST}homepage: https://example.com\n` },
  };
  for (const [name, { manifest = MANIFEST, questions = GOOD_QUESTIONS }] of Object.entries(broken)) {
    it(name, () => {
      const root = writePack({ 'pack.yaml': manifest, 'questions/a.yaml': questions });
      expect(loaderErrors(root)).not.toEqual([]);
      expect(schemaErrors(root)).not.toEqual([]);
    });
  }
});

describe('the scaffold and the example pack teach what the evaluator does', () => {
  const packs: Record<string, () => Pack> = {
    'the `pack init` scaffold': () => loadPack(writePack(scaffoldFiles({ id: 'scaffold', version: '0.1.0' }))).pack!,
    'the example pack': () => loadPack(join(REPO, 'examples/acme-onboarding')).pack!,
  };
  for (const [name, load] of Object.entries(packs)) {
    it(`${name}: every predict expectation, exercise solution and spot bug agrees with the evaluator`, () => {
      const pack = load();
      expect(new Set(pack.questions.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'truefalse', 'order', 'recall', 'open', 'predict', 'spot']));
      expect(pack.exercises.length).toBeGreaterThan(0);
      for (const q of pack.questions) {
        if (q.type === 'predict') {
          const result = evaluatePolicies(q.policies as PolicySet, { principal: 'arn:aws:iam::111122223333:user/alice', ...q.request } as never);
          expect(result.errors ?? [], q.id).toEqual([]);
          expect(result.decision, q.id).toBe(q.expect);
        }
        if (q.type === 'spot') {
          const found = parsePolicy(q.policy).diagnostics.filter((d) => d.severity === 'error');
          expect(found.length, q.id).toBe(1);
          const element = q.bug.split('/').pop()!;
          expect(found[0]?.message, q.id).toContain(element);
        }
      }
      for (const exercise of pack.exercises) {
        for (const c of exercise.cases) {
          expect(exercise.slot, 'these examples write identity policies').toBe('identity');
          const decision = evaluatePolicies({ ...(exercise.given as PolicySet), identity: [exercise.solution] }, c.request as never).decision;
          const expected = c.expect === 'denied' ? ['explicitDeny', 'implicitDeny'] : [c.expect];
          expect(expected, `${exercise.id}: ${c.name}`).toContain(decision);
        }
      }
    });
  }
});

describe('docs/authoring.md', () => {
  const blocks = [...readFileSync(join(REPO, 'docs/authoring.md'), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const manifest = blocks.find((b) => b.startsWith('id:'))!;
  const questions = blocks.filter((b) => b.startsWith('questions:') || b.startsWith('  - id:'));
  const exercises = blocks.filter((b) => b.startsWith('exercises:'));

  it('shows an example of every question type and an exercise', () => {
    const types = questions.flatMap((b) => [...b.matchAll(/^ {4}type: (\w+)/gm)].map((m) => m[1]));
    expect(new Set(types)).toEqual(new Set(['single', 'multiple', 'truefalse', 'order', 'recall', 'open', 'predict', 'spot']));
    expect(exercises).toHaveLength(1);
  });

  it('has examples that validate, with the manifest it shows', () => {
    const items = questions.map((b) => b.replace(/^questions:\n/, '')).join('');
    const root = writePack({ 'pack.yaml': manifest.replace(/^topics:[\s\S]*$/m, ''), 'questions/docs.yaml': `questions:\n${items}`, 'exercises/docs.yaml': exercises[0]! });
    const result = loadPack(root);
    expect(result.diagnostics.map(formatDiagnosticLine)).toEqual([]);
    expect(result.pack?.questions).toHaveLength(questions.reduce((n, b) => n + (b.match(/^ {2}- id:/gm)?.length ?? 0), 0));
    expect(schemaErrors(root)).toEqual([]);
  });
});
