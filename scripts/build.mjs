// Bundles the CLI into dist/iamprep.js: a bundle starts about twice as fast
// as the TypeScript output with its node_modules imports. Commands and the
// UI are split into chunks loaded on demand, so `iamprep eval` never parses
// the UI and the home screen never parses the policy engine.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, readFileSync, renameSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Built aside and swapped in, so a running CLI or test never sees half a build.
const staging = `dist.building-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
await build({
  entryPoints: { iamprep: 'src/cli.tsx' },
  outdir: staging,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: process.env.IAMPREP_DEBUG_BUILD ? false : true,
  legalComments: 'linked',
  sourcemap: false,
  define: { IAMPREP_VERSION: JSON.stringify(version), 'process.env.NODE_ENV': '"production"' },
  // Ink imports react-devtools-core only when DEV is set; it is not shipped.
  alias: { 'react-devtools-core': './scripts/devtools-stub.mjs' },
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __iamprepCreateRequire } from 'node:module'; const require = __iamprepCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
// `iamprep lint` reads the action catalog at run time, on first use; it is never bundled.
copyFileSync('src/policy/catalog/iam-catalog.json', `${staging}/iam-catalog.json`);
copyFileSync('src/policy/catalog/LICENSE-iam-data.txt', `${staging}/LICENSE-iam-data.txt`);
chmodSync(`${staging}/iamprep.js`, 0o755);
rmSync('dist', { recursive: true, force: true });
renameSync(staging, 'dist');
