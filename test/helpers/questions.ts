/** Typed questions for reducer and screen tests, without going through YAML. */
import type { Question } from '../../src/content/index.js';

const base = { packId: 't', topics: ['roles'], references: [{ title: 'IAM roles', url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html' }], hints: [], tags: [], rev: 0, source: { file: 'x.yaml', line: 1, column: 1 }, origins: {} };

export const single: Question = {
  ...base, id: 's', key: 't/s', level: 'beginner', type: 'single', prompt: 'Which is a principal?',
  choices: [{ text: 'An IAM group', correct: false, why: 'Groups cannot be principals.' }, { text: 'An IAM role', correct: true }, { text: 'A managed policy', correct: false, why: 'Policies are not identities.' }],
  explanation: 'Roles and users are principals; groups are not.',
};
export const multiple: Question = {
  ...base, id: 'm', key: 't/m', level: 'intermediate', topics: ['policies'], type: 'multiple', prompt: 'Which policy types can grant?',
  choices: [{ text: 'Identity-based', correct: true }, { text: 'Resource-based', correct: true }, { text: 'Permissions boundary', correct: false, why: 'A boundary only limits.' }],
};
export const truefalse: Question = { ...base, id: 'tf', key: 't/tf', level: 'beginner', type: 'truefalse', prompt: 'An explicit deny overrides any allow.', answer: true };
export const order: Question = { ...base, id: 'o', key: 't/o', level: 'advanced', type: 'order', prompt: 'Order the evaluation.', items: ['Explicit deny', 'SCP', 'Identity'] };
export const recall: Question = { ...base, id: 'r', key: 't/r', level: 'scenario', type: 'recall', prompt: 'Name the STS call for roles.', answer: 'AssumeRole' };
