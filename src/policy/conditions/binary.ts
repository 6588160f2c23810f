/**
 * BinaryEquals: "compares the value of the specified key byte for byte
 * against a base-64 encoded representation of the binary value in the
 * policy". No policy variables.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals
 *
 * Request context values are text, so a binary request value is given in
 * base64 too; both sides are decoded and compared as bytes.
 */
import type { Located } from '../condition-ast.js';
import {
  quote,
  valueText,
  variableHint,
  type CompiledValues,
  type OperatorFamily,
  type PolicyValue,
  type ValueProblem,
} from './family.js';

export const binaryFamily: OperatorFamily = {
  operators: { BinaryEquals: { negated: false } },
  compile: compileBinaryValues,
};

/** Standard base64 with the padding that makes its length a multiple of four. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The decoded bytes as a binary string (one char per byte), or undefined when not base64. */
export function decodeBase64(text: string): string | undefined {
  if (!BASE64.test(text)) return undefined;
  return atob(text);
}

function compileBinaryValues(operator: string, values: readonly Located<PolicyValue>[]): CompiledValues {
  const decoded = new Set<string>();
  const problems: ValueProblem[] = [];
  for (const located of values) {
    const text = valueText(located.value);
    const bytes = typeof located.value === 'string' ? decodeBase64(text) : undefined;
    if (bytes === undefined) {
      problems.push({
        span: located.span,
        message: `\`${quote(located.value)}\` is not base64, so \`${operator}\` cannot compare it`,
        help: `write the bytes in standard base64 with padding, such as \`QmluYXJ5VmFsdWVJbkJhc2U2NA==\`${variableHint(text)}`,
      });
    } else {
      decoded.add(bytes);
    }
  }
  return {
    problems,
    match(requestValue) {
      // A request value that is not base64 matches nothing.
      const bytes = decodeBase64(requestValue);
      return bytes !== undefined && decoded.has(bytes);
    },
  };
}
