/**
 * Bundles test/helpers/progress-child.ts into one file, so that each child
 * starts as fast as plain node (the crash test starts a hundred of them).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export async function buildProgressChild(): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'iamprep-child-')), 'progress-child.mjs');
  await build({
    entryPoints: [resolve(import.meta.dirname, 'progress-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: "import { createRequire as __childRequire } from 'node:module'; const require = __childRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return outfile;
}
