/**
 * Checks of what particular condition keys mean, beyond their type: keys
 * that draw an organization, account or network boundary and must not hold
 * wildcards, confused-deputy keys that the requests an identity policy
 * governs never carry, and tag-key allow-lists written with the set
 * operator that lets other keys through.
 * Keys: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
import { parseOperatorName } from '../conditions/index.js';
import type { LintContext, LintStatement } from './context.js';
import { isAllow } from './statement-facts.js';

export function checkConditionKeys(ctx: LintContext): void {
  for (const s of ctx.statements) {
    checkSensitiveWildcards(ctx, s);
    if (ctx.kind === 'identity' || ctx.kind === 'boundary' || ctx.kind === 'session') checkSourceKeys(ctx, s);
    if (isAllow(s)) checkTagKeyAllowList(ctx, s);
  }
}

/**
 * "The following condition keys are considered sensitive. The use of
 * wildcards in these condition keys does not have any valid use cases, even
 * with a substring of the key value with a wildcard."
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sensitive
 * Each key with what one exact value of it names.
 */
const SENSITIVE_KEYS: Record<string, { name: string; what: string; example: string }> = {
  'aws:principalaccount': { name: 'aws:PrincipalAccount', what: 'account', example: '`111122223333`' },
  'aws:principalorgid': { name: 'aws:PrincipalOrgID', what: 'organization', example: '`o-a1b2c3d4e5`' },
  'aws:resourceaccount': { name: 'aws:ResourceAccount', what: 'account', example: '`111122223333`' },
  'aws:resourceorgid': { name: 'aws:ResourceOrgID', what: 'organization', example: '`o-a1b2c3d4e5`' },
  'aws:sourceaccount': { name: 'aws:SourceAccount', what: 'account', example: '`111122223333`' },
  'aws:sourceorgid': { name: 'aws:SourceOrgID', what: 'organization', example: '`o-a1b2c3d4e5`' },
  'aws:sourcevpc': { name: 'aws:SourceVpc', what: 'VPC', example: '`vpc-1a2b3c4d`' },
  'aws:sourcevpce': { name: 'aws:SourceVpce', what: 'VPC endpoint', example: '`vpce-1a2b3c4d`' },
  'aws:vpceaccount': { name: 'aws:VpceAccount', what: 'account', example: '`111122223333`' },
  'aws:vpceorgid': { name: 'aws:VpceOrgID', what: 'organization', example: '`o-a1b2c3d4e5`' },
};

/**
 * The organization path keys are not on that list: a wildcard after the
 * organization ID (`o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*`) is their
 * documented use. A wildcard in the organization ID itself, the first path
 * segment, matches other organizations' paths.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgpaths
 */
const ORG_PATH_KEYS: Record<string, string> = {
  'aws:principalorgpaths': 'aws:PrincipalOrgPaths',
  'aws:resourceorgpaths': 'aws:ResourceOrgPaths',
  'aws:sourceorgpaths': 'aws:SourceOrgPaths',
  'aws:vpceorgpaths': 'aws:VpceOrgPaths',
};

/** The operators under which `*` and `?` are wildcards (the `...Equals` ones compare them literally: WildcardInStringEquals). */
const PATTERN_OPERATORS = new Set(['StringLike', 'StringNotLike', 'ArnLike', 'ArnNotLike']);

/** `*` or `?` outside policy variables (`${*}` is a literal star). */
function hasPattern(text: string): boolean {
  return /[*?]/.test(text.replace(/\$\{[^}]*\}/g, ''));
}

function checkSensitiveWildcards(ctx: LintContext, s: LintStatement): void {
  for (const op of s.node.condition?.operators ?? []) {
    const parsed = parseOperatorName(op.operator.value);
    if (!parsed.ok || !PATTERN_OPERATORS.has(parsed.value.base)) continue;
    for (const e of op.entries) {
      const lower = e.key.value.toLowerCase();
      const sensitive = SENSITIVE_KEYS[lower];
      const orgPath = ORG_PATH_KEYS[lower];
      if (!sensitive && !orgPath) continue;
      for (const v of e.values) {
        const text = String(v.value);
        if (sensitive && hasPattern(text)) {
          ctx.report(
            'WildcardOnSensitiveKey',
            v.span,
            `\`${text}\` is a wildcard pattern, so this \`${sensitive.name}\` condition matches more than one ${sensitive.what}`,
            `write the exact ${sensitive.what} ID, such as ${sensitive.example}, with \`StringEquals\` (list several if needed): AWS documents no valid use of wildcards in \`${sensitive.name}\``,
          );
        }
        if (orgPath && hasPattern(text.split('/')[0] ?? '')) {
          ctx.report(
            'WildcardOnSensitiveKey',
            v.span,
            `\`${text}\` has a wildcard in the organization ID, so \`${orgPath}\` matches paths in other organizations`,
            `start the path with your exact organization ID, such as \`o-a1b2c3d4e5/*\`; wildcards may follow it`,
          );
        }
      }
    }
  }
}

/**
 * aws:SourceArn, aws:SourceAccount, aws:SourceOrgID and aws:SourceOrgPaths
 * are "included in the request context only when the call to your resource
 * is being made directly by an AWS service principal on behalf of a
 * resource"; they name that resource, not the caller ("This key does not
 * work with the ARN of the principal making the request. Instead, use
 * aws:PrincipalArn"). Identity policies, permissions boundaries and session
 * policies apply to IAM users and role sessions, whose requests do not
 * carry them.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourcearn
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
 * Each key with the key that names the caller instead.
 */
const SOURCE_KEYS: Record<string, { name: string; caller: string }> = {
  'aws:sourcearn': { name: 'aws:SourceArn', caller: 'aws:PrincipalArn' },
  'aws:sourceaccount': { name: 'aws:SourceAccount', caller: 'aws:PrincipalAccount' },
  'aws:sourceorgid': { name: 'aws:SourceOrgID', caller: 'aws:PrincipalOrgID' },
  'aws:sourceorgpaths': { name: 'aws:SourceOrgPaths', caller: 'aws:PrincipalOrgPaths' },
};

const KIND_TEXT: Partial<Record<string, string>> = { identity: 'an identity policy', boundary: 'a permissions boundary', session: 'a session policy' };

const NEGATED = new Set(['StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike', 'ArnNotEquals', 'ArnNotLike']);

/**
 * What a condition on an absent key evaluates to: false, except for the
 * negated operators, `...IfExists`, `ForAllValues` and `Null` `true`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
function trueWhenAbsent(operator: string, values: readonly unknown[]): boolean {
  const parsed = parseOperatorName(operator);
  if (!parsed.ok) return false;
  const { base, ifExists, setOperator } = parsed.value;
  if (base === 'Null') return values.some((v) => String(v).toLowerCase() === 'true');
  if (setOperator) return setOperator === 'ForAllValues';
  return ifExists || NEGATED.has(base);
}

function checkSourceKeys(ctx: LintContext, s: LintStatement): void {
  const effect = s.node.effect?.value;
  for (const op of s.node.condition?.operators ?? []) {
    if (!parseOperatorName(op.operator.value).ok) continue;
    for (const e of op.entries) {
      const key = SOURCE_KEYS[e.key.value.toLowerCase()];
      if (!key) continue;
      const always = trueWhenAbsent(op.operator.value, e.values.map((v) => v.value));
      const outcome = always
        ? effect === 'Deny'
          ? 'this condition is always true and the `Deny` applies to every request it covers'
          : 'this condition is always true and restricts nothing'
        : effect === 'Deny'
          ? 'this `Deny` never applies'
          : 'this `Allow` never applies';
      ctx.report(
        'SourceArnAsCaller',
        e.key.span,
        `\`${e.key.value}\` is in the request only when an AWS service principal calls on behalf of a resource, never in requests by the users and roles ${KIND_TEXT[ctx.kind] ?? 'this policy'} governs, so ${outcome}`,
        `to name the caller use \`${key.caller}\`; to guard against a confused deputy, put \`${key.name}\` in the resource policy that allows the service principal`,
      );
    }
  }
}

/**
 * `ForAnyValue` is true when at least one requested tag key is in the list,
 * so in an Allow it lets any other key ride along; an allow-list of tag keys
 * is `ForAllValues` ("every value in the request context must match at
 * least one value in the policy").
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_tags.html#access_tags_control-tag-keys
 */
const ALLOW_LIST_OPERATORS = new Set(['StringEquals', 'StringEqualsIgnoreCase', 'StringLike']);

function checkTagKeyAllowList(ctx: LintContext, s: LintStatement): void {
  for (const op of s.node.condition?.operators ?? []) {
    const parsed = parseOperatorName(op.operator.value);
    if (!parsed.ok) continue;
    const { base, ifExists, setOperator } = parsed.value;
    if (setOperator !== 'ForAnyValue' || !ALLOW_LIST_OPERATORS.has(base)) continue;
    const entry = op.entries.find((e) => e.key.value.toLowerCase() === 'aws:tagkeys');
    if (!entry) continue;
    const fixed = `ForAllValues:${base}${ifExists ? 'IfExists' : ''}`;
    ctx.report(
      'ForAnyValueAllowList',
      op.operator.span,
      `\`${op.operator.value}\` on \`${entry.key.value}\` is true as soon as one requested tag key is listed, so this \`Allow\` also accepts any other tag keys sent with it`,
      `to allow only the listed tag keys write \`${fixed}\`; it is also true for a request without tags, so add \`"Null": {"aws:TagKeys": "false"}\` if tags are required`,
    );
  }
}
