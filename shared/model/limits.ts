// Limits the UI checks before it reads a file, and the API boundary enforces again (shared/api/limits.ts
// re-exports them for contract.ts and http.ts). No imports, so the renderer bundle stays small.

/**
 * A whole-database backup may be much larger than one workbook or report (stored reports and
 * workbooks accumulate), so restore has its own limit, and a backup the app writes can be read
 * back. 256 MB keeps the base64 text (≈ 342 M characters) under V8's string limit (≈ 536 M).
 */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;
export const MAX_BACKUP_BASE64 = Math.ceil(MAX_BACKUP_BYTES / 3) * 4;
