-- 001: projects, versioned condition sets, imports, check runs, overrides and issued reports.
-- Times are ISO 8601 UTC text. Large JSON (ImportResult, CheckRun) is stored as gzip of the
-- canonical JSON with the SHA-256 of the uncompressed text (see shared/store/canonical.ts).

CREATE TABLE projects (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  parcel      TEXT,
  notes       TEXT,
  archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at  TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL
) STRICT;
CREATE INDEX projects_updated ON projects (updated_at, id);

-- Condition sets are never edited in place: each save with a different document is a new version.
CREATE TABLE condition_sets (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  version     INTEGER NOT NULL CHECK (version >= 1),
  doc         TEXT    NOT NULL,             -- canonical JSON of the ConditionsDoc
  sha256      TEXT    NOT NULL,             -- SHA-256 of doc
  note        TEXT,
  created_at  TEXT    NOT NULL,
  UNIQUE (project_id, version)
) STRICT;

CREATE TABLE imports (
  id              INTEGER PRIMARY KEY,
  project_id      INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  file_name       TEXT    NOT NULL,
  workbook_sha256 TEXT    NOT NULL,          -- ImportResult.sha256: hash of the workbook file
  data            BLOB    NOT NULL,          -- gzip(canonical JSON of the ImportResult)
  data_sha256     TEXT    NOT NULL,
  created_at      TEXT    NOT NULL
) STRICT;
CREATE INDEX imports_project ON imports (project_id, id);
CREATE INDEX imports_workbook ON imports (workbook_sha256);

-- References to imports/condition_sets are NO ACTION (checked at statement end) so that deleting
-- a project cascades through all of them in one statement.
CREATE TABLE runs (
  id                INTEGER PRIMARY KEY,
  project_id        INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  import_id         INTEGER NOT NULL REFERENCES imports (id),
  condition_set_id  INTEGER NOT NULL REFERENCES condition_sets (id),
  overall           TEXT    NOT NULL CHECK (overall IN ('pass', 'fail', 'incomplete')),
  checked_at        TEXT    NOT NULL,
  data              BLOB    NOT NULL,        -- gzip(canonical JSON of the CheckRun)
  data_sha256       TEXT    NOT NULL,
  created_at        TEXT    NOT NULL
) STRICT;
CREATE INDEX runs_project ON runs (project_id, id);
CREATE INDEX runs_import ON runs (import_id);
CREATE INDEX runs_condition_set ON runs (condition_set_id);

CREATE TABLE overrides (
  id            INTEGER PRIMARY KEY,
  run_id        INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  condition_id  TEXT    NOT NULL,
  building      TEXT,
  verdict       TEXT    NOT NULL CHECK (verdict IN ('pass', 'fail', 'missing', 'review', 'not_applicable')),
  reason        TEXT    NOT NULL CHECK (length(trim(reason)) > 0),
  user          TEXT,
  created_at    TEXT    NOT NULL
) STRICT;
CREATE INDEX overrides_run ON overrides (run_id, id);

CREATE TABLE reports (
  id            INTEGER PRIMARY KEY,
  run_id        INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  fingerprint   TEXT    NOT NULL CHECK (fingerprint GLOB '[0-9a-f]*' AND fingerprint NOT GLOB '*[^0-9a-f]*'),
  file_name     TEXT    NOT NULL,
  kind          TEXT    NOT NULL CHECK (kind IN ('pdf', 'xlsx')),
  bytes         BLOB,
  bytes_sha256  TEXT,
  created_at    TEXT    NOT NULL
) STRICT;
CREATE INDEX reports_fingerprint ON reports (fingerprint);
CREATE INDEX reports_run ON reports (run_id);
