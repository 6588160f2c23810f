import { describe, expect, it } from 'vitest';
import { elementsByLine } from '../../test/helpers/spot-elements.js';
import type { SpotQuestion } from '../content/index.js';
import { gradeSpot, isBugSelection, spotReducer, startSpot, summarizeSpot, type SpotFinding } from './spot.js';

const policy = `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": "s3:*",
    "Resource": "*"
  }]
}`;
const elementsOf = (text: string) =>
  elementsByLine(text, { 2: '/Version', 3: '/Statement/0', 4: '/Statement/0/Effect', 5: '/Statement/0/Action', 6: '/Statement/0/Resource' });
const base = { packId: 't', topics: ['least-privilege'], references: [], hints: [], tags: [], rev: 0, source: { file: 'x.yaml', line: 1, column: 1 }, origins: {} };
const question: SpotQuestion = { ...base, id: 'sp', key: 't/sp', level: 'beginner', type: 'spot', prompt: 'Find the problem.', policy, bug: '/Statement/0/Action', why: 'Every S3 action is allowed.' };
const findings: SpotFinding[] = [
  { code: 'ServiceWildcard', severity: 'security', message: 'the statement allows every action of `s3`', pointer: '/Statement/0/Action' },
  { code: 'ResourceWildcard', severity: 'warning', message: 'the statement applies to every resource', pointer: '/Statement/0/Resource' },
];

describe('spot the bug', () => {
  it('moves through the elements in reading order, leaving out the whole document', () => {
    let s = startSpot([question], (t) => [{ pointer: '', line: 1, column: 1, endLine: 8, endColumn: 2, label: '{…}' }, ...elementsOf(t).reverse()]);
    expect(s.elements.map((e) => e.line)).toEqual([2, 3, 4, 5, 6]);
    s = spotReducer(s, { type: 'move', delta: 3 }, elementsOf);
    expect(s.elements[s.cursor]!.pointer).toBe('/Statement/0/Action');
    s = spotReducer(s, { type: 'move', delta: 10 }, elementsOf);
    expect(s.cursor).toBe(4);
    s = spotReducer(s, { type: 'moveLine', delta: -1 }, elementsOf);
    expect(s.elements[s.cursor]!.line).toBe(5);
  });

  it('accepts the faulty element and shows the validator finding about it', () => {
    const s = spotReducer(startSpot([question], elementsOf), { type: 'move', delta: 3 }, elementsOf);
    const outcome = gradeSpot(s, () => findings);
    expect(outcome).toMatchObject({ chosen: '/Statement/0/Action', correct: true });
    expect('findings' in outcome && outcome.findings.map((f) => f.code)).toEqual(['ServiceWildcard']);
  });

  it('rejects another element, still naming the real finding', () => {
    const s = spotReducer(startSpot([question], elementsOf), { type: 'move', delta: 4 }, elementsOf);
    expect(gradeSpot(s, () => findings)).toMatchObject({ chosen: '/Statement/0/Resource', correct: false, findings: [findings[0]] });
  });

  it('counts a part of the faulty element as right, but not the statement around it', () => {
    expect(isBugSelection('/Statement/0/Action', '/Statement/0/Action/1')).toBe(true);
    expect(isBugSelection('/Statement/0/Action', '/Statement/0')).toBe(false);
    expect(isBugSelection('/Statement/0/Action', '/Statement/0/ActionX')).toBe(false);
  });

  it('goes on to the next policy and summarises', () => {
    let s = startSpot([question, { ...question, id: 'sp2', key: 't/sp2' }], elementsOf);
    for (const delta of [3, 0]) {
      s = spotReducer(s, { type: 'move', delta }, elementsOf);
      const outcome = gradeSpot(s, () => findings);
      if ('incomplete' in outcome) throw new Error(outcome.incomplete);
      s = spotReducer(spotReducer(s, { type: 'answered', outcome }, elementsOf), { type: 'next' }, elementsOf);
    }
    expect(s.phase).toBe('done');
    expect(summarizeSpot(s)).toMatchObject({ correct: 1, total: 2, missed: [{ key: 't/sp2' }] });
  });
});
