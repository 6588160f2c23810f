/**
 * The Null operator: "use either true (the key doesn't exist — it is null)
 * or false (the key exists and its value is not null)". It cannot take
 * IfExists ("You can add IfExists to the end of any condition operator name
 * except the Null condition"), nor policy variables.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null
 *
 * A key present with an empty list of values counts as null: the
 * multivalued-key examples use `Null: false` to keep "missing context keys
 * or context keys with empty values" from passing.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition_examples-multi-valued-context-keys.html
 */
import type { Located } from '../condition-ast.js';
import { parseBoolean } from './bool.js';
import { quote, valueText, type PolicyValue, type ValueProblem } from './family.js';

export interface CompiledNull {
  /** True when the key's values (undefined when absent) satisfy the policy. */
  test(values: readonly string[] | undefined): boolean;
  /** The policy accepts an absent key (a `true` among its values). */
  acceptsNull: boolean;
  /** The policy accepts a present key (a `false` among its values). */
  acceptsPresent: boolean;
  problems: ValueProblem[];
}

export function compileNull(values: readonly Located<PolicyValue>[]): CompiledNull {
  let acceptsNull = false;
  let acceptsPresent = false;
  const problems: ValueProblem[] = [];
  for (const located of values) {
    const parsed = typeof located.value === 'boolean' ? located.value : parseBoolean(valueText(located.value));
    if (parsed === true) acceptsNull = true;
    else if (parsed === false) acceptsPresent = true;
    else {
      problems.push({
        span: located.span,
        message: `\`${quote(located.value)}\` is not \`true\` or \`false\`, so \`Null\` cannot use it`,
        help: 'write `true` to require that the key is absent, or `false` to require that it is present',
      });
    }
  }
  return {
    acceptsNull,
    acceptsPresent,
    problems,
    test(keyValues) {
      const isNull = keyValues === undefined || keyValues.length === 0;
      return isNull ? acceptsNull : acceptsPresent;
    },
  };
}
