/**
 * Compiles a statement's Condition block once into a test over the request
 * context. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 *
 * Logic, from reference_policies_condition-logic-multiple-context-keys-or-values.html:
 * several operators AND; several keys under one operator AND; several
 * values for one key OR; under a negated operator, several values NOR.
 *
 * Bad input is an error, never a guess: an unknown operator or a malformed
 * value gives a diagnostic and no condition at all, because a Deny whose
 * condition silently stopped matching would grant access.
 */
import { didYouMean, type Diagnostic, type Span } from '../../core/index.js';
import type { ConditionEntryNode, ConditionNode, ConditionOperatorNode } from '../condition-ast.js';
import type { ContextLookup } from '../context.js';
import { validateVariables } from '../variables.js';
import { arnFamily } from './arn.js';
import { binaryFamily } from './binary.js';
import { boolFamily } from './bool.js';
import { dateFamily } from './date.js';
import { valueText, type OperatorFamily, type RequestValueMatcher } from './family.js';
import { ipFamily } from './ip.js';
import { compileNull } from './null.js';
import { numericFamily } from './numeric.js';
import { stringFamily } from './string.js';

export interface ConditionResult {
  matched: boolean;
  /** The first operator/key that failed, for explanations. */
  failure?: { operator: string; key: string; reason: string };
}

export interface CompiledCondition {
  test(context: ContextLookup): ConditionResult;
}

export type SetOperator = 'ForAnyValue' | 'ForAllValues';

/** An operator name taken apart: `ForAnyValue:StringLikeIfExists`. */
export interface OperatorName {
  setOperator?: SetOperator;
  base: string;
  ifExists: boolean;
}

const FAMILIES: readonly OperatorFamily[] = [
  stringFamily,
  numericFamily,
  dateFamily,
  boolFamily,
  binaryFamily,
  ipFamily,
  arnFamily,
];

/** Families whose values may hold policy variables (the operators page, per family). */
const VARIABLE_FAMILIES: ReadonlySet<OperatorFamily> = new Set([stringFamily, arnFamily, boolFamily]);

const FAMILY_BY_OPERATOR = new Map<string, OperatorFamily>();
for (const family of FAMILIES) {
  for (const name of Object.keys(family.operators)) FAMILY_BY_OPERATOR.set(name, family);
}

/** Every base operator name (no set prefix, no IfExists), for suggestions. */
export const CONDITION_OPERATORS: readonly string[] = Object.freeze([...FAMILY_BY_OPERATOR.keys(), 'Null']);

const SET_OPERATORS: readonly SetOperator[] = ['ForAnyValue', 'ForAllValues'];
const IF_EXISTS = 'IfExists';
/** Every operator as it may be written after a set prefix: each base, and each with IfExists. */
const OPERATOR_SPELLINGS: readonly string[] = [
  ...CONDITION_OPERATORS,
  ...CONDITION_OPERATORS.filter((op) => op !== 'Null').map((op) => `${op}${IF_EXISTS}`),
];

const MATCHED: ConditionResult = Object.freeze({ matched: true });

/** One key under one operator, ready to test. */
interface CompiledEntry {
  /** Lower-case key, so the context lookup allocates nothing. */
  key: string;
  /** The outcome when the key is absent from the request. */
  whenAbsent: boolean;
  /** The outcome when the key is present (its list may be empty). */
  test(values: readonly string[], context: ContextLookup): boolean;
  failAbsent: ConditionResult;
  failPresent: ConditionResult;
}

export function compileCondition(
  node: ConditionNode,
  options: { file: string; variables: boolean },
): { condition: CompiledCondition | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const entries: CompiledEntry[] = [];
  for (const operatorNode of node.operators) {
    entries.push(...compileOperator(operatorNode, options, diagnostics));
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { condition: undefined, diagnostics };
  return {
    diagnostics,
    condition: {
      test(context) {
        for (const entry of entries) {
          const values = context.get(entry.key);
          if (values === undefined) {
            if (!entry.whenAbsent) return entry.failAbsent;
          } else if (!entry.test(values, context)) {
            return entry.failPresent;
          }
        }
        return MATCHED;
      },
    },
  };
}

/**
 * Takes an operator name apart, or explains why it is not one. Operator
 * names are matched exactly: AWS spells them in one case throughout its
 * grammar, so `stringequals` gets a did-you-mean rather than a guess.
 */
export function parseOperatorName(name: string): { ok: true; value: OperatorName } | { ok: false; message: string; help: string } {
  let rest = name;
  let setOperator: SetOperator | undefined;
  const colon = name.indexOf(':');
  if (colon >= 0) {
    const prefix = name.slice(0, colon);
    rest = name.slice(colon + 1);
    setOperator = SET_OPERATORS.find((s) => s === prefix);
    if (setOperator === undefined) {
      const suggestion = didYouMean(prefix, SET_OPERATORS);
      return {
        ok: false,
        message: `\`${name}\` has an unknown set operator \`${prefix}\``,
        help: suggestion
          ? `did you mean \`${suggestion}:${rest}\`?`
          : 'the set operators are `ForAnyValue:` and `ForAllValues:`',
      };
    }
  }
  let base = rest;
  let ifExists = false;
  if (rest.endsWith(IF_EXISTS) && rest.length > IF_EXISTS.length) {
    base = rest.slice(0, -IF_EXISTS.length);
    ifExists = true;
  }
  if (!CONDITION_OPERATORS.includes(base)) {
    // Suggest among full spellings, so that a typo in `IfExists` is caught too.
    const prefix = setOperator ? `${setOperator}:` : '';
    const sameLetters = OPERATOR_SPELLINGS.find((op) => op.toLowerCase() === rest.toLowerCase());
    const suggestion = sameLetters ?? didYouMean(rest, OPERATOR_SPELLINGS);
    return {
      ok: false,
      message: `\`${name}\` is not a condition operator`,
      help: sameLetters
        ? `operator names are case-sensitive: write \`${prefix}${sameLetters}\``
        : suggestion
          ? `did you mean \`${prefix}${suggestion}\`?`
          : 'see the condition operators at https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html',
    };
  }
  return { ok: true, value: { base, ifExists, ...(setOperator ? { setOperator } : {}) } };
}

function compileOperator(
  node: ConditionOperatorNode,
  options: { file: string; variables: boolean },
  diagnostics: Diagnostic[],
): CompiledEntry[] {
  const name = node.operator.value;
  const error = (span: Span, code: string, message: string, help: string) =>
    diagnostics.push({ ...span, file: options.file, severity: 'error', code, message, help });

  const parsed = parseOperatorName(name);
  if (!parsed.ok) {
    error(node.operator.span, 'UnknownConditionOperator', parsed.message, parsed.help);
    return [];
  }
  const { base, ifExists, setOperator } = parsed.value;
  if (base === 'Null' && ifExists) {
    // "You can add IfExists to the end of any condition operator name except the Null condition."
    error(node.operator.span, 'InvalidNullIfExists', '`NullIfExists` is not a condition operator', 'use `Null` alone: it already tests whether the key exists');
    return [];
  }
  if (base === 'Null' && setOperator) {
    error(node.operator.span, 'InvalidNullSetOperator', `\`${name}\` puts a set operator on \`Null\``, 'use `Null` alone: it tests whether the key exists, not its values');
    return [];
  }
  if (node.entries.length === 0) {
    diagnostics.push({
      ...node.operator.span,
      file: options.file,
      severity: 'warning',
      code: 'EmptyConditionOperator',
      message: `\`${name}\` lists no condition keys, so it always matches`,
      help: 'add a condition key and its values, or remove the operator',
    });
  }

  const entries: CompiledEntry[] = [];
  for (const entry of node.entries) {
    const keyProblem = checkKey(entry.key.value);
    if (keyProblem) {
      error(entry.key.span, 'InvalidConditionKey', keyProblem.message, keyProblem.help);
      continue;
    }
    if (entry.values.length === 0) {
      error(entry.valuesSpan, 'EmptyConditionValues', `\`${entry.key.value}\` under \`${name}\` has no values`, 'list at least one value; an empty list can never be satisfied as intended');
      continue;
    }
    if (base === 'Null') {
      const compiled = compileNull(entry.values);
      for (const p of compiled.problems) error(p.span, 'InvalidConditionValue', p.message, p.help);
      entries.push(nullEntry(name, entry, compiled));
      continue;
    }
    const family = FAMILY_BY_OPERATOR.get(base)!;
    const variables = options.variables && VARIABLE_FAMILIES.has(family);
    if (variables) {
      for (const value of entry.values) {
        for (const p of validateVariables(valueText(value.value))) {
          error(value.span, 'InvalidPolicyVariable', p.message, p.help);
        }
      }
    }
    const compiled = family.compile(base, entry.values, { variables });
    for (const p of compiled.problems) error(p.span, 'InvalidConditionValue', p.message, p.help);
    const negated = family.operators[base]!.negated;
    entries.push(valueEntry({ name, base, setOperator, ifExists, negated }, entry.key.value, compiled.match));
  }
  return entries;
}

function checkKey(key: string): { message: string; help: string } | undefined {
  if (key.trim() === '') {
    return { message: 'the condition key is empty', help: 'name a context key such as `aws:SourceIp`' };
  }
  if (key.includes('${')) {
    return {
      message: `condition key \`${key}\` holds a policy variable`,
      help: 'policy variables work only in condition values and in Resource; name the key itself',
    };
  }
  return undefined;
}

function failure(operator: string, key: string, reason: string): ConditionResult {
  return Object.freeze({ matched: false, failure: Object.freeze({ operator, key, reason }) });
}

interface OperatorShape {
  name: string;
  base: string;
  setOperator: SetOperator | undefined;
  ifExists: boolean;
  negated: boolean;
}

/**
 * The truth table for one key of a value-comparing operator.
 *
 * Absent key (reference_policies_elements_condition_operators.html): "If the
 * key that you specify in a policy condition is not present in the request
 * context, the values do not match and the condition is false. If the policy
 * condition requires that the key is not matched, such as StringNotLike or
 * ArnNotLike, and the right key is not present, the condition is true."
 * `...IfExists`: "If the key is not present, evaluate the condition element
 * as true."
 *
 * Set operators (reference_policies_condition-single-vs-multi-valued-context-keys.html
 * and reference_policies_multi-value-conditions.html): ForAllValues is true
 * when every request value matches, and also "if there are no context keys
 * in the request"; ForAnyValue is true when at least one request value
 * matches. "If the key values in the request resolve to an empty data set
 * ... ForAllValues returns true, and ... ForAnyValue returns false." With a
 * negated operator the per-value test is negated first: ForAllValues:StringNotLike
 * is true when no request value matches any policy value (the documented
 * `aws:TagKeys` / `key1*` example), and the set quantifier applies on top.
 *
 * No set operator on a key with several request values: the docs say only
 * that multivalued keys need a set operator. A positive operator is taken
 * to match when any request value matches, and a negated operator is its
 * exact opposite (no request value matches), so that Deny+StringNotEquals
 * and Allow+StringEquals stay complements.
 */
function valueEntry(op: OperatorShape, key: string, match: RequestValueMatcher): CompiledEntry {
  const { name, setOperator, ifExists, negated } = op;
  const whenAbsent = ifExists || (setOperator === undefined ? negated : setOperator === 'ForAllValues');
  const test = ((): CompiledEntry['test'] => {
    if (setOperator === 'ForAllValues') {
      return (values, context) => {
        for (const v of values) if (match(v, context) === negated) return false;
        return true;
      };
    }
    if (setOperator === 'ForAnyValue') {
      return (values, context) => {
        for (const v of values) if (match(v, context) !== negated) return true;
        return false;
      };
    }
    return (values, context) => {
      for (const v of values) if (match(v, context)) return !negated;
      return negated;
    };
  })();
  return {
    key: key.toLowerCase(),
    whenAbsent,
    test,
    failAbsent: failure(name, key, absentReason(key, setOperator)),
    failPresent: failure(name, key, mismatchReason(key, op)),
  };
}

function absentReason(key: string, setOperator: SetOperator | undefined): string {
  return setOperator === 'ForAnyValue'
    ? `\`${key}\` is not in the request, and ForAnyValue needs at least one value`
    : `\`${key}\` is not in the request`;
}

function mismatchReason(key: string, op: OperatorShape): string {
  if (op.setOperator === 'ForAllValues') {
    return op.negated
      ? `a value of \`${key}\` matches a policy value, and \`${op.base}\` requires that none do`
      : `a value of \`${key}\` matches none of the policy values`;
  }
  if (op.setOperator === 'ForAnyValue') {
    return op.negated
      ? `every value of \`${key}\` matches a policy value, or the key has no values`
      : `no value of \`${key}\` matches the policy values`;
  }
  return op.negated
    ? `\`${key}\` matches a policy value, and \`${op.base}\` requires that it match none`
    : `\`${key}\` matches none of the policy values`;
}

function nullEntry(name: string, entry: ConditionEntryNode, compiled: ReturnType<typeof compileNull>): CompiledEntry {
  const key = entry.key.value;
  return {
    key: key.toLowerCase(),
    whenAbsent: compiled.acceptsNull,
    test: (values) => compiled.test(values),
    failAbsent: failure(name, key, `\`${key}\` is not in the request, and \`Null: false\` requires it`),
    failPresent: failure(
      name,
      key,
      compiled.acceptsPresent
        ? `\`${key}\` has no values, and \`Null: false\` requires a value`
        : `\`${key}\` is in the request, and \`Null: true\` requires it to be absent`,
    ),
  };
}

export type { RequestValueMatcher } from './family.js';
