-- 004: the imported workbook files themselves, stored once per content hash, so that a
-- correction can point at another cell of the same workbook and a project can be re-imported
-- without the original file.

CREATE TABLE workbook_files (
  sha256      TEXT    PRIMARY KEY CHECK (length(sha256) = 64),
  bytes       BLOB    NOT NULL,
  size        INTEGER NOT NULL CHECK (size >= 0),
  created_at  TEXT    NOT NULL
) STRICT;
