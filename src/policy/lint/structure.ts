/**
 * Checks on the shape of the document: misplaced condition operators,
 * versions, policy variables, Sids, duplicate values, empty blocks, size.
 */
import { didYouMean } from '../../core/index.js';
import { parseOperatorName } from '../conditions/index.js';
import type { LintContext } from './context.js';

const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);

export function checkStructure(ctx: LintContext): void {
  checkVersion(ctx);
  checkSize(ctx);
  for (const s of ctx.statements) {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
    // Operators live inside "Condition"; at statement level IAM rejects the policy.
    for (const m of s.json.members) {
      if (STATEMENT_KEYS.has(m.key)) continue;
      const operator = parseOperatorName(m.key);
      if (operator.ok) {
        ctx.report(
          'ConditionOperatorOutsideCondition',
          ctx.keySpan(m),
          `the condition operator \`${m.key}\` is written at statement level, outside \`Condition\``,
          `move it inside the statement's condition block: \`"Condition": {"${m.key}": { ... }}\``,
        );
      } else if (m.value.kind === 'object' && !didYouMean(m.key, [...STATEMENT_KEYS]) && /^(did you mean|operator names)/.test(operator.help)) {
        // A misspelt operator at statement level: both mistakes at once.
        ctx.report(
          'ConditionOperatorOutsideCondition',
          ctx.keySpan(m),
          `\`${m.key}\` looks like a misspelt condition operator, written at statement level, outside \`Condition\``,
          `write \`"Condition": {"${/`([^`]+)`/.exec(operator.help)?.[1] ?? m.key}": { ... }}\``,
        );
      }
    }
    const sid = s.node.sid;
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html
    // "In IAM, the Sid value is limited to ASCII uppercase letters (A-Z), lowercase letters (a-z), and numbers (0-9)."
    if (sid && (ctx.kind === 'identity' || ctx.kind === 'boundary' || ctx.kind === 'trust') && !/^[A-Za-z0-9]*$/.test(sid.value)) {
      ctx.report('InvalidSidCharacters', sid.span, `the \`Sid\` \`${sid.value}\` has characters IAM does not accept`, 'IAM Sids may hold only the letters A-Z and a-z and the digits 0-9');
    }
    const condition = s.node.condition;
    if (condition && condition.operators.length === 0) {
      ctx.report('EmptyCondition', condition.span, 'the `Condition` block is empty, so it restricts nothing', 'add a condition such as `{"StringEquals": {"aws:PrincipalTag/team": "blue"}}`, or remove `Condition`');
    }
    for (const list of [s.node.action, s.node.notAction]) {
      for (const v of list?.values ?? []) {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html: variables work in Resource and in condition values.
        if (v.value.includes('${')) ctx.report('PolicyVariableInAction', v.span, `the action \`${v.value}\` holds a policy variable, which AWS does not replace in \`Action\``, 'name the actions literally; use variables in `Resource` or condition values');
      }
    }
    for (const [name, list] of [['Action', s.node.action], ['NotAction', s.node.notAction], ['Resource', s.node.resource], ['NotResource', s.node.notResource]] as const) {
      const seen = new Set<string>();
      for (const v of list?.values ?? []) {
        const key = name.endsWith('Action') ? v.value.toLowerCase() : v.value;
        if (seen.has(key)) ctx.report('DuplicateValue', v.span, `\`${v.value}\` is listed twice in \`${name}\``, 'remove the repeated value');
        seen.add(key);
      }
    }
    checkVariables(ctx, s);
  }
}

function checkVersion(ctx: LintContext): void {
  const version = ctx.doc.version;
  if (version?.value === '2008-10-17') {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
    ctx.report('OutdatedVersion', version.span, 'the policy uses the old language version `2008-10-17`', 'use `"Version": "2012-10-17"`: the old version lacks policy variables and newer features');
  }
}

/** A policy variable is literal text under 2008-10-17, so `${aws:username}` matches only itself. */
function checkVariables(ctx: LintContext, s: LintContext['statements'][number]): void {
  if (ctx.doc.effectiveVersion === '2012-10-17') return;
  const values = [...(s.node.resource?.values ?? []), ...(s.node.notResource?.values ?? [])];
  for (const op of s.node.condition?.operators ?? []) {
    for (const e of op.entries) for (const v of e.values) if (typeof v.value === 'string') values.push({ value: v.value, span: v.span });
  }
  for (const v of values) {
    if (/\$\{[^}]+\}/.test(v.value)) {
      ctx.report(
        'PolicyVariableWithoutVersion',
        v.span,
        `\`${v.value}\` holds a policy variable, but without \`"Version": "2012-10-17"\` AWS reads it as literal text`,
        'add `"Version": "2012-10-17"` at the top of the policy',
      );
    }
  }
}

/**
 * Size quotas. Managed policies: 6,144 characters, white space not counted
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
 * SCPs and RCPs: 5,120 characters; text saved through the API keeps its
 * white space, so it counts
 * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html).
 */
function checkSize(ctx: LintContext): void {
  const text = ctx.source.text;
  const at = ctx.span(ctx.root);
  const head = { line: at.line, column: at.column, endLine: at.line, endColumn: at.column + 1 };
  if (ctx.kind === 'scp' || ctx.kind === 'rcp') {
    if (text.length > 5120) {
      const name = ctx.kind === 'scp' ? 'service control policy' : 'resource control policy';
      ctx.report('OrganizationPolicyTooLarge', head, `the ${name} has ${text.length} characters, more than the 5,120 AWS Organizations allows`, 'remove white space, merge statements or use wildcards; the console strips white space, the API keeps it');
    }
  } else if (ctx.kind === 'identity' || ctx.kind === 'boundary') {
    const size = countOutsideWhitespace(text);
    if (size > 6144) {
      ctx.report('IdentityPolicyTooLarge', head, `the policy has ${size} characters without white space, more than the 6,144 a managed policy may have`, 'split it into several policies or use wildcards for related actions');
    }
  }
}

function countOutsideWhitespace(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) n++;
  }
  return n;
}
