// Start-up and migration events for the log file (shared/log/index.ts): which program started,
// which database it opened, whether that database was created or migrated (schema version
// before and after, docs/architecture.md "The store") and whether its audit chain held.
import { closeSync, openSync, readSync } from 'node:fs';
import { latestVersion, loadMigrations } from '../store/migrate';
import { logEvent, logInternal } from './index';

/**
 * The schema version of a SQLite file as written in its header (`user_version`, offset 60, big
 * endian), read without opening the database; null when the file does not exist or is not SQLite.
 * Read before the store opens (and migrates) the file.
 */
export function schemaVersionOnDisk(path: string): number | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const head = Buffer.alloc(100);
    if (readSync(fd, head, 0, 100, 0) < 100 || head.toString('latin1', 0, 16) !== 'SQLite format 3\0') return null;
    return head.readUInt32BE(60);
  } finally {
    closeSync(fd);
  }
}

export function logStart(program: string, version: string, fields: Record<string, string> = {}): void {
  logEvent('INFO', 'start', { program, version, node: process.versions.node, platform: process.platform, ...fields });
}

/**
 * The database opened at `path`: created, migrated (`before` → latest) or opened as it was; a
 * broken audit chain is a warning.
 */
export function logDatabaseOpened(path: string, before: number | null, audit: { ok: boolean; message?: string }, migrationsDir?: string): void {
  let after: number | null = null;
  try {
    after = latestVersion(loadMigrations(migrationsDir));
  } catch (e) {
    logInternal(e, { doing: 'read migrations' });
  }
  const event = before === null || before === 0 ? 'database.created' : after !== null && before < after ? 'database.migrated' : 'database.opened';
  logEvent('INFO', event, { path, from: before ?? undefined, to: after ?? undefined });
  if (!audit.ok) logEvent('WARN', 'audit.broken', { path, message: audit.message });
}

/** The database could not be opened (the user saw the same Chinese message). */
export function logDatabaseFailed(path: string, message: string): void {
  logEvent('ERROR', 'database.failed', { path, message });
}
