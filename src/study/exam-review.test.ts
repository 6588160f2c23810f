import { describe, expect, it } from 'vitest';
import { single, truefalse } from '../../test/helpers/questions.js';
import { fixedClock } from '../core/index.js';
import { createMemoryStore } from '../progress/index.js';
import { examReducer, examResult, saveExamAnswers, startExam, type ExamQuestion } from './exam.js';
import { dueQuestions } from './review.js';

describe('after a mock exam', () => {
  it('brings the missed questions back for review the next day', () => {
    const clock = fixedClock('2026-11-28T12:00:00Z');
    const store = createMemoryStore();
    let exam = startExam([single, truefalse] as ExamQuestion[], { now: clock.now().getTime(), minutes: 10, random: () => 0.5 });
    // Answer only the true/false question, rightly; leave the other unanswered.
    const tfIndex = exam.questions.findIndex((q) => q.key === truefalse.key);
    exam = examReducer(exam, { type: 'goto', index: tfIndex }, clock.now().getTime());
    exam = examReducer(exam, { type: 'choose', row: 0 }, clock.now().getTime());
    exam = examReducer(exam, { type: 'submit' }, clock.now().getTime());
    const result = examResult(exam);
    saveExamAnswers({ store, clock }, result);

    clock.set('2026-11-29T12:00:00Z');
    const due = dueQuestions([single, truefalse], store, clock, { newCardsPerDay: 0 }).questions.map((q) => q.key);
    expect(result.items.find((i) => i.question.key === single.key)?.correct).toBe(false);
    expect(due).toContain(single.key);
  });
});
