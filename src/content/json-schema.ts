/**
 * JSON Schemas (draft 7, what yaml-language-server reads) for pack files,
 * generated from the same definitions the loader validates with, so an
 * editor and `iamprep pack validate` cannot disagree about a field.
 * `scripts/gen-schema.ts` writes them to schema/; a test keeps the
 * committed files equal to these.
 *
 * The loader checks more than a schema can say (one correct choice for
 * `single`, declared topics, unique ids, policies that validate): the schema
 * is the shape, `pack validate` is the whole truth.
 */
import { exerciseSchema, manifestSchema, QUESTION_TYPES, questionFileSchema, questionSchema, type Schema } from './schema.js';

export type JsonSchema = Record<string, unknown>;

const DRAFT = 'http://json-schema.org/draft-07/schema#';

/** The schema of `pack.yaml`. */
export function packJsonSchema(): JsonSchema {
  return { $schema: DRAFT, title: 'iamprep pack manifest (pack.yaml)', ...toJsonSchema(manifestSchema) };
}

/** The schema of a question or exercise file (`questions/*.yaml`, `exercises/*.yaml`). */
export function questionsJsonSchema(): JsonSchema {
  return {
    $schema: DRAFT,
    title: 'iamprep questions and exercises file',
    ...toJsonSchema(questionFileSchema),
    definitions: {
      question: {
        description: 'A question; `type` decides which other fields it has',
        oneOf: QUESTION_TYPES.map((type) => {
          const typed = toJsonSchema(questionSchema(type)) as { properties: Record<string, JsonSchema> };
          return { ...typed, properties: { ...typed.properties, type: { const: type } } };
        }),
      },
      exercise: toJsonSchema(exerciseSchema),
    },
  };
}

export function toJsonSchema(schema: Schema): JsonSchema {
  const described = (out: JsonSchema): JsonSchema => (schema.description ? { description: schema.description, ...out } : out);
  switch (schema.kind) {
    case 'string':
      return described(
        defined({
          type: 'string',
          minLength: schema.minLength,
          maxLength: schema.maxLength,
          pattern: schema.pattern?.source,
        }),
      );
    case 'boolean':
      return described({ type: 'boolean' });
    case 'number':
      return described(defined({ type: schema.integer ? 'integer' : 'number', minimum: schema.min, maximum: schema.max }));
    case 'enum':
      return described({ enum: [...schema.values] });
    case 'list':
      return described(defined({ type: 'array', items: toJsonSchema(schema.item), minItems: schema.minItems, maxItems: schema.maxItems }));
    case 'object': {
      const required = Object.entries(schema.fields)
        .filter(([, f]) => f.required)
        .map(([name]) => name);
      const properties = Object.fromEntries(Object.entries(schema.fields).map(([name, f]) => [name, toJsonSchema(f.schema)]));
      return described({
        type: 'object',
        ...(Object.keys(properties).length > 0 ? { properties } : {}),
        ...(required.length > 0 ? { required } : {}),
        ...(schema.open ? {} : { additionalProperties: false }),
      });
    }
    case 'any':
      return described({});
    case 'deferred':
      return described({ $ref: `#/definitions/${schema.ref}` });
    case 'union':
      return described({ anyOf: schema.options.map(toJsonSchema) });
  }
}

function defined(values: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

/** The files under schema/ and what each holds. */
export const SCHEMA_FILES = {
  'pack.schema.json': packJsonSchema,
  'questions.schema.json': questionsJsonSchema,
} as const;

/** The text of a generated schema file, exactly as committed. */
export function schemaFileText(name: keyof typeof SCHEMA_FILES): string {
  return `${JSON.stringify(SCHEMA_FILES[name](), null, 2)}\n`;
}
