// A project-scope figure that is the largest of the buildings' (`projectIsMaxOfBuildings`: 建筑高度 —
// "建筑高度不超过80米" binds every building) against the buildings' own figures
// (docs/evidence-policy.md, building-exceeds and buildings-max):
// - a project pass is not kept when a building states a value the requirement does not allow;
// - a sheet with no project figure but every building's answers the condition from them: a
//   building over the limit fails it; all of them within it (each an exact figure without a
//   qualifying note, no building table left unread) pass it; anything else is 需复核.
import { formatValue, indicator as indicatorDef, indicatorName } from '../model/indicators';
import type { Condition, Finding, ImportResult, ImportedValue, UnreadBlock } from '../model/types';
import { holds, missWord, requirementWords } from './compare';
import { qualifyingRemark } from './qualifiers';

const exact = (v: ImportedValue | undefined): v is ImportedValue & { value: number } =>
  v?.status === 'ok' && typeof v.value === 'number' && Number.isFinite(v.value) && !v.bound && !qualifyingRemark(v);

/** A project-scope pass that a building's own figure contradicts becomes 需复核, naming it. */
export function buildingsExceed(cond: Condition, f: Finding, imported: ImportResult): Finding {
  if (f.verdict !== 'pass' || !('indicator' in cond) || !indicatorDef(cond.indicator)?.projectIsMaxOfBuildings) return f;
  const over = imported.buildings.filter((b) => {
    const v = b.values[cond.indicator];
    return v?.status === 'ok' && typeof v.value === 'number' && !holds(v.value, cond.op, cond.value);
  });
  if (over.length === 0) return f;
  const list = over.map((b) => `${b.name} 填写为 ${formatValue(cond.indicator, b.values[cond.indicator].value)}（${b.values[cond.indicator].source}）`).join('，');
  return { ...f, verdict: 'review', basis: 'building-exceeds', message: `${f.message}；但单体${list}，不满足本条要求，与项目数值矛盾，请核对` };
}

/** The project's figure from the buildings' when the sheet states none (an upper limit only). */
export function buildingsMax(cond: Condition, f: Finding, imported: ImportResult, unreadBuildings: UnreadBlock[]): Finding {
  if (f.verdict !== 'missing' || f.basis !== 'not-found' || !('indicator' in cond) || (cond.op !== '<=' && cond.op !== '<')) return f;
  const id = cond.indicator;
  if (!indicatorDef(id)?.projectIsMaxOfBuildings || imported.buildings.length === 0) return f;
  const name = indicatorName(id);
  const req = requirementWords(id, cond.op, cond.value);
  const fv = (v: number) => formatValue(id, v);
  const rows = imported.buildings.map((b) => ({ b, v: b.values[id] }));
  const over = rows.filter((x) => exact(x.v) && !holds(x.v.value, cond.op, cond.value));
  const base = { ...f, basis: 'buildings-max' };
  if (over.length) {
    const list = over.map((x) => `${x.b.name} 为 ${fv(x.v.value as number)}（${x.v.source}）`).join('，');
    return { ...base, verdict: 'fail', declared: over[0].v.value, source: over[0].v.source, message: `项目未单列${name}；单体${list}，${missWord(cond.op)}合同要求（${req}），本条须各单体均满足` };
  }
  // a garage or plant room without a figure of its own (地下车库) has none to keep
  const unclear = rows.filter((x) => !exact(x.v) && !(x.b.use === 'other' && (!x.v || x.v.status === 'placeholder')));
  const unread = unreadBuildings.filter((u) => u.indicators.every((i) => i === 'building_name') || u.indicators.includes(id));
  if (unclear.length || unread.length) {
    const why = [
      ...unclear.map((x) => `${x.b.name}${x.v ? `填写为“${x.v.raw.trim()}”（${x.v.source}），不是确定的数值` : `未填写${name}`}`),
      ...unread.map((u) => `${u.sheet}!${u.range} 的单体数据未能读取`),
    ];
    return { ...base, verdict: 'review', message: `项目未单列${name}，只能按各单体${name}审查；但${why.join('；')}，不能判定，请核对` };
  }
  const top = rows.filter((x) => exact(x.v)).reduce((a, x) => ((x.v!.value as number) > (a.v!.value as number) ? x : a));
  const value = top.v!.value as number;
  return {
    ...base,
    verdict: 'pass',
    declared: value,
    source: top.v!.source,
    message: `项目未单列${name}；各单体${name}均已填写，最大为 ${top.b.name} 的 ${fv(value)}（${top.v!.source}），满足合同要求（${req}）`,
  };
}
