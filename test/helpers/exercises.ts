/** Typed exercises for grader, reducer and screen tests, without going through YAML. */
import type { Exercise } from '../../src/content/index.js';

const USER = 'arn:aws:iam::111122223333:user/alice';

/** An identity exercise: read objects under `reports/` of one bucket, nothing else. */
export const reportsExercise: Exercise = {
  id: 'reports-read',
  key: 't/reports-read',
  packId: 't',
  level: 'beginner',
  topics: ['policies'],
  title: 'Read the reports',
  task: 'Alice may read objects under `reports/` in bucket `acme-data`, and nothing else.',
  slot: 'identity',
  given: {},
  starter: '{\n  "Version": "2012-10-17",\n  "Statement": []\n}\n',
  cases: [
    { name: 'Alice reads a report', request: { principal: USER, action: 's3:GetObject', resource: 'arn:aws:s3:::acme-data/reports/q1.csv' }, expect: 'allowed' },
    { name: 'Alice cannot read payroll', request: { principal: USER, action: 's3:GetObject', resource: 'arn:aws:s3:::acme-data/payroll/q1.csv' }, expect: 'denied' },
    { name: 'Alice cannot write a report', request: { principal: USER, action: 's3:PutObject', resource: 'arn:aws:s3:::acme-data/reports/q2.csv' }, expect: 'denied' },
  ],
  solution: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-data/reports/*"}]}',
  leastPrivilege: true,
  hints: ['Objects are named `bucket/key`.', 'A wildcard at the end of the key covers the folder.'],
  explanation: 'The object ARN with a `reports/*` key pattern covers the folder only.',
  references: [{ title: 'IAM JSON policy elements: Resource', url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html' }],
  tags: [],
  wrongAnswers: [],
  rev: 0,
  source: { file: 'exercises.yaml', line: 2, column: 5 },
  origins: {},
};

export function exercise(overrides: Partial<Exercise>): Exercise {
  return { ...reportsExercise, ...overrides };
}
