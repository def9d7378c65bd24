// 单体预制率 by concrete volume (混凝土体积法): 预制率 = Σ V预制 / Σ (V预制 + V现浇) × 100% over the
// ±0.000-and-above 主体结构 and 外围护结构 of one building — 沪建建材〔2019〕765号《上海市装配式建筑单体
// 预制率和装配率计算细则》 as summarised in docs/domain/prefabrication.md §2.2 (PARTIAL: the 细则's
// own text was not retrieved). The method's data and status are in shared/data/prefab-volume.json;
// the result is therefore always 'unconfirmed': it can refute a declared 预制率, never confirm one
// on its own (docs/evidence-policy.md). Rows below ±0.000 are left out; a stated 合计 or a row's 小计
// that disagrees with its parts is a contradiction.
import data from '../data/prefab-volume.json';
import type { Calculation, ImportedVolumeRow } from '../model/types';
import type { CalcContext } from './context';
import { CalcBuilder, fmt, getNumber, round } from './inputs';
import { methodMismatch } from './methods';

// The clause as the report shows it; its basis: docs/domain/prefabrication.md §2.2 (PARTIAL).
const CLAUSE = `${data.method.clause}（细则原文未核实）`;
const FORMULA = data.method.formula;
const TOL = data.tolerance;

/** Indicator ids this calculator reads besides the volume rows. */
export const PREFAB_INPUTS: readonly string[] = ['prefab_ratio'];

const differs = (a: number, b: number) => Math.abs(a - b) > Math.max(TOL.absolute, TOL.relative * Math.max(Math.abs(a), Math.abs(b)));

/** The row's concrete volume: its 小计, else 预制 + 现浇. */
function rowTotal(r: ImportedVolumeRow): number | null {
  if (r.total !== null) return r.total;
  if (r.precast === null && r.castInPlace === null) return null;
  return (r.precast ?? 0) + (r.castInPlace ?? 0);
}

export function computePrefab(ctx: CalcContext): Calculation | null {
  const rows = ctx.prefabVolumes ?? [];
  if (!rows.length) return null;
  const b = new CalcBuilder('prefabVolume', 'prefab_ratio', ctx);
  b.status(data.method.status);
  const j = data.method.jurisdiction;
  const elsewhere = !j.match.some((m) => ctx.city?.includes(m));
  const clause = elsewhere ? `${CLAUSE}（${j.name}的计算细则；合同所在地${ctx.city ? `（${ctx.city}）` : ''}的预制率计算规定未核实，仅用于核对表中数据）` : CLAUSE;
  b.status(data.belowGrade.status);
  // One table per building: rows of several tables in one scope are kept apart by title.
  const tables = [...new Set(rows.map((r) => r.table))];
  if (tables.length > 1) {
    b.note(`${ctx.scopeLabel}有 ${tables.length} 张预制率计算表（${tables.map((t) => `“${t}”`).join('、')}），无法确定以哪一张为准，未复算`);
    return b.build(null, clause, FORMULA);
  }
  const parts = rows.filter((r) => !r.isTotal);
  const stated = rows.filter((r) => r.isTotal);
  let precast = 0;
  let all = 0;
  let allPrecast = 0;
  let allVolume = 0;
  const excluded: string[] = [];
  const terms: string[] = [];
  for (const r of parts) {
    const t = rowTotal(r);
    const p = r.precast ?? 0;
    b.useRaw({ label: `${r.name}：预制混凝土体积`, value: r.precast, unit: 'm³', source: r.source });
    b.useRaw({ label: `${r.name}：混凝土体积`, value: t, unit: 'm³', source: r.source });
    if (t === null) continue;
    // a row's own 小计 against its parts
    if (r.total !== null && (r.precast !== null || r.castInPlace !== null)) {
      const sum = (r.precast ?? 0) + (r.castInPlace ?? 0);
      if (differs(sum, r.total)) b.contradict(`“${r.name}”小计`, r.total, sum, r.source, 2, '预制与现浇体积之和');
    }
    allPrecast += p;
    allVolume += t;
    if (r.belowGrade) {
      excluded.push(`“${r.name}”（${r.source}，预制 ${fmt(p)} m³，合计 ${fmt(t)} m³）`);
      continue;
    }
    precast += p;
    all += t;
    terms.push(`${r.name} ${fmt(p)}/${fmt(t)}`);
  }
  b.step(`计算口径：${FORMULA}`);
  // The table's stated 合计 against the sum of all its rows (it may include the rows below ±0.000).
  for (const s of stated) {
    const t = rowTotal(s);
    if (s.precast !== null && differs(s.precast, allPrecast) && differs(s.precast, precast)) b.contradict('预制混凝土体积合计', s.precast, allPrecast, s.source, 2, '各构件行之和');
    if (t !== null && differs(t, allVolume) && differs(t, all)) b.contradict('混凝土体积合计', t, allVolume, s.source, 2, '各构件行之和');
  }
  if (excluded.length) {
    b.step(`±0.000 以下的行不计入：${excluded.join('、')}`);
    b.note(`表中${excluded.join('、')}位于 ±0.000 以下，按计算细则不计入单体预制率`);
  }
  if (all <= 0) {
    b.note('±0.000 以上的混凝土体积为 0，无法计算预制率');
    return b.build(null, clause, FORMULA);
  }
  const value = round((precast / all) * 100, 2);
  b.step(`预制率 = ${fmt(precast)} / ${fmt(all)} × 100% = ${fmt(value)}%（${terms.join('；')}，单位 m³）`);
  const declared = getNumber(ctx.values, 'prefab_ratio');
  if (declared.kind === 'ok') b.use(declared.iv);
  b.methodMismatch = methodMismatch('prefabVolume', 'prefab_ratio', ctx);
  if (b.methodMismatch) b.note(b.methodMismatch);
  b.note('预制率计算公式及 ±0.000 计算范围取自第三方对上海计算细则的转述，未与细则正式文本核对；复核值可否定申报值，不能单独确认');
  return b.build(value, clause, FORMULA, {
    precast,
    total: all,
    excludedBelowGrade: excluded.length,
    table: tables[0],
    ...(excluded.length ? { withBelowGrade: round((allPrecast / allVolume) * 100, 2) } : {}),
  });
}
