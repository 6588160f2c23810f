/**
 * Valid but dangerous grants, after IAM Access Analyzer's security warnings
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html)
 * and the least-privilege advice in
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html.
 */
import { findAction } from '../catalog/index.js';
import { hasWildcard } from '../wildcard.js';
import type { LintContext, LintStatement } from './context.js';
import { actions, coversAllResources, grants, grantingValue, hasCondition, isAllow } from './statement-facts.js';

/**
 * Actions that let a principal raise its own permissions when allowed on
 * every resource: change or attach policies, create credentials for others,
 * or change who may assume a role.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-security-warning-privilege-escalation
 */
const ESCALATION_ACTIONS = [
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:AttachRolePolicy',
  'iam:PutUserPolicy',
  'iam:PutGroupPolicy',
  'iam:PutRolePolicy',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:UpdateAssumeRolePolicy',
  'iam:AddUserToGroup',
  'iam:PutUserPermissionsBoundary',
  'iam:DeleteUserPermissionsBoundary',
  'iam:DeleteRolePermissionsBoundary',
];

export function checkSecurity(ctx: LintContext): void {
  for (const s of ctx.statements) {
    if (!isAllow(s)) continue;
    const all = coversAllResources(s);
    const everyAction = actions(s).find((a) => a.value === '*' || a.value === '*:*');
    if (everyAction && all) {
      ctx.report('AllowAllOnAll', everyAction.span, 'the statement allows every action on every resource', 'grant only the actions and resources the principal needs; full administrators should use the `AdministratorAccess` managed policy');
      continue;
    }
    if (s.node.notAction && all) {
      ctx.report('AllowNotActionOnAllResources', s.node.notAction.span, '`Allow` with `NotAction` on `*` allows every action not listed, including every future action', 'list the allowed actions in `Action` instead');
    }
    if (s.node.notResource) {
      ctx.report('AllowWithNotResource', s.node.notResource.span, '`Allow` with `NotResource` allows the actions on every resource not listed, including new ones', 'list the allowed resources in `Resource` instead');
    }
    if (!all) continue;
    if (!everyAction && grants(s, 'iam:PassRole') && !hasCondition(s)) {
      const at = grantingValue(s, 'iam:PassRole');
      ctx.report('PassRoleOnAllResources', at?.span ?? s.node.span, '`iam:PassRole` on `*` lets the principal pass any role, even an administrator role, to a service', 'name the roles in `Resource` and add `iam:PassedToService`');
    }
    const escalation = ESCALATION_ACTIONS.filter((a) => grants(s, a));
    if (!everyAction && escalation.length > 0 && s.node.action) {
      const at = grantingValue(s, escalation[0]!);
      ctx.report(
        'PrivilegeEscalation',
        at?.span ?? s.node.span,
        `the statement allows \`${escalation.slice(0, 3).join('`, `')}\`${escalation.length > 3 ? ' and more' : ''} on every resource, so the principal can raise its own permissions`,
        'name the users, groups, roles or policies in `Resource`, or use a permissions boundary',
      );
    }
    checkWildcardResource(ctx, s);
  }
}

/** Resource `*` for literal actions that could be scoped to ARNs. */
function checkWildcardResource(ctx: LintContext, s: LintStatement): void {
  const scoped = actions(s).filter((a) => !hasWildcard(a.value) && (findAction(a.value)?.resourceTypes.length ?? 0) > 0);
  if (scoped.length === 0) return;
  const star = s.node.resource?.values.find((r) => r.value === '*');
  if (!star) return;
  ctx.report(
    'ResourceWildcardForScopedActions',
    star.span,
    scoped.length > 1
      ? `\`${scoped[0]!.value}\` and ${scoped.length - 1} more actions support resource-level permissions, but the statement allows them on \`*\``
      : `\`${scoped[0]!.value}\` supports resource-level permissions, but the statement allows it on \`*\``,
    'name the resources in `Resource` (least privilege)',
  );
}
