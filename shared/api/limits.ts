// Limits of the API boundary (contract.ts, http.ts): the backup size (defined in the model, which
// the renderer checks too), the web host's token header and its heavy calls.
export { MAX_BACKUP_BASE64, MAX_BACKUP_BYTES } from '../model/limits';

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
