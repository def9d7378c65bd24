// Size limits shared by the API boundary (contract.ts, http.ts) and the renderer; no imports, so
// the renderer bundle does not pull in zod for them.

/**
 * A whole-database backup may be much larger than one workbook or report (stored reports and
 * workbooks accumulate), so restore has its own limit, and a backup the app writes can be read
 * back. 256 MB keeps the base64 text (≈ 342 M characters) under V8's string limit (≈ 536 M).
 */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;
export const MAX_BACKUP_BASE64 = Math.ceil(MAX_BACKUP_BYTES / 3) * 4;

/** The header carrying the web host's per-start secret (shared/api/http.ts, renderer/api.ts). */
export const TOKEN_HEADER = 'x-landcheck-token';

/**
 * Calls that read or build whole files. The web host runs at most MAX_HEAVY of them at a time and
 * answers the others "busy" at once, before reading their body (docs/security.md).
 */
export const HEAVY_METHODS = [
  'import.workbook',
  'import.correct',
  'projects.openSample',
  'report.render',
  'report.verify',
  'batch.start',
  'batch.report',
  'store.backup',
  'store.restore',
] as const;
export const MAX_HEAVY = 2;
