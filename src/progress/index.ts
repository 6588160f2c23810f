export * from './types.js';
export { createMemoryStore, applyAnswer } from './memory-store.js';
export { openConfStore, FutureStoreError, SCHEMA_VERSION, type ConfStoreOptions } from './conf-store.js';
export { configDir, userPacksDir } from './paths.js';
