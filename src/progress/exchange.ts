/**
 * The export file: a store's data with a format tag and its schema version,
 * so that a later iamprep can migrate it like a store. An import accepts an
 * export or a progress.json itself, of this version or an older one.
 */
import { dataProblems, migrate, SCHEMA_VERSION } from './snapshot.js';
import type { ProgressData } from './types.js';

export const EXPORT_FORMAT = 'iamprep-progress';

export interface ExportDocument extends ProgressData {
  format: typeof EXPORT_FORMAT;
  schemaVersion: number;
  /** ISO 8601. */
  exportedAt: string;
}

export function exportDocument(data: ProgressData, now: Date): ExportDocument {
  return { format: EXPORT_FORMAT, schemaVersion: SCHEMA_VERSION, exportedAt: now.toISOString(), ...data };
}

export type ImportCheck = { ok: true; data: ProgressData } | { ok: false; problems: string[]; newer?: number };

/** Checks a parsed file completely before anything is applied; every problem is listed. */
export function checkImport(value: unknown): ImportCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problems: ['the file does not hold a JSON object'] };
  const doc = value as Record<string, unknown>;
  if (doc.format !== undefined && doc.format !== EXPORT_FORMAT) return { ok: false, problems: [`the file's format is \`${String(doc.format)}\`, not \`${EXPORT_FORMAT}\``] };
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, problems: ['the file has no schema version; it is not an iamprep progress export'] };
  if (version > SCHEMA_VERSION) return { ok: false, problems: [`the file was written by a newer iamprep (version ${version}, this one reads up to ${SCHEMA_VERSION})`], newer: version };
  const problems = dataProblems(doc, version, 1000);
  if (problems.length > 0) return { ok: false, problems };
  const migrated = migrate({ ...doc });
  return { ok: true, data: { items: migrated.items, cards: migrated.cards, history: migrated.history, settings: migrated.settings } };
}
