/**
 * A stand-in for the policy engine's element finder, for spot tests: every
 * `"key": value` pair whose value is a string, in a policy written one pair
 * per line, with the pointer built from the indentation-free key path the
 * test gives. Only for small hand-written policies.
 */
import type { SpotElement } from '../../src/study/index.js';

export function elementsByLine(policy: string, pointers: Record<number, string>): SpotElement[] {
  return policy.split('\n').flatMap((text, i) => {
    const pointer = pointers[i + 1];
    if (pointer === undefined) return [];
    const column = text.search(/\S/) + 1;
    return [{ pointer, line: i + 1, column, endLine: i + 1, endColumn: text.trimEnd().length + 1, label: text.trim().replace(/,$/, '') }];
  });
}
