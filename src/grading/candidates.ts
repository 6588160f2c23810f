/**
 * Representative values for each dimension of a request, from the literals
 * of the policies in play and the exercise's own cases. Within one cell of
 * the partition every condition operator, action and resource pattern
 * answers the same, so one request per cell is enough; see section 4 of
 * shared/design/evaluator-peers.md.
 */
import { expandAction, findAction, type ContextValue, type EvalRequest } from '../policy/index.js';
import { BUILTIN_ACTIONS, UNRELATED_ACTION } from './actions.js';
import { actionPatternMatches, type ConditionUse, type KeyFamily, type PolicyLiterals, type StatementLiterals } from './literals.js';

/**
 * Keys the evaluator derives from the principal and the resource account.
 * They are varied through the principal, never set in the context, so that
 * a counterexample never claims a caller the principal could not be.
 */
export const DERIVED_KEYS = new Set([
  'aws:principalarn',
  'aws:principalaccount',
  'aws:principaltype',
  'aws:username',
  'aws:principalisawsservice',
  'aws:principalservicename',
  'aws:resourceaccount',
]);

/** A value a fresh caller would send: equal to no constant of any policy. */
export const FRESH = 'other-value';
const FRESH_ACCOUNT = '999999999999';
const DEFAULT_ACCOUNT = '111122223333';

export interface KeyInfo {
  /** The key as first written. */
  name: string;
  family: KeyFamily;
  multi: boolean;
  constants: Set<string>;
}

export interface Universe {
  principals: string[];
  resourceAccounts: (string | undefined)[];
  actions: string[];
  statements: StatementLiterals[];
  keys: Map<string, KeyInfo>;
  cases: EvalRequest[];
  /** Known values of keys, for policy variables (`${aws:PrincipalTag/team}`): from the cases and the principals. */
  known: Map<string, Set<string>>;
}

const ACCOUNT_IN_ARN = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/;
const VARIABLE = /\$\{([^}]+)\}/g;

function accountOf(principal: string): string | undefined {
  return ACCOUNT_IN_ARN.exec(principal)?.[1];
}

function userNameOf(principal: string): string | undefined {
  return /^arn:aws[a-z-]*:iam::\d{12}:user\/(?:[^/]+\/)*([^/]+)$/.exec(principal)?.[1];
}

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

export function buildUniverse(all: PolicyLiterals[], cases: EvalRequest[]): Universe {
  const statements = all.flatMap((p) => p.statements);
  const home = cases.map((c) => c.resourceAccount ?? accountOf(c.principal)).find((a) => a !== undefined) ?? DEFAULT_ACCOUNT;

  // Context keys: every condition key of every policy, and the cases' own keys.
  const keys = new Map<string, KeyInfo>();
  const known = new Map<string, Set<string>>();
  const note = (use: Pick<ConditionUse, 'key' | 'family' | 'multi'>, values: readonly string[]): void => {
    const lower = use.key.toLowerCase();
    let info = keys.get(lower);
    if (!info) keys.set(lower, (info = { name: use.key, family: use.family, multi: use.multi, constants: new Set() }));
    if (use.multi) info.multi = true;
    if (info.family === 'null') info.family = use.family;
    for (const v of values) info.constants.add(v);
  };
  for (const s of statements) for (const c of s.conditions) note(c, c.family === 'null' ? [] : c.values);
  for (const c of cases) {
    for (const [key, value] of Object.entries(c.context ?? {})) {
      const values = (Array.isArray(value) ? value : [value]).map(String);
      for (const v of values) add(known, key.toLowerCase(), v);
      if (!keys.has(key.toLowerCase())) continue;
      note({ key, family: keys.get(key.toLowerCase())!.family, multi: Array.isArray(value) }, values);
    }
  }

  // Principals: the cases' first (they read best), then those the policies name.
  const principals: string[] = [];
  const push = (p: string | undefined): void => {
    if (p && !principals.includes(p)) principals.push(p);
  };
  for (const c of cases) push(c.principal);
  for (const p of all.flatMap((l) => l.principals)) {
    if (p.kind === 'AWS') {
      if (p.value === '*') continue;
      if (/^\d{12}$/.test(p.value) || /:root$/.test(p.value)) push(`arn:aws:iam::${/^\d{12}$/.test(p.value) ? p.value : accountOf(p.value)}:user/x`);
      else push(instantiate(p.value, home));
    } else if (p.kind === 'Service' || p.kind === 'Federated') {
      if (!p.value.includes('*')) push(p.value);
    }
  }
  for (const s of statements) {
    for (const c of s.conditions) {
      const key = c.key.toLowerCase();
      if (key === 'aws:principalarn') for (const v of c.values) if (!v.includes('${')) push(instantiate(v, home));
      if (key === 'aws:principalaccount') for (const v of c.values) if (/^\d{12}$/.test(v)) push(`arn:aws:iam::${v}:user/x`);
    }
  }
  push(`arn:aws:iam::${home}:user/x`);
  push(`arn:aws:iam::${FRESH_ACCOUNT}:user/x`);
  for (const p of principals) {
    const name = userNameOf(p);
    if (name) add(known, 'aws:username', name);
  }

  const resourceAccounts = [...new Set(cases.map((c) => c.resourceAccount))];
  if (resourceAccounts.length === 0) resourceAccounts.push(undefined);

  return { principals, resourceAccounts, actions: actionCandidates(statements, cases), statements, keys, cases, known };
}

/** A principal ARN from a pattern: the account wildcard becomes the home account, other wildcards `x`. */
function instantiate(pattern: string, home: string): string {
  return pattern.replace(/^(arn:aws[a-z-]*:(?:iam|sts)::)\*/, `$1${home}`).replace(/[*?]+/g, 'x');
}

/**
 * One action per class of actions that every Action/NotAction pattern
 * treats alike: the cases' actions first, then the policies' literal
 * actions, then real actions that wildcards cover, then one unrelated action.
 */
function actionCandidates(statements: StatementLiterals[], cases: EvalRequest[]): string[] {
  const patterns = [...new Set(statements.flatMap((s) => s.actions))];
  const ordered: string[] = [...cases.map((c) => c.action)];
  for (const p of patterns) if (!/[*?]/.test(p)) ordered.push(p);
  for (const p of patterns) {
    // `*` alone stands for every action: the unrelated action and the built-in list below cover it.
    if (!/[*?]/.test(p) || p === '*') continue;
    const resources = statements.filter((s) => s.actions.includes(p)).flatMap((s) => s.resources);
    const real = byFit(realActions(p), resources);
    if (real.length > 0) ordered.push(...real);
    else if (/^[A-Za-z0-9-]+:/.test(p)) ordered.push(p.replace(/[*?]+/g, 'X'));
  }
  ordered.push(UNRELATED_ACTION, ...BUILTIN_ACTIONS);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const action of ordered) {
    if (!/^[A-Za-z0-9-]+:[A-Za-z0-9_-]+$/.test(action)) continue;
    const signature = `${/^sts:(assumerole|tagsession|setsourceidentity|setcontext)/i.test(action)}|${patterns.map((p) => (actionPatternMatches(p, action) ? 1 : 0)).join('')}`;
    if (seen.has(signature)) continue;
    seen.add(signature);
    out.push(action);
  }
  return out;
}

/**
 * The real actions a wildcard pattern covers, from the action catalog
 * (the built-in short list when the catalog does not know the service).
 * Capped: a few hundred actions of one service are plenty of witnesses.
 */
function realActions(pattern: string): string[] {
  const fromCatalog = expandAction(pattern);
  const real = fromCatalog.length > 0 ? fromCatalog : BUILTIN_ACTIONS.filter((a) => actionPatternMatches(pattern, a));
  return real.slice(0, MAX_EXPANSION);
}

const MAX_EXPANSION = 600;

/**
 * A catalog ARN format such as `arn:${Partition}:s3:::${BucketName}/${ObjectName}`
 * as a pattern: each placeholder is one ARN field or path segment, except a
 * last one after a `/`, which may hold a path (an object key). The formats
 * come from the catalog, never from user input.
 */
function arnFormatPattern(format: string): RegExp {
  const parts = format.split(/\$\{[^}]+\}/);
  const escaped = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // A last placeholder after a `/` (an object key, a role path) may hold more `/`s; any other is one field or segment.
  const body = escaped.map((p, i) => (i === 0 ? p : `${i === escaped.length - 1 && escaped[i - 1]!.endsWith('/') ? '.*' : '[^/:]*'}${p}`)).join('');
  return new RegExp(`^${body}$`);
}

/**
 * Actions whose own resource types fit the statement's resources first, so a
 * counterexample reads like a real request (`s3:GetObjectAcl` on an object,
 * not `s3:GetAccelerateConfiguration` on one). The order is otherwise kept.
 */
function byFit(actions: string[], resources: string[]): string[] {
  const samples = resources.filter((r) => r !== '*').map((r) => r.replace(VARIABLE, 'x').replace(/[*?]+/g, 'x'));
  if (samples.length === 0) return actions;
  const fits = (action: string) =>
    findAction(action)?.resourceTypes.some((type) => {
      const format = arnFormatPattern(type.arnFormat);
      return samples.some((sample) => format.test(sample));
    }) ?? false;
  return [...actions.filter(fits), ...actions.filter((a) => !fits(a))];
}

/** The statements of any policy that an action can reach. */
export function statementsFor(universe: Universe, action: string): StatementLiterals[] {
  return universe.statements.filter((s) => s.actions.length === 0 || s.notAction || s.actions.some((p) => actionPatternMatches(p, action)));
}

/** Values a variable reference can take: what the cases and principals give, or a fresh value. */
function variableValues(universe: Universe, key: string): string[] {
  const values = [...(universe.known.get(key.toLowerCase()) ?? [])];
  return values.length > 0 ? values.slice(0, 4) : [FRESH];
}

/** Every way to fill the variables of a text; at most a handful. */
function fillVariables(universe: Universe, text: string): string[] {
  let out = [''];
  let last = 0;
  for (const m of text.matchAll(VARIABLE)) {
    const literal = text.slice(last, m.index);
    const body = m[1]!;
    const choices = body === '*' || body === '?' || body === '$' ? [body] : variableValues(universe, body.split(',')[0]!.trim());
    out = out.flatMap((prefix) => choices.map((c) => prefix + literal + c)).slice(0, 8);
    last = m.index! + m[0].length;
  }
  return out.map((prefix) => prefix + text.slice(last));
}

/** Strings a wildcard pattern matches: each wildcard run empty or one letter. */
function fillWildcards(text: string): string[] {
  const parts = text.split(/([*?]+)/);
  let out = [''];
  for (const part of parts) {
    if (/^[*?]+$/.test(part)) {
      const choices = part.includes('?') ? ['x'.repeat(part.replace(/\*/g, '').length)] : ['', 'x'];
      out = out.flatMap((prefix) => choices.map((c) => prefix + c)).slice(0, 8);
    } else {
      out = out.map((prefix) => prefix + part);
    }
  }
  return out;
}

/** Resources for an action: the cases' resources, then strings each pattern of a reachable statement matches. */
export function resourceCandidates(universe: Universe, action: string, statements: StatementLiterals[]): string[] {
  const out = new Set<string>();
  for (const c of universe.cases) if (c.action.toLowerCase() === action.toLowerCase()) out.add(c.resource);
  for (const s of statements) {
    for (const pattern of s.resources) {
      if (pattern === '*') continue;
      for (const filled of fillVariables(universe, pattern)) for (const r of fillWildcards(filled)) out.add(r);
    }
  }
  for (const c of universe.cases) out.add(c.resource);
  if (out.size === 0) out.add('*');
  return [...out].slice(0, 24);
}

/** Representatives of one key's domain; `undefined` is the absent key, always first. */
export function keyRepresentatives(universe: Universe, info: KeyInfo): (ContextValue | undefined)[] {
  const scalars = new Set<string>();
  for (const raw of info.constants) {
    for (const c of raw.includes('${') ? fillVariables(universe, raw) : [raw]) {
      switch (info.family) {
        case 'numeric': {
          const n = Number(c);
          if (Number.isFinite(n)) [n - 1, n, n + 1].forEach((v) => scalars.add(String(v)));
          break;
        }
        case 'date': {
          const t = /^\d+$/.test(c) ? Number(c) * 1000 : Date.parse(c);
          if (Number.isFinite(t)) [t - 1000, t, t + 1000].forEach((v) => scalars.add(new Date(v).toISOString().replace('.000Z', 'Z')));
          break;
        }
        case 'ip':
          for (const ip of ipRepresentatives(c)) scalars.add(ip);
          break;
        case 'bool':
          break;
        default:
          for (const v of fillWildcards(c)) scalars.add(v);
      }
    }
  }
  if (info.family === 'bool') ['true', 'false'].forEach((v) => scalars.add(v));
  else if (info.family === 'ip') scalars.add('192.0.2.1');
  else if (info.family === 'numeric' && scalars.size === 0) scalars.add('0');
  else if (info.family === 'date' && scalars.size === 0) scalars.add('2026-01-01T00:00:00Z');
  else if (info.family !== 'numeric' && info.family !== 'date') scalars.add(FRESH);
  const values = [...scalars];
  const reps: (ContextValue | undefined)[] = [undefined];
  if (info.multi) {
    reps.push([]);
    for (const v of values) reps.push([v]);
    const constants = values.filter((v) => v !== FRESH);
    for (const v of constants) reps.push([v, FRESH]);
    if (constants.length > 1) reps.push(constants);
  } else {
    reps.push(...values);
  }
  return reps;
}

/** Inside and just outside an IPv4 CIDR block; an IPv6 block keeps only its address. */
function ipRepresentatives(cidr: string): string[] {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)(?:\/(\d+))?$/.exec(cidr);
  if (!m) return [cidr.split('/')[0]!];
  const bits = m[5] === undefined ? 32 : Number(m[5]);
  const base = ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
  const size = 2 ** (32 - bits);
  const network = bits === 0 ? 0 : Math.floor(base / size) * size;
  const toIp = (n: number): string => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
  const out = [toIp(network)];
  if (network > 0) out.push(toIp(network - 1));
  if (network + size <= 0xffffffff) out.push(toIp(network + size));
  return out;
}

/** The context keys that matter for an action: condition keys and resource variables of reachable statements, derived keys aside. */
export function relevantKeys(universe: Universe, statements: StatementLiterals[]): KeyInfo[] {
  // Lower-case name -> the name as first written, for readable counterexamples.
  const names = new Map<string, string>();
  const note = (name: string): void => {
    if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  };
  const variablesOf = (text: string): void => {
    for (const m of text.matchAll(VARIABLE)) note(m[1]!.split(',')[0]!.trim());
  };
  for (const s of statements) {
    for (const c of s.conditions) {
      note(c.key);
      c.values.forEach(variablesOf);
    }
    s.resources.forEach(variablesOf);
  }
  const out: KeyInfo[] = [];
  for (const [lower, name] of names) {
    if (DERIVED_KEYS.has(lower)) continue;
    out.push(universe.keys.get(lower) ?? { name, family: 'string', multi: false, constants: universe.known.get(lower) ?? new Set<string>() });
  }
  return out;
}

/**
 * Every combination of the keys' representatives, the fewest present keys
 * first: the first difference found then needs little shrinking.
 */
export function contextCombinations(universe: Universe, keys: KeyInfo[], limit: number): Record<string, ContextValue>[] {
  let reps = keys.map((k) => keyRepresentatives(universe, k));
  // Too many combinations: keep fewer representatives per key, never fewer than absent and two values.
  let keep = Math.max(...reps.map((r) => r.length), 1);
  while (keep > 3 && reps.reduce((n, r) => n * Math.min(r.length, keep), 1) > limit) keep--;
  reps = reps.map((r) => r.slice(0, keep));
  let combos: { context: Record<string, ContextValue>; present: number }[] = [{ context: {}, present: 0 }];
  keys.forEach((key, i) => {
    combos = combos.flatMap((combo) =>
      reps[i]!.map((value) => (value === undefined ? combo : { context: { ...combo.context, [key.name]: value }, present: combo.present + 1 })),
    );
    if (combos.length > limit) combos = combos.slice(0, limit);
  });
  return combos.sort((a, b) => a.present - b.present).map((c) => c.context);
}
