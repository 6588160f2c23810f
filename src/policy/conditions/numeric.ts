/**
 * Numeric condition operators: "comparing a key to an integer or decimal
 * value". Policy variables are not allowed ("You can not use a policy
 * variable with the Numeric condition operator").
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric
 */
import type { Located } from '../condition-ast.js';
import {
  orderingOperators,
  quote,
  valueText,
  variableHint,
  type CompiledValues,
  type OperatorFamily,
  type PolicyValue,
  type ValueProblem,
} from './family.js';

const { comparisons, operators } = orderingOperators('Numeric');

export const numericFamily: OperatorFamily = {
  operators,
  compile: compileNumericValues,
};

/** An integer or decimal such as `10`, `-3`, `0.5`; no exponents, no spaces. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The number a text holds, or undefined when it is not an integer or decimal. */
export function parseNumber(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

function compileNumericValues(operator: string, values: readonly Located<PolicyValue>[]): CompiledValues {
  const compare = comparisons[operator]!;
  const numbers: number[] = [];
  const problems: ValueProblem[] = [];
  for (const located of values) {
    const n = typeof located.value === 'number' ? located.value : parseNumber(valueText(located.value));
    if (n === undefined || !Number.isFinite(n)) {
      problems.push({
        span: located.span,
        message: `\`${quote(located.value)}\` is not a number, so \`${operator}\` cannot compare it`,
        help: `write an integer or decimal such as \`10\` or \`0.5\`${variableHint(valueText(located.value))}`,
      });
    } else {
      numbers.push(n);
    }
  }
  return {
    problems,
    match(requestValue) {
      // A request value that is not a number matches nothing.
      const request = parseNumber(requestValue);
      if (request === undefined) return false;
      for (const policy of numbers) {
        if (compare(request, policy)) return true;
      }
      return false;
    },
  };
}
