/**
 * The literals of the policies in play: what the request-space partition is
 * built from. Read from the parsed documents, so that a literal is what
 * AWS reads (a single string and a list of one are the same).
 */
import { compileGlob, parsePolicy, policyInputToSource, type PolicyInput, type PolicyType, type StatementNode } from '../policy/index.js';

/** The operator family decides which representative values a key gets. */
export type KeyFamily = 'string' | 'arn' | 'numeric' | 'date' | 'bool' | 'ip' | 'null' | 'binary';

export interface ConditionUse {
  operator: string;
  family: KeyFamily;
  /** ForAnyValue / ForAllValues: the key is multi-valued. */
  multi: boolean;
  /** The key as written. */
  key: string;
  values: string[];
}

export interface StatementLiterals {
  actions: string[];
  /** NotAction: the statement matches every action not listed. */
  notAction: boolean;
  resources: string[];
  conditions: ConditionUse[];
}

export interface PolicyLiterals {
  statements: StatementLiterals[];
  /** Principal element values with their kind (`AWS`, `Service`, `Federated`, `CanonicalUser`). */
  principals: { kind: string; value: string }[];
}

/** The literals of one policy; an unparsable policy has none. */
export function policyLiterals(input: PolicyInput, type: PolicyType): PolicyLiterals {
  const { policy } = parsePolicy(policyInputToSource(input, 'literals'), type);
  const out: PolicyLiterals = { statements: [], principals: [] };
  for (const s of policy?.statements ?? []) {
    out.statements.push(statementLiterals(s));
    for (const p of [s.principal, s.notPrincipal]) {
      for (const entry of p?.entries ?? []) for (const v of entry.values) out.principals.push({ kind: entry.kind.value, value: v.value });
    }
  }
  return out;
}

function statementLiterals(s: StatementNode): StatementLiterals {
  const conditions: ConditionUse[] = [];
  for (const op of s.condition?.operators ?? []) {
    const name = op.operator.value;
    for (const entry of op.entries) {
      conditions.push({
        operator: name,
        family: familyOf(name),
        multi: /^For(Any|All)Value:/i.test(name),
        key: entry.key.value,
        values: entry.values.map((v) => String(v.value)),
      });
    }
  }
  return {
    actions: (s.action ?? s.notAction)?.values.map((v) => v.value) ?? [],
    notAction: s.notAction !== undefined,
    resources: (s.resource ?? s.notResource)?.values.map((v) => v.value) ?? [],
    conditions,
  };
}

/** `ForAllValues:StringLikeIfExists` -> `string`. */
export function familyOf(operator: string): KeyFamily {
  const base = operator.replace(/^For(Any|All)Value:/i, '').replace(/IfExists$/i, '').toLowerCase();
  if (base.startsWith('string')) return 'string';
  if (base.startsWith('arn')) return 'arn';
  if (base.startsWith('numeric')) return 'numeric';
  if (base.startsWith('date')) return 'date';
  if (base === 'bool') return 'bool';
  if (base.includes('ipaddress')) return 'ip';
  if (base === 'null') return 'null';
  return 'binary';
}

/** Does the statement's Action/NotAction match this action? Case-insensitive, as AWS matches actions. */
export function statementMatchesAction(s: StatementLiterals, action: string): boolean {
  const listed = s.actions.some((p) => actionPatternMatches(p, action));
  return s.notAction ? !listed : listed;
}

const actionMatchers = new Map<string, { test(value: string): boolean }>();

export function actionPatternMatches(pattern: string, action: string): boolean {
  let m = actionMatchers.get(pattern);
  if (!m) {
    m = compileGlob(pattern.toLowerCase(), { caseInsensitive: false });
    actionMatchers.set(pattern, m);
  }
  return m.test(action.toLowerCase());
}
