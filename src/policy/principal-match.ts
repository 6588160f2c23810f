/**
 * Matching the request's principal against a Principal or NotPrincipal
 * element. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 *
 * The kind of match matters to the decision, because a same-account
 * resource-based policy acts differently depending on what it names
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html):
 * - `direct`: the user, role session or federated user session itself, a
 *   service principal, an identity provider (`Federated`), or everyone (`*`);
 * - `role`: the role behind a role session (limited by boundary and session policy);
 * - `account`: the account (`123456789012` or `arn:aws:iam::123456789012:root`),
 *   which delegates to the account's identity-based policies.
 */
import type { PrincipalNode } from './ast.js';
import type { RequestPrincipal } from './request.js';

export type PrincipalMatch = 'direct' | 'role' | 'account';

export interface CompiledPrincipal {
  /** The best kind of match, or undefined when the element does not name the principal. */
  match(p: RequestPrincipal): PrincipalMatch | undefined;
  /**
   * For NotPrincipal: true when every identity the request carries (the
   * session, its role, its account) is listed, so the principal is excluded.
   */
  excludes(p: RequestPrincipal): boolean;
}

const ACCOUNT_ROOT = /^arn:aws[a-z-]*:iam::(\d{12}):root$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[^/]+\/)*([^/]+)$/;

export function compilePrincipal(node: PrincipalNode): CompiledPrincipal {
  let everyone = node.wildcard;
  const accounts = new Set<string>();
  const arns = new Set<string>();
  const roles = new Set<string>();
  const others = new Set<string>();
  for (const entry of node.entries) {
    for (const { value } of entry.values) {
      if (entry.kind.value !== 'AWS') {
        // Service, Federated and CanonicalUser name exact strings.
        others.add(entry.kind.value === 'Service' ? value.toLowerCase() : value);
        continue;
      }
      if (value === '*') {
        everyone = true;
        continue;
      }
      const root = ACCOUNT_ROOT.exec(value);
      if (/^\d{12}$/.test(value)) accounts.add(value);
      else if (root) accounts.add(root[1]!);
      else {
        const role = ROLE_ARN.exec(value);
        if (role) roles.add(`${role[1]}/${role[2]}`);
        else arns.add(value);
      }
    }
  }

  return {
    match(p) {
      if (everyone) return 'direct';
      if (p.kind === 'service' || p.kind === 'identityProvider') return others.has(p.arn) ? 'direct' : undefined;
      if (arns.has(p.arn)) return 'direct';
      if (p.roleKey !== undefined && roles.has(p.roleKey)) return 'role';
      if (p.account !== undefined && accounts.has(p.account)) return 'account';
      return undefined;
    },
    excludes(p) {
      if (everyone) return true;
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
      // AWS may check the account, then the role, then the session; a
      // NotPrincipal that leaves one of them out can deny the principal. The
      // evaluator takes the safe reading: excluded only when all are listed.
      switch (p.kind) {
        case 'service':
        case 'identityProvider':
          return others.has(p.arn);
        case 'root':
          return accounts.has(p.account!);
        case 'user':
        case 'federatedUser':
          return arns.has(p.arn) && accounts.has(p.account!);
        case 'role':
          return roles.has(p.roleKey!) && accounts.has(p.account!);
        case 'assumedRole':
          return arns.has(p.arn) && roles.has(p.roleKey!) && accounts.has(p.account!);
      }
    },
  };
}
