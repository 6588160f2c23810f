/**
 * Rules of particular policy kinds that the parser does not already apply
 * (it handles Principal rules per type and RCP Allow).
 */
import { findService, loadCatalog } from '../catalog/index.js';
import type { LintContext } from './context.js';
import { grants, isAllow } from './statement-facts.js';

export function checkKinds(ctx: LintContext): void {
  if (ctx.kind === 'trust') checkTrust(ctx);
  if (ctx.kind === 'rcp') checkRcpServices(ctx);
  if (ctx.kind === 'resource') checkResourcePolicy(ctx);
}

/**
 * A role trust policy names who may assume the role: an sts:AssumeRole*
 * action and no Resource (IAM rejects a trust policy with `Resource`:
 * "Has prohibited field Resource").
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-roles
 */
function checkTrust(ctx: LintContext): void {
  for (const s of ctx.statements) {
    const resource = s.member('Resource') ?? s.member('NotResource');
    if (resource) {
      ctx.report('TrustPolicyWithResource', ctx.keySpan(resource), `a role trust policy cannot have \`${resource.key}\``, 'remove it: a trust policy always applies to the role it belongs to');
    }
    if (!isAllow(s) || !s.node.action) continue;
    // Session tags, source identity and context may sit in a statement of their own.
    const trustActions = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity', 'sts:TagSession', 'sts:SetSourceIdentity', 'sts:SetContext'];
    if (!trustActions.some((a) => grants(s, a))) {
      ctx.report('TrustPolicyWithoutAssumeRole', s.node.action.span, 'the trust policy statement allows no `sts:AssumeRole*` action, so nobody can assume the role through it', 'allow `sts:AssumeRole` (or `sts:AssumeRoleWithSAML`, `sts:AssumeRoleWithWebIdentity` for federated principals)');
    }
  }
}

/**
 * RCPs apply only to a set of services; a statement on another service has
 * no effect.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
 */
function checkRcpServices(ctx: LintContext): void {
  const supported = loadCatalog().rcpServices;
  for (const s of ctx.statements) {
    for (const a of s.node.action?.values ?? []) {
      const prefix = a.value.split(':')[0]!.toLowerCase();
      if (a.value === '*' || /[*?]/.test(prefix) || !findService(prefix)) continue;
      if (!supported.has(prefix)) {
        ctx.report('RcpUnsupportedService', a.span, `resource control policies do not apply to \`${prefix}\`, so \`${a.value}\` has no effect here`, `restrict \`${prefix}\` with a service control policy instead; the services RCPs cover are listed at https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html`);
      }
    }
  }
}

/** Most resource-based policies (bucket, queue, key policies) must name the resource; only trust policies omit it. */
function checkResourcePolicy(ctx: LintContext): void {
  for (const s of ctx.statements) {
    if (!s.node.resource && !s.node.notResource && s.node.effect) {
      ctx.report('ResourcePolicyWithoutResource', ctx.span({ start: s.json.start, end: s.json.start + 1 }), 'the statement has no `Resource`, which most resource-based policies require', 'add `"Resource"` with the ARN of the resource, such as `arn:aws:s3:::example-bucket/*`; for a role trust policy lint with `--type trust`');
    }
  }
}
