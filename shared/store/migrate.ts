// Numbered schema migrations: shared/store/migrations/NNN_name.sql, applied in order, each in
// its own transaction together with `PRAGMA user_version = NNN` (the last applied migration).
// A migration file must therefore not contain BEGIN/COMMIT, and cannot switch foreign_keys
// (a no-op inside a transaction): a table rebuild has to keep every reference valid itself.
// Never edit a released migration; add the next number instead.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './sqlite.js';
import { appendAudit } from './audit.js';

/** `PRAGMA application_id` of a LandCheck store ('LCHK'). */
export const APPLICATION_ID = 0x4c43484b;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Folder of the .sql files: ./migrations next to this module. When the main process is bundled,
 * ship that folder and pass its location as `migrationsDir` to openStore/restoreFrom.
 */
export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('./migrations/', import.meta.url));
}

const cache = new Map<string, Migration[]>();

/** Reads NNN_name.sql files; versions must run 1, 2, 3, … without gaps or duplicates. */
export function loadMigrations(dir: string = defaultMigrationsDir()): Migration[] {
  const hit = cache.get(dir);
  if (hit) return hit;
  const list: Migration[] = [];
  for (const f of readdirSync(dir).sort()) {
    const m = /^(\d{3,})_([\w-]+)\.sql$/.exec(f);
    if (!m) continue;
    list.push({ version: Number(m[1]), name: m[2]!, sql: readFileSync(join(dir, f), 'utf8') });
  }
  list.sort((a, b) => a.version - b.version);
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.version}_${m.name}: expected version ${i + 1}`);
  });
  cache.set(dir, list);
  return list;
}

export function latestVersion(migrations: Migration[] = loadMigrations()): number {
  return migrations.length ? migrations[migrations.length - 1]!.version : 0;
}

export function userVersion(db: Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Applies the migrations above the database's user_version up to `target` (default: all).
 * Each migration, its user_version and (once the audit log exists) an audit row are one
 * transaction: a crash leaves the database at the previous version, never half-migrated.
 * Returns the versions before and after.
 */
export function migrate(
  db: Database,
  opts: { migrations?: Migration[]; target?: number; now?: () => Date } = {},
): { from: number; to: number } {
  const migrations = opts.migrations ?? loadMigrations();
  const target = opts.target ?? latestVersion(migrations);
  const from = userVersion(db);
  let current = from;
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    // IMMEDIATE takes the write lock first; user_version is read again under it, so two
    // processes opening the same old file at once apply each migration exactly once.
    const applied = db.transaction(() => {
      current = userVersion(db);
      if (m.version <= current) return false;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
      if (m.version === 1) db.pragma(`application_id = ${APPLICATION_ID}`);
      if (hasTable(db, 'audit_log')) {
        const at = (opts.now?.() ?? new Date()).toISOString();
        appendAudit(db, { kind: 'store.migrate', projectId: null, at, payload: { from: current, to: m.version, name: m.name } });
      }
      return true;
    }).immediate();
    if (applied) current = m.version;
  }
  return { from, to: current };
}

export function hasTable(db: Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}
