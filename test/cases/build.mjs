#!/usr/bin/env node
/**
 * Writes test/cases/*.jsonl from the tables in test/cases/tables/. Every
 * expected decision is written by hand from the AWS documentation page
 * cited in its `doc` field; nothing here runs the engine.
 *
 *   node test/cases/build.mjs          rewrite the files
 *   node test/cases/build.mjs --check  exit 1 when a file is out of date
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionsAndWildcards } from './tables/actions.mjs';
import { arnBoolBinaryNull } from './tables/arn-bool-binary-null.mjs';
import { crossAccount, trustPolicies } from './tables/cross-account-and-trust.mjs';
import { explicitDeny, sameAccountResourcePolicies } from './tables/deny-and-resource-policies.mjs';
import { notPrincipal, permissionsBoundaries, rcps, scps, sessionPolicies } from './tables/guardrails.mjs';
import { ifExistsAndSetOperators } from './tables/ifexists-sets.mjs';
import { invalidPolicies } from './tables/invalid.mjs';
import { ipOperators } from './tables/ip.mjs';
import { numericDateOperators } from './tables/numbers-dates.mjs';
import { resourcesAndNotResource } from './tables/resources.mjs';
import { stringOperators } from './tables/strings.mjs';
import { policyVariables } from './tables/variables.mjs';

const here = dirname(fileURLToPath(import.meta.url));

const groups = [
  actionsAndWildcards(),
  resourcesAndNotResource(),
  stringOperators(),
  numericDateOperators(),
  ipOperators(),
  arnBoolBinaryNull(),
  ifExistsAndSetOperators(),
  policyVariables(),
  explicitDeny(),
  sameAccountResourcePolicies(),
  crossAccount(),
  trustPolicies(),
  permissionsBoundaries(),
  sessionPolicies(),
  scps(),
  rcps(),
  notPrincipal(),
  invalidPolicies(),
];

const check = process.argv.includes('--check');
let total = 0;
const stale = [];
for (const g of groups) {
  const file = join(here, `${g.name}.jsonl`);
  const text = g.cases.map((c) => JSON.stringify(c)).join('\n') + '\n';
  total += g.cases.length;
  if (check) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) stale.push(`${g.name}.jsonl`);
    continue;
  }
  writeFileSync(file, text);
  console.log(`${g.name}.jsonl: ${g.cases.length} cases`);
}
if (check && stale.length > 0) {
  console.error(`out of date, run node test/cases/build.mjs: ${stale.join(', ')}`);
  process.exit(1);
}
console.log(`total: ${total} cases`);
