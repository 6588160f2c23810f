/**
 * ARN condition operators: "Each of the six colon-delimited components of
 * the ARN is checked separately and each can include multi-character match
 * wildcards (*) or single-character match wildcards (?). The ArnEquals and
 * ArnLike condition operators behave identically." Matching is
 * case-sensitive, and policy variables are allowed.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
 *
 * The sixth component is everything after the fifth colon, so a resource
 * such as `function:my-fn:1` stays whole. A `*` never crosses into the next
 * component: `arn:aws:sns:*:111122223333:topic` does not match an ARN whose
 * region part is `us-east-2:999999999999:store`.
 */
import type { Located } from '../condition-ast.js';
import type { ContextLookup } from '../context.js';
import { compilePattern, splitOutsideVariables, type CompiledPattern } from '../variables.js';
import { quote, rememberLast, valueText, type CompiledValues, type FamilyCompileOptions, type OperatorFamily, type PolicyValue, type ValueProblem } from './family.js';

export const arnFamily: OperatorFamily = {
  operators: {
    ArnEquals: { negated: false },
    ArnLike: { negated: false },
    ArnNotEquals: { negated: true },
    ArnNotLike: { negated: true },
  },
  compile: compileArnValues,
};

const ARN_PARTS = 6;

/** The six components of an ARN, or undefined when it has fewer than five colons. */
export function splitArn(text: string): string[] | undefined {
  const parts = splitOutsideVariables(text, ':', ARN_PARTS, false);
  return parts.length === ARN_PARTS ? parts : undefined;
}

type ArnPattern = readonly CompiledPattern[];

function compileArnValues(
  operator: string,
  values: readonly Located<PolicyValue>[],
  options: FamilyCompileOptions,
): CompiledValues {
  const patterns: ArnPattern[] = [];
  const problems: ValueProblem[] = [];
  for (const located of values) {
    const text = valueText(located.value);
    const parts = typeof located.value === 'string' ? splitOutsideVariables(text, ':', ARN_PARTS, options.variables) : [];
    if (parts.length !== ARN_PARTS || parts[0] !== 'arn') {
      problems.push({
        span: located.span,
        message: `\`${quote(located.value)}\` is not an ARN, so \`${operator}\` cannot compare it`,
        help: 'write `arn:partition:service:region:account:resource`, with `*` or `?` inside any part, such as `arn:aws:iam::*:role/admin-*`',
      });
      continue;
    }
    patterns.push(parts.map((part) => compilePattern(part, { caseInsensitive: false, variables: options.variables, glob: true })));
  }
  const splitRequest = rememberLast(splitArn);
  return {
    problems,
    match(requestValue, context) {
      // A request value that is not an ARN matches nothing.
      const parts = splitRequest(requestValue);
      if (parts === undefined) return false;
      for (const pattern of patterns) {
        if (matchesArn(pattern, parts, context)) return true;
      }
      return false;
    },
  };
}

function matchesArn(pattern: ArnPattern, parts: readonly string[], context: ContextLookup): boolean {
  for (let i = 0; i < ARN_PARTS; i++) {
    if (!pattern[i]!.test(parts[i]!, context)) return false;
  }
  return true;
}
