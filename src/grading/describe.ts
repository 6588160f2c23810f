/** The counterexample as one sentence a learner can check by hand. */
import type { ContextValue } from '../policy/index.js';
import type { Difference } from './search.js';

const DECISION_WORDS = { allowed: 'allows', explicitDeny: 'denies it explicitly', implicitDeny: 'denies it (no statement allows it)' } as const;

function value(v: ContextValue): string {
  return Array.isArray(v) ? `[${v.map((x) => `\`${String(x)}\``).join(', ')}]` : `\`${String(v)}\``;
}

export function describeCounterexample(d: Difference): string {
  const r = d.request;
  const entries = Object.entries(r.context ?? {});
  const when = entries.length === 0 ? 'with no condition keys in the request' : `when ${entries.map(([k, v]) => `\`${k}\` is ${value(v)}`).join(' and ')}`;
  const account = r.resourceAccount ? ` (resource in account \`${r.resourceAccount}\`)` : '';
  return `your policy allows \`${r.principal}\` to call \`${r.action}\` on \`${r.resource}\`${account} ${when}; the reference ${DECISION_WORDS[d.referenceDecision]}`;
}
