// Which parcel of a several-parcel workbook the contract means (docs/evidence-policy.md, "Before
// anything: which parcel"): parcel names compared after normalisation (full-width, spaces, 地块/号
// suffixes) or by their trailing plot numbers (shared/model/parcels.ts); the chosen parcel's values
// override the shared ones. And the gate on a workbook of one parcel that names another parcel in
// its project name or a sheet title: nothing in it passes.
import type { ConditionsDoc, ContractInfo, Finding, ImportedParcel, ImportResult } from '../model/types';
import { parcelCode, parcelMatches, phaseParcel, sameParcel } from '../model/parcels';
import { indicator as indicatorDef, indicatorName } from '../model/indicators';

export { normaliseParcel, plotNumber } from '../model/parcels';

export type ParcelChoice =
  | { imported: ImportResult; parcel?: ImportedParcel; note?: string }
  | { refusal: { message: string; source: string | null } };

/**
 * The import the contract's conditions apply to. Without parcels, the import itself. With parcels:
 * the one matching `contract.parcel` (its values over the shared ones); otherwise a refusal —
 * every finding is then 需复核 ('parcel-unknown').
 */
export function chooseParcel(imported: ImportResult, contract: ContractInfo | undefined): ParcelChoice {
  const parcels = imported.parcels ?? [];
  if (parcels.length === 0) return { imported };
  const names = parcels.map((p) => p.name).join('、');
  const source = parcels[0].nameSource;
  const wanted = typeof contract?.parcel === 'string' ? contract.parcel.trim() : '';
  const head = `工作簿含 ${parcels.length} 个地块（${names}）`;
  if (!wanted) return { refusal: { message: `${head}，合同未写明地块，无法确定合同所指地块，请人工复核`, source } };
  const hits = parcels.filter((p) => parcelMatches(p.name, wanted));
  if (hits.length !== 1) {
    const why = hits.length === 0 ? '没有与之对应的地块' : `有 ${hits.length} 个地块与之对应`;
    return { refusal: { message: `${head}，合同地块为“${wanted}”，${why}，无法确定合同所指地块，请人工复核`, source } };
  }
  const p = hits[0];
  const merged: ImportResult = {
    ...imported,
    project: { ...imported.project, ...p.project },
    buildings: p.buildings.length ? p.buildings : imported.buildings,
    surfaces: p.surfaces.length ? p.surfaces : imported.surfaces,
    facilities: p.facilities?.length ? p.facilities : imported.facilities,
    lineItems: p.lineItems?.length ? p.lineItems : imported.lineItems,
    parcels: undefined,
  };
  return { imported: merged, parcel: p, note: `${head}，按合同所指地块“${p.name}”（${p.nameSource}）审查` };
}

/**
 * A workbook of one parcel whose project name or a sheet title names another parcel than the
 * contract's ("…05-03地块" against 05-02, or another 单元): it may be another project's sheet, so
 * nothing in it passes ('parcel-mismatch').
 */
export function otherParcelGate(workbook: ImportResult, doc: ConditionsDoc, findings: Finding[]): Finding[] {
  const wanted = typeof doc.contract?.parcel === 'string' ? doc.contract.parcel.trim() : '';
  if (!wanted || (workbook.parcels?.length ?? 0) > 0) return findings;
  const why = otherParcelNamed(workbook, wanted);
  if (!why) return findings;
  return findings.map((f) =>
    f.verdict === 'pass' ? { ...f, verdict: 'review', basis: 'parcel-mismatch', message: `${why.message}；${f.message}`, source: f.source ?? why.source } : f,
  );
}

/**
 * A several-parcel workbook checked on the contract's parcel: a figure the parcel does not state
 * itself is the workbook's shared one — the whole site's (绿地率 36% over 08-02 and 08-03), not the
 * parcel's. A pass on such a number (or percentage) is `review` ('site-for-parcel'); a level or a
 * yes/no stated once for the whole site is left as it is.
 */
export function siteForParcelGate(workbook: ImportResult, doc: ConditionsDoc, findings: Finding[]): Finding[] {
  const choice = chooseParcel(workbook, doc.contract);
  if (!('parcel' in choice) || !choice.parcel) return findings;
  const p = choice.parcel;
  const site = (id: string) => {
    const v = workbook.project[id];
    const type = indicatorDef(id)?.type;
    return v && !Object.hasOwn(p.project, id) && (type === 'number' || type === 'percent') ? v : undefined;
  };
  return findings.map((f) => {
    const v = f.verdict === 'pass' ? site(f.indicator) : undefined;
    if (!v || f.source !== v.source) return f;
    const message = `${f.message}；但该数值（${v.source}）是工作簿中全部地块共用的数值，地块“${p.name}”未单列${indicatorName(f.indicator)}，不能说明该地块满足合同要求，请提供该地块的数值`;
    return { ...f, verdict: 'review', basis: 'site-for-parcel', message };
  });
}

/** The first text of the workbook (project name, then sheet titles) that names a parcel other than `wanted`. */
function otherParcelNamed(workbook: ImportResult, wanted: string): { message: string; source: string } | null {
  const name = workbook.project.project_name;
  if (name && typeof name.value === 'string') {
    const code = parcelCode(name.value);
    if (code && !sameParcel(name.value, wanted)) {
      return { message: `指标表项目名称“${name.value.trim()}”（${name.source}）所写地块 ${code} 与合同地块“${wanted}”不一致，可能不是本合同地块的指标表`, source: name.source };
    }
  }
  for (const st of workbook.statements ?? []) {
    // a title, a sheet name, or any text that names a phase with its parcel (it settles a phase's scope: statements.ts)
    if (st.position !== 'title' && st.position !== 'sheetName' && !phaseParcel(st.text)) continue;
    const code = parcelCode(st.text);
    if (!code || sameParcel(st.text, wanted)) continue;
    const where = st.position === 'title' ? `表格标题“${st.text.trim()}”（${st.source}）` : st.position === 'sheetName' ? `工作表名“${st.sheet}”` : `表中文字“${st.text.trim()}”（${st.source}）`;
    return { message: `${where}所写地块 ${code} 与合同地块“${wanted}”不一致，可能不是本合同地块的指标表`, source: st.source };
  }
  return null;
}
