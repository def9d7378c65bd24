-- 003: organisation profiles (seal, signatories of the report) and mapping memories (how a
-- recurring sheet template's labels/cells map to indicators, as confirmed by the user).

CREATE TABLE org_profiles (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  seal_text   TEXT,
  seal_png    BLOB,
  preparer    TEXT,                           -- 编制
  checker     TEXT,                           -- 校核
  approver    TEXT,                           -- 审定
  created_at  TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL
) STRICT;

CREATE TABLE mapping_memories (
  id            INTEGER PRIMARY KEY,
  template_key  TEXT    NOT NULL CHECK (length(template_key) > 0),
  indicator     TEXT    NOT NULL,
  building      TEXT,                         -- null: project-level value
  cell          TEXT,
  value         TEXT,
  reason        TEXT    NOT NULL CHECK (length(trim(reason)) > 0),
  created_at    TEXT    NOT NULL,
  updated_at    TEXT    NOT NULL
) STRICT;
CREATE UNIQUE INDEX mapping_memories_key ON mapping_memories (template_key, indicator, ifnull(building, ''));
