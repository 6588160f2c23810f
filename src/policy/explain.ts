/**
 * The evaluation trace (one step per policy type, in AWS's order) and its
 * rendering as a plain narrative for the terminal.
 *
 * Order, from https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html:
 * explicit Deny anywhere, then RCPs, SCPs, resource-based policies,
 * identity-based policies, permissions boundaries, session policies.
 */
import { formatDiagnosticLine } from '../core/index.js';
import type { DecisionFacts, LayerResult } from './evaluate.js';
import type { Decision, EvaluationResult, StatementRef, TraceStep } from './types.js';

function outcomeOf(layer: LayerResult, allowed: boolean): TraceStep['outcome'] {
  if (!layer.applicable) return 'notApplicable';
  if (layer.denies.length > 0) return 'explicitDeny';
  return allowed ? 'allow' : 'implicitDeny';
}

function step(policyType: TraceStep['policyType'], outcome: TraceStep['outcome'], statements: StatementRef[], note: string): TraceStep {
  // A copy: the evaluator shares one empty list between layers.
  return { policyType, outcome, statements: [...statements], note };
}

const MATCH_WORDS = { direct: 'names the principal itself', role: 'names the role behind the session', account: "names the principal's account" } as const;

/** One step per policy type, each with what it contributed and why. */
export function buildTrace(f: DecisionFacts): TraceStep[] {
  const p = f.request.principal;
  const steps: TraceStep[] = [];
  const denyNote = (what: string) => `${what} explicitly denies the request, and an explicit Deny overrides every Allow`;

  // RCPs
  {
    const l = f.rcp;
    const outcome = outcomeOf(l, true);
    const note =
      outcome === 'notApplicable'
        ? (l.exemption ?? 'no resource control policies govern the account that owns the resource')
        : outcome === 'explicitDeny'
          ? denyNote('a resource control policy')
          : 'no resource control policy denies the request; the implied RCPFullAWSAccess lets it through';
    steps.push(step('rcp', outcome, outcome === 'explicitDeny' ? l.denies : [], note));
  }
  // SCPs
  {
    const l = f.scp;
    const outcome = outcomeOf(l, l.levelsWithoutAllow.length === 0);
    const levels = l.levelsWithoutAllow.map((i) => `scps[${i}]`).join(', ');
    const note =
      outcome === 'notApplicable'
        ? (l.exemption ?? "no service control policies govern the principal's account")
        : outcome === 'explicitDeny'
          ? denyNote('a service control policy')
          : outcome === 'implicitDeny'
            ? `no service control policy at level ${levels} allows the action; every level from the root to the account must allow it`
            : 'every level of service control policies allows the action';
    steps.push(step('scp', outcome, outcome === 'explicitDeny' ? l.denies : l.allows, note));
  }
  // Resource-based policy
  {
    const l = f.resource;
    const needed = l.required || f.request.crossAccount;
    // An absent resource-based policy is a missing Allow when one is needed.
    const outcome = !l.applicable && needed ? 'implicitDeny' : outcomeOf(l, l.allows.length > 0);
    let note: string;
    if (!l.applicable) {
      note = l.required
        ? 'no resource-based policy is given, and this resource (a role trust policy or KMS key policy) must allow the request itself'
        : f.request.crossAccount
          ? "no resource-based policy is given, and across accounts the resource's account must allow the request in one"
          : 'no resource-based policy is given';
    } else if (outcome === 'explicitDeny') {
      note = denyNote('the resource-based policy');
    } else if (outcome === 'implicitDeny') {
      note = 'the resource-based policy has no statement that allows this principal, action and resource';
    } else if (f.request.crossAccount) {
      note = 'the resource-based policy allows the request; across accounts the identity side must allow it too';
    } else {
      const how = l.best ? MATCH_WORDS[l.best] : 'allows it';
      note =
        l.best === 'direct'
          ? `the resource-based policy ${how}, which grants access on its own within the account`
          : l.best === 'role'
            ? `the resource-based policy ${how}, so a permissions boundary or session policy can still limit it`
            : `the resource-based policy ${how}, which delegates to the identity-based policies`;
    }
    steps.push(step('resource', outcome, outcome === 'explicitDeny' ? l.denies : l.allows, note));
  }
  // Identity-based policies
  {
    const l = f.identity;
    const allowed = l.implicitRoot || l.allows.length > 0;
    const outcome = outcomeOf(l, allowed);
    const note =
      outcome === 'notApplicable'
        ? `${f.request.principal.kind === 'service' ? 'a service principal' : 'an identity provider'} has no identity-based policies`
        : outcome === 'explicitDeny'
          ? denyNote('an identity-based policy')
          : l.implicitRoot
            ? 'the account root user has full access in its own account'
            : outcome === 'allow'
              ? 'an identity-based policy allows the request'
              : 'no identity-based policy allows the request';
    steps.push(step('identity', outcome, outcome === 'explicitDeny' ? l.denies : l.allows, note));
  }
  // Permissions boundary
  {
    const l = f.boundary;
    const outcome = outcomeOf(l, l.ok);
    const note =
      outcome === 'notApplicable'
        ? 'no permissions boundary is set'
        : outcome === 'explicitDeny'
          ? denyNote('the permissions boundary')
          : outcome === 'allow'
            ? 'the permissions boundary allows the action (a boundary only limits; it grants nothing)'
            : 'the permissions boundary does not allow the action, so identity-based permissions cannot grant it';
    steps.push(step('boundary', outcome, outcome === 'explicitDeny' ? l.denies : l.allows, note));
  }
  // Session policy
  {
    const l = f.session;
    const outcome = !l.sessionPrincipal ? 'notApplicable' : l.denies.length > 0 ? 'explicitDeny' : l.ok ? (l.allows.length > 0 ? 'allow' : 'notApplicable') : 'implicitDeny';
    const note = !l.sessionPrincipal
      ? 'the principal is not a session, so no session policy applies'
      : outcome === 'explicitDeny'
        ? denyNote('the session policy')
        : outcome === 'allow'
          ? 'the session policy allows the action (it only limits; it grants nothing)'
          : outcome === 'notApplicable'
            ? 'no session policy was passed for this session'
            : p.kind === 'federatedUser' && l.allows.length === 0 && l.denies.length === 0
              ? 'a federated user session has only what its session policy allows, and none allows the action'
              : 'the session policy does not allow the action';
    steps.push(step('session', outcome, outcome === 'explicitDeny' ? l.denies : l.allows, note));
  }
  return steps;
}

const DECISION_WORDS: Record<Decision, string> = {
  allowed: 'allowed',
  explicitDeny: 'explicitly denied',
  implicitDeny: 'implicitly denied (nothing allows it)',
};

const TYPE_WORDS: Record<TraceStep['policyType'], string> = {
  rcp: 'Resource control policies (RCPs)',
  scp: 'Service control policies (SCPs)',
  resource: 'Resource-based policy',
  identity: 'Identity-based policies',
  boundary: 'Permissions boundary',
  session: 'Session policy',
};

const OUTCOME_SYMBOLS: Record<TraceStep['outcome'], string> = {
  allow: '✓ allow',
  explicitDeny: '✗ explicit deny',
  implicitDeny: '✗ implicit deny',
  notApplicable: '- not applicable',
};

export function formatStatementRef(r: StatementRef): string {
  const where = r.line !== undefined ? ` at ${r.line}:${r.column ?? 1}` : '';
  return `${r.policy} statement ${r.statement}${r.sid ? ` (Sid ${r.sid})` : ''}, ${r.effect}${where}`;
}

/**
 * The step that settled the decision: the first explicit Deny, else the
 * first implicit deny in AWS's order, else the step that granted.
 */
function decidingStep(result: EvaluationResult): TraceStep | undefined {
  const trace = result.trace ?? [];
  if (result.decision === 'explicitDeny') return trace.find((s) => s.outcome === 'explicitDeny');
  if (result.decision === 'implicitDeny') {
    // With no grant at all, the identity step says so; a guardrail that failed comes first otherwise.
    const guardrail = trace.find((s) => s.outcome === 'implicitDeny' && s.policyType !== 'identity' && s.policyType !== 'resource');
    return guardrail ?? trace.find((s) => s.policyType === 'identity' && s.outcome === 'implicitDeny') ?? trace.find((s) => s.outcome === 'implicitDeny');
  }
  return trace.find((s) => s.outcome === 'allow' && (s.policyType === 'resource' || s.policyType === 'identity'));
}

/**
 * A readable, multi-line narrative of the evaluation in AWS's order. With a
 * trace, the "Why" line always says what decided; `steps: false` leaves out
 * the step-by-step list.
 */
export function explainText(result: EvaluationResult, options: { steps?: boolean } = {}): string {
  const lines: string[] = [];
  if (result.errors.length > 0) {
    lines.push('Decision: not evaluated; the input has errors, so no decision can be trusted (reported as implicitly denied)');
    for (const e of result.errors) lines.push(`  ${formatDiagnosticLine(e)}`);
    return lines.join('\n');
  }
  lines.push(`Decision: ${DECISION_WORDS[result.decision]}`);
  const deciding = result.trace && decidingStep(result);
  if (deciding) lines.push(`Why: ${deciding.note}`);
  if (result.reasons.length > 0) {
    lines.push(result.decision === 'explicitDeny' ? 'Denied by:' : 'Granted by:');
    for (const r of result.reasons) lines.push(`  ${formatStatementRef(r)}`);
  }
  if (result.trace && options.steps !== false) {
    lines.push('');
    lines.push('How AWS got there (an explicit Deny anywhere wins first, then each policy type in this order):');
    result.trace.forEach((s, i) => {
      lines.push(`${i + 1}. ${TYPE_WORDS[s.policyType]}: ${OUTCOME_SYMBOLS[s.outcome]}`);
      lines.push(`   ${s.note}`);
      for (const r of s.statements) lines.push(`   - ${formatStatementRef(r)}`);
      for (const m of s.conditionMisses ?? []) {
        lines.push(`   - not matched: ${formatStatementRef(m.statement)}: its condition \`${m.operator}\` on \`${m.key}\` failed: ${m.reason}`);
      }
    });
  }
  return lines.join('\n');
}
