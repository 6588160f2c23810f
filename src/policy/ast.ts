/**
 * The parsed policy document. Every element keeps its span in the user's
 * file coordinates, so that later stages (compile, evaluate, explain) can
 * point back at the text.
 */
import type { Span } from '../core/index.js';
import type { ConditionNode, Located } from './condition-ast.js';
import type { PolicyType } from './types.js';

export type { Located } from './condition-ast.js';

export type PolicyVersion = '2012-10-17' | '2008-10-17';

/** A string-or-list element (Action, Resource, ...): a single string becomes a list of one. */
export interface StringListNode {
  span: Span;
  values: Located<string>[];
}

/** The principal types AWS accepts inside a Principal object. */
export type PrincipalKind = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';

export interface PrincipalEntry {
  kind: Located<PrincipalKind>;
  values: Located<string>[];
}

export interface PrincipalNode {
  span: Span;
  /** `"Principal": "*"`. */
  wildcard: boolean;
  entries: PrincipalEntry[];
}

export interface StatementNode {
  /** 0-based position in the Statement list. */
  index: number;
  /** The statement object, from its opening brace. */
  span: Span;
  sid?: Located<string>;
  effect?: Located<'Allow' | 'Deny'>;
  principal?: PrincipalNode;
  notPrincipal?: PrincipalNode;
  action?: StringListNode;
  notAction?: StringListNode;
  resource?: StringListNode;
  notResource?: StringListNode;
  condition?: ConditionNode;
}

export interface PolicyDocument {
  file: string;
  type: PolicyType;
  span: Span;
  /** The Version element as written, when present. */
  version?: Located<string>;
  /** The language version in force: `2008-10-17` when Version is absent, as AWS does. */
  effectiveVersion: PolicyVersion;
  id?: Located<string>;
  statements: StatementNode[];
}
