/**
 * The validator's findings for one policy, at the lines of the file it was
 * written in: the workspace file for an answer, the YAML file for a policy
 * held in a pack (its block scalar's line and indentation).
 */
import type { Diagnostic } from '../core/index.js';
import type { PolicyOrigin } from '../content/index.js';
import { lintPolicy, type LintKind, type PolicyInput } from '../policy/index.js';

export type Origin = Pick<PolicyOrigin, 'file'> & Partial<PolicyOrigin>;

/**
 * Every linter finding of a policy (parse, structure, conditions, actions,
 * resources, security), placed at `origin`. A policy given as a YAML
 * mapping has no JSON text of its own: its findings point at the mapping.
 */
export function policyFindings(policy: PolicyInput, kind: LintKind, origin: Origin): Diagnostic[] {
  if (typeof policy === 'string') {
    return lintPolicy({ text: policy, file: origin.file, lineOffset: origin.lineOffset ?? 0, columnOffset: origin.columnOffset ?? 0 }, { type: kind });
  }
  const text = JSON.stringify(policy, null, 2) ?? 'null';
  return lintPolicy({ text, file: origin.file }, { type: kind }).map((d) => relocate(d, { ...origin, kind: 'mapping' }));
}

/** Moves a finding made against the bare policy text to where the policy was written. */
export function relocate(d: Diagnostic, origin: Origin): Diagnostic {
  const lineOffset = origin.lineOffset ?? 0;
  const columnOffset = origin.columnOffset ?? 0;
  if (origin.kind === 'mapping') {
    return { ...d, file: origin.file, line: lineOffset + 1, column: columnOffset + 1, endLine: lineOffset + 1, endColumn: columnOffset + 2 };
  }
  return { ...d, file: origin.file, line: d.line + lineOffset, column: d.column + columnOffset, endLine: d.endLine + lineOffset, endColumn: d.endColumn + columnOffset };
}
