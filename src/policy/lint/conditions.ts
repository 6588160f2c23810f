/**
 * Checks of Condition blocks beyond what the condition compiler refuses:
 * keys the catalog does not know, operators that do not fit the key's type
 * or arity, wildcards in exact operators, and common security-key mistakes.
 * Operators: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * Keys: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
import { didYouMean } from '../../core/index.js';
import { conditionKeyNames, findConditionKey, findService, type ConditionKeyInfo } from '../catalog/index.js';
import { parseOperatorName } from '../conditions/index.js';
import type { ConditionEntryNode } from '../condition-ast.js';
import type { LintContext, LintStatement } from './context.js';

type Family = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

function familyOf(base: string): Family {
  if (base === 'Null') return 'Null';
  if (base.startsWith('String')) return 'String';
  if (base.startsWith('Numeric')) return 'Numeric';
  if (base.startsWith('Date')) return 'Date';
  if (base === 'Bool') return 'Bool';
  if (base === 'BinaryEquals') return 'Binary';
  if (base.endsWith('IpAddress')) return 'IpAddress';
  return 'Arn';
}

/** The operator families AWS documents for each key type (Date keys such as aws:EpochTime also take numbers). */
const FITTING: Record<string, readonly Family[]> = {
  String: ['String'],
  ARN: ['Arn', 'String'],
  Bool: ['Bool'],
  Numeric: ['Numeric'],
  Date: ['Date', 'Numeric'],
  IPAddress: ['IpAddress'],
};

const ARN_OPERATORS: Record<string, string> = { StringEquals: 'ArnEquals', StringLike: 'ArnLike', StringNotEquals: 'ArnNotEquals', StringNotLike: 'ArnNotLike' };

const PRIVATE_RANGES = [/^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./];

export function checkConditions(ctx: LintContext): void {
  for (const s of ctx.statements) {
    for (const op of s.node.condition?.operators ?? []) {
      const parsed = parseOperatorName(op.operator.value);
      // Unknown operators are the compiler's errors.
      if (!parsed.ok) continue;
      const { base, setOperator, ifExists } = parsed.value;
      const family = familyOf(base);
      checkKeyCase(ctx, op.entries);
      for (const entry of op.entries) {
        const info = knownKey(ctx, entry);
        checkValues(ctx, entry, base);
        if (!info) continue;
        const multi = info.type.startsWith('ArrayOf');
        const scalarType = multi ? info.type.slice('ArrayOf'.length) : info.type;
        // BinaryEquals compares Base64 text; no documented key type is binary, so any key may hold it.
        if (family !== 'Null' && family !== 'Binary' && FITTING[scalarType] && !FITTING[scalarType].includes(family)) {
          ctx.report(
            'ConditionTypeMismatch',
            op.operator.span,
            `\`${base}\` compares ${family === 'IpAddress' ? 'IP addresses' : `${family.toLowerCase()} values`}, but \`${entry.key.value}\` holds ${describeType(scalarType)}`,
            `use ${suggestOperators(scalarType)} with \`${entry.key.value}\``,
          );
        }
        const arnOperator = ARN_OPERATORS[base];
        if (scalarType === 'ARN' && arnOperator) {
          ctx.report('PreferArnOperator', op.operator.span, `\`${entry.key.value}\` is an ARN, compared here with the string operator \`${base}\``, `use \`${arnOperator}\`, which compares ARNs field by field`);
        }
        if (family === 'Null') continue;
        if (setOperator && !multi) {
          const code = setOperator === 'ForAllValues' ? 'ForAllValuesWithSingleValuedKey' : 'ForAnyValueWithSingleValuedKey';
          const why =
            setOperator === 'ForAllValues'
              ? 'it is also true when the key is absent, so an `Allow` may grant more than intended'
              : 'it adds nothing there';
          ctx.report(code, op.operator.span, `\`${setOperator}\` is for multivalued keys, but \`${entry.key.value}\` has a single value; ${why}`, `write \`${base}${ifExists ? 'IfExists' : ''}\` without \`${setOperator}:\``);
        }
        if (!setOperator && multi) {
          ctx.report('MultivaluedKeyWithoutSetOperator', op.operator.span, `\`${entry.key.value}\` can hold several values, but \`${op.operator.value}\` has no set operator`, `write \`ForAllValues:${op.operator.value}\` (every value must match) or \`ForAnyValue:${op.operator.value}\` (one value must match)`);
        }
      }
    }
    checkSecurityKeys(ctx, s);
  }
}

/**
 * Condition keys are case-insensitive, so two spellings of one key under one
 * operator repeat it; IAM rejects that ("Duplicate keys with different case").
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
 */
function checkKeyCase(ctx: LintContext, entries: readonly ConditionEntryNode[]): void {
  const seen = new Map<string, string>();
  for (const e of entries) {
    const lower = e.key.value.toLowerCase();
    const first = seen.get(lower);
    if (first !== undefined && first !== e.key.value) {
      ctx.report('ConditionKeyCaseDuplicate', e.key.span, `\`${e.key.value}\` repeats \`${first}\`: condition keys ignore letter case`, 'merge the values of both into one key');
    }
    if (first === undefined) seen.set(lower, e.key.value);
  }
}

/** The catalog entry for a key, reporting keys that do not exist. */
function knownKey(ctx: LintContext, entry: ConditionEntryNode): ConditionKeyInfo | undefined {
  const key = entry.key.value;
  const colon = key.indexOf(':');
  if (colon <= 0) return undefined;
  const prefix = key.slice(0, colon);
  const info = findConditionKey(key);
  if (info) return info;
  if (prefix.toLowerCase() === 'aws') {
    const suggestion = suggestKey(key, conditionKeyNames('aws'));
    ctx.report('UnknownGlobalConditionKey', entry.key.span, `\`${key}\` is not an AWS global condition key, so it is never in the request`, suggestion ? `did you mean \`${suggestion}\`?` : 'see the global condition keys at https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html');
    return undefined;
  }
  const service = findService(prefix);
  // Keys of identity providers (`saml:`, `accounts.google.com:`, ...) are not service keys.
  if (!service) return undefined;
  const suggestion = suggestKey(key, conditionKeyNames(prefix));
  ctx.report('UnknownServiceConditionKey', entry.key.span, `\`${key}\` is not a condition key of ${service.name}`, suggestion ? `did you mean \`${suggestion}\`?` : `see the condition keys of \`${service.prefix}\` in the Service Authorization Reference`);
  return undefined;
}

function checkValues(ctx: LintContext, entry: ConditionEntryNode, base: string): void {
  const seen = new Set<string>();
  for (const v of entry.values) {
    const text = String(v.value);
    if (seen.has(text)) ctx.report('DuplicateConditionValue', v.span, `\`${text}\` is listed twice for \`${entry.key.value}\``, 'remove the repeated value');
    seen.add(text);
    if ((base === 'StringEquals' || base === 'StringNotEquals' || base === 'StringEqualsIgnoreCase' || base === 'StringNotEqualsIgnoreCase') && /[*?]/.test(text.replace(/\$\{[^}]*\}/g, ''))) {
      const like = base.includes('Not') ? 'StringNotLike' : 'StringLike';
      ctx.report('WildcardInStringEquals', v.span, `\`${base}\` compares \`${text}\` literally, so \`*\` and \`?\` are not wildcards here`, `use \`${like}\` to match a pattern`);
    }
    if (entry.key.value.toLowerCase() === 'aws:sourceip' && base.endsWith('IpAddress') && PRIVATE_RANGES.some((r) => r.test(text))) {
      ctx.report('PrivateIpInSourceIp', v.span, `\`${text}\` is a private address range, which \`aws:SourceIp\` never holds`, 'requests through a VPC endpoint carry `aws:VpcSourceIp`; match the VPC with `aws:SourceVpc` or `aws:SourceVpce`');
    }
  }
}

/**
 * aws:SecureTransport and aws:MultiFactorAuthPresent, written the way the
 * AWS docs warn against.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent
 */
function checkSecurityKeys(ctx: LintContext, s: LintStatement): void {
  const effect = s.node.effect?.value;
  for (const op of s.node.condition?.operators ?? []) {
    for (const e of op.entries) {
      const key = e.key.value.toLowerCase();
      const values = e.values.map((v) => String(v.value).toLowerCase());
      if (key === 'aws:securetransport' && op.operator.value === 'Bool') {
        if ((effect === 'Deny' && values.includes('true')) || (effect === 'Allow' && values.includes('false'))) {
          ctx.report(
            'SecureTransportInverted',
            e.key.span,
            effect === 'Deny' ? 'the statement denies requests made over HTTPS and lets plain HTTP through' : 'the statement allows requests made over plain HTTP',
            'to require TLS, deny when `"Bool": {"aws:SecureTransport": "false"}`',
          );
        }
      }
      if (key === 'aws:multifactorauthpresent' && effect === 'Deny' && op.operator.value === 'Bool' && values.includes('false')) {
        ctx.report(
          'MfaCheckWithoutIfExists',
          op.operator.span,
          '`Bool` with `aws:MultiFactorAuthPresent` `false` does not deny requests signed with long-term access keys, where the key is absent',
          'use `"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}`',
        );
      }
    }
  }
}

function describeType(type: string): string {
  switch (type) {
    case 'ARN':
      return 'an ARN';
    case 'Bool':
      return 'a boolean';
    case 'Numeric':
      return 'a number';
    case 'Date':
      return 'a date';
    case 'IPAddress':
      return 'an IP address';
    default:
      return 'a string';
  }
}

function suggestOperators(type: string): string {
  switch (type) {
    case 'ARN':
      return '`ArnEquals` or `ArnLike`';
    case 'Bool':
      return '`Bool`';
    case 'Numeric':
      return 'a `Numeric...` operator';
    case 'Date':
      return 'a `Date...` operator';
    case 'IPAddress':
      return '`IpAddress` or `NotIpAddress`';
    default:
      return 'a `String...` operator';
  }
}

/** A did-you-mean for a key; tag keys (`aws:PrincipalTag/team`) are compared by their part before the slash. */
function suggestKey(key: string, names: readonly string[]): string | undefined {
  const slash = key.indexOf('/');
  if (slash < 0) return didYouMean(key, names.filter((n) => !n.includes('/')));
  const heads = names.filter((n) => n.includes('/')).map((n) => n.slice(0, n.indexOf('/')));
  const head = didYouMean(key.slice(0, slash), heads);
  return head ? `${head}${key.slice(slash)}` : undefined;
}
