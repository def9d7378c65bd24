// What a report is made from besides the check itself: the issuing organisation, the project's
// identity, the report number and date, the moment of issue. Everything here is recorded in the
// report's manifest, so that verification can make the same report again from the original
// inputs and compare it page by page.
import { createHash } from 'node:crypto';
import type { CheckRun, ImportResult } from '../model/types';
import { typedValue, type CellMapping, type TypedCorrection } from '../api/corrections';
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
  /** Head of the issuing installation's audit chain at the time of issue (id and hash of its newest row). */
  auditAnchor?: { id: number; hash: string };
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

export function optionsFromRecord(r: RecordedOptions, extra: { issuedAt: Date; sealPng?: Uint8Array; auditAnchor?: { id: number; hash: string } }): ReportOptions {
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
    auditAnchor: extra.auditAnchor,
  };
}

// ---------------------------------------------------------------- hand entries and overrides

/**
 * A value entered or corrected by hand, as it was applied to the import: a cell chosen for the
 * indicator (a remembered cell mapping) or a value typed for this import (shared/api/corrections.ts).
 */
export interface HandEntry {
  indicator: string;
  building: string | null;
  /** The cell read instead (a mapping), or … */
  cell?: string;
  /** … the text typed by hand. */
  value?: string;
  reason: string;
  /** Who made it, when recorded. */
  user?: string;
  /** Where the value now comes from ('人工录入' or the chosen cell). */
  source: string;
}

const MAPPED = '按记住的单元格对应关系读取 ';
const TYPED = '手工填写，仅用于本次导入（';

/** "张三，理由：以规划许可证为准" → who and why. */
function whoAndWhy(s: string): { user?: string; reason: string } | null {
  const at = s.indexOf('理由：');
  if (at < 0) return null;
  const who = s.slice(0, at).replace(/，$/, '');
  return { ...(who ? { user: who } : {}), reason: s.slice(at + 3) };
}

/**
 * The hand entries applied to an import, read back from the values they produced (each leaves
 * its mark in the value's interpretation, shared/api/corrections.ts). A typed value is checked
 * by reading it again; a mapping by its cell.
 */
export async function handEntriesOf(imported: ImportResult): Promise<HandEntry[]> {
  const out: HandEntry[] = [];
  const scan = (building: string | null, values: ImportResult['project']) => {
    for (const v of Object.values(values)) {
      const s = v.interpretation;
      if (v.source === '人工录入' && s.startsWith(TYPED)) {
        for (let i = s.indexOf('）：', TYPED.length); i >= 0; i = s.indexOf('）：', i + 1)) {
          const ww = whoAndWhy(s.slice(TYPED.length, i));
          if (!ww) continue;
          try {
            if (typedValue({ indicator: v.indicator, building, value: v.raw, ...ww }).interpretation === s) {
              out.push({ indicator: v.indicator, building, value: v.raw, ...ww, source: v.source });
              break;
            }
          } catch {
            /* not this split */
          }
        }
      } else if (s.startsWith(`${MAPPED}${v.source}（`)) {
        const from = MAPPED.length + v.source.length + 1;
        const end = s.indexOf('）：', from);
        const ww = end < 0 ? null : whoAndWhy(s.slice(from, end));
        if (ww) out.push({ indicator: v.indicator, building, cell: v.source, ...ww, source: v.source });
      }
    }
  };
  scan(null, imported.project);
  for (const b of imported.buildings) scan(b.name, b.values);
  // a fixed order, whatever the order of the value objects' keys
  const key = (e: HandEntry) => `${e.building ?? ''}\u0000${e.indicator}`;
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The hand entries as corrections to apply again: cell mappings and typed values. */
export function correctionsOf(entries: readonly HandEntry[]): { mappings: CellMapping[]; typed: TypedCorrection[] } {
  const user = (e: HandEntry) => (e.user ? { user: e.user } : {});
  return {
    mappings: entries.filter((e) => e.cell).map((e) => ({ indicator: e.indicator, building: e.building, cell: e.cell!, reason: e.reason, ...user(e) })),
    typed: entries.filter((e) => e.value !== undefined).map((e) => ({ indicator: e.indicator, building: e.building, value: e.value!, reason: e.reason, ...user(e) })),
  };
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
