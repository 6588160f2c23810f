/**
 * The Boolean condition operator: compares a key to "true" or "false".
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean
 *
 * The operators page says "You can use a policy variable with the Boolean
 * condition operator", while the variables page lists Boolean among those
 * that take none; the operators page is the more specific, so a value made
 * only of a variable is allowed and checked when the request is evaluated.
 * Values compare case-insensitively, so `"True"` works as AWS accepts it.
 */
import type { Located } from '../condition-ast.js';
import { findVariables, substitute } from '../variables.js';
import { quote, valueText, type CompiledValues, type FamilyCompileOptions, type OperatorFamily, type PolicyValue, type ValueProblem } from './family.js';

export const boolFamily: OperatorFamily = {
  operators: { Bool: { negated: false } },
  compile: compileBoolValues,
};

/** "true" or "false" in any case, as a boolean; undefined for anything else. */
export function parseBoolean(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return undefined;
}

function compileBoolValues(
  operator: string,
  values: readonly Located<PolicyValue>[],
  options: FamilyCompileOptions,
): CompiledValues {
  let wantTrue = false;
  let wantFalse = false;
  const withVariables: string[] = [];
  const problems: ValueProblem[] = [];
  for (const located of values) {
    const text = valueText(located.value);
    const parsed = typeof located.value === 'boolean' ? located.value : parseBoolean(text);
    if (parsed === true) wantTrue = true;
    else if (parsed === false) wantFalse = true;
    else if (options.variables && findVariables(text).length > 0) withVariables.push(text);
    else {
      problems.push({
        span: located.span,
        message: `\`${quote(located.value)}\` is not a boolean, so \`${operator}\` cannot compare it`,
        help: 'write `true` or `false`',
      });
    }
  }
  return {
    problems,
    match(requestValue, context) {
      // A request value that is not a boolean matches nothing.
      const request = parseBoolean(requestValue);
      if (request === undefined) return false;
      if (request ? wantTrue : wantFalse) return true;
      for (const text of withVariables) {
        const resolved = substitute(text, context, true);
        if (resolved !== undefined && parseBoolean(resolved) === request) return true;
      }
      return false;
    },
  };
}
