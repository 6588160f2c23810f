/**
 * The semantic comparison of the learner's policy with the reference: walk
 * the cells of the request-space partition lazily, evaluate both policy
 * sets with the one evaluator, stop at the first request the answer allows
 * and the reference denies, then shrink it to what matters.
 */
import { evaluate, type CompiledPolicySet, type ContextValue, type Decision, type EvalRequest } from '../policy/index.js';
import { contextCombinations, relevantKeys, resourceCandidates, statementsFor, buildUniverse, type Universe } from './candidates.js';
import { statementMatchesAction, type PolicyLiterals } from './literals.js';

export interface Difference {
  request: EvalRequest;
  answerDecision: Decision;
  referenceDecision: Decision;
}

export interface SearchResult {
  /** A request the answer allows and the reference denies, shrunk. */
  tooBroad?: Difference;
  /** Requests evaluated (each against both sets). */
  evaluations: number;
  /** False when the evaluation budget ran out before every cell was seen. */
  complete: boolean;
}

export interface SearchInput {
  answer: CompiledPolicySet;
  reference: CompiledPolicySet;
  /** The learner's and the reference's policies: only actions one of them reaches can differ. */
  compared: PolicyLiterals[];
  /** Every policy in play, both sets (given policies included). */
  all: PolicyLiterals[];
  cases: EvalRequest[];
  /** Upper bound on cells; the default suits an interactive regrade. */
  maxCells?: number;
}

const DEFAULT_MAX_CELLS = 40_000;
const CONTEXTS_PER_CELL_GROUP = 512;

function decide(set: CompiledPolicySet, request: EvalRequest): Decision | undefined {
  const result = evaluate(set, request);
  // A combination AWS cannot produce (a session policy on a service principal): not a cell.
  return result.errors.length > 0 ? undefined : result.decision;
}

export function findTooBroad(input: SearchInput): SearchResult {
  const universe = buildUniverse(input.all, input.cases);
  const max = input.maxCells ?? DEFAULT_MAX_CELLS;
  let evaluations = 0;
  const compared = input.compared.flatMap((p) => p.statements);
  const differs = (request: EvalRequest): Difference | undefined => {
    evaluations++;
    const answerDecision = decide(input.answer, request);
    if (answerDecision !== 'allowed') return undefined;
    const referenceDecision = decide(input.reference, request);
    if (referenceDecision === undefined || referenceDecision === 'allowed') return undefined;
    return { request, answerDecision, referenceDecision };
  };

  for (const action of universe.actions) {
    // An action neither policy reaches gets the same decision from both sets.
    if (!compared.some((s) => statementMatchesAction(s, action))) continue;
    const statements = statementsFor(universe, action);
    const resources = resourceCandidates(universe, action, statements);
    const contexts = contextCombinations(universe, relevantKeys(universe, statements), CONTEXTS_PER_CELL_GROUP);
    for (const principal of universe.principals) {
      for (const resourceAccount of universe.resourceAccounts) {
        for (const resource of resources) {
          for (const context of contexts) {
            if (evaluations >= max) return { evaluations, complete: false };
            const request: EvalRequest = { principal, action, resource, ...(resourceAccount ? { resourceAccount } : {}), ...(Object.keys(context).length > 0 ? { context } : {}) };
            const found = differs(request);
            if (found) {
              const shrunk = shrink(found, universe, resources, (r) => {
                evaluations++;
                return differs(r);
              });
              return { tooBroad: shrunk, evaluations, complete: true };
            }
          }
        }
      }
    }
  }
  return { evaluations, complete: true };
}

/**
 * The smallest request that still shows the difference: context keys
 * dropped one by one, the shortest resource, the cases' principals first.
 */
function shrink(found: Difference, universe: Universe, resources: string[], differs: (r: EvalRequest) => Difference | undefined): Difference {
  let best = found;
  const context: Record<string, ContextValue> = { ...(best.request.context ?? {}) };
  for (const key of Object.keys(context)) {
    const without = { ...context };
    delete without[key];
    const attempt = differs(withContext(best.request, without));
    if (attempt) {
      delete context[key];
      best = attempt;
    }
  }
  for (const principal of universe.principals) {
    if (principal === best.request.principal) break;
    const attempt = differs({ ...best.request, principal });
    if (attempt) {
      best = attempt;
      break;
    }
  }
  // The cases' own resources read best; otherwise the shortest resource that still shows it.
  const action = best.request.action.toLowerCase();
  const fromCases = universe.cases.filter((c) => c.action.toLowerCase() === action).map((c) => c.resource);
  const shortest = [...resources].sort((a, b) => a.length - b.length).filter((r) => r.length < best.request.resource.length);
  for (const resource of [...new Set([...fromCases, ...shortest])]) {
    if (resource === best.request.resource) break;
    const attempt = differs({ ...best.request, resource });
    if (attempt) {
      best = attempt;
      break;
    }
  }
  return best;
}

function withContext(request: EvalRequest, context: Record<string, ContextValue>): EvalRequest {
  const { context: _old, ...rest } = request;
  return Object.keys(context).length > 0 ? { ...rest, context } : rest;
}
