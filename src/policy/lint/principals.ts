/**
 * Checks on who a resource-based or trust policy lets in.
 * Principal: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 * NotPrincipal: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
 */
import type { PrincipalNode } from '../ast.js';
import type { LintContext, LintStatement } from './context.js';
import { conditionKeys, grants, hasCondition, isAllow } from './statement-facts.js';

const ROLE_ARN = /^arn:([a-z-]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;
const USER_ARN = /^arn:([a-z-]+):iam::(\d{12}):user\//;
const ROOT_ARN = /^arn:[a-z-]+:iam::(\d{12}):root$/;

export function checkPrincipals(ctx: LintContext): void {
  for (const s of ctx.statements) {
    checkPublic(ctx, s);
    checkDenyNotPrincipal(ctx, s);
    checkExternalId(ctx, s);
    checkActionFitsPrincipal(ctx, s);
  }
}

function isEveryone(p: PrincipalNode | undefined): boolean {
  if (!p) return false;
  return p.wildcard || p.entries.some((e) => e.kind.value === 'AWS' && e.values.some((v) => v.value === '*'));
}

/** `"Principal": "*"` in an Allow with no condition: anyone, in any account or none, gets in. */
function checkPublic(ctx: LintContext, s: LintStatement): void {
  if (ctx.kind !== 'resource' && ctx.kind !== 'trust') return;
  if (!isAllow(s) || !isEveryone(s.node.principal) || hasCondition(s)) return;
  const message =
    ctx.kind === 'trust'
      ? 'the trust policy lets any principal in any AWS account assume the role'
      : 'the statement allows access to everyone, including anonymous users';
  ctx.report('PublicAccess', s.node.principal!.span, message, 'name the accounts or roles in `Principal`, or add a condition such as `aws:PrincipalOrgID`');
}

/**
 * "When you use NotPrincipal with Deny, you must also specify the account
 * ARN of the not-denied principal", and for a role the assumed-role session
 * ARN too; otherwise the excluded principal is denied after all.
 */
function checkDenyNotPrincipal(ctx: LintContext, s: LintStatement): void {
  if (s.node.effect?.value !== 'Deny' || !s.node.notPrincipal) return;
  const values = s.node.notPrincipal.entries.filter((e) => e.kind.value === 'AWS').flatMap((e) => e.values);
  const texts = values.map((v) => v.value);
  for (const v of values) {
    const role = ROLE_ARN.exec(v.value);
    const account = role?.[2] ?? USER_ARN.exec(v.value)?.[2];
    if (!account) continue;
    const hasAccount = texts.some((t) => t === account || ROOT_ARN.exec(t)?.[1] === account);
    const hasSession = !role || texts.some((t) => t.startsWith(`arn:${role[1]}:sts::${account}:assumed-role/${role[3]}/`));
    if (!hasAccount || !hasSession) {
      const missing = [!hasAccount ? `arn:aws:iam::${account}:root` : undefined, !hasSession ? `arn:aws:sts::${account}:assumed-role/${role![3]}/SESSION-NAME` : undefined].filter(Boolean);
      ctx.report(
        'DenyNotPrincipalIncomplete',
        v.span,
        `\`Deny\` with \`NotPrincipal\` still denies \`${v.value}\`, because its account${role ? ' and role session' : ''} are not excluded too`,
        `also list \`${missing.join('` and `')}\`, or better, use \`"Principal": "*"\` with a condition on \`aws:PrincipalArn\``,
      );
    }
  }
}

/**
 * A role that another account's principals assume on a third party's
 * behalf should demand an external ID (the confused deputy problem).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
 */
function checkExternalId(ctx: LintContext, s: LintStatement): void {
  if (ctx.kind !== 'trust' || !isAllow(s) || !s.node.principal) return;
  const accounts = s.node.principal.entries.filter((e) => e.kind.value === 'AWS').flatMap((e) => e.values).filter((v) => /^\d{12}$/.test(v.value) || ROOT_ARN.test(v.value));
  if (accounts.length === 0) return;
  const keys = conditionKeys(s);
  if (keys.has('sts:externalid') || keys.has('aws:principalorgid') || keys.has('aws:principalarn')) return;
  ctx.report(
    'TrustWithoutExternalId',
    accounts[0]!.span,
    `the role trusts the whole account \`${accounts[0]!.value}\` with no \`sts:ExternalId\` condition`,
    'if a third party assumes this role for you, add `"StringEquals": {"sts:ExternalId": "..."}`; otherwise name the role that may assume it',
  );
}

/**
 * The AssumeRole action must fit the principal type: SAML providers use
 * sts:AssumeRoleWithSAML, web identity providers sts:AssumeRoleWithWebIdentity,
 * AWS principals and services sts:AssumeRole.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-trust-policy.html
 */
function checkActionFitsPrincipal(ctx: LintContext, s: LintStatement): void {
  if (ctx.kind !== 'trust' || !s.node.principal || !s.node.action) return;
  // A statement of its own for sts:TagSession or sts:SetSourceIdentity assumes nothing.
  if (!['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'].some((a) => grants(s, a))) return;
  for (const entry of s.node.principal.entries) {
    const kind = entry.kind.value;
    if (kind === 'Federated') {
      const saml = entry.values.some((v) => v.value.includes(':saml-provider/'));
      const needed = saml ? 'sts:AssumeRoleWithSAML' : 'sts:AssumeRoleWithWebIdentity';
      if (!grants(s, needed)) {
        ctx.report('PrincipalActionMismatch', entry.kind.span, `a \`Federated\` ${saml ? 'SAML' : 'web identity'} principal assumes roles with \`${needed}\`, which the statement does not allow`, `allow \`${needed}\``);
      }
    } else if ((kind === 'AWS' || kind === 'Service') && !grants(s, 'sts:AssumeRole') && (grants(s, 'sts:AssumeRoleWithSAML') || grants(s, 'sts:AssumeRoleWithWebIdentity'))) {
      ctx.report('PrincipalActionMismatch', entry.kind.span, `an \`${kind}\` principal assumes roles with \`sts:AssumeRole\`, which the statement does not allow`, 'allow `sts:AssumeRole`, or name the identity provider under `Federated`');
    }
  }
}
