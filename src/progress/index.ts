export * from './types.js';
export { createMemoryStore, applyAnswer } from './memory-store.js';
export { openConfStore, FutureStoreError, StoreBusyError, SCHEMA_VERSION, type ConfStoreOptions } from './conf-store.js';
export { configDir, userPacksDir } from './paths.js';
export { settingsProblem } from './store-core.js';
export { dataProblems } from './snapshot.js';
export { computeStats, heatLevel, sparkline, HEAT_SYMBOLS, accuracyByDay, trueRetention, forecast, heatmap, streak, ACCURACY_DAYS, RETENTION_DAYS, FORECAST_DAYS, HEATMAP_WEEKS, type ItemMeta, type MasteryRow, type DayCount, type StatsReport } from './stats.js';
export { dayKey, startOfDay, endOfDay, weekdayIndex } from './days.js';
export { exportDocument, checkImport, EXPORT_FORMAT, type ExportDocument, type ImportCheck } from './exchange.js';
