/**
 * The decision: AWS's documented evaluation logic as one short table.
 *
 * Main sources (each rule below names its page):
 * [DENYALLOW] https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 * [CROSS]  https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 * [PB]     https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 * [SESSION] https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
 * [SCP]    https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
 * [RCP]    https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html
 *
 * Out of scope: the management account (SCPs and RCPs never apply to it;
 * a request here is always taken to come from, or target, a member account
 * whenever SCPs or RCPs are given), VPC endpoint policies, ACLs.
 */
import type { Diagnostic } from '../core/index.js';
import type { CompiledPolicy, CompiledPolicySet, CompiledStatement } from './compile.js';
import type { PrincipalMatch } from './principal-match.js';
import { isOutsideIam, parseRequest, type ParsedRequest, type RequestPrincipal } from './request.js';
import { buildTrace } from './explain.js';
import type { ConditionMiss, EvalRequest, EvaluationResult, StatementRef, TraceStep } from './types.js';

export interface EvaluateOptions {
  /** Adds the per-policy-type trace. */
  explain?: boolean;
}

/** What one policy type contributed to a request. */
export interface LayerResult {
  /** False when the policy type is absent or does not apply to this principal. */
  applicable: boolean;
  allows: StatementRef[];
  denies: StatementRef[];
  /** Why a present policy type does not apply (service principal, service-linked role). */
  exemption?: string;
}

export interface DecisionFacts {
  request: ParsedRequest;
  rcp: LayerResult;
  scp: LayerResult & { levelsWithoutAllow: number[] };
  resource: LayerResult & { best?: PrincipalMatch; required: boolean };
  identity: LayerResult & { implicitRoot: boolean };
  boundary: LayerResult & { ok: boolean };
  session: LayerResult & { ok: boolean; sessionPrincipal: boolean };
  identityPath: boolean;
  resourcePath: boolean;
}

const RANK: Record<PrincipalMatch, number> = { direct: 3, role: 2, account: 1 };

/**
 * Does this statement apply to the request? For statements with a
 * Principal, the kind of match; otherwise `direct`.
 */
function statementApplies(s: CompiledStatement, req: ParsedRequest, boundaryAttached: boolean): PrincipalMatch | undefined {
  if (!s.matchAction(req.actionLower)) return undefined;
  if (!s.matchResource(req.resource, req.context)) return undefined;
  let kind: PrincipalMatch = 'direct';
  if (s.principal) {
    if (s.negatedPrincipal) {
      // [PB] "The NotPrincipal element with a Deny effect will always deny any
      // IAM principal that has a permissions boundary policy attached,
      // regardless of the values specified in the NotPrincipal element."
      const boundaryQuirk = s.effect === 'Deny' && boundaryAttached;
      if (!boundaryQuirk && s.principal.excludes(req.principal)) return undefined;
    } else {
      const m = s.principal.match(req.principal);
      if (!m) return undefined;
      kind = m;
    }
  }
  if (s.condition && !s.condition.test(req.context).matched) return undefined;
  return kind;
}

/**
 * For explanations: the statements of a policy that match everything but
 * their Condition, with the condition's own account of what failed.
 */
export function conditionMisses(policies: readonly CompiledPolicy[], req: ParsedRequest, boundaryAttached: boolean): ConditionMiss[] {
  const misses: ConditionMiss[] = [];
  for (const policy of policies) {
    for (const s of policy.statements) {
      if (!s.condition) continue;
      const result = s.condition.test(req.context);
      if (result.matched || !result.failure) continue;
      const unconditioned: CompiledStatement = { ...s };
      delete unconditioned.condition;
      if (statementApplies(unconditioned, req, boundaryAttached) === undefined) continue;
      misses.push({ statement: s.ref, ...result.failure });
    }
  }
  return misses;
}

/** Shared until something matches, so that most layers allocate nothing. */
const NONE: StatementRef[] = [];
const NONE_LEVELS: number[] = [];

/** Scans one policy; returns the best principal match among its matching Allows. */
function scan(policy: CompiledPolicy, req: ParsedRequest, boundaryAttached: boolean, layer: LayerResult): PrincipalMatch | undefined {
  let best: PrincipalMatch | undefined;
  const statements = policy.statements;
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i]!;
    const kind = statementApplies(s, req, boundaryAttached);
    if (kind === undefined) continue;
    if (s.effect === 'Deny') {
      if (layer.denies === NONE) layer.denies = [];
      layer.denies.push(s.ref);
    } else {
      if (layer.allows === NONE) layer.allows = [];
      layer.allows.push(s.ref);
      if (best === undefined || RANK[kind] > RANK[best]) best = kind;
    }
  }
  return best;
}

function isSessionPrincipal(p: RequestPrincipal): boolean {
  return p.kind === 'assumedRole' || p.kind === 'federatedUser' || p.kind === 'role';
}

/**
 * [DENYALLOW] "IAM role trust policies and KMS key policies are exceptions to
 * this logic, because they must explicitly allow access for principals":
 * for these the resource-based policy is always required.
 */
function resourcePolicyRequired(req: ParsedRequest): boolean {
  const a = req.actionLower;
  if (a.startsWith('sts:assumerole') || a === 'sts:tagsession' || a === 'sts:setsourceidentity' || a === 'sts:setcontext') return true;
  return /^arn:aws[a-z-]*:kms:[^:]*:\d{12}:key\//.test(req.resource);
}

const NO_PROBLEMS: Diagnostic[] = [];

function requestProblem(message: string, help: string): Diagnostic {
  return { code: 'InvalidRequest', severity: 'error', message, file: 'request', line: 1, column: 1, endLine: 1, endColumn: 2, help };
}

/** Input combinations that AWS cannot produce; answering them would be a guess. */
function contradictions(compiled: CompiledPolicySet, p: RequestPrincipal): Diagnostic[] {
  // The common case, an IAM user or role, has nothing to check: return before allocating.
  if (p.kind !== 'root' && !isOutsideIam(p)) return NO_PROBLEMS;
  const out: Diagnostic[] = [];
  const err = (message: string, help: string): void => void out.push(requestProblem(message, help));
  const notIam = p.kind === 'root' || isOutsideIam(p);
  const who = p.kind === 'root' ? 'the account root user' : p.kind === 'service' ? 'a service principal' : 'an identity provider';
  if (compiled.session && notIam) {
    // [SESSION] session policies are passed when creating a role session or a federated user session.
    err(`a session policy cannot apply to ${who}`, 'use a role session principal, or remove the session policy');
  }
  if (compiled.boundary && notIam) {
    // [PB] boundaries are set on IAM users and roles.
    err(`a permissions boundary cannot be set on ${who}`, 'remove the boundary or use a user or role principal');
  }
  if (compiled.identity.length > 0 && notIam) {
    err(`identity-based policies cannot be attached to ${who}`, 'remove them, or use a user or role principal');
  }
  return out;
}

/** Gathers, per policy type, the statements that match the request. */
export function gatherFacts(compiled: CompiledPolicySet, req: ParsedRequest): DecisionFacts {
  const p = req.principal;
  const boundaryAttached = compiled.boundary !== undefined && p.kind !== 'root' && !isOutsideIam(p);

  // [RCP] RCPs apply to resources in member accounts, whoever calls; they do
  // not restrict service-linked roles. RCPFullAWSAccess is implied at every
  // level, so only Deny statements can change the outcome.
  const rcp: LayerResult = { applicable: compiled.rcps !== undefined && !p.serviceLinked, allows: NONE, denies: NONE };
  if (compiled.rcps && p.serviceLinked) rcp.exemption = 'resource control policies do not restrict service-linked roles';
  if (rcp.applicable) for (const level of compiled.rcps!) for (const policy of level) scan(policy, req, boundaryAttached, rcp);

  // [SCP] SCPs limit IAM principals of member accounts, root user included;
  // they do not affect service-linked roles nor service principals. Every
  // level from the root to the account must allow the action.
  const scp: DecisionFacts['scp'] = { applicable: compiled.scps !== undefined && !isOutsideIam(p) && !p.serviceLinked, allows: NONE, denies: NONE, levelsWithoutAllow: NONE_LEVELS };
  if (compiled.scps && isOutsideIam(p)) scp.exemption = `service control policies apply only to IAM principals of member accounts, not to ${p.kind === 'service' ? 'service principals' : 'identity providers'}`;
  else if (compiled.scps && p.serviceLinked) scp.exemption = 'service control policies do not restrict service-linked roles';
  if (scp.applicable) {
    const levels = compiled.scps!;
    for (let i = 0; i < levels.length; i++) {
      const before = scp.allows.length;
      for (const policy of levels[i]!) scan(policy, req, boundaryAttached, scp);
      if (scp.allows.length === before) scp.levelsWithoutAllow = [...scp.levelsWithoutAllow, i];
    }
  }

  const resource: DecisionFacts['resource'] = { applicable: compiled.resource !== undefined, allows: NONE, denies: NONE, required: resourcePolicyRequired(req) };
  if (compiled.resource) {
    const best = scan(compiled.resource, req, boundaryAttached, resource);
    if (best) resource.best = best;
  }

  // [DENYALLOW] "By default, all requests are implicitly denied with the
  // exception of the AWS account root user, which has full access."
  const implicitRoot = p.kind === 'root';
  const identity: DecisionFacts['identity'] = { applicable: !isOutsideIam(p), allows: NONE, denies: NONE, implicitRoot };
  for (const policy of compiled.identity) scan(policy, req, boundaryAttached, identity);

  const boundary: DecisionFacts['boundary'] = { applicable: boundaryAttached, allows: NONE, denies: NONE, ok: true };
  if (boundaryAttached) {
    scan(compiled.boundary!, req, boundaryAttached, boundary);
    boundary.ok = boundary.allows.length > 0;
  }

  // [DENYALLOW] session step: a session policy that is present must allow;
  // with none, a role session is allowed but a federated user session
  // (GetFederationToken) is implicitly denied. A session policy given with
  // an IAM user principal is taken as scoping that user's session: it still
  // limits, and its Deny still counts, so that it can never fail open.
  const sessionPrincipal = isSessionPrincipal(p) || (compiled.session !== undefined && p.kind === 'user');
  const session: DecisionFacts['session'] = { applicable: sessionPrincipal, allows: NONE, denies: NONE, ok: true, sessionPrincipal };
  if (compiled.session && sessionPrincipal) {
    scan(compiled.session, req, boundaryAttached, session);
    session.ok = session.allows.length > 0;
  } else if (p.kind === 'federatedUser') {
    session.ok = false;
  }

  const identityAllows = implicitRoot || identity.allows.length > 0;
  const identityPath = identity.applicable && identityAllows && boundary.ok && session.ok;

  // [DENYALLOW] same account, by what the resource-based policy names:
  // - the user, the role session, the federated user session (or everyone):
  //   "an implicit deny in an identity-based policy, a permissions boundary,
  //   or a session policy does not impact the final decision";
  // - the role: "limited by an implicit deny in a permissions boundary or session policy";
  // - the account: delegation, the identity-based policies must allow.
  let resourcePath = false;
  if (resource.best === 'direct') resourcePath = true;
  else if (resource.best === 'role') resourcePath = boundary.ok && session.ok;
  else if (resource.best === 'account') resourcePath = identityPath;

  return { request: req, rcp, scp, resource, identity, boundary, session, identityPath, resourcePath };
}

/** The final decision from the gathered facts, with the deciding statements. */
export function decide(f: DecisionFacts): Pick<EvaluationResult, 'decision' | 'reasons'> {
  // [DENYALLOW] Deny evaluation: an explicit Deny in any applicable policy
  // (RCP, SCP, resource-based, identity-based, boundary, session) is final.
  if (f.rcp.denies.length + f.scp.denies.length + f.resource.denies.length + f.identity.denies.length + f.boundary.denies.length + f.session.denies.length > 0) {
    return { decision: 'explicitDeny', reasons: [...f.rcp.denies, ...f.scp.denies, ...f.resource.denies, ...f.identity.denies, ...f.boundary.denies, ...f.session.denies] };
  }

  // [RCP] RCPFullAWSAccess always allows, so RCPs end in a Deny or not at all.

  // [SCP] "If the enforcement code does not find any applicable Allow
  // statements in the SCPs, then the request is implicitly denied";
  // every level (root, each OU, the account) must allow.
  if (f.scp.applicable && f.scp.levelsWithoutAllow.length > 0) return { decision: 'implicitDeny', reasons: [] };

  if (f.request.crossAccount) {
    // [CROSS] AWS evaluates the trusted account (identity-based policies and
    // what limits them) and the trusting account (the resource-based policy):
    // "The request is allowed only if both evaluations return a decision of
    // Allow", whatever principal the resource-based policy names.
    if (f.identityPath && f.resource.allows.length > 0) return { decision: 'allowed', reasons: [...f.identity.allows, ...f.resource.allows] };
    return { decision: 'implicitDeny', reasons: [] };
  }

  // [DENYALLOW] same account: identity-based and resource-based allows are a
  // union, except for role trust policies and KMS key policies, which must allow.
  const allowed = f.resource.required ? f.resourcePath : f.identityPath || f.resourcePath;
  if (!allowed) return { decision: 'implicitDeny', reasons: [] };
  const reasons = [...(f.identityPath && !f.resource.required ? f.identity.allows : []), ...(f.resourcePath ? f.resource.allows : [])];
  if (f.resourcePath && f.resource.best === 'account') reasons.unshift(...f.identity.allows.filter((r) => !reasons.includes(r)));
  return { decision: 'allowed', reasons };
}

/** Evaluates a request against a compiled policy set. */
export function evaluate(compiled: CompiledPolicySet, request: EvalRequest, options: EvaluateOptions = {}): EvaluationResult {
  const parsed = parseRequest(request);
  if (!parsed.request) return { decision: 'implicitDeny', reasons: [], errors: parsed.errors };
  const req = parsed.request;
  const errors = contradictions(compiled, req.principal);
  if (errors.length > 0) return { decision: 'implicitDeny', reasons: [], errors };
  const facts = gatherFacts(compiled, req);
  const { decision, reasons } = decide(facts);
  const result: EvaluationResult = { decision, reasons, errors: [] };
  if (options.explain) {
    result.trace = buildTrace(facts);
    attachConditionMisses(result.trace, compiled, facts);
  }
  return result;
}

function attachConditionMisses(trace: TraceStep[], compiled: CompiledPolicySet, f: DecisionFacts): void {
  const boundaryAttached = f.boundary.applicable;
  const byType: Record<TraceStep['policyType'], CompiledPolicy[]> = {
    rcp: f.rcp.applicable ? (compiled.rcps ?? []).flat() : [],
    scp: f.scp.applicable ? (compiled.scps ?? []).flat() : [],
    resource: compiled.resource ? [compiled.resource] : [],
    identity: f.identity.applicable ? compiled.identity : [],
    boundary: boundaryAttached ? [compiled.boundary!] : [],
    session: compiled.session && f.session.applicable ? [compiled.session] : [],
  };
  for (const step of trace) {
    const misses = conditionMisses(byType[step.policyType], f.request, boundaryAttached);
    if (misses.length > 0) step.conditionMisses = misses;
  }
}
