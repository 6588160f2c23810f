/**
 * The files `iamprep pack init` writes: a pack that validates at once, with
 * one question of every type and one exercise, each a working example to
 * copy. Every YAML file starts with a yaml-language-server line, so editors
 * that read it complete and check fields as the author types.
 */

/** Where editors fetch the JSON Schema of this iamprep version (the package ships it in schema/). */
export function schemaUrl(version: string, file: 'pack.schema.json' | 'questions.schema.json'): string {
  return `https://unpkg.com/iamprep@${version}/schema/${file}`;
}

export function modeline(version: string, file: 'pack.schema.json' | 'questions.schema.json'): string {
  return `# yaml-language-server: $schema=${schemaUrl(version, file)}`;
}

export interface ScaffoldOptions {
  /** The pack id: lowercase letters, digits and `-`. */
  id: string;
  /** The running iamprep version, for `requires` and the schema URL. */
  version: string;
}

/** Relative path -> file text. */
export function scaffoldFiles({ id, version }: ScaffoldOptions): Record<string, string> {
  const [major = '0', minor = '0'] = version.split('.');
  return {
    'pack.yaml': `${modeline(version, 'pack.schema.json')}
# The manifest. Check the pack with \`iamprep pack validate .\`; try it with
# \`iamprep quiz --pack .\`. The format: docs/authoring.md in iamprep.
id: ${id}
title: ${titleOf(id)}
version: 0.1.0
authors: [Your Name <you@example.com>]
license: CC-BY-4.0
description: What this pack teaches, and to whom.
requires: ">=${major}.${minor}.0"
levels: [beginner, intermediate, advanced, scenario]
topics:
  - { id: evaluation, title: Policy evaluation }
  - { id: roles, title: Roles and temporary credentials }
`,
    'questions/examples.yaml': `${modeline(version, 'questions.schema.json')}
# One question of each type. Ids are permanent: learners' progress is kept by
# id, so edit a question freely and add \`rev: 1\` (then 2, ...) only when a
# change should make learners see it as new.
questions:
  - id: role-credentials
    level: beginner
    topics: [roles]
    type: single
    prompt: What does a principal get when it assumes an IAM role?
    choices:
      - text: Temporary security credentials for the role's session.
        correct: true
      - text: The role's long-term access key.
        why: A role has no long-term credentials; STS issues temporary ones.
      - text: The password of the user who created the role.
        why: Roles are separate identities; assuming one never reveals another's password.
    explanation: |
      A role has no password or access keys of its own. Assuming it returns
      temporary credentials that expire.
    references:
      - { title: IAM roles, url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html" }

  - id: role-trusted-principals
    level: intermediate
    topics: [roles]
    type: multiple
    prompt: Which of these can a role's trust policy allow to assume the role?
    choices:
      - text: An IAM user in another AWS account.
        correct: true
      - text: An AWS service such as Amazon EC2.
        correct: true
      - text: An IAM group.
        why: A group is not a principal and cannot be named in a trust policy.
    explanation: |
      The Principal element of a trust policy names accounts, users, roles,
      services or federated identities, never groups.
    references:
      - { title: "AWS JSON policy elements: Principal", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html" }

  - id: explicit-deny-wins
    level: beginner
    topics: [evaluation]
    type: truefalse
    prompt: An explicit Deny in any applicable policy overrides any Allow.
    answer: true
    explanation: An explicit deny always wins, whatever allows the request elsewhere.
    references:
      - { title: Policy evaluation logic, url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html" }

  - id: request-steps
    level: beginner
    topics: [evaluation]
    type: order
    prompt: Put the steps AWS takes for a request in order.
    items:
      - AWS authenticates the principal that makes the request.
      - AWS processes the request context.
      - AWS evaluates the applicable policies and allows or denies the request.
    references:
      - { title: Policy evaluation logic, url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html" }

  - id: implicit-deny
    level: beginner
    topics: [evaluation]
    type: recall
    prompt: What is an implicit deny?
    answer: |
      The default outcome when no applicable policy allows the request: it is
      denied although no statement denies it.
    references:
      - { title: Policy evaluation logic, url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html" }

  - id: why-roles
    level: advanced
    topics: [roles]
    type: open
    prompt: Why do teams prefer roles over IAM users with access keys for workloads?
    answer: |
      Roles hand out temporary credentials that expire, so nothing long-lived
      can leak or needs rotating, and who may use the role is decided in one
      trust policy.
    keyPoints:
      - { point: Credentials are temporary and expire, match: [temporary, expire] }
      - { point: No long-term access keys to leak or rotate, match: [access key, rotate, leak] }
    references:
      - { title: Security best practices in IAM, url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html" }

  - id: predict-put-object
    level: intermediate
    topics: [evaluation]
    type: predict
    prompt: The user's only policy is below. May the user upload a report?
    policies:
      identity:
        - |
          {
            "Version": "2012-10-17",
            "Statement": [
              { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
            ]
          }
    request:
      principal: "arn:aws:iam::111122223333:user/alice"
      action: s3:PutObject
      resource: "arn:aws:s3:::acme-reports/q1.csv"
    expect: implicitDeny
    explanation: Nothing allows s3:PutObject, so the request is implicitly denied.

  - id: spot-effect-case
    level: beginner
    topics: [evaluation]
    type: spot
    prompt: This policy is rejected. Which element is wrong?
    policy: |
      {
        "Version": "2012-10-17",
        "Statement": [
          { "Effect": "allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
        ]
      }
    bug: /Statement/0/Effect
    why: Effect is case-sensitive and must be \`Allow\` or \`Deny\`.
    references:
      - { title: "AWS JSON policy elements: Effect", url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html" }
`,
    'exercises/examples.yaml': `${modeline(version, 'questions.schema.json')}
# A hands-on exercise: the learner writes a policy and every case is checked
# by the policy evaluator. The solution must pass every case.
exercises:
  - id: read-reports
    level: intermediate
    topics: [evaluation]
    title: Read-only access to the reports bucket
    task: |
      Write the identity-based policy for alice: she may read objects in the
      bucket acme-reports, and nothing else.
    slot: identity
    starter: |
      {
        "Version": "2012-10-17",
        "Statement": [
          { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }
        ]
      }
    cases:
      - name: Alice reads a report
        request: { principal: "arn:aws:iam::111122223333:user/alice", action: s3:GetObject, resource: "arn:aws:s3:::acme-reports/q1.csv" }
        expect: allowed
      - name: Alice cannot upload a report
        request: { principal: "arn:aws:iam::111122223333:user/alice", action: s3:PutObject, resource: "arn:aws:s3:::acme-reports/q1.csv" }
        expect: denied
      - name: Alice cannot read another bucket
        request: { principal: "arn:aws:iam::111122223333:user/alice", action: s3:GetObject, resource: "arn:aws:s3:::acme-payroll/march.csv" }
        expect: denied
    solution: |
      {
        "Version": "2012-10-17",
        "Statement": [
          { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-reports/*" }
        ]
      }
    leastPrivilege: true
    hints: [Name the bucket in the Resource, "Objects are addressed as arn:aws:s3:::BUCKET/KEY."]
`,
    'README.md': `# ${titleOf(id)}

An iamprep question pack.

- Check it: \`iamprep pack validate .\`
- Try it: \`iamprep quiz --pack .\`
- Keep it: \`iamprep pack add .\` (or \`--link\` while you edit it)
`,
  };
}

function titleOf(id: string): string {
  const words = id.split('-').filter(Boolean);
  const title = words.join(' ');
  return title.charAt(0).toUpperCase() + title.slice(1) || 'My pack';
}
