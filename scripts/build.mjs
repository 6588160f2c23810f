// Bundles the CLI into dist/iamprep.js: one file starts about twice as fast
// as the TypeScript output with its node_modules imports.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/cli.tsx'],
  outfile: 'dist/iamprep.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
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
chmodSync('dist/iamprep.js', 0o755);
