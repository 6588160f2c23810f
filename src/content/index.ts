export * from './types.js';
export { loadPack, findPackFiles, MAX_FILE_BYTES, type LoadResult, type LoadOptions } from './loader.js';
export { LEVELS, QUESTION_TYPES, SLOTS } from './schema.js';
export { findControlCharacter } from './yaml-check.js';
export { loadLibrary, type Library } from './library.js';
export { loadPackCached } from './cache.js';
