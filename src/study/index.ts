export * from './quiz.js';
export * from './select.js';
export * from './session.js';
