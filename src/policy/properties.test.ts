/**
 * Properties the evaluator must keep for every input, checked on generated
 * policies that look like real ones. The rules come from the AWS policy
 * evaluation logic:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * (an explicit Deny in any policy overrides any Allow; without an Allow the
 * request is implicitly denied; statement order does not matter).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePolicies } from './index.js';
import type { EvalRequest, PolicySet } from './index.js';

const ACCOUNT = '111122223333';

const concreteActions = ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 'ec2:RunInstances', 'iam:PassRole', 'dynamodb:GetItem'] as const;
const actionPatterns = [...concreteActions, 's3:*', 's3:Get*', 's3:*Object', 'ec2:*', '*', 'dynamodb:Get*', 'iam:Pass*'] as const;
const concreteResources = [
  'arn:aws:s3:::reports/q1.csv',
  'arn:aws:s3:::reports',
  'arn:aws:s3:::logs/2026/app.log',
  `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0abc`,
  `arn:aws:iam::${ACCOUNT}:role/app-web`,
  `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/Orders`,
] as const;
const resourcePatterns = [
  ...concreteResources,
  '*',
  'arn:aws:s3:::reports/*',
  'arn:aws:s3:::*',
  `arn:aws:ec2:*:${ACCOUNT}:instance/*`,
  `arn:aws:iam::${ACCOUNT}:role/app-*`,
  'arn:aws:dynamodb:*:*:table/Ord?rs',
] as const;
const principals = [
  `arn:aws:iam::${ACCOUNT}:user/alice`,
  `arn:aws:iam::${ACCOUNT}:user/bob`,
  `arn:aws:iam::${ACCOUNT}:role/app-web`,
  `arn:aws:sts::${ACCOUNT}:assumed-role/app-web/session-1`,
] as const;

const conditionArb = fc.constantFrom(
  { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
  { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
  { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
  { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.0/24'] } },
  { StringLike: { 'aws:RequestedRegion': 'eu-*' } },
  { StringNotEquals: { 'aws:RequestedRegion': 'us-east-1' } },
  { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['env', 'cost'] } },
  { StringEqualsIfExists: { 'aws:PrincipalTag/team': 'red' } },
);

const listOf = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: 1, maxLength: 3 }).map((xs) => (xs.length === 1 ? xs[0]! : xs));

type Statement = Record<string, unknown>;

function statementArb(effect?: 'Allow' | 'Deny'): fc.Arbitrary<Statement> {
  return fc.record(
    {
      named: fc.boolean(),
      // Mostly Allows, as in real policies, so that all three decisions come up often.
      Effect: effect ? fc.constant(effect) : fc.constantFrom('Allow', 'Allow', 'Allow', 'Allow', 'Deny'),
      actionKey: fc.constantFrom('Action', 'Action', 'Action', 'NotAction'),
      actions: listOf(fc.constantFrom(...actionPatterns, 's3:*', '*')),
      resourceKey: fc.constantFrom('Resource', 'Resource', 'Resource', 'NotResource'),
      resources: listOf(fc.constantFrom(...resourcePatterns, '*', '*')),
      condition: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: conditionArb }),
    },
    { requiredKeys: ['Effect', 'actionKey', 'actions', 'resourceKey', 'resources'] },
  ).map(({ named, Effect, actionKey, actions, resourceKey, resources, condition }) => ({
    // Sids must be unique within a policy; they are numbered when the policy is built.
    ...(named ? { Sid: '' } : {}),
    Effect,
    [actionKey]: actions,
    [resourceKey]: resources,
    ...(condition ? { Condition: condition } : {}),
  }));
}

/** A statement to add to an existing policy: its Sid, if any, differs from the numbered ones. */
const addedStatementArb = (effect: 'Allow' | 'Deny') => statementArb(effect).map((s) => ('Sid' in s ? { ...s, Sid: 'Added' } : s));

interface Policy {
  Version: string;
  Statement: Statement[];
}

const policyOf = (statement: fc.Arbitrary<Statement>): fc.Arbitrary<Policy> =>
  fc
    .array(statement, { minLength: 1, maxLength: 6 })
    .map((statements) => ({ Version: '2012-10-17', Statement: statements.map((s, i) => ('Sid' in s ? { ...s, Sid: `S${i}` } : s)) }));
const policyArb = policyOf(statementArb());
/** Boundaries and session policies are usually lists of what may be allowed. */
const allowMostlyPolicyArb = policyOf(fc.oneof({ weight: 5, arbitrary: statementArb('Allow') }, { weight: 1, arbitrary: statementArb() }));

const OTHER_ACCOUNT = '444455556666';
const principalElementArb = fc.constantFrom(
  '*',
  { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
  { AWS: [`arn:aws:iam::${OTHER_ACCOUNT}:user/carol`, `arn:aws:iam::${ACCOUNT}:user/alice`] },
  { AWS: `arn:aws:iam::${ACCOUNT}:role/app-web` },
  { Service: 'ec2.amazonaws.com' },
);
/** A resource-based policy (bucket, key or trust policy): every statement names a principal. */
const resourcePolicyArb = policyOf(
  fc.tuple(statementArb(), principalElementArb).map(([statement, principal]) => ({ ...statement, Principal: principal })),
);

const fullAwsAccess: Policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

/** Identity policies, sometimes with a boundary, SCP levels and a session policy. */
const policySetArb: fc.Arbitrary<PolicySet> = fc
  .record(
    {
      identity: fc.array(policyArb, { minLength: 1, maxLength: 3 }),
      boundary: allowMostlyPolicyArb,
      scps: fc.array(fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.tuple(policyOf(statementArb('Deny'))) }).map((extra) => [fullAwsAccess, ...extra]), {
        minLength: 1,
        maxLength: 2,
      }),
      session: allowMostlyPolicyArb,
      resource: resourcePolicyArb,
    },
    { requiredKeys: ['identity'] },
  )
  .map((set) => set as PolicySet);

const requestArb: fc.Arbitrary<EvalRequest> = fc.oneof(
  { weight: 4, arbitrary: sameAccountRequestArb() },
  {
    weight: 1,
    arbitrary: sameAccountRequestArb().map((r) => ({ ...r, principal: `arn:aws:iam::${OTHER_ACCOUNT}:user/carol`, resourceAccount: ACCOUNT })),
  },
);

function sameAccountRequestArb(): fc.Arbitrary<EvalRequest> {
  return fc.record(
  {
    principal: fc.constantFrom(...principals),
    action: fc.constantFrom(...concreteActions),
    resource: fc.constantFrom(...concreteResources),
    context: fc.record(
      {
        'aws:PrincipalTag/team': fc.constantFrom('blue', 'red'),
        'aws:MultiFactorAuthPresent': fc.constantFrom('true', 'false'),
        'aws:SourceIp': fc.constantFrom('203.0.113.10', '192.0.2.1', '198.51.100.99'),
        'aws:RequestedRegion': fc.constantFrom('us-east-1', 'eu-west-1'),
        'aws:TagKeys': fc.subarray(['env', 'cost', 'team']),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['principal', 'action', 'resource'] },
);
}

function decide(set: PolicySet, request: EvalRequest) {
  const result = evaluatePolicies(set, request);
  // Generated policies are valid: an error here is itself a bug worth seeing.
  expect(result.errors).toEqual([]);
  return result.decision;
}

function insertAt<T>(items: readonly T[], index: number, item: T): T[] {
  const at = index % (items.length + 1);
  return [...items.slice(0, at), item, ...items.slice(at)];
}

/**
 * The set with `statement` added to one of its policies, picked by `where`:
 * an identity policy, the boundary, the session policy or a new SCP at
 * some level. `at` is the position among the policy's statements.
 */
function withStatementAdded(set: PolicySet, statement: Statement, where: number, at: number): PolicySet {
  const identity = (set.identity ?? []) as Policy[];
  const addTo = (p: Policy): Policy => ({ ...p, Statement: insertAt(p.Statement, at, statement) });
  const places: (() => PolicySet)[] = identity.map((_, i) => () => ({ ...set, identity: identity.map((p, j) => (j === i ? addTo(p) : p)) }));
  places.push(() => ({ ...set, identity: [...identity, { Version: '2012-10-17', Statement: [statement] }] }));
  if (set.boundary) places.push(() => ({ ...set, boundary: addTo(set.boundary as Policy) }));
  if (set.session) places.push(() => ({ ...set, session: addTo(set.session as Policy) }));
  const scps = set.scps as Policy[][] | undefined;
  if (scps) {
    scps.forEach((_, level) =>
      places.push(() => ({ ...set, scps: scps.map((l, k) => (k === level ? [...l, { Version: '2012-10-17', Statement: [statement] }] : l)) })),
    );
  }
  return places[where % places.length]!();
}

const runs = { numRuns: 300 };

describe('policy engine properties', () => {
  it('never throws on arbitrary JSON given as a policy', () => {
    fc.assert(
      fc.property(fc.jsonValue(), requestArb, (junk, request) => {
        const result = evaluatePolicies({ identity: [junk as object] }, request);
        expect(['allowed', 'explicitDeny', 'implicitDeny']).toContain(result.decision);
      }),
      runs,
    );
  });

  it('never throws on arbitrary text given as a policy, and never allows on a policy in error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), requestArb, (text, request) => {
        const result = evaluatePolicies({ identity: [text] }, request);
        if (result.errors.length > 0) expect(result.decision).not.toBe('allowed');
      }),
      runs,
    );
  });

  it('never throws on arbitrary JSON given as the request, and reports it as an error', () => {
    fc.assert(
      fc.property(policySetArb, fc.jsonValue(), (set, junk) => {
        const result = evaluatePolicies(set, junk as unknown as EvalRequest);
        expect(result.errors.length).toBeGreaterThan(0);
        expect(result.decision).toBe('implicitDeny');
      }),
      runs,
    );
  });

  it('never throws on arbitrary JSON in any policy slot', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('identity', 'resource', 'boundary', 'scps', 'rcps', 'session'), fc.jsonValue()), requestArb, (set, request) => {
        evaluatePolicies(set as unknown as PolicySet, request);
      }),
      runs,
    );
  });

  it('never turns a denied request into an allowed one when a Deny statement is added', () => {
    fc.assert(
      fc.property(policySetArb, requestArb, addedStatementArb('Deny'), fc.nat(), fc.nat(), (set, request, deny, where, at) => {
        const before = decide(set, request);
        const after = decide(withStatementAdded(set, deny, where, at), request);
        if (before !== 'allowed') expect(after).not.toBe('allowed');
        if (before === 'explicitDeny') expect(after).toBe('explicitDeny');
      }),
      runs,
    );
  });

  it('keeps an explicit deny when an Allow statement is added anywhere', () => {
    fc.assert(
      fc.property(policySetArb, requestArb, addedStatementArb('Allow'), fc.nat(), fc.nat(), (set, request, allow, where, at) => {
        fc.pre(decide(set, request) === 'explicitDeny');
        expect(decide(withStatementAdded(set, allow, where, at), request)).toBe('explicitDeny');
      }),
      runs,
    );
  });

  it('decides the same whatever the order of statements and policies', () => {
    fc.assert(
      fc.property(policySetArb, requestArb, fc.infiniteStream(fc.nat()), (set, request, randomness) => {
        const shuffle = <T>(items: readonly T[]): T[] => {
          const copy = [...items];
          for (let i = copy.length - 1; i > 0; i--) {
            const j = randomness.next().value! % (i + 1);
            [copy[i], copy[j]] = [copy[j]!, copy[i]!];
          }
          return copy;
        };
        const reorder = (p: Policy): Policy => ({ ...p, Statement: shuffle(p.Statement) });
        const shuffled: PolicySet = {
          identity: shuffle((set.identity ?? []) as Policy[]).map(reorder),
          ...(set.boundary ? { boundary: reorder(set.boundary as Policy) } : {}),
          ...(set.session ? { session: reorder(set.session as Policy) } : {}),
          ...(set.resource ? { resource: reorder(set.resource as Policy) } : {}),
          ...(set.scps ? { scps: (set.scps as Policy[][]).map((level) => shuffle(level).map(reorder)) } : {}),
        };
        expect(decide(shuffled, request)).toBe(decide(set, request));
      }),
      runs,
    );
  });

  it('allows any same-account request when the only policy is an identity Allow of every action on every resource', () => {
    fc.assert(
      fc.property(sameAccountRequestArb(), (request) => {
        expect(decide({ identity: [fullAwsAccess] }, request)).toBe('allowed');
      }),
      runs,
    );
  });

  it('denies every request implicitly when there is no policy at all', () => {
    fc.assert(
      fc.property(requestArb, (request) => {
        expect(decide({}, request)).toBe('implicitDeny');
      }),
      { numRuns: 50 },
    );
  });

  // Without a resource-based policy, only identity-based policies can grant, and every
  // other policy type present can only narrow that grant.
  const withoutResourcePolicy = policySetArb.map(({ resource: _resource, ...rest }) => rest as PolicySet);
  const allowsNothing: Policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: 'arn:aws:iam::999999999999:user/nobody' }] };

  it('allows nothing without an identity-based policy when there is no resource-based policy', () => {
    fc.assert(
      fc.property(withoutResourcePolicy, requestArb, (set, request) => {
        expect(decide({ ...set, identity: [] }, request)).not.toBe('allowed');
      }),
      runs,
    );
  });

  it('allows nothing through a permissions boundary that allows nothing, when there is no resource-based policy', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
    fc.assert(
      fc.property(withoutResourcePolicy, requestArb, (set, request) => {
        expect(decide({ ...set, boundary: allowsNothing }, request)).not.toBe('allowed');
      }),
      runs,
    );
  });

  it('allows nothing to a role session whose session policy allows nothing, when there is no resource-based policy', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
    fc.assert(
      fc.property(withoutResourcePolicy, requestArb, (set, request) => {
        const session = { ...request, principal: `arn:aws:sts::${ACCOUNT}:assumed-role/app-web/session-1`, resourceAccount: ACCOUNT };
        expect(decide({ ...set, session: allowsNothing }, session)).not.toBe('allowed');
      }),
      runs,
    );
  });

  it('never allows a cross-account request on identity-based policies alone', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
    fc.assert(
      fc.property(withoutResourcePolicy, sameAccountRequestArb(), (set, request) => {
        const crossAccount = { ...request, principal: `arn:aws:iam::${OTHER_ACCOUNT}:user/carol`, resourceAccount: ACCOUNT };
        expect(decide(set, crossAccount)).not.toBe('allowed');
      }),
      runs,
    );
  });

  it('allows nothing when one SCP level has no Allow for the action', () => {
    // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
    fc.assert(
      fc.property(policySetArb, requestArb, fc.nat(), (set, request, where) => {
        const levels = (set.scps as Policy[][] | undefined) ?? [[fullAwsAccess]];
        const bare = where % levels.length;
        const scps = levels.map((level, i) => (i === bare ? [allowsNothing] : level));
        expect(decide({ ...set, scps }, request)).not.toBe('allowed');
      }),
      runs,
    );
  });
});
