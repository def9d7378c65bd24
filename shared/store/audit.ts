// Append-only audit log with a hash chain: every row carries the hash of the previous row, and
// its own hash = sha256(prev_hash + canonical JSON of {id, at, kind, projectId, payload}).
// Editing, inserting or deleting any row (even with the no-update/no-delete triggers dropped)
// breaks the chain at that row; removing rows at the end is caught by sqlite_sequence.

import { canonicalJson, sha256Hex } from './canonical.js';
import type { Database } from './sqlite.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  id: number;
  at: string;
  kind: string;
  projectId: number | null;
  payload: unknown;
  prevHash: string;
  hash: string;
}

export interface AuditInput {
  kind: string;
  projectId: number | null;
  at: string;
  payload: unknown;
}

function rowHash(prevHash: string, id: number, at: string, kind: string, projectId: number | null, payloadText: string): string {
  // payload enters as the stored text, so any byte change in it changes the hash.
  return sha256Hex(prevHash + canonicalJson({ id, at, kind, projectId, payload: payloadText }));
}

/** Appends one row; call inside the transaction of the change it records. Returns its id. */
export function appendAudit(db: Database, e: AuditInput): number {
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    | { id: number; hash: string }
    | undefined;
  const seq = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck().get() as number | undefined;
  const id = Math.max(last?.id ?? 0, seq ?? 0) + 1;
  const prev = last?.hash ?? GENESIS_HASH;
  const payloadText = canonicalJson(e.payload ?? null);
  const hash = rowHash(prev, id, e.at, e.kind, e.projectId, payloadText);
  db.prepare('INSERT INTO audit_log (id, at, kind, project_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    id,
    e.at,
    e.kind,
    e.projectId,
    payloadText,
    prev,
    hash,
  );
  return id;
}

interface AuditRow {
  id: number;
  at: string;
  kind: string;
  project_id: number | null;
  payload: string;
  prev_hash: string;
  hash: string;
}

export function readAudit(db: Database, q: { projectId?: number; kind?: string; limit?: number } = {}): AuditEntry[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.projectId !== undefined) (where.push('project_id = ?'), args.push(q.projectId));
  if (q.kind !== undefined) (where.push('kind = ?'), args.push(q.kind));
  let sql = 'SELECT * FROM audit_log' + (where.length ? ` WHERE ${where.join(' AND ')}` : '') + ' ORDER BY id';
  if (q.limit !== undefined) (sql += ' LIMIT ?'), args.push(q.limit);
  return (db.prepare(sql).all(...args) as unknown as AuditRow[]).map((r) => ({
    id: r.id,
    at: r.at,
    kind: r.kind,
    projectId: r.project_id,
    payload: safeParse(r.payload),
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export interface ChainVerdict {
  ok: boolean;
  /** id of the first row that does not fit the chain. */
  brokenAt?: number;
  /** Chinese explanation when not ok. */
  message?: string;
  /** Rows checked. */
  count: number;
}

/** Walks the whole log in id order and recomputes every hash. */
export function verifyChain(db: Database): ChainVerdict {
  let prev = GENESIS_HASH;
  let expectId = 1;
  let count = 0;
  for (const raw of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate()) {
    const r = raw as unknown as AuditRow;
    count++;
    if (r.id !== expectId) {
      return broken(r.id, count, `审计日志第 ${expectId} 条记录缺失（下一条为第 ${r.id} 条），日志被删改过。`);
    }
    if (r.prev_hash !== prev) {
      return broken(r.id, count, `审计日志第 ${r.id} 条记录的前序哈希与上一条不符，日志被删改过。`);
    }
    if (rowHash(prev, r.id, r.at, r.kind, r.project_id, r.payload) !== r.hash) {
      return broken(r.id, count, `审计日志第 ${r.id} 条记录的内容与其哈希不符，该记录被修改过。`);
    }
    prev = r.hash;
    expectId++;
  }
  const seq = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck().get() as number | undefined;
  if (seq !== undefined && seq > expectId - 1) {
    return broken(expectId, count, `审计日志末尾缺少第 ${expectId} 至第 ${seq} 条记录，日志被删改过。`);
  }
  return { ok: true, count };
}

function broken(id: number, count: number, message: string): ChainVerdict {
  return { ok: false, brokenAt: id, message, count };
}
