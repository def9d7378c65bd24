// What a report is made from besides the check itself: the issuing organisation, the project's
// identity, the report number and date, the moment of issue. Everything here is recorded in the
// report's manifest, so that verification can make the same report again from the original
// inputs and compare it page by page.
import { createHash } from 'node:crypto';
import type { CheckRun, ImportResult } from '../model/types';
import { correctionValue, type Correction } from '../api/corrections';
import type { OverrideRecord } from '../check/overrides';
import type { ProjectIdentity } from './identity';

export type { ProjectIdentity };

export interface OrgProfile {
  name: string;
  /** Bottom line of the drawn seal, e.g. 审查专用章. */
  sealText?: string;
  /** PNG of the organisation's own seal (used instead of the drawn one). */
  sealPng?: Uint8Array;
  signatories?: { preparer?: string; checker?: string; approver?: string };
  /** Cross-page seal (骑缝章) split over the right edge of every page. */
  crossPageSeal?: boolean;
  /** No seal at all (a self-check without an organisation). */
  noSeal?: boolean;
}


export interface ReportOptions {
  org: OrgProfile;
  reportNo?: string;
  /** YYYY-MM-DD; defaults to the date of the check. */
  date?: string;
  /** When the report is issued (PDF creation date, manifest); defaults to now. */
  issuedAt?: Date;
  project?: ProjectIdentity;
  /** Head of the issuing installation's audit chain at the time of issue, when known. */
  auditHead?: string;
}

/** The options as recorded in the manifest (the seal image by its hash; it travels beside it). */
export interface RecordedOptions {
  org: {
    name: string;
    sealText?: string;
    sealPngSha256?: string;
    signatories?: { preparer?: string; checker?: string; approver?: string };
    crossPageSeal?: boolean;
    noSeal?: boolean;
  };
  reportNo?: string;
  date?: string;
  project?: ProjectIdentity;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function clean<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== '' && v !== null) out[k] = v;
  return out as T;
}

export function recordOptions(o: ReportOptions): RecordedOptions {
  const s = o.org.signatories ?? {};
  const sig = clean({ preparer: s.preparer, checker: s.checker, approver: s.approver });
  return clean({
    org: clean({
      name: o.org.name,
      sealText: o.org.sealText,
      sealPngSha256: o.org.sealPng ? sha256(o.org.sealPng) : undefined,
      signatories: Object.keys(sig).length ? sig : undefined,
      crossPageSeal: o.org.crossPageSeal ? true : undefined,
      noSeal: o.org.noSeal ? true : undefined,
    }),
    reportNo: o.reportNo,
    date: o.date,
    project: o.project && Object.keys(clean({ ...o.project })).length ? clean({ ...o.project }) : undefined,
  });
}

export function optionsFromRecord(r: RecordedOptions, extra: { issuedAt: Date; sealPng?: Uint8Array; auditHead?: string }): ReportOptions {
  return {
    org: {
      name: r.org.name,
      sealText: r.org.sealText,
      sealPng: extra.sealPng,
      signatories: r.org.signatories,
      crossPageSeal: r.org.crossPageSeal,
      noSeal: r.org.noSeal,
    },
    reportNo: r.reportNo,
    date: r.date,
    project: r.project,
    issuedAt: extra.issuedAt,
    auditHead: extra.auditHead,
  };
}

// ---------------------------------------------------------------- hand entries and overrides

/** A value entered or corrected by hand (import.correct), as it was applied to the import. */
export interface HandEntry extends Correction {
  /** Where the value now comes from ('人工录入' or the chosen cell). */
  source: string;
}

const PREFIX = '人工修正（理由：';

/**
 * The corrections applied to an import, read back from the values they produced (a correction
 * leaves "人工修正（理由：…）：…" in the value's interpretation, shared/api/corrections.ts).
 */
export async function handEntriesOf(imported: ImportResult): Promise<HandEntry[]> {
  const out: HandEntry[] = [];
  const scan = async (building: string | null, values: ImportResult['project']) => {
    for (const v of Object.values(values)) {
      if (!v.interpretation.startsWith(PREFIX)) continue;
      const typed = v.source === '人工录入';
      let found: HandEntry | null = null;
      for (let i = v.interpretation.indexOf('）：', PREFIX.length); i >= 0 && !found; i = v.interpretation.indexOf('）：', i + 1)) {
        const reason = v.interpretation.slice(PREFIX.length, i);
        const rest = v.interpretation.slice(i + 2);
        if (!typed) {
          if (rest.startsWith(`改取 ${v.source}，`)) found = { indicator: v.indicator, building, cell: v.source, reason, source: v.source };
          continue;
        }
        try {
          const again = await correctionValue({ indicator: v.indicator, building, value: v.raw, reason }, null);
          if (again.interpretation === v.interpretation) found = { indicator: v.indicator, building, value: v.raw, reason, source: v.source };
        } catch {
          /* not this split */
        }
      }
      if (found) out.push(found);
    }
  };
  await scan(null, imported.project);
  for (const b of imported.buildings) await scan(b.name, b.values);
  return out;
}

/** The reviewers' overrides of a run, as records that applyOverrides re-applies. */
export function overridesOf(run: CheckRun): OverrideRecord[] {
  return run.result.findings
    .filter((f) => f.override)
    .map((f) => ({
      conditionId: f.conditionId,
      building: f.building,
      verdict: f.verdict,
      reason: f.override!.reason,
      ...(f.override!.by ? { user: f.override!.by } : {}),
      createdAt: f.override!.at,
    }));
}
