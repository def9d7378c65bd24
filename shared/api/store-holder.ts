// The open project database, replaceable as a whole: backup to one file, and restore, which
// closes the live database, swaps the file (shared/store/backup.ts validates it first and keeps
// the previous one as a timestamped <db>.before-restore-… copy) and reopens it. Handlers always
// ask the holder for the current store, so a restore is seen by every later call. The audit
// chain is verified whenever the database is opened (`audit`), so a broken chain is reported
// from the start (docs/security.md).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, restoreFrom, type ChainVerdict, type RestoreResult, type Store } from '../store/index';
import { ApiError } from './dispatch';

export class StoreHolder {
  private current: Store;
  /** The audit chain as verified when the database was (re)opened. */
  audit: ChainVerdict = { ok: true, count: 0 };
  /** Backups still copying: a restore must not close the database under them. */
  private backups = 0;

  constructor(
    readonly path: string,
    private readonly migrationsDir?: string,
  ) {
    this.current = this.open();
  }

  get store(): Store {
    return this.current;
  }

  /** The whole database as one SQLite file. */
  async backup(): Promise<Uint8Array> {
    const dir = mkdtempSync(join(tmpdir(), 'landcheck-backup-'));
    this.backups++;
    try {
      const file = join(dir, 'backup.sqlite');
      await this.current.backupTo(file);
      return new Uint8Array(readFileSync(file));
    } finally {
      this.backups--;
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** Replace the database with a backup; on any error the live database stays as it was. */
  restore(bytes: Uint8Array): RestoreResult {
    if (this.backups > 0) throw new ApiError('正在备份数据库，请等备份完成后再恢复', 'busy');
    const dir = mkdtempSync(join(tmpdir(), 'landcheck-restore-'));
    const file = join(dir, 'restore.sqlite');
    writeFileSync(file, bytes);
    this.current.close();
    try {
      return restoreFrom(file, this.path, this.migrationsDir ? { migrationsDir: this.migrationsDir } : {});
    } finally {
      this.current = this.open();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  close(): void {
    this.current.close();
  }

  private open(): Store {
    const store = openStore(this.path, this.migrationsDir ? { migrationsDir: this.migrationsDir } : {});
    this.audit = store.verifyAuditChain();
    return store;
  }
}
