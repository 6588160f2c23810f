/**
 * Where the learner's policy goes in the policy set, by the exercise's slot.
 * The other policies in play come from the exercise's `given`.
 *
 * - identity: first of the principal's identity-based policies, before `given.identity`;
 * - resource, trust: the resource-based policy (a trust policy is the role's resource-based policy);
 * - boundary, session: that policy;
 * - scp: attached at the account level next to the given SCPs; with none given,
 *   next to `FullAWSAccess`, which AWS attaches to every level by default
 *   (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html);
 * - rcp: at the account level next to the given RCPs (RCPFullAWSAccess is implied).
 */
import type { Exercise, Slot } from '../content/index.js';
import type { PolicyInput, PolicySet, PolicyType } from '../policy/index.js';

export const FULL_AWS_ACCESS = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';

export function policyTypeOfSlot(slot: Slot): PolicyType {
  return slot === 'trust' ? 'resource' : slot;
}

export interface Placement {
  set: PolicySet;
  /** The learner's policy in the set, as the engine names it (`identity[0]`, `scps[0][1]`). */
  slotName: string;
}

export function placePolicy(exercise: Pick<Exercise, 'slot' | 'given'>, policy: PolicyInput): Placement {
  const given = exercise.given as PolicySet;
  const set: PolicySet = { ...given };
  switch (exercise.slot) {
    case 'identity':
      set.identity = [policy, ...((given.identity ?? []) as PolicyInput[])];
      return { set, slotName: 'identity[0]' };
    case 'resource':
    case 'trust':
      set.resource = policy;
      return { set, slotName: 'resource' };
    case 'boundary':
      set.boundary = policy;
      return { set, slotName: 'boundary' };
    case 'session':
      set.session = policy;
      return { set, slotName: 'session' };
    case 'scp':
    case 'rcp': {
      const name = exercise.slot === 'scp' ? 'scps' : 'rcps';
      const levels = ((given[name] ?? []) as PolicyInput[][]).map((level) => [...level]);
      if (levels.length === 0) levels.push(exercise.slot === 'scp' ? [FULL_AWS_ACCESS] : []);
      const last = levels[levels.length - 1]!;
      last.push(policy);
      set[name] = levels;
      return { set, slotName: `${name}[${levels.length - 1}][${last.length - 1}]` };
    }
  }
}
