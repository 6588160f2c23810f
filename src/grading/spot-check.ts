/**
 * Pack checks for spot-the-bug questions: the validator must see the bug the
 * question is about (a finding at the `bug` element), as the pack format
 * requires, so that the learner's answer and the linter never disagree.
 */
import type { Diagnostic } from '../core/index.js';
import type { Pack, SpotQuestion } from '../content/index.js';
import type { LintKind } from '../policy/index.js';
import { policyFindings } from './findings.js';

/**
 * The kind of policy a spot question shows, read from the policy itself:
 * one naming a Principal is a resource policy, or a role trust policy when
 * it is about assuming roles; any other is identity-based.
 */
export function spotPolicyKind(text: string): LintKind {
  if (!/"(Not)?Principal"\s*:/.test(text)) return 'identity';
  return /sts:(AssumeRole|TagSession|\*)/i.test(text) ? 'trust' : 'resource';
}

/** Whether a finding's JSON pointer is the bug element, inside it, or contains it. */
export function pointsAtBug(pointer: string | undefined, bug: string): boolean {
  if (pointer === undefined) return false;
  const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}/`);
  return within(pointer, bug) || within(bug, pointer);
}

export function checkSpotQuestions(pack: Pick<Pack, 'questions'>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const q of pack.questions) if (q.type === 'spot') out.push(...checkSpot(q));
  return out;
}

function checkSpot(q: SpotQuestion): Diagnostic[] {
  const origin = q.origins.policy ?? { file: q.source.file, lineOffset: q.source.line - 1, columnOffset: 0 };
  const findings = policyFindings(q.policy, q.kind ?? spotPolicyKind(q.policy), origin);
  if (findings.some((f) => pointsAtBug(f.pointer, q.bug))) return [];
  const seen = findings.map((f) => `${f.code} at \`${f.pointer ?? '?'}\``).join(', ');
  return [
    {
      code: 'SpotBugNotFound',
      severity: 'error',
      message: `the validator finds nothing at \`${q.bug}\` in spot question \`${q.id}\``,
      help: seen ? `it reports ${seen}; point \`bug\` at one of those, or change the policy` : 'the policy has no finding at all: a spot question needs a bug the validator can see',
      file: q.source.file,
      line: q.source.line,
      column: q.source.column,
      endLine: q.source.line,
      endColumn: q.source.column + q.id.length,
    },
  ];
}
