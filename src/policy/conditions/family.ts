/**
 * What every operator family provides to the condition compiler. A family
 * compiles the policy values of one key once, and returns a matcher that
 * answers "does this one request value match any of the policy values?".
 * Negation (`StringNotEquals`, `NotIpAddress`, ...) and the set operators
 * are applied by the compiler on top, so that each family only ever
 * implements the positive comparison.
 */
import type { Span } from '../../core/index.js';
import type { Located } from '../condition-ast.js';
import type { ContextLookup } from '../context.js';

export type PolicyValue = string | number | boolean;

/** True when one request value matches at least one of a key's policy values. */
export type RequestValueMatcher = (requestValue: string, context: ContextLookup) => boolean;

export interface OperatorInfo {
  /** The operator is the negation of a positive one (`StringNotLike` of `StringLike`). */
  negated: boolean;
}

/** A policy value that the family cannot use; becomes an InvalidConditionValue error. */
export interface ValueProblem {
  span: Span;
  message: string;
  help: string;
}

export interface FamilyCompileOptions {
  /** Policy variables are on (Version 2012-10-17). */
  variables: boolean;
}

export interface CompiledValues {
  match: RequestValueMatcher;
  problems: ValueProblem[];
}

export interface OperatorFamily {
  /** Base operator names (no set prefix, no IfExists), exactly as AWS spells them. */
  readonly operators: Readonly<Record<string, OperatorInfo>>;
  /** Compiles a key's policy values for the positive form of `operator`. */
  compile(operator: string, values: readonly Located<PolicyValue>[], options: FamilyCompileOptions): CompiledValues;
}

/** The policy value as the text AWS compares: JSON numbers and booleans become strings. */
export function valueText(value: PolicyValue): string {
  return typeof value === 'string' ? value : String(value);
}

/** Help text for a value that holds a variable under an operator that takes none. */
export function variableHint(text: string): string {
  return text.includes('${')
    ? '; policy variables work only with String, Arn and Bool operators'
    : '';
}

/** Shown as `value` inside diagnostics, cut short so one message stays one line. */
export function quote(value: PolicyValue): string {
  const text = valueText(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** A matcher that never matches, for a key whose values all failed to compile. */
export const matchNothing: RequestValueMatcher = () => false;

/**
 * Remembers the last input and its result. The same request context is
 * tested against many statements in a row, so parsing its value once (a
 * date, an IPv6 address, an ARN) saves most of the work. Strings are
 * immutable, so a stale entry can never give a wrong answer.
 */
export function rememberLast<T>(parse: (text: string) => T): (text: string) => T {
  let lastText: string | undefined;
  let lastResult: T;
  return (text) => {
    if (text !== lastText) {
      lastResult = parse(text);
      lastText = text;
    }
    return lastResult;
  };
}

export type Comparison = (request: number, policy: number) => boolean;

/**
 * The six ordering operators that the Numeric and Date families share, as
 * `<prefix>Equals`, `<prefix>NotEquals`, `<prefix>LessThan`, ... The negated
 * operator is compiled as its positive form; the compiler negates.
 */
export function orderingOperators(prefix: 'Numeric' | 'Date'): { comparisons: Record<string, Comparison>; operators: Record<string, OperatorInfo> } {
  const table: [string, Comparison, boolean][] = [
    ['Equals', (r, p) => r === p, false],
    ['NotEquals', (r, p) => r === p, true],
    ['LessThan', (r, p) => r < p, false],
    ['LessThanEquals', (r, p) => r <= p, false],
    ['GreaterThan', (r, p) => r > p, false],
    ['GreaterThanEquals', (r, p) => r >= p, false],
  ];
  return {
    comparisons: Object.fromEntries(table.map(([name, compare]) => [`${prefix}${name}`, compare])),
    operators: Object.fromEntries(table.map(([name, , negated]) => [`${prefix}${name}`, { negated }])),
  };
}
