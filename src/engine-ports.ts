/**
 * The study modes' ports, implemented with the policy engine. Lives in the
 * composition root because study/ may not import policy/.
 */
import { LineIndex } from './core/index.js';
import type { PredictQuestion } from './content/index.js';
import { evaluatePolicies, explainText, lintPolicy, parseJson, type LintKind, type EvalRequest, type JsonNode, type PolicySet } from './policy/index.js';
import type { DecidePort, SpotElement, SpotPorts, Verdict } from './study/index.js';
import type { EnginePorts } from './ui/App.js';
import { spotPolicyKind } from './grading/index.js';

export const decidePort: DecidePort = {
  decide(q: PredictQuestion): Verdict {
    const result = evaluatePolicies(q.policies as PolicySet, q.request as EvalRequest, { explain: true });
    if (result.errors.length > 0) return { error: `this question's policies cannot be evaluated: ${result.errors[0]!.message}` };
    return { decision: result.decision, trace: explainText(result) };
  },
};

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
const LABEL_CHARS = 60;

/** Every value in the policy JSON with its pointer; an object member spans its key and value. */
function elementsOf(policyText: string): SpotElement[] {
  const root = parseJson(policyText).value;
  if (!root) return [];
  const lines = new LineIndex(policyText);
  const out: SpotElement[] = [];
  const label = (start: number, end: number) => {
    const text = policyText.slice(start, end).replace(/\s+/g, ' ');
    return text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text;
  };
  const visit = (node: JsonNode, pointer: string, start: number) => {
    out.push({ pointer, ...lines.span(start, node.end), label: label(start, node.end) });
    if (node.kind === 'object') for (const m of node.members) visit(m.value, `${pointer}/${escapePointer(m.key)}`, m.keyStart);
    if (node.kind === 'array') node.items.forEach((item, i) => visit(item, `${pointer}/${i}`, item.start));
  };
  visit(root, '', root.start);
  return out;
}

export const spotPorts: SpotPorts = {
  elementsOf,
  findingsFor: (policyText, kind) => lintPolicy(policyText, { type: (kind as LintKind | undefined) ?? spotPolicyKind(policyText) }),
};

export const enginePorts: EnginePorts = { decide: decidePort, spot: spotPorts };
