-- 007: overrides survive re-runs. Each override keeps the evidence it was made on (declared value,
-- source cell, computed value, verdict basis, requirement and the engine's own verdict: see
-- shared/store/evidence.ts) and its SHA-256. A re-run re-attaches an override whose evidence is
-- unchanged (`carried_from` = the earlier override); where the evidence changed, a carry-over
-- waits for the user's decision, with old and new evidence side by side.
-- runs.counts: the run's effective verdict counts (overrides included), kept with runs.overall.

ALTER TABLE overrides ADD COLUMN evidence TEXT;            -- canonical JSON; null for overrides made before 007
ALTER TABLE overrides ADD COLUMN evidence_sha256 TEXT;
ALTER TABLE overrides ADD COLUMN carried_from INTEGER;     -- overrides.id of the earlier run's override

CREATE TABLE override_carryovers (
  id            INTEGER PRIMARY KEY,
  run_id        INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,        -- the new run
  override_id   INTEGER NOT NULL REFERENCES overrides (id) ON DELETE CASCADE,   -- the earlier override
  condition_id  TEXT    NOT NULL,
  building      TEXT,
  new_evidence  TEXT,                         -- canonical JSON; null when the finding is gone
  status        TEXT    NOT NULL CHECK (status IN ('pending', 'kept', 'dropped')),
  decided_by    TEXT,
  decided_at    TEXT,
  created_at    TEXT    NOT NULL
) STRICT;
CREATE INDEX override_carryovers_run ON override_carryovers (run_id, status);

ALTER TABLE runs ADD COLUMN counts TEXT;                   -- JSON {pass, fail, missing, review, not_applicable}
