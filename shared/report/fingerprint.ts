// The report fingerprint: SHA-256 over a canonical serialisation of the inputs (the workbook's own
// hash, the conditions, the rule-data versions) and the findings. Volatile things (checkedAt,
// absolute paths) are left out, so the same inputs and engine always give the same fingerprint.
import type { CheckRun, Finding } from '../model/types';
import { canonicalJson, sha256Hex } from '../canonical';

export interface FingerprintParts {
  /** sha256 of the xlsx bytes. */
  workbook: string;
  /** sha256 of the canonical conditions JSON. */
  conditions: string;
  /** sha256 of the canonical rule versions. */
  rules: string;
  /** sha256 of the canonical findings (with the overall conclusion). */
  findings: string;
}

export const FINGERPRINT_FORMAT = 'landcheck.fingerprint/v1';

/** The findings as hashed: everything the engine concluded, nothing about time or paths. */
export function findingsForHash(run: CheckRun): { overall: string; findings: Finding[] } {
  return { overall: run.result.overall, findings: run.result.findings };
}

export function fingerprintParts(run: CheckRun): FingerprintParts {
  return {
    workbook: run.imported.sha256 || run.result.input.sha256,
    conditions: sha256Hex(canonicalJson(run.conditions)),
    rules: sha256Hex(canonicalJson(run.rules)),
    findings: sha256Hex(canonicalJson(findingsForHash(run))),
  };
}

/** The fingerprint of given parts (also used to check a stored manifest for consistency). */
export function fingerprintOfParts(parts: FingerprintParts): string {
  return sha256Hex(canonicalJson({ format: FINGERPRINT_FORMAT, parts }));
}

/** 'LC-3F9A-1C2B-77D0': the first 48 bits of the fingerprint, for print. */
export function shortCode(hex: string): string {
  const h = hex.slice(0, 12).toUpperCase();
  return `LC-${h.slice(0, 4)}-${h.slice(4, 8)}-${h.slice(8, 12)}`;
}

export function fingerprint(run: CheckRun): { hex: string; short: string; parts: FingerprintParts } {
  const parts = fingerprintParts(run);
  const hex = fingerprintOfParts(parts);
  return { hex, short: shortCode(hex), parts };
}

/** Content of the QR code printed on every page. */
export function qrPayload(hex: string): string {
  return `LANDCHECK1:${hex}`;
}
