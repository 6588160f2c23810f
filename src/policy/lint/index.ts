/**
 * The policy linter: the parser's diagnostics, the condition compiler's,
 * and the checks of this folder, de-duplicated, with the JSON pointer of
 * the offending element, sorted top to bottom. The engine's own refusals
 * stay where they are (parse.ts, conditions/); lint adds what a valid
 * policy can still get wrong, using the action catalog.
 */
import { sortDiagnostics, type Diagnostic } from '../../core/index.js';
import { compileCondition } from '../conditions/index.js';
import { parseJson, type JsonNode } from '../json.js';
import { parsePolicy } from '../parse.js';
import type { PolicySource, PolicyType } from '../types.js';
import { checkActions } from './actions.js';
import { checkConditionKeys } from './condition-keys.js';
import { checkConditions } from './conditions.js';
import { LintContext, pointerSegment, type LintKind } from './context.js';
import { findCheck } from './registry.js';
import { checkKinds } from './kinds.js';
import { checkPrincipals } from './principals.js';
import { checkResources } from './resources.js';
import { checkSecurity } from './security.js';
import { checkStructure } from './structure.js';

export { LINT_CHECKS, findCheck, type LintCheck, type CheckStage } from './registry.js';
export { LINT_KINDS, type LintKind } from './context.js';
export { expandAction } from '../catalog/index.js';

export interface LintOptions {
  /** The kind of policy, because the rules differ; identity by default. */
  type?: LintKind;
}

const GROUPS = [checkStructure, checkActions, checkResources, checkConditions, checkConditionKeys, checkPrincipals, checkKinds, checkSecurity];

/** Every finding for one policy document, sorted by position. */
export function lintPolicy(source: PolicySource | string, options: LintOptions = {}): Diagnostic[] {
  const src: PolicySource = typeof source === 'string' ? { text: source, file: 'policy' } : source;
  const kind = options.type ?? 'identity';
  // A trust policy is the resource-based policy of a role.
  const parseType: PolicyType = kind === 'trust' ? 'resource' : kind;
  const { policy, diagnostics } = parsePolicy(src, parseType);
  const found = [...diagnostics];
  if (!policy) return finish(found);

  const variables = policy.effectiveVersion === '2012-10-17';
  for (const s of policy.statements) {
    if (s.condition) found.push(...compileCondition(s.condition, { file: src.file, variables }).diagnostics);
  }
  const root = parseJson(src.text).value;
  if (root?.kind !== 'object') return finish(found);
  const ctx = new LintContext(src, kind, policy, root);
  for (const group of GROUPS) group(ctx);
  found.push(...ctx.diagnostics);
  return finish(addPointers(dedupe(found), ctx, root));
}

/** Every finding gets a help: its own, or the usual fix for its check. */
function finish(diagnostics: Diagnostic[]): Diagnostic[] {
  return sortDiagnostics(
    diagnostics.map((d) => {
      const help = d.help ?? findCheck(d.code)?.help;
      return help && !d.help ? { ...d, help } : d;
    }),
  );
}

/**
 * One finding per problem. A lint finding that says more about an element
 * replaces the parser's generic one at the same place (a condition operator
 * at statement level is an `UnknownElement` to the parser).
 */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const at = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}:${d.endLine}:${d.endColumn}`;
  const specific = new Set(diagnostics.filter((d) => d.code === 'ConditionOperatorOutsideCondition').map(at));
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    if (d.code === 'UnknownElement' && specific.has(at(d))) return false;
    const key = `${d.code}|${at(d)}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Gives each finding the JSON pointer of the element its span starts at. */
function addPointers(diagnostics: Diagnostic[], ctx: LintContext, root: JsonNode): Diagnostic[] {
  if (diagnostics.length === 0) return diagnostics;
  // Findings are few and nodes many: map the findings to text offsets, then
  // build pointer strings only for the nodes that start there.
  const wanted = new Map<number, string | undefined>();
  const offsetOf = ctx.offsetOf.bind(ctx);
  for (const d of diagnostics) {
    const offset = offsetOf(d.line, d.column);
    if (offset !== undefined) wanted.set(offset, undefined);
  }
  const path: string[] = [];
  const found = (offset: number) => {
    if (wanted.has(offset) && wanted.get(offset) === undefined) wanted.set(offset, path.map((p) => `/${p}`).join(''));
  };
  const walk = (node: JsonNode) => {
    found(node.start);
    if (node.kind === 'object') {
      for (const m of node.members) {
        path.push(pointerSegment(m.key));
        found(m.keyStart);
        walk(m.value);
        path.pop();
      }
    } else if (node.kind === 'array') {
      node.items.forEach((item, i) => {
        path.push(String(i));
        walk(item);
        path.pop();
      });
    }
  };
  walk(root);
  return diagnostics.map((d) => {
    if (d.pointer !== undefined) return d;
    const offset = offsetOf(d.line, d.column);
    const pointer = offset === undefined ? undefined : wanted.get(offset);
    return pointer === undefined ? d : { ...d, pointer };
  });
}
