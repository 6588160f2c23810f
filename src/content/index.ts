export * from './types.js';
export { loadPack, loadManifest, findPackFiles, MAX_FILE_BYTES, type LoadResult, type LoadOptions, type ManifestResult } from './loader.js';
export { LEVELS, QUESTION_TYPES, SLOTS, MAX_TEXT_LENGTH } from './schema.js';
export { findControlCharacter } from './yaml-check.js';
export { loadLibrary, packRoots, type Library, type LibrarySources, type PackOrigin, type SkippedPack } from './library.js';
export { loadPackCached } from './cache.js';
export { satisfies, parseVersion, parseRange, isRange, compareVersions, type SemVer } from './semver.js';
export { packJsonSchema, questionsJsonSchema, schemaFileText, SCHEMA_FILES, type JsonSchema } from './json-schema.js';
