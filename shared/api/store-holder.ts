// The open project database, replaceable as a whole: backup to one file, and restore, which
// closes the live database, swaps the file (shared/store/backup.ts validates it first and keeps
// the previous one as <db>.before-restore) and reopens it. Handlers always ask the holder for the
// current store, so a restore is seen by every later call.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, restoreFrom, type Store } from '../store/index';

export class StoreHolder {
  private current: Store;

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
    try {
      const file = join(dir, 'backup.sqlite');
      await this.current.backupTo(file);
      return new Uint8Array(readFileSync(file));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** Replace the database with a backup; on any error the live database stays as it was. */
  restore(bytes: Uint8Array): void {
    const dir = mkdtempSync(join(tmpdir(), 'landcheck-restore-'));
    const file = join(dir, 'restore.sqlite');
    writeFileSync(file, bytes);
    this.current.close();
    try {
      restoreFrom(file, this.path, this.migrationsDir ? { migrationsDir: this.migrationsDir } : {});
    } finally {
      this.current = this.open();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  close(): void {
    this.current.close();
  }

  private open(): Store {
    return openStore(this.path, this.migrationsDir ? { migrationsDir: this.migrationsDir } : {});
  }
}
