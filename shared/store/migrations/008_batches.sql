-- 008: saved batches. A batch keeps its summary and, per workbook, a project of its own (hidden
-- from the project list while `projects.batch_id` is set) that opens like any project: inspect,
-- override, report. Turning a batch into projects clears `batch_id`.

CREATE TABLE batches (
  id           INTEGER PRIMARY KEY,
  name         TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  status       TEXT    NOT NULL CHECK (status IN ('running', 'finished', 'cancelled', 'interrupted')),
  total        INTEGER NOT NULL CHECK (total >= 0),
  org          TEXT,                         -- JSON of the report organisation chosen at start
  user         TEXT,
  created_at   TEXT    NOT NULL,
  finished_at  TEXT
) STRICT;

CREATE TABLE batch_items (
  id          INTEGER PRIMARY KEY,
  batch_id    INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL CHECK (position >= 0),
  file_name   TEXT    NOT NULL,
  status      TEXT    NOT NULL CHECK (status IN ('pending', 'done', 'error', 'cancelled')),
  error       TEXT,
  project_id  INTEGER REFERENCES projects (id) ON DELETE SET NULL,
  UNIQUE (batch_id, position)
) STRICT;

ALTER TABLE projects ADD COLUMN batch_id INTEGER REFERENCES batches (id) ON DELETE CASCADE;
CREATE INDEX projects_batch ON projects (batch_id);
