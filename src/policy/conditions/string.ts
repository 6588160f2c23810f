/**
 * String condition operators.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
 *
 * `StringEquals` is exact and case-sensitive; the `IgnoreCase` forms fold
 * case; `StringLike` takes `*` and `?` anywhere. Policy variables are
 * allowed ("You can use a policy variable with the String condition
 * operator"), and text that a variable produces is compared literally.
 */
import type { Located } from '../condition-ast.js';
import { compilePattern, type CompiledPattern } from '../variables.js';
import { valueText, type CompiledValues, type FamilyCompileOptions, type OperatorFamily, type PolicyValue } from './family.js';

export const stringFamily: OperatorFamily = {
  operators: {
    StringEquals: { negated: false },
    StringNotEquals: { negated: true },
    StringEqualsIgnoreCase: { negated: false },
    StringNotEqualsIgnoreCase: { negated: true },
    StringLike: { negated: false },
    StringNotLike: { negated: true },
  },
  compile: compileStringValues,
};

function compileStringValues(
  operator: string,
  values: readonly Located<PolicyValue>[],
  options: FamilyCompileOptions,
): CompiledValues {
  const caseInsensitive = operator.includes('IgnoreCase');
  const glob = operator.includes('Like');
  const exact = new Set<string>();
  const patterns: CompiledPattern[] = [];
  for (const { value } of values) {
    const pattern = compilePattern(valueText(value), { caseInsensitive, variables: options.variables, glob });
    // Plain values go in a set: one lookup however many values the key lists.
    if (!glob && !pattern.hasVariables && !mayHoldVariables(valueText(value), options.variables)) {
      exact.add(caseInsensitive ? valueText(value).toLowerCase() : valueText(value));
    } else {
      patterns.push(pattern);
    }
  }
  return {
    problems: [],
    match(requestValue, context) {
      if (exact.size > 0 && exact.has(caseInsensitive ? requestValue.toLowerCase() : requestValue)) return true;
      for (const pattern of patterns) {
        if (pattern.test(requestValue, context)) return true;
      }
      return false;
    },
  };
}

/** Any `${`, even `${*}`, changes the text, so such values cannot be looked up as written. */
function mayHoldVariables(text: string, variables: boolean): boolean {
  return variables && text.includes('${');
}
