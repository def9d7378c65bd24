-- 006: every imported version of a project's sheet (复审). Reading a file starts a new version;
-- a correction of an import is a new import row of the same version (`corrects` = the import it
-- corrects). Values typed by hand belong to that one import: they are carried to its corrections,
-- never to another file or another project.

ALTER TABLE imports ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE imports ADD COLUMN corrects INTEGER;
ALTER TABLE imports ADD COLUMN layout_key TEXT;           -- the workbook's layout (remembered cell mappings apply per layout)

-- Existing imports: consecutive imports of the same workbook were corrections of one version.
WITH marked AS (
  SELECT id, project_id,
         CASE WHEN workbook_sha256 = lag(workbook_sha256) OVER (PARTITION BY project_id ORDER BY id) THEN 0 ELSE 1 END AS starts
  FROM imports
), numbered AS (
  SELECT id, sum(starts) OVER (PARTITION BY project_id ORDER BY id) AS v FROM marked
)
UPDATE imports SET version = (SELECT v FROM numbered WHERE numbered.id = imports.id);

CREATE TABLE typed_values (
  id          INTEGER PRIMARY KEY,
  import_id   INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  indicator   TEXT    NOT NULL CHECK (length(indicator) > 0),
  building    TEXT,                          -- null: project-level value
  value       TEXT    NOT NULL CHECK (length(trim(value)) > 0),   -- as typed ("35%", "二星级")
  reason      TEXT    NOT NULL CHECK (length(trim(reason)) > 0),
  user        TEXT,
  created_at  TEXT    NOT NULL
) STRICT;
CREATE UNIQUE INDEX typed_values_key ON typed_values (import_id, indicator, ifnull(building, ''));
