// Public API of the project store (desktop main process; plain Node, no electron import).

export { openStore, normaliseFingerprint, type Store, type OpenOptions } from './store.js';
export { restoreFrom, restoreCopies, RESTORE_COPY_LIMIT, type RestoreOptions, type RestoreResult } from './backup.js';
export { StoreError, isStoreError, type StoreErrorCode } from './errors.js';
export { loadMigrations, latestVersion, migrate, APPLICATION_ID, defaultMigrationsDir, type Migration } from './migrate.js';
export { GENESIS_HASH, type AuditEntry, type ChainVerdict, type AuditAnchor, type AnchorVerdict } from './audit.js';
export { canonicalJson } from './canonical.js';
export type * from './types.js';
export { codeFromText, type IssuedFile, type IssuedFileInput } from './reports.js';
