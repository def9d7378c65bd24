// The evidence a verdict rests on, and its fingerprint. An override is a judgment on evidence: on
// a re-run it is re-attached to the same clause and building only when the evidence is unchanged.
//
// Evidence of a finding = the indicator and requirement, the engine's own verdict, the declared
// value and the cell it was read from, the recomputed value, the evidence-policy basis of the
// verdict, and the same for each branch of a 或/且 condition. A changed cell address counts as a
// change (the sheet was re-laid out: the reviewer looks again); message wording does not.

import type { Finding } from '../model/types.js';
import { canonicalJson, sha256Hex } from './canonical.js';
import type { OverrideEvidence } from './types.js';

/** The evidence of one finding as the engine produced it (the override, if any, is ignored). */
export function findingEvidence(f: Finding): OverrideEvidence {
  const verdict = f.override?.from ?? f.verdict;
  return {
    indicator: f.indicator,
    required: f.required,
    verdict,
    declared: f.declared ?? null,
    source: f.source ?? null,
    computed: f.computed ?? null,
    basis: f.basis ?? null,
    ...(f.branches?.length
      ? {
          branches: f.branches.map((b) => ({
            indicator: b.indicator,
            verdict: b.verdict,
            declared: b.declared ?? null,
            source: b.source ?? null,
            computed: b.computed ?? null,
          })),
        }
      : {}),
  };
}

export function evidenceText(e: OverrideEvidence): string {
  return canonicalJson(e);
}

export function evidenceSha256(e: OverrideEvidence): string {
  return sha256Hex(evidenceText(e));
}

/** "C2\u00001#楼": a finding's place in a run (condition and building). */
export function findingKey(conditionId: string, building: string | null): string {
  return `${conditionId}\u0000${building ?? ''}`;
}
