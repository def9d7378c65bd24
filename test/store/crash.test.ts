import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore } from '../../shared/store/index.js';
import { openDatabase } from '../../shared/store/sqlite.js';
import { tempDir } from './fixtures.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

const writer = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the writer until it has reported `commits` commits, then SIGKILLs it; returns the reported ids. */
function runAndKill(path: string, round: number, commits: number): Promise<{ committed: number[][]; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, path, String(round)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const committed: number[][] = [];
    let buf = '';
    let err = '';
    let killed = false;
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line !== 'ready') committed.push(line.split(' ').map(Number));
      }
      if (!killed && committed.length >= commits) {
        killed = true;
        child.kill('SIGKILL'); // no chance to finish the transaction in flight
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (!killed) reject(new Error(`writer exited on its own (code ${code}): ${err}`));
      else resolve({ committed, signal });
    });
  });
}

it('SIGKILL of a writer in the middle of its transactions: integrity ok, nothing committed is lost', async () => {
  const path = tmp.file('crash.db');
  const all: number[][] = [];
  for (let round = 1; round <= 3; round++) {
    const { committed, signal } = await runAndKill(path, round, 40 + round * 37);
    expect(signal).toBe('SIGKILL');
    expect(committed.length).toBeGreaterThanOrEqual(40 + round * 37);
    all.push(...committed);

    // the killed writer never checkpointed: its committed pages are only in the WAL, which
    // the next opening has to recover
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    // reopen after each kill, like the app would on the next start
    const db = openDatabase(path);
    expect(db.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    db.close();
    const s = openStore(path);
    for (const [projectId, importId, runId] of all) {
      expect(s.getProject(projectId!), `project ${projectId}`).not.toBeNull();
      expect(s.getImport(importId!)?.summary.projectId).toBe(projectId);
      const run = s.getRun(runId!);
      expect(run?.overrides).toHaveLength(1);
    }
    // every transaction is all-or-nothing: no project without its run and override
    const db2 = openDatabase(path, { readonly: true });
    const orphans = db2
      .prepare('SELECT count(*) FROM projects p WHERE NOT EXISTS (SELECT 1 FROM runs r JOIN overrides o ON o.run_id = r.id WHERE r.project_id = p.id)')
      .pluck()
      .get() as number;
    db2.close();
    // the one composite action in flight (5 separate store calls) may be cut between calls, never inside one
    expect(orphans).toBeLessThanOrEqual(round);
    expect(s.verifyAuditChain().ok).toBe(true);
    s.close();
  }
});

it('two processes writing the same store at once: no busy errors, one linear audit chain', async () => {
  const path = tmp.file('shared.db');
  openStore(path).close();
  const run = (round: number) =>
    new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', writer, path, String(round), '40'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(out.trim().split('\n').length - 1) : reject(new Error(`writer ${round} exit ${code}: ${err}`))));
    });
  expect(await Promise.all([run(1), run(2)])).toEqual([40, 40]);
  const s = openStore(path);
  expect(s.listProjects()).toHaveLength(80);
  const log = s.auditLog();
  expect(log.filter((e) => e.kind === 'override')).toHaveLength(80);
  // both writers' rows interleave in one chain
  const owners = log.filter((e) => e.kind === 'project.create').map((e) => (e.payload as { name: string }).name.split(' ')[1]!.split('-')[0]);
  expect(new Set(owners)).toEqual(new Set(['1', '2']));
  expect(s.verifyAuditChain()).toMatchObject({ ok: true, count: log.length });
  s.close();
});
