/**
 * The built-in pack is content and code at once: it must validate cleanly,
 * cover every classic interview question, and teach with explanations and
 * references on every item.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnosticLine } from '../src/core/index.js';
import { loadPack, type Question } from '../src/content/index.js';
import { checkPredictQuestions, checkSpotQuestions } from '../src/grading/index.js';
import { matchKeyPoints } from '../src/study/index.js';

const root = resolve(import.meta.dirname, '../content/aws-iam');
const { pack, diagnostics } = loadPack(root, { builtin: true });
const questions: Question[] = pack?.questions ?? [];

describe('the built-in AWS IAM pack', () => {
  it('validates with no findings at all', () => {
    expect(diagnostics.map(formatDiagnosticLine)).toEqual([]);
    expect(pack?.id).toBe('aws-iam');
  });

  it('has at least 300 questions, with 60 quiz questions at each level', () => {
    expect(questions.length).toBeGreaterThanOrEqual(300);
    for (const level of ['beginner', 'intermediate', 'advanced', 'scenario'] as const) {
      const quiz = questions.filter((q) => q.level === level && ['single', 'multiple', 'truefalse', 'order', 'recall'].includes(q.type));
      expect(quiz.length, level).toBeGreaterThanOrEqual(60);
    }
  });

  it('has at least 40 exercises, 40 open interview questions, 30 predict and 20 spot questions', () => {
    const count = (type: string) => questions.filter((q) => q.type === type).length;
    expect(pack?.exercises.length).toBeGreaterThanOrEqual(40);
    expect(count('open')).toBeGreaterThanOrEqual(40);
    expect(count('predict')).toBeGreaterThanOrEqual(30);
    expect(count('spot')).toBeGreaterThanOrEqual(20);
  });

  it('has exercises for every kind of policy a learner writes', () => {
    const slots = new Set(pack?.exercises.map((e) => e.slot));
    expect([...slots].sort()).toEqual(['boundary', 'identity', 'rcp', 'resource', 'scp', 'session', 'trust']);
  });

  it('covers every topic of its manifest with at least three items', () => {
    const items = [...questions, ...(pack?.exercises ?? [])];
    const coverage = (pack?.topics ?? []).map((t) => ({ topic: t.id, items: items.filter((i) => i.topics.includes(t.id)).length }));
    expect(coverage.length).toBeGreaterThan(30);
    expect(coverage.filter((c) => c.items < 3)).toEqual([]);
  });

  it('covers each of the 30 classic interview questions', () => {
    const covered = new Set(questions.flatMap((q) => q.tags.filter((t) => /^classic-q\d+$/.test(t))));
    const missing = Array.from({ length: 30 }, (_, i) => `classic-q${i + 1}`).filter((t) => !covered.has(t));
    expect(missing).toEqual([]);
  });

  it('explains every item and grounds it in an AWS documentation page', () => {
    const items = [...questions, ...(pack?.exercises ?? [])];
    const unexplained = items.filter((q) => !q.explanation?.trim()).map((q) => q.id);
    const unreferenced = items.filter((q) => !q.references.some((r) => r.url.startsWith('https://docs.aws.amazon.com/'))).map((q) => q.id);
    expect(unexplained).toEqual([]);
    expect(unreferenced).toEqual([]);
  });

  it('says why every wrong choice is wrong', () => {
    const missingWhy = questions.flatMap((q) =>
      q.type === 'single' || q.type === 'multiple' ? q.choices.filter((c) => !c.correct && !c.why).map((c) => `${q.id}: ${c.text}`) : [],
    );
    expect(missingWhy).toEqual([]);
  });

  it('uses only topics its manifest declares, and uses each declared topic', () => {
    const used = new Set(questions.flatMap((q) => q.topics));
    const unused = (pack?.topics ?? []).map((t) => t.id).filter((id) => !used.has(id));
    expect(unused).toEqual([]);
  });

  it('has every predict answer equal to the evaluator and every spot bug seen by the validator', () => {
    expect(checkPredictQuestions(pack!).map(formatDiagnosticLine)).toEqual([]);
    expect(checkSpotQuestions(pack!).map(formatDiagnosticLine)).toEqual([]);
  });

  it("lets every open question's model answer cover its own key points, so the marking is fair", () => {
    const uncovered = questions.flatMap((q) =>
      q.type === 'open' ? matchKeyPoints(q.answer, q.keyPoints).flatMap((hit, i) => (hit ? [] : [`${q.id}: ${q.keyPoints[i]!.point}`])) : [],
    );
    expect(uncovered).toEqual([]);
  });
});
