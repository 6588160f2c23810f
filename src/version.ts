import { createRequire } from 'node:module';

declare const IAMPREP_VERSION: string | undefined;

/** Set by the bundler; read from package.json when running from source. */
export const VERSION: string =
  typeof IAMPREP_VERSION === 'string' ? IAMPREP_VERSION : (createRequire(import.meta.url)('../package.json') as { version: string }).version;
