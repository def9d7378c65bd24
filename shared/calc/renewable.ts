// 可再生能源替代率 R = E_re / E_total × 100% — working definition of renewable.md §1 (no standard
// text defines it: always 'unconfirmed'; Shanghai accounting per DG/TJ08-2329-2020, content UNCONFIRMED).
import { indicatorName } from '../model/indicators';
import type { Calculation } from '../model/types';
import type { CalcContext } from './context';
import { CalcBuilder, fmt, getNumber, round } from './inputs';

const CLAUSE = '可再生能源替代率（工作定义，见 renewable.md §1；上海核算方法见 DG/TJ08-2329-2020，未核实）';
const FORMULA = 'R = E_re / E_total × 100%';
const PARTS = ['re_pv_generation', 're_solar_thermal', 're_heat_pump', 're_other'] as const;

function unitLabel(raw: string | undefined): string {
  return raw && raw.trim() ? raw.trim() : 'kWh/a';
}

export function computeRenewable(ctx: CalcContext): Calculation | null {
  const b = new CalcBuilder('renewable', 'renewable_substitution', ctx);
  b.unconfirmed = true;
  const gTotal = getNumber(ctx.values, 're_total');
  const parts = PARTS.map((id) => ({ id, got: getNumber(ctx.values, id) }));
  const gE = getNumber(ctx.values, 'energy_total');
  const anyRe = gTotal.kind !== 'absent' || parts.some((p) => p.got.kind !== 'absent');
  if (!anyRe || gE.kind === 'absent') return null;

  b.step('计算口径：E_re 为建筑年可再生能源利用量，E_total 为建筑年总能耗，两者均按 kWh/a 同一口径（工作定义，非标准条文）');
  const okParts = parts.filter((p) => p.got.kind === 'ok') as { id: string; got: Extract<typeof parts[number]['got'], { kind: 'ok' }> }[];
  for (const p of parts) b.noteBad(p.got, '未计入');
  let sumParts: number | null = null;
  if (okParts.length) {
    sumParts = okParts.reduce((s, p) => s + p.got.value, 0);
  }
  const units = new Set<string>();

  let Ere: number | null = null;
  if (gTotal.kind === 'ok') {
    b.use(gTotal.iv);
    units.add(unitLabel(gTotal.iv.unitRaw));
    Ere = gTotal.value;
    b.step(`E_re = ${fmt(Ere)} kWh/a（表格所填可再生能源年利用总量，${gTotal.iv.source}）`);
    if (sumParts !== null) {
      for (const p of okParts) b.use(p.got.iv);
      if (Ere > 0 && Math.abs(sumParts - Ere) / Ere > 0.01)
        b.note(`各项可再生能源利用量之和 ${fmt(sumParts)} kWh/a 与所填总量 ${fmt(Ere)} kWh/a（${gTotal.iv.source}）不一致，按所填总量计`);
    }
  } else {
    b.noteBad(gTotal);
    if (sumParts === null) {
      b.note('没有可用的可再生能源利用量数据');
      return b.build(null, CLAUSE, FORMULA);
    }
    for (const p of okParts) {
      b.use(p.got.iv);
      units.add(unitLabel(p.got.iv.unitRaw));
    }
    Ere = sumParts;
    b.step(`E_re = ${okParts.map((p) => `${fmt(p.got.value)}（${indicatorName(p.id)}，${p.got.iv.source}）`).join(' + ')} = ${fmt(Ere)} kWh/a`);
    const absent = parts.filter((p) => p.got.kind !== 'ok').map((p) => indicatorName(p.id));
    if (absent.length) b.note(`E_re 仅计入表格中有数据的分项：${okParts.map((p) => indicatorName(p.id)).join('、')}；未提供：${absent.join('、')}`);
  }

  if (gE.kind !== 'ok') {
    b.noteBad(gE);
    return b.build(null, CLAUSE, FORMULA, { E_re: Ere });
  }
  b.use(gE.iv);
  units.add(unitLabel(gE.iv.unitRaw));
  const Et = gE.value;
  b.step(`E_total = ${fmt(Et)} kWh/a（${gE.iv.source}）`);
  if (Et <= 0) {
    b.note(`建筑年总能耗为 ${fmt(Et)}（${gE.iv.source}），无法计算替代率`);
    return b.build(null, CLAUSE, FORMULA, { E_re: Ere, E_total: Et });
  }
  if ([...units].some((u) => /标煤|ce\b|kgce|tce/i.test(u))) {
    b.note(`能耗数据原单位含标准煤口径（${[...units].join('、')}），电、热与标煤的折算口径可能不一致，请核对计算书`);
  }
  const R = round((Ere / Et) * 100, 2);
  b.step(`R = ${fmt(Ere)} / ${fmt(Et)} × 100% = ${fmt(R)}%`);
  if (R > 100) b.note('可再生能源利用量大于建筑总能耗，替代率超过 100%，请核对数据');
  b.note('可再生能源替代率无标准公式，按 R = 可再生能源利用量 / 建筑总能耗 计算；以项目可再生能源核算书为准');
  return b.build(R, CLAUSE, FORMULA, { E_re: Ere, E_total: Et, basis: 'kWh/a', parts: okParts.map((p) => p.id) });
}
