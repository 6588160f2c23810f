import { describe, expect, it } from 'vitest';
import { fixedClock } from '../core/index.js';
import type { PredictQuestion } from '../content/index.js';
import { createMemoryStore } from '../progress/index.js';
import { gradePredict, policyBlocks, predictReducer, requestLines, savePredictOutcome, startPredict, summarizePredict, type DecidePort } from './predict.js';

const base = { packId: 't', topics: ['evaluation'], references: [], hints: [], tags: [], rev: 0, source: { file: 'x.yaml', line: 1, column: 1 }, origins: {} };
const denyAll = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] };
const question: PredictQuestion = {
  ...base, id: 'p1', key: 't/p1', level: 'intermediate', type: 'predict', prompt: 'What does AWS decide?',
  policies: { identity: [denyAll], boundary: '{"Version":"2012-10-17","Statement":[]}', scps: [[denyAll], [denyAll, denyAll]] },
  request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: { 'aws:SecureTransport': true } },
};

/** Stands in for the evaluator: a fixed decision, and a record of what it was asked. */
const port = (decision: 'allowed' | 'explicitDeny' | 'implicitDeny'): DecidePort & { asked: string[] } => {
  const asked: string[] = [];
  return { asked, decide: (q) => (asked.push(q.id), { decision, trace: `trace for ${q.id}` }) };
};

describe('predict the decision', () => {
  it('grades the chosen answer against the evaluator, not against the pack', () => {
    const evaluator = port('explicitDeny');
    const s = predictReducer(startPredict([{ ...question, expect: 'allowed' }]), { type: 'choose', row: 1 });
    const outcome = gradePredict(s, evaluator);
    expect(outcome).toMatchObject({ given: 'explicitDeny', decision: 'explicitDeny', correct: true, trace: 'trace for p1' });
    expect(evaluator.asked).toEqual(['p1']);
  });

  it('marks a wrong prediction with the evaluator decision', () => {
    const s = predictReducer(startPredict([question]), { type: 'move', delta: -1 });
    expect(gradePredict(s, port('allowed'))).toMatchObject({ given: 'implicitDeny', decision: 'allowed', correct: false });
  });

  it('passes on an evaluator error instead of grading', () => {
    expect(gradePredict(startPredict([question]), { decide: () => ({ error: 'policy 1 is not valid' }) })).toEqual({ error: 'policy 1 is not valid' });
  });

  it('shows feedback, then the next question, then ends, and saves and summarises outcomes', () => {
    const store = createMemoryStore();
    const clock = fixedClock('2026-11-28T00:00:00Z');
    let s = startPredict([question, { ...question, id: 'p2', key: 't/p2' }]);
    for (const row of [0, 2]) {
      s = predictReducer(s, { type: 'choose', row });
      const outcome = gradePredict(s, port('allowed'));
      if ('error' in outcome) throw new Error(outcome.error);
      savePredictOutcome({ store, clock }, outcome);
      s = predictReducer(s, { type: 'answered', outcome });
      expect(s.phase).toBe('feedback');
      s = predictReducer(s, { type: 'next' });
    }
    expect(s.phase).toBe('done');
    expect(summarizePredict(s)).toEqual({ correct: 1, total: 2, missed: [{ key: 't/p2', prompt: 'What does AWS decide?' }] });
    expect(store.get('t/p2')).toMatchObject({ attempts: 1, correct: 0 });
  });

  it('labels every policy in play and lists the request with its context', () => {
    expect(policyBlocks(question.policies).map((b) => b.label)).toEqual(['Identity-based policy', 'Permissions boundary', 'SCP at level 1', 'SCP at level 2, 1', 'SCP at level 2, 2']);
    expect(policyBlocks(question.policies)[0]!.text).toContain('"Effect": "Deny"');
    expect(requestLines(question.request)).toContain('Context:   aws:SecureTransport = true');
  });
});
