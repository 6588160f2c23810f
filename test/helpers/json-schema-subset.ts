/**
 * A JSON Schema checker for the subset of draft 7 that iamprep's generated
 * schemas use (type, enum, const, string and array bounds, pattern,
 * properties, required, additionalProperties: false, anyOf, oneOf and
 * local $ref). Tests use it to show that the schema editors read agrees
 * with the loader; it throws on any keyword it does not know, so the
 * subset cannot silently grow past it.
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set(['$schema', 'title', 'description', 'type', 'enum', 'const', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'items', 'minItems', 'maxItems', 'properties', 'required', 'additionalProperties', 'anyOf', 'oneOf', '$ref', 'definitions']);

/** The problems of `value` against `schema`, as `path: problem`; empty when it conforms. */
export function jsonSchemaErrors(value: unknown, schema: Schema, root: Schema = schema, path = ''): string[] {
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`unsupported keyword ${key} at ${path || '/'}`);
  if (typeof schema.$ref === 'string') {
    const name = /^#\/definitions\/(.+)$/.exec(schema.$ref)?.[1];
    const target = name ? (root.definitions as Record<string, Schema>)[name] : undefined;
    if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
    return jsonSchemaErrors(value, target, root, path);
  }
  const errors: string[] = [];
  const fail = (message: string) => errors.push(`${path || '/'}: ${message}`);
  if (schema.type !== undefined && !typeMatches(value, schema.type as string)) {
    fail(`expected ${String(schema.type)}`);
    return errors;
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) fail('not in enum');
  if ('const' in schema && schema.const !== value) fail(`expected ${JSON.stringify(schema.const)}`);
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength) fail('too short');
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) fail('too long');
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) fail('does not match pattern');
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail('below minimum');
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail('above maximum');
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail('too few items');
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) fail('too many items');
    if (schema.items) value.forEach((item, i) => errors.push(...jsonSchemaErrors(item, schema.items as Schema, root, `${path}/${i}`)));
  }
  if (isObject(value)) {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[]) if (!(name in value)) fail(`missing ${name}`);
    for (const [name, item] of Object.entries(value)) {
      if (properties[name]) errors.push(...jsonSchemaErrors(item, properties[name], root, `${path}/${name}`));
      else if (schema.additionalProperties === false) fail(`unknown property ${name}`);
    }
  }
  if (schema.anyOf) {
    const options = schema.anyOf as Schema[];
    if (!options.some((option) => jsonSchemaErrors(value, option, root, path).length === 0)) fail('matches none of anyOf');
  }
  if (schema.oneOf) {
    const matching = (schema.oneOf as Schema[]).filter((option) => jsonSchemaErrors(value, option, root, path).length === 0).length;
    if (matching !== 1) fail(`matches ${matching} of oneOf, not exactly 1`);
  }
  return errors;
}

function typeMatches(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return Number.isInteger(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      throw new Error(`unsupported type ${type}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
