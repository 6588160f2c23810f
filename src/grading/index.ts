/**
 * The exercise grader: did the learner's policy meet the exercise? Cases
 * through the evaluator, and a semantic comparison with the reference
 * solution that yields a concrete counterexample.
 */
export { gradeExercise, decisionMeets, type GradeResult, type GradeOptions, type CaseResult, type Counterexample } from './grade.js';
export { checkPackExercises, checkPredictQuestions, checkExercise } from './pack-check.js';
export { placePolicy, policyTypeOfSlot, FULL_AWS_ACCESS, type Placement } from './placement.js';
export { policyFindings } from './findings.js';
export { describeCounterexample } from './describe.js';
export { checkSpotQuestions, spotPolicyKind, pointsAtBug } from './spot-check.js';
