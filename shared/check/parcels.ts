// Which parcel of a several-parcel workbook the contract means (docs/evidence-policy.md, "Before
// anything: which parcel"): parcel names compared after normalisation (full-width, spaces, 地块/号
// suffixes) or by their trailing plot numbers; the chosen parcel's values override the shared ones.
import type { ContractInfo, ImportedParcel, ImportResult } from '../model/types';

/** Parcel name normalised for comparison: NFKC, no spaces, upper case, no "地块"/"号" suffix. */
export function normaliseParcel(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/[—–－]/g, '-')
    .replace(/(号)?地块$/, '')
    .replace(/[#号]$/, '');
}

/** The trailing plot number ("08-03" of "SJC10018单元08-03地块"), or null. */
export function plotNumber(name: string): string | null {
  const m = /(\d+(?:-\d+)*)[A-Z]?$/.exec(normaliseParcel(name));
  return m ? m[0] : null;
}

function parcelMatches(parcel: string, contract: string): boolean {
  const a = normaliseParcel(parcel);
  const b = normaliseParcel(contract);
  if (!a || !b) return false;
  if (a === b) return true;
  // planning units (…单元) that both names give must be the same: 10502单元05-02 is not 10501单元05-02
  const unit = (x: string) => (x.includes('单元') ? x.replace(/单元.*$/, '') : null);
  if (unit(a) !== null && unit(b) !== null && unit(a) !== unit(b)) return false;
  const pa = plotNumber(parcel);
  const pb = plotNumber(contract);
  return pa !== null && pa === pb;
}

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
