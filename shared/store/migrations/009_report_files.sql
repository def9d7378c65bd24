-- 009: the archive of issued report files. Every file handed out (PDF or Excel) is found by its own
-- SHA-256, so each of several files of one run verifies against its own archived copy, and by the
-- code printed in its footer (报告核验码, LC-XXXX-XXXX-XXXX), so a receiver can look it up.
-- meta: canonical JSON of what the file was issued with (organisation, report number, signer,
-- the head of the audit chain at issue).

CREATE TABLE report_files (
  id           INTEGER PRIMARY KEY,
  report_id    INTEGER NOT NULL UNIQUE REFERENCES reports (id) ON DELETE CASCADE,
  file_sha256  TEXT    NOT NULL CHECK (length(file_sha256) = 64),
  short_code   TEXT    NOT NULL,
  report_no    TEXT,
  org_name     TEXT,
  issued_at    TEXT    NOT NULL,
  meta         TEXT    NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX report_files_sha256 ON report_files (file_sha256);
CREATE INDEX report_files_code ON report_files (short_code);

-- reports issued before this version whose bytes were kept join the archive
INSERT INTO report_files (report_id, file_sha256, short_code, report_no, org_name, issued_at, meta)
  SELECT id, bytes_sha256,
         'LC-' || upper(substr(fingerprint, 1, 4)) || '-' || upper(substr(fingerprint, 5, 4)) || '-' || upper(substr(fingerprint, 9, 4)),
         NULL, NULL, created_at, '{}'
  FROM reports WHERE bytes_sha256 IS NOT NULL AND length(bytes_sha256) = 64 AND length(fingerprint) >= 12;
