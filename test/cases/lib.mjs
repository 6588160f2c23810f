/**
 * Small builders shared by the case tables in build.mjs. They only shape
 * JSON; every expected decision is written by hand in the tables, taken
 * from the AWS documentation page cited next to it.
 */

export const ACCOUNT = '111122223333';
export const PARTNER = '222233334444';
export const VENDOR = '444455556666';
export const ORG_ID = 'o-a1b2c3d4e5';

export const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
export const BOB = `arn:aws:iam::${ACCOUNT}:user/bob`;
export const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
export const APP_ROLE = `arn:aws:iam::${ACCOUNT}:role/app`;
export const APP_SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/app/s1`;
export const APP_OTHER_SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/app/s2`;
export const DEPLOY_ROLE = `arn:aws:iam::${ACCOUNT}:role/deploy`;
export const CAROL = `arn:aws:iam::${PARTNER}:user/carol`;
export const DAVE = `arn:aws:iam::${PARTNER}:user/dave`;
export const PARTNER_ROOT = `arn:aws:iam::${PARTNER}:root`;
export const PARTNER_ROLE = `arn:aws:iam::${PARTNER}:role/ci-deploy`;
export const PARTNER_SESSION = `arn:aws:sts::${PARTNER}:assumed-role/ci-deploy/build-42`;

export const BUCKET = 'arn:aws:s3:::amzn-s3-demo-bucket';
export const OBJECT = `${BUCKET}/report.csv`;
export const NOW = '2026-11-28T12:00:00Z';

const IAM = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/';
const ORGS = 'https://docs.aws.amazon.com/organizations/latest/userguide/';

/** Documentation pages that ground the expectations. */
export const DOC = {
  evaluation: `${IAM}reference_policies_evaluation-logic.html`,
  enforcement: `${IAM}reference_policies_evaluation-logic_policy-eval-denyallow.html`,
  singleAccount: `${IAM}reference_policies_evaluation-logic_policy-eval-basics.html`,
  crossAccount: `${IAM}reference_policies_evaluation-logic-cross-account.html`,
  grammar: `${IAM}reference_policies_grammar.html`,
  version: `${IAM}reference_policies_elements_version.html`,
  statement: `${IAM}reference_policies_elements_statement.html`,
  effect: `${IAM}reference_policies_elements_effect.html`,
  action: `${IAM}reference_policies_elements_action.html`,
  notAction: `${IAM}reference_policies_elements_notaction.html`,
  resource: `${IAM}reference_policies_elements_resource.html`,
  notResource: `${IAM}reference_policies_elements_notresource.html`,
  principal: `${IAM}reference_policies_elements_principal.html`,
  notPrincipal: `${IAM}reference_policies_elements_notprincipal.html`,
  condition: `${IAM}reference_policies_elements_condition.html`,
  operators: `${IAM}reference_policies_elements_condition_operators.html`,
  string: `${IAM}reference_policies_elements_condition_operators.html#Conditions_String`,
  numeric: `${IAM}reference_policies_elements_condition_operators.html#Conditions_Numeric`,
  date: `${IAM}reference_policies_elements_condition_operators.html#Conditions_Date`,
  bool: `${IAM}reference_policies_elements_condition_operators.html#Conditions_Boolean`,
  binary: `${IAM}reference_policies_elements_condition_operators.html#Conditions_BinaryEquals`,
  ip: `${IAM}reference_policies_elements_condition_operators.html#Conditions_IPAddress`,
  arn: `${IAM}reference_policies_elements_condition_operators.html#Conditions_ARN`,
  ifExists: `${IAM}reference_policies_elements_condition_operators.html#Conditions_IfExists`,
  null: `${IAM}reference_policies_elements_condition_operators.html#Conditions_Null`,
  multiValues: `${IAM}reference_policies_condition-logic-multiple-context-keys-or-values.html`,
  setOperators: `${IAM}reference_policies_condition-single-vs-multi-valued-context-keys.html`,
  setExamples: `${IAM}reference_policies_condition_examples-multi-valued-context-keys.html`,
  variables: `${IAM}reference_policies_variables.html`,
  globalKeys: `${IAM}reference_policies_condition-keys.html`,
  boundaries: `${IAM}access_policies_boundaries.html`,
  session: `${IAM}access_policies.html#policies_session`,
  assumeRole: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html',
  confusedDeputy: `${IAM}confused-deputy.html`,
  revokeSessions: `${IAM}id_roles_use_revoke-sessions.html`,
  scps: `${ORGS}orgs_manage_policies_scps.html`,
  scpEvaluation: `${ORGS}orgs_manage_policies_scps_evaluation.html`,
  scpSyntax: `${ORGS}orgs_manage_policies_scps_syntax.html`,
  rcps: `${ORGS}orgs_manage_policies_rcps.html`,
  rcpEvaluation: `${ORGS}orgs_manage_policies_rcps_evaluation.html`,
};

/** A 2012-10-17 policy holding the given statements. */
export function policy(...statements) {
  return { Version: '2012-10-17', Statement: statements };
}

export function allow(action, resource = '*', extra = {}) {
  return { Effect: 'Allow', Action: action, Resource: resource, ...extra };
}

export function deny(action, resource = '*', extra = {}) {
  return { Effect: 'Deny', Action: action, Resource: resource, ...extra };
}

/** A resource-policy statement naming its principal. */
export function grant(principal, action, resource, extra = {}) {
  return { Effect: 'Allow', Principal: principal, Action: action, Resource: resource, ...extra };
}

export function refuse(principal, action, resource, extra = {}) {
  return { Effect: 'Deny', Principal: principal, Action: action, Resource: resource, ...extra };
}

/** The managed FullAWSAccess SCP: every SCP level needs an Allow like it. */
export const FULL_AWS_ACCESS = policy(allow('*', '*'));

export function request(principal, action, resource, context, resourceAccount) {
  const r = { principal, action, resource };
  if (resourceAccount !== undefined) r.resourceAccount = resourceAccount;
  if (context !== undefined) r.context = context;
  return r;
}

/**
 * Collects the cases of one group. Ids are the group name and a running
 * number, so new cases go at the end of their table to keep ids stable.
 */
export function group(name, defaultDoc) {
  const cases = [];
  return {
    name,
    cases,
    add({ policies, request: req, expect, expectError, why, doc }) {
      const id = `${name}-${String(cases.length + 1).padStart(3, '0')}`;
      const line = { id, policies, request: req };
      if (expectError !== undefined) line.expectError = expectError;
      else line.expect = expect;
      line.doc = doc ?? defaultDoc;
      line.why = why;
      cases.push(line);
    },
  };
}

/**
 * A request by alice for s3:GetObject decided by one conditional statement:
 * an Allow (expect allowed or implicitDeny), or a Deny beside an
 * unconditional Allow (expect explicitDeny or allowed).
 */
export function conditionCase(effect, condition, context) {
  const statements =
    effect === 'Allow'
      ? [allow('s3:GetObject', '*', { Condition: condition })]
      : [allow('s3:*', '*'), deny('s3:GetObject', '*', { Condition: condition })];
  return {
    policies: { identity: [policy(...statements)] },
    request: request(ALICE, 's3:GetObject', OBJECT, context),
  };
}
