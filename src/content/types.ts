import type { LEVELS, QUESTION_TYPES, SLOTS, EXPECTATIONS } from './schema.js';

export type Level = (typeof LEVELS)[number];
export type QuestionType = (typeof QUESTION_TYPES)[number];
export type Slot = (typeof SLOTS)[number];
export type Expectation = (typeof EXPECTATIONS)[number];

export interface Reference {
  title: string;
  url: string;
}

export interface Topic {
  id: string;
  title: string;
}

/** Where an item was written, for messages and for editors. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/**
 * Where a policy held in a pack starts in its YAML file, so that findings in
 * the policy point at the YAML file's lines: a position (line L, column C) in
 * the policy text is at line L + lineOffset, column C + columnOffset of `file`.
 * A policy written as a YAML mapping (`kind: 'mapping'`) has no text of its
 * own; findings go to the mapping's first line.
 */
export interface PolicyOrigin {
  file: string;
  lineOffset: number;
  columnOffset: number;
  kind: 'text' | 'mapping';
}

/** Field paths such as `solution`, `wrongAnswers.0.policy`, `policies.identity.0`, `given.scps.1.0`. */
export type PolicyOrigins = Record<string, PolicyOrigin>;

export interface Choice {
  text: string;
  correct: boolean;
  why?: string;
}

interface QuestionBase {
  id: string;
  /** `packId/id`: the key progress is stored under. */
  key: string;
  packId: string;
  level: Level;
  topics: string[];
  prompt: string;
  explanation?: string;
  references: Reference[];
  hints: string[];
  tags: string[];
  rev: number;
  source: SourceLocation;
  /** Where each policy inside the question starts (predict and spot questions). */
  origins: PolicyOrigins;
}

export interface SingleQuestion extends QuestionBase {
  type: 'single';
  choices: Choice[];
}
export interface MultipleQuestion extends QuestionBase {
  type: 'multiple';
  choices: Choice[];
}
export interface TrueFalseQuestion extends QuestionBase {
  type: 'truefalse';
  answer: boolean;
}
export interface OrderQuestion extends QuestionBase {
  type: 'order';
  /** In the correct order. */
  items: string[];
}
export interface RecallQuestion extends QuestionBase {
  type: 'recall';
  answer: string;
}
export interface OpenQuestion extends QuestionBase {
  type: 'open';
  answer: string;
  keyPoints: { point: string; match: string[] }[];
}
/** Policies stay as JSON text or plain objects here; the policy engine reads them. */
export interface PolicySetSpec {
  identity?: unknown[];
  resource?: unknown;
  boundary?: unknown;
  scps?: unknown[][];
  rcps?: unknown[][];
  session?: unknown;
}
export interface RequestSpec {
  principal?: string;
  action: string;
  resource: string;
  resourceAccount?: string;
  context?: Record<string, unknown>;
}
export interface PredictQuestion extends QuestionBase {
  type: 'predict';
  policies: PolicySetSpec;
  request: RequestSpec;
  expect?: 'allowed' | 'explicitDeny' | 'implicitDeny';
}
export interface SpotQuestion extends QuestionBase {
  type: 'spot';
  policy: string;
  bug: string;
  why: string;
  /** The kind of policy, when the author says; otherwise read from the policy. */
  kind?: Slot;
}

export type Question =
  | SingleQuestion
  | MultipleQuestion
  | TrueFalseQuestion
  | OrderQuestion
  | RecallQuestion
  | OpenQuestion
  | PredictQuestion
  | SpotQuestion;

export interface ExerciseCase {
  name: string;
  request: RequestSpec;
  expect: Expectation;
}

export interface Exercise {
  id: string;
  key: string;
  packId: string;
  level: Level;
  topics: string[];
  title: string;
  task: string;
  slot: Slot;
  given: PolicySetSpec;
  starter?: string;
  cases: ExerciseCase[];
  solution: string;
  leastPrivilege: boolean;
  hints: string[];
  explanation?: string;
  references: Reference[];
  tags: string[];
  wrongAnswers: { policy: string; why: string }[];
  rev: number;
  source: SourceLocation;
  /** Where each policy inside the exercise starts. */
  origins: PolicyOrigins;
}

export interface PackManifest {
  id: string;
  title: string;
  version: string;
  authors: string[];
  license?: string;
  description?: string;
  requires?: string;
  levels: Level[];
  topics: Topic[];
}

export interface Pack extends PackManifest {
  /** The pack's folder. */
  root: string;
  builtin: boolean;
  questions: Question[];
  exercises: Exercise[];
}
