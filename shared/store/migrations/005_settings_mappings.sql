-- 005: settings of the installation (the user's name, recorded with every correction, override
-- and report) and cell mappings that remember only WHICH CELL to read for a workbook layout.
--
-- Until now a value typed by hand was remembered per layout too, and injected into every later
-- import of a sheet with the same layout, in other projects as well. Those memories are dropped
-- here: the imports they were applied to keep the values as they were read then (their stored
-- results are unchanged), and from 006 on a typed value belongs to the one import it was typed for.

CREATE TABLE settings (
  key         TEXT    PRIMARY KEY CHECK (length(key) > 0),
  value       TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL
) STRICT;

DELETE FROM mapping_memories WHERE cell IS NULL OR length(trim(cell)) = 0;
ALTER TABLE mapping_memories DROP COLUMN value;
ALTER TABLE mapping_memories ADD COLUMN user TEXT;          -- who set it (settings 'user.name')
ALTER TABLE mapping_memories ADD COLUMN file_name TEXT;     -- the workbook it was set on (shows the layout)
