// Whether a condition applies to the project at all (docs/formats.md §2, additions of §6): the
// contract's signing date against `inForce`, the project facts the user confirmed against `when`,
// the project's total floor area against `appliesTo.projectFloorArea`, and the parcel (地块) a
// per-plot condition was written for. not_applicable when it clearly does not apply; review when
// the project does not say enough to decide — never a silent pass.
import { factPhrase, projectFact } from '../conditions/facts';
import type { Condition, ConditionsDoc, ImportResult, ImportedParcel } from '../model/types';
import { chooseParcel } from './parcels';
import { parcelMatch } from '../model/parcels';

export { parcelMatch };
import type { Gate } from './applicability';
import { boundHolds, boundWords, figureDoubt } from './bounds';
import { partsGate } from './areaSums';

/** A decision about the whole project, or null when the condition applies. */
export function projectGate(cond: Condition, doc: ConditionsDoc, imported: ImportResult): Gate | null {
  const gates = [inForceGate(cond, doc), factsGate(cond, doc), projectAreaGate(cond, imported)].filter((g): g is Gate => g !== null);
  return gates.find((g) => g.verdict === 'not_applicable') ?? gates[0] ?? null;
}

// ---------------------------------------------------------------- dates

function inForceGate(cond: Condition, doc: ConditionsDoc): Gate | null {
  const f = cond.inForce;
  if (!f || (f.from === undefined && f.to === undefined)) return null;
  const range = [f.from ? `${f.from} 起` : '', f.to ? `至 ${f.to}` : ''].filter(Boolean).join('');
  const signed = typeof doc.contract?.signedOn === 'string' ? doc.contract.signedOn.trim() : '';
  if (!signed) {
    return { verdict: 'review', message: `合同签订日期未填写，不能判断本条（${range}签订的合同适用）是否适用，请补充合同签订日期`, source: null };
  }
  const day = isoDay(signed);
  if (!day) {
    return { verdict: 'review', message: `合同签订日期“${signed}”无法识别（应写作 2025-09-01），不能判断本条（${range}签订的合同适用）是否适用`, source: null };
  }
  if (f.from !== undefined && day < f.from) {
    return { verdict: 'not_applicable', message: `合同签订日期 ${day} 早于本条施行日期 ${f.from}，本条不适用`, source: null };
  }
  if (f.to !== undefined && day > f.to) {
    return { verdict: 'not_applicable', message: `合同签订日期 ${day} 晚于本条适用的截止日期 ${f.to}，本条不适用`, source: null };
  }
  return null;
}

/** "2025-03-01", "2025-3-1", "2025年3月1日", "2025/03/01" → "2025-03-01"; null otherwise. */
export function isoDay(s: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- project facts

function factsGate(cond: Condition, doc: ConditionsDoc): Gate | null {
  const gates: Gate[] = [];
  for (const [id, wanted] of Object.entries(cond.when ?? {})) {
    const known = doc.facts?.[id];
    const name = projectFact(id)?.yes ?? id;
    if (known === undefined) {
      gates.push({
        verdict: 'review',
        message: `本条仅适用于${factPhrase(id, wanted)}；本项目是否为${name}尚未确认，请在项目中确认后复核`,
        source: null,
      });
    } else if (known !== wanted) {
      gates.push({ verdict: 'not_applicable', message: `本项目已确认为${factPhrase(id, known)}，本条仅适用于${factPhrase(id, wanted)}`, source: null });
    }
  }
  return gates.find((g) => g.verdict === 'not_applicable') ?? gates[0] ?? null;
}

// ---------------------------------------------------------------- project size

function projectAreaGate(cond: Condition, imported: ImportResult): Gate | null {
  const bound = cond.appliesTo?.projectFloorArea;
  if (!bound) return null;
  const range = `总建筑面积${boundWords(bound, 'm²')}的项目`;
  const v = imported.project.gross_floor_area;
  if (!v || v.status !== 'ok' || typeof v.value !== 'number') {
    return { verdict: 'review', message: `指标表未给出可读的项目总建筑面积，不能判断本条（适用于${range}）是否适用，请补充`, source: v?.source ?? null };
  }
  if (boundHolds(bound, v.value)) return null;
  const parts = partsGate(imported.project, 'gross_floor_area', '项目', (x) => boundHolds(bound, x)); // docs/evidence-policy.md §4a
  if (parts) return parts;
  const name = typeof imported.project.project_name?.value === 'string' ? imported.project.project_name.value : '';
  const doubt = figureDoubt(v, bound, name);
  if (doubt) return { verdict: 'review', message: `指标表中项目总建筑面积“${v.raw.trim()}”（${v.source}）${doubt}，不能据以判断本条（适用于${range}）不适用，请核对`, source: v.source };
  return { verdict: 'not_applicable', message: `项目总建筑面积 ${v.value} m²，本条仅适用于${range}`, source: v.source };
}


// ---------------------------------------------------------------- parcels (地块)

/**
 * Where a per-plot condition is evaluated: on the matching parcel of a workbook that describes
 * several (`view`), on the whole workbook when the contract is for that parcel only (null), or not
 * at all (`gate`).
 */
export function parcelScope(
  cond: Condition,
  doc: ConditionsDoc,
  imported: ImportResult,
): null | { gate: Gate } | { view: ImportResult; parcel: ImportedParcel } {
  if (cond.parcel === undefined) return null;
  const wanted = cond.parcel;
  if (imported.parcels && imported.parcels.length > 0) {
    // The workbook describes several parcels: the one the condition names, chosen as the evidence
    // policy chooses the contract's parcel (docs/evidence-policy.md).
    const choice = chooseParcel(imported, { ...doc.contract, parcel: wanted });
    if ('refusal' in choice) return { gate: { verdict: 'review', message: `本条仅适用于地块 ${wanted}：${choice.refusal.message}`, source: choice.refusal.source } };
    return { view: choice.imported, parcel: choice.parcel ?? imported.parcels[0] };
  }
  const contractParcel = typeof doc.contract?.parcel === 'string' ? doc.contract.parcel.trim() : '';
  if (!contractParcel) {
    return { gate: { verdict: 'review', message: `本条仅适用于地块 ${wanted}，合同未写明本项目的地块编号，不能判断本条是否适用，请补充`, source: null } };
  }
  switch (parcelMatch(wanted, contractParcel)) {
    case 'same':
      return null;
    case 'among':
      return {
        gate: {
          verdict: 'review',
          message: `本条仅适用于地块 ${wanted}；合同包含多个地块（${contractParcel}），指标表未分地块列出，不能判断地块 ${wanted} 的数值，请按地块分别填写`,
          source: null,
        },
      };
    default:
      return { gate: { verdict: 'not_applicable', message: `本条仅适用于地块 ${wanted}，本项目为${contractParcel}，本条不适用`, source: null } };
  }
}
