/**
 * The policy engine: parse -> validate -> compile -> evaluate -> explain.
 * Everything outside src/policy uses the engine through this file.
 */
import type { Diagnostic } from '../core/index.js';
import { compilePolicySet } from './compile.js';
import { evaluate, type EvaluateOptions } from './evaluate.js';
import type { EvalRequest, EvaluationResult, PolicySet } from './types.js';

export type * from './types.js';
export type { PolicyDocument, StatementNode, PrincipalNode, StringListNode, PolicyVersion } from './ast.js';
export type { ConditionNode, Located } from './condition-ast.js';
export type { CompiledPolicySet, CompiledPolicy, CompileResult } from './compile.js';
export type { EvaluateOptions } from './evaluate.js';
export { parsePolicy, policyInputToSource, POLICY_TYPE_NAMES, type ParseResult } from './parse.js';
export { parseJson, type JsonNode } from './json.js';
export { compilePolicySet } from './compile.js';
export { evaluate } from './evaluate.js';
export { explainText, formatStatementRef } from './explain.js';
export { parsePrincipal } from './request.js';
export { compileGlob, hasWildcard } from './wildcard.js';
export { createContext, type ContextLookup } from './context.js';
export { CONDITION_OPERATORS } from './conditions/index.js';

/**
 * Compiles the set and evaluates one request. A set with any error is not
 * evaluated: the decision is `implicitDeny` and the errors say why.
 */
export function evaluatePolicies(set: PolicySet, request: EvalRequest, options: EvaluateOptions = {}): EvaluationResult {
  const { compiled, diagnostics } = compilePolicySet(set);
  if (!compiled) {
    const errors: Diagnostic[] = diagnostics.filter((d) => d.severity === 'error');
    return { decision: 'implicitDeny', reasons: [], errors };
  }
  return evaluate(compiled, request, options);
}

// The linter and the action catalog (the catalog loads on first use).
export { lintPolicy, LINT_CHECKS, LINT_KINDS, findCheck, type LintCheck, type LintKind, type LintOptions, type CheckStage } from './lint/index.js';
export { expandAction, findAction, findService, findConditionKey, loadCatalog, type ActionInfo, type AccessLevel, type Catalog, type ConditionKeyInfo, type ResourceType, type ServiceInfo } from './catalog/index.js';
