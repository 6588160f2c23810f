/**
 * The parsed shape of a statement's Condition block, as the parser hands it
 * to the condition compiler. Spans are in the user's file coordinates.
 */
import type { Span } from '../core/index.js';

export interface Located<T> {
  value: T;
  span: Span;
}

/** One `"key": value-or-list` entry under an operator. A single value is a list of one. */
export interface ConditionEntryNode {
  key: Located<string>;
  values: Located<string | number | boolean>[];
  /** The span of the whole value (the scalar or the array). */
  valuesSpan: Span;
}

/** One `"StringEquals": { ... }` member of the Condition block. */
export interface ConditionOperatorNode {
  operator: Located<string>;
  entries: ConditionEntryNode[];
}

export interface ConditionNode {
  span: Span;
  operators: ConditionOperatorNode[];
}
