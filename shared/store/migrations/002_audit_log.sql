-- 002: append-only audit log of imports, edits, overrides and issued reports.
-- Each row is chained to the previous one: hash = sha256(prev_hash || canonical JSON of
-- {id, at, kind, projectId, payload}) (shared/store/audit.ts). AUTOINCREMENT keeps the highest id
-- ever used in sqlite_sequence, so removing rows at the end of the chain is detectable too.
-- project_id has no foreign key: the log outlives deleted projects.

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT    NOT NULL,
  kind        TEXT    NOT NULL,
  project_id  INTEGER,
  payload     TEXT    NOT NULL,             -- canonical JSON
  prev_hash   TEXT    NOT NULL,
  hash        TEXT    NOT NULL UNIQUE
) STRICT;
CREATE INDEX audit_log_project ON audit_log (project_id, id);
CREATE INDEX audit_log_kind ON audit_log (kind, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, '审计日志只能追加，不能修改');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, '审计日志只能追加，不能删除');
END;
