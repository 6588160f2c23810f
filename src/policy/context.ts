/**
 * The request context as the condition operators see it: key names are
 * case-insensitive ("Key names are case-insensitive. For example,
 * aws:CurrentTime is equivalent to AWS:currenttime",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html),
 * and every value is a list of strings, as AWS compares them.
 */
import type { ContextValue } from './types.js';

export interface ContextLookup {
  /**
   * The values of a key, or undefined when the key is absent. A present key
   * with an empty list stays empty: set operators and `Null` tell the two apart.
   */
  get(key: string): readonly string[] | undefined;
}

const EMPTY: readonly string[] = Object.freeze([]);

class MapContext implements ContextLookup {
  constructor(private readonly values: ReadonlyMap<string, readonly string[]>) {}

  get(key: string): readonly string[] | undefined {
    // Compiled conditions pass keys already in lower case; try that first so
    // the common lookup allocates nothing.
    return this.values.get(key) ?? this.values.get(key.toLowerCase());
  }

  /** The key names present, in lower case. */
  keys(): string[] {
    return [...this.values.keys()];
  }
}

/**
 * Builds a lookup from request context values. Booleans and numbers become
 * their string form (`true` -> "true", `5` -> "5"); a single value becomes a
 * list of one. When two names differ only in case, the later one wins.
 */
export function createContext(values: Record<string, ContextValue>): ContextLookup & { keys(): string[] } {
  const map = new Map<string, readonly string[]>();
  for (const [name, value] of Object.entries(values)) {
    map.set(name.toLowerCase(), normaliseValue(value));
  }
  return new MapContext(map);
}

/** An empty request context. */
export const emptyContext: ContextLookup = createContext({});

// Not frozen: this runs for every request, and the readonly types already keep callers from changing them.
function normaliseValue(value: ContextValue): readonly string[] {
  if (Array.isArray(value)) return value.length === 0 ? EMPTY : value.map(String);
  return [String(value)];
}
