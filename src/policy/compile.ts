/**
 * Parse -> validate -> compile a whole policy set, once. Every statement's
 * matchers are built here, so that evaluation does no parsing: literal
 * actions go into a Set, wildcard actions and resources become linear-time
 * matchers, conditions are compiled by the condition operators.
 */
import { hasErrors, type Diagnostic } from '../core/index.js';
import type { StatementNode, StringListNode } from './ast.js';
import { compileCondition } from './conditions/index.js';
import type { ContextLookup } from './context.js';
import { policyInputToSource, parsePolicy } from './parse.js';
import { compilePrincipal, type CompiledPrincipal } from './principal-match.js';
import type { PolicyInput, PolicySet, PolicyType, StatementRef } from './types.js';
import { compilePattern } from './variables.js';
import { compileGlob } from './wildcard.js';

export interface CompiledCondition {
  test(context: ContextLookup): { matched: boolean; failure?: { operator: string; key: string; reason: string } };
}

export interface CompiledStatement {
  ref: StatementRef;
  effect: 'Allow' | 'Deny';
  /** Action or NotAction, on the lower-cased request action. */
  matchAction(actionLower: string): boolean;
  /** Resource or NotResource; a statement with neither matches any resource. */
  matchResource(resource: string, context: ContextLookup): boolean;
  /** Principal or NotPrincipal; absent in identity-side policies. */
  principal?: CompiledPrincipal;
  negatedPrincipal: boolean;
  condition?: CompiledCondition;
}

export interface CompiledPolicy {
  /** `identity[0]`, `resource`, `boundary`, `scps[0][1]`, `rcps[0][0]`, `session`. */
  slot: string;
  type: PolicyType;
  statements: CompiledStatement[];
}

export interface CompiledPolicySet {
  identity: CompiledPolicy[];
  resource?: CompiledPolicy;
  boundary?: CompiledPolicy;
  /** Undefined when the account is not governed by SCPs; one array per level otherwise. */
  scps?: CompiledPolicy[][];
  /** Undefined when no customer RCPs are given (RCPFullAWSAccess alone never denies). */
  rcps?: CompiledPolicy[][];
  session?: CompiledPolicy;
}

export interface CompileResult {
  /** Present only when no diagnostic is an error: a policy with an error is never evaluated. */
  compiled?: CompiledPolicySet;
  diagnostics: Diagnostic[];
}

/** Compiles one policy into `slot`, appending its diagnostics. */
export function compilePolicy(input: PolicyInput, slot: string, type: PolicyType, diagnostics: Diagnostic[]): CompiledPolicy | undefined {
  const { policy, diagnostics: found } = parsePolicy(policyInputToSource(input, slot), type);
  diagnostics.push(...found);
  if (!policy) return undefined;
  const variables = policy.effectiveVersion === '2012-10-17';
  const statements: CompiledStatement[] = [];
  for (const s of policy.statements) {
    const compiled = compileStatement(s, slot, variables, diagnostics);
    if (compiled) statements.push(compiled);
  }
  return { slot, type, statements };
}

function compileStatement(s: StatementNode, slot: string, variables: boolean, diagnostics: Diagnostic[]): CompiledStatement | undefined {
  let condition: CompiledCondition | undefined;
  if (s.condition) {
    const result = compileCondition(s.condition, { file: slot, variables });
    diagnostics.push(...result.diagnostics);
    condition = result.condition;
  }
  // A statement without a valid Effect has already been reported as an error.
  if (!s.effect) return undefined;
  const principalNode = s.principal ?? s.notPrincipal;
  return {
    ref: {
      policy: slot,
      statement: s.index,
      ...(s.sid ? { sid: s.sid.value } : {}),
      effect: s.effect.value,
      line: s.span.line,
      column: s.span.column,
    },
    effect: s.effect.value,
    matchAction: compileActions(s.action ?? s.notAction, s.notAction !== undefined),
    matchResource: compileResources(s.resource ?? s.notResource, s.notResource !== undefined, variables),
    ...(principalNode ? { principal: compilePrincipal(principalNode) } : {}),
    negatedPrincipal: s.notPrincipal !== undefined,
    ...(condition ? { condition } : {}),
  };
}

/**
 * Actions match case-insensitively, service prefix and name alike; `*` and
 * `?` match across any character.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 * NotAction matches every action not listed.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
 */
function compileActions(list: StringListNode | undefined, negated: boolean): (actionLower: string) => boolean {
  const literals = new Set<string>();
  const globs: { test(value: string): boolean }[] = [];
  // The text before each wildcard (`s3:get` of `s3:get*`): most actions of a request fail on it at once.
  const prefixes: string[] = [];
  let any = false;
  for (const { value } of list?.values ?? []) {
    const lower = value.toLowerCase();
    if (lower === '*') any = true;
    else if (lower.includes('*') || lower.includes('?')) {
      globs.push(compileGlob(lower, { caseInsensitive: false }));
      prefixes.push(lower.slice(0, lower.search(/[*?]/)));
    } else literals.add(lower);
  }
  const listed = (a: string): boolean => {
    if (any || literals.has(a)) return true;
    for (let i = 0; i < globs.length; i++) if (a.startsWith(prefixes[i]!) && globs[i]!.test(a)) return true;
    return false;
  };
  return negated ? (a) => !listed(a) : listed;
}

/**
 * Resources match case-sensitively, with wildcards and (Version
 * 2012-10-17) policy variables.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 * NotResource matches every resource not listed.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
 * A resource-based policy statement may omit both (a role trust policy
 * does): it then applies to the resource it is attached to.
 */
function compileResources(list: StringListNode | undefined, negated: boolean, variables: boolean): (resource: string, context: ContextLookup) => boolean {
  if (!list) return () => true;
  const patterns: { test(value: string, context: ContextLookup): boolean }[] = [];
  let any = false;
  for (const { value } of list.values) {
    if (value === '*') any = true;
    else patterns.push(compilePattern(value, { caseInsensitive: false, variables, glob: true }));
  }
  const listed = (r: string, c: ContextLookup): boolean => {
    if (any) return true;
    for (let i = 0; i < patterns.length; i++) if (patterns[i]!.test(r, c)) return true;
    return false;
  };
  return negated ? (r, c) => !listed(r, c) : listed;
}

function levelError(file: string, message: string, help: string): Diagnostic {
  return { code: 'InvalidPolicySet', severity: 'error', message, file, line: 1, column: 1, endLine: 1, endColumn: 2, help };
}

/**
 * Compiles every policy of a set. Any error anywhere means no compiled set:
 * a decision from a partly understood set could let a Deny fail open.
 */
export function compilePolicySet(set: PolicySet): CompileResult {
  const diagnostics: Diagnostic[] = [];
  const compiled: CompiledPolicySet = { identity: [] };
  const input = (set ?? {}) as PolicySet;

  const identity = input.identity ?? [];
  if (!Array.isArray(identity)) {
    diagnostics.push(levelError('identity', '`identity` must be an array of policies', 'wrap the policy in `[ ... ]`'));
  } else {
    identity.forEach((p, i) => {
      const c = compilePolicy(p as PolicyInput, `identity[${i}]`, 'identity', diagnostics);
      if (c) compiled.identity.push(c);
    });
  }
  for (const slot of ['resource', 'boundary', 'session'] as const) {
    const p = input[slot];
    if (p === undefined || p === null) continue;
    const c = compilePolicy(p, slot, slot, diagnostics);
    if (c) compiled[slot] = c;
  }
  const scps = compileLevels(input.scps, 'scps', 'scp', diagnostics);
  if (scps) compiled.scps = scps;
  const rcps = compileLevels(input.rcps, 'rcps', 'rcp', diagnostics);
  if (rcps) compiled.rcps = rcps;

  return hasErrors(diagnostics) ? { diagnostics } : { compiled, diagnostics };
}

function compileLevels(levels: PolicyInput[][] | null | undefined, name: 'scps' | 'rcps', type: 'scp' | 'rcp', diagnostics: Diagnostic[]): CompiledPolicy[][] | undefined {
  if (levels === undefined || levels === null) return undefined;
  if (!Array.isArray(levels)) {
    diagnostics.push(levelError(name, `\`${name}\` must be an array with one array of policies per organization level`, `write \`[[root policies], [OU policies], [account policies]]\``));
    return undefined;
  }
  // An empty list means the account is not governed by this policy type.
  if (levels.length === 0) return undefined;
  const out: CompiledPolicy[][] = [];
  levels.forEach((level, i) => {
    if (!Array.isArray(level)) {
      diagnostics.push(levelError(`${name}[${i}]`, `each level of \`${name}\` must be an array of policies`, 'wrap the policies of this level in `[ ... ]`'));
      return;
    }
    if (type === 'scp' && level.length === 0) {
      // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
      // Every root, OU and account has at least one SCP attached; an empty level cannot exist.
      diagnostics.push(
        levelError(`${name}[${i}]`, `level ${i} of \`scps\` has no policy`, 'AWS always attaches at least one SCP to each level: add `FullAWSAccess` or the policies attached there'),
      );
      return;
    }
    const compiledLevel: CompiledPolicy[] = [];
    level.forEach((p, j) => {
      const c = compilePolicy(p, `${name}[${i}][${j}]`, type, diagnostics);
      if (c) compiledLevel.push(c);
    });
    out.push(compiledLevel);
  });
  return out;
}
