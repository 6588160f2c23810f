/**
 * Test-only helpers: turn a Condition block written as a plain object into
 * the ConditionNode the parser would produce, with a distinct dummy span for
 * every operator, key and value (one line each, in reading order).
 */
import type { Diagnostic, Span } from '../../core/index.js';
import type { ConditionNode } from '../condition-ast.js';
import { createContext } from '../context.js';
import type { ContextValue } from '../types.js';
import { compileCondition, type ConditionResult } from './index.js';

type Scalar = string | number | boolean;
export type ConditionBlock = Record<string, Record<string, Scalar | Scalar[]>>;

export function conditionNode(block: ConditionBlock): ConditionNode {
  let line = 1;
  const span = (width: number): Span => {
    const s = { line, column: 5, endLine: line, endColumn: 5 + width };
    line += 1;
    return s;
  };
  const start = line;
  const operators = Object.entries(block).map(([operator, keys]) => ({
    operator: { value: operator, span: span(operator.length) },
    entries: Object.entries(keys).map(([key, raw]) => {
      const keySpan = span(key.length);
      const list = Array.isArray(raw) ? raw : [raw];
      const values = list.map((value) => ({ value, span: span(String(value).length) }));
      const valuesSpan: Span = values.length
        ? { ...values[0]!.span, endLine: values[values.length - 1]!.span.endLine, endColumn: values[values.length - 1]!.span.endColumn }
        : { ...keySpan, column: keySpan.endColumn + 2, endColumn: keySpan.endColumn + 4 };
      return { key: { value: key, span: keySpan }, values, valuesSpan };
    }),
  }));
  return { span: { line: start, column: 1, endLine: line, endColumn: 2 }, operators };
}

/** Compiles a block that must be valid; a compile error fails the test loudly. */
export function compile(block: ConditionBlock, variables = true) {
  const { condition, diagnostics } = compileCondition(conditionNode(block), { file: 'policy.json', variables });
  if (!condition) {
    throw new Error(`expected a valid condition, got: ${diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  }
  return condition;
}

/** The result of testing a valid block against a request context. */
export function evaluate(block: ConditionBlock, context: Record<string, ContextValue>, variables = true): ConditionResult {
  return compile(block, variables).test(createContext(context));
}

/** Whether a valid block matches a request context. */
export function matches(block: ConditionBlock, context: Record<string, ContextValue>, variables = true): boolean {
  return evaluate(block, context, variables).matched;
}

/** The diagnostics of a block, with the compiled condition (undefined on any error). */
export function compileWithDiagnostics(block: ConditionBlock, variables = true): {
  node: ConditionNode;
  diagnostics: Diagnostic[];
  compiled: boolean;
} {
  const node = conditionNode(block);
  const { condition, diagnostics } = compileCondition(node, { file: 'policy.json', variables });
  return { node, diagnostics, compiled: condition !== undefined };
}
