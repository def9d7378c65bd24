// Append-only audit log with a hash chain: every row carries the hash of the previous row, and
// its own hash = sha256(prev_hash + canonical JSON of {id, at, kind, projectId, payload}).
// Editing, inserting or deleting any row (even with the no-update/no-delete triggers dropped)
// breaks the chain at that row; removing rows at the end is caught by sqlite_sequence.
//
// Someone who can write the file could still recompute the whole chain after an edit. The chain
// is therefore anchored outside the database: every issued report records the head of the chain
// (`chainHead`: id and hash of the newest row) in its manifest, and `checkAnchor` tells whether
// this log still holds that exact row — a rewritten chain contradicts the reports already issued
// (docs/security.md, "Audit log").

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
  if (q.projectId !== undefined) {
    where.push('project_id = ?');
    args.push(q.projectId);
  }
  if (q.kind !== undefined) {
    where.push('kind = ?');
    args.push(q.kind);
  }
  let sql = 'SELECT * FROM audit_log' + (where.length ? ` WHERE ${where.join(' AND ')}` : '') + ' ORDER BY id';
  if (q.limit !== undefined) {
    sql += ' LIMIT ?';
    args.push(q.limit);
  }
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

/** A point of the chain recorded outside the database (in an issued report's manifest). */
export interface AuditAnchor {
  /** id of the newest audit row when the report was issued. */
  id: number;
  /** Its hash. */
  hash: string;
}

export interface AnchorVerdict {
  ok: boolean;
  /** Chinese explanation when not ok. */
  message?: string;
}

/** The newest row of the chain, or null for an empty log. */
export function chainHead(db: Database): AuditAnchor | null {
  const r = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  return r ? { id: r.id, hash: r.hash } : null;
}

/** Whether this log holds the anchored row with the same hash (the chain up to it is unchanged). */
export function checkAnchor(db: Database, anchor: AuditAnchor): AnchorVerdict {
  const short = `${anchor.hash.slice(0, 12)}…`;
  const row = db.prepare('SELECT hash FROM audit_log WHERE id = ?').get(anchor.id) as { hash: string } | undefined;
  if (row && row.hash === anchor.hash) return { ok: true };
  if (row) {
    return { ok: false, message: `报告记载的审计日志第 ${anchor.id} 条（哈希 ${short}）与本机日志中的第 ${anchor.id} 条不符：审计日志在出具该报告之后被改写过。` };
  }
  const head = chainHead(db);
  if (!head || head.id < anchor.id) {
    return {
      ok: false,
      message: `报告记载的审计日志已有 ${anchor.id} 条，而本机日志只有 ${head?.id ?? 0} 条：日志被截断，或数据库被换成了更早的版本（例如从较早的备份恢复）。`,
    };
  }
  return { ok: false, message: `报告记载的审计日志第 ${anchor.id} 条（哈希 ${short}）在本机日志中不存在：审计日志在出具该报告之后被改写过。` };
}
