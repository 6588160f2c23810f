/**
 * Questions several checks ask about one statement: does it grant an
 * action, does it cover every resource, is it unconditional.
 */
import type { Located } from '../ast.js';
import { compileGlob, hasWildcard } from '../wildcard.js';
import type { LintStatement } from './context.js';

export function isAllow(s: LintStatement): boolean {
  return s.node.effect?.value === 'Allow';
}

/** The statement's Action values (empty with NotAction). */
export function actions(s: LintStatement): Located<string>[] {
  return s.node.action?.values ?? [];
}

export function resources(s: LintStatement): Located<string>[] {
  return s.node.resource?.values ?? [];
}

/**
 * The statement applies to every resource: `"Resource": "*"` (or a value
 * such as `arn:*`), NotResource is absent, and so is Resource only where
 * the policy kind allows that (then it means the attached resource, not all).
 */
export function coversAllResources(s: LintStatement): boolean {
  return resources(s).some((r) => r.value === '*' || /^arn:\*+$/.test(r.value));
}

/** The Action (or NotAction) element grants `action` (case-insensitive, wildcards honoured). */
export function grants(s: LintStatement, action: string): boolean {
  const lower = action.toLowerCase();
  const matches = (pattern: string) => {
    const p = pattern.toLowerCase();
    return hasWildcard(p) ? compileGlob(p, { caseInsensitive: false }).test(lower) : p === lower;
  };
  if (s.node.action) return s.node.action.values.some((a) => matches(a.value));
  if (s.node.notAction) return !s.node.notAction.values.some((a) => matches(a.value));
  return false;
}

/** The first Action value that grants `action`, to point at. */
export function grantingValue(s: LintStatement, action: string): Located<string> | undefined {
  const lower = action.toLowerCase();
  return s.node.action?.values.find((a) => {
    const p = a.value.toLowerCase();
    return hasWildcard(p) ? compileGlob(p, { caseInsensitive: false }).test(lower) : p === lower;
  });
}

export function hasCondition(s: LintStatement): boolean {
  return (s.node.condition?.operators.length ?? 0) > 0;
}

/** The condition keys the statement tests, lower-cased. */
export function conditionKeys(s: LintStatement): Set<string> {
  const keys = new Set<string>();
  for (const op of s.node.condition?.operators ?? []) for (const e of op.entries) keys.add(e.key.value.toLowerCase());
  return keys;
}
