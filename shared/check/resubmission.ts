// 复审: what changed between two runs of one project — the sheet's values, the verdicts, and which
// 审查意见 (non-passing findings: 不符合 / 需复核 / 缺项) the re-submission closed. Pure data, for the
// results screen and the report (the comparison section of the PDF takes a RunComparison).
import type { CheckRun, Finding, ImportedBuilding, ImportedValue, ImportResult, Overall, Verdict } from '../model/types';

/** Which run of the project a side of the comparison is. */
export interface RunRef {
  runId: number;
  checkedAt: string;
  /** Submission number of the sheet (1, 2, …) and its file name. */
  importVersion: number;
  fileName: string;
  conditionsVersion: number;
  /** Effective conclusion (overrides included). */
  overall: Overall;
  counts: Record<Verdict, number>;
}

export interface ValueSnapshot {
  value: ImportedValue['value'];
  /** The cell's text as the sheet shows it. */
  raw: string;
  source: string;
  status: ImportedValue['status'];
}

/** One imported value that differs between the two sheets (added, removed or changed). */
export interface ValueChange {
  indicator: string;
  /** null: a project-level value; else the building (parcels as "地块·楼"). */
  building: string | null;
  before: ValueSnapshot | null;
  after: ValueSnapshot | null;
}

/** One finding whose effective verdict differs (or that exists on one side only). */
export interface VerdictChange {
  conditionId: string;
  clause?: string;
  building: string | null;
  indicator: string;
  before: Verdict | null;
  after: Verdict | null;
  /** The verdict on that side is a reviewer's override (改判). */
  beforeOverridden: boolean;
  afterOverridden: boolean;
}

/** A 审查意见 (a non-passing finding) and what became of it. */
export interface OpinionStatus {
  conditionId: string;
  clause?: string;
  text?: string;
  building: string | null;
  indicator: string;
  before: Verdict | null;
  after: Verdict | null;
  /** The finding's message on the earlier side (what the 意见 said), and on the later side. */
  beforeMessage?: string;
  afterMessage?: string;
}

export interface RunComparison {
  from: RunRef;
  to: RunRef;
  /** The two runs used different condition versions (verdicts may differ for that reason). */
  conditionsChanged: boolean;
  values: ValueChange[];
  verdicts: VerdictChange[];
  /** 意见 of the earlier run now passing or not applicable. */
  closed: OpinionStatus[];
  /** 意见 of the earlier run still not passing (verdict may have changed between 不符合/需复核/缺项). */
  open: OpinionStatus[];
  /** New 意见: not passing in the later run, passing or absent before. */
  added: OpinionStatus[];
  /** 意见 whose condition or building is no longer checked in the later run. */
  withdrawn: OpinionStatus[];
}

const NON_PASSING: ReadonlySet<Verdict> = new Set(['fail', 'review', 'missing']);

export function isOpinion(v: Verdict | null | undefined): boolean {
  return v != null && NON_PASSING.has(v);
}

const key = (conditionId: string, building: string | null) => `${conditionId}\u0000${building ?? ''}`;

function snapshot(v: ImportedValue): ValueSnapshot {
  return { value: v.value, raw: v.raw, source: v.source, status: v.status };
}

/** Every imported value by (building, indicator); parcels' values under "地块·楼" / "地块". */
function valuesOf(imp: ImportResult): Map<string, { indicator: string; building: string | null; v: ImportedValue }> {
  const out = new Map<string, { indicator: string; building: string | null; v: ImportedValue }>();
  const addScope = (project: Record<string, ImportedValue>, buildings: ImportedBuilding[], prefix: string | null) => {
    for (const [indicator, v] of Object.entries(project)) out.set(key(indicator, prefix), { indicator, building: prefix, v });
    for (const b of buildings) {
      const name = prefix ? `${prefix}·${b.name}` : b.name;
      for (const [indicator, v] of Object.entries(b.values)) out.set(key(indicator, name), { indicator, building: name, v });
    }
  };
  addScope(imp.project, imp.buildings, null);
  for (const p of imp.parcels ?? []) addScope(p.project, p.buildings, p.name);
  return out;
}

function sameValue(a: ImportedValue, b: ImportedValue): boolean {
  return a.status === b.status && JSON.stringify(a.value) === JSON.stringify(b.value);
}

function opinion(f: Finding | undefined, g: Finding | undefined): OpinionStatus {
  const any = (f ?? g)!;
  return {
    conditionId: any.conditionId,
    ...(any.clause ? { clause: any.clause } : {}),
    ...(any.text ? { text: any.text } : {}),
    building: any.building ?? null,
    indicator: any.indicator,
    before: f?.verdict ?? null,
    after: g?.verdict ?? null,
    ...(f ? { beforeMessage: f.message } : {}),
    ...(g ? { afterMessage: g.message } : {}),
  };
}

/**
 * Compares two runs of one project. `before` and `after` are the runs with their overrides applied
 * (the verdicts the reviewer stands behind); the refs say which runs they are.
 */
export function compareRuns(before: { ref: RunRef; run: CheckRun }, after: { ref: RunRef; run: CheckRun }): RunComparison {
  // Values: in the later sheet's order, then the ones only the earlier sheet had.
  const va = valuesOf(before.run.imported);
  const vb = valuesOf(after.run.imported);
  const values: ValueChange[] = [];
  for (const [k, b] of vb) {
    const a = va.get(k);
    if (!a || !sameValue(a.v, b.v)) values.push({ indicator: b.indicator, building: b.building, before: a ? snapshot(a.v) : null, after: snapshot(b.v) });
  }
  for (const [k, a] of va) if (!vb.has(k)) values.push({ indicator: a.indicator, building: a.building, before: snapshot(a.v), after: null });

  // Findings: in the later run's order (the conditions' order), then the ones only the earlier run had.
  const fa = new Map(before.run.result.findings.map((f) => [key(f.conditionId, f.building ?? null), f]));
  const fb = new Map(after.run.result.findings.map((f) => [key(f.conditionId, f.building ?? null), f]));
  const verdicts: VerdictChange[] = [];
  const closed: OpinionStatus[] = [];
  const open: OpinionStatus[] = [];
  const added: OpinionStatus[] = [];
  const withdrawn: OpinionStatus[] = [];
  const change = (f: Finding | undefined, g: Finding | undefined) => {
    const any = (g ?? f)!;
    verdicts.push({
      conditionId: any.conditionId,
      ...(any.clause ? { clause: any.clause } : {}),
      building: any.building ?? null,
      indicator: any.indicator,
      before: f?.verdict ?? null,
      after: g?.verdict ?? null,
      beforeOverridden: !!f?.override,
      afterOverridden: !!g?.override,
    });
  };
  for (const [k, g] of fb) {
    const f = fa.get(k);
    if (!f || f.verdict !== g.verdict) change(f, g);
    if (isOpinion(f?.verdict)) (isOpinion(g.verdict) ? open : closed).push(opinion(f, g));
    else if (isOpinion(g.verdict)) added.push(opinion(f, g));
  }
  for (const [k, f] of fa) {
    if (fb.has(k)) continue;
    change(f, undefined);
    if (isOpinion(f.verdict)) withdrawn.push(opinion(f, undefined));
  }
  return {
    from: before.ref,
    to: after.ref,
    conditionsChanged: before.run.conditionsSha256 !== after.run.conditionsSha256,
    values,
    verdicts,
    closed,
    open,
    added,
    withdrawn,
  };
}
