/**
 * The public vocabulary of the policy engine. The shapes here follow
 * shared/contracts/eval-batch.md; add fields, never rename.
 */
import type { Diagnostic } from '../core/index.js';

/** Where a policy sits in a request's evaluation. */
export type PolicyType = 'identity' | 'resource' | 'boundary' | 'scp' | 'rcp' | 'session';

/** The AWS policy simulator's decision values. */
export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny';

export type ContextScalar = string | number | boolean;
export type ContextValue = ContextScalar | readonly ContextScalar[];

export interface EvalRequest {
  principal: string;
  action: string;
  resource: string;
  /** Account that owns the resource; the principal's account when absent. */
  resourceAccount?: string;
  /** Context keys; names are case-insensitive. */
  context?: Record<string, ContextValue>;
}

/** A policy as JSON text (as AWS APIs take it) or as an already parsed object. */
export type PolicyInput = string | object;

/**
 * Where a policy's text came from, so that diagnostics point into the
 * user's file. A policy held in a YAML block scalar passes the YAML line of
 * its first line and the block's indentation.
 */
export interface PolicySource {
  text: string;
  /** File path, or a slot name such as `identity[0]`. */
  file: string;
  /** Added to every 1-based line (0 when the text is the whole file). */
  lineOffset?: number;
  /** Added to every 1-based column (the block scalar's indentation). */
  columnOffset?: number;
}

export interface PolicySet {
  identity?: PolicyInput[] | null;
  resource?: PolicyInput | null;
  boundary?: PolicyInput | null;
  /** One inner array per level of the organization: root, each OU, the account. */
  scps?: PolicyInput[][] | null;
  /** Customer RCPs per level; RCPFullAWSAccess is implied and never listed. */
  rcps?: PolicyInput[][] | null;
  session?: PolicyInput | null;
}

/** A statement that mattered to a decision. */
export interface StatementRef {
  /** `identity[0]`, `resource`, `boundary`, `scps[1][0]`, `rcps[0][0]`, `session`. */
  policy: string;
  /** 0-based index in the policy's Statement list. */
  statement: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  line?: number;
  column?: number;
}

export interface TraceStep {
  policyType: PolicyType;
  /** What this policy type contributed. */
  outcome: 'allow' | 'explicitDeny' | 'implicitDeny' | 'notApplicable';
  statements: StatementRef[];
  /** A plain sentence: why this step came out this way. */
  note: string;
  /** Statements that matched action, resource and principal but not their Condition. */
  conditionMisses?: ConditionMiss[];
}

export interface ConditionMiss {
  statement: StatementRef;
  operator: string;
  key: string;
  /** Why the condition did not hold, as a sentence. */
  reason: string;
}

export interface EvaluationResult {
  decision: Decision;
  /** The statements that decided: the Deny that won, or the Allows that granted. */
  reasons: StatementRef[];
  /** Problems that stopped evaluation (invalid policy or request); decision is then implicitDeny and must not be trusted. */
  errors: Diagnostic[];
  /** The policy types consulted, in AWS's evaluation order (with `explain`). */
  trace?: TraceStep[];
}
