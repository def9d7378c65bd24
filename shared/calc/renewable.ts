// 可再生能源替代率 R = E_re / E_total × 100% — working definition of docs/domain/renewable.md §1 (no standard
// text defines it: always 'unconfirmed'; Shanghai accounting per DG/TJ08-2329-2020, content UNCONFIRMED).
// E_re is the sum of every line item (several rows of one kind are added, see ImportedLineItem);
// a stated 合计 that disagrees with its items is a contradiction (docs/evidence-policy.md).
import heatPump from '../data/heat-pump.json';
import { indicatorName } from '../model/indicators';
import type { Calculation, CellRef, HeatOutput } from '../model/types';
import type { CalcContext } from './context';
import { CalcBuilder, fmt, getNumber, round } from './inputs';

// The definition is the working one of docs/domain/renewable.md §1 (no standard text defines it).
const CLAUSE = '可再生能源替代率（工作定义：可再生能源年利用量 ÷ 建筑年总能耗，非标准条文；上海核算方法见 DG/TJ08-2329-2020，未核实）';
const FORMULA = 'R = E_re / E_total × 100%，E_re = Σ 各项可再生能源利用量';
const PARTS = ['re_pv_generation', 're_solar_thermal', 're_heat_pump', 're_other'] as const;
/** Relative difference above which the stated 合计 and the sum of the items disagree. */
const REL_TOL = 0.01;

/** Indicator ids this calculator reads (an unread table holding any of them leaves the result open). */
export const RENEWABLE_INPUTS: readonly string[] = [...PARTS, 're_total', 'energy_total'];

function unitLabel(raw: string | undefined): string {
  return raw && raw.trim() ? raw.trim() : 'kWh/a';
}

interface Part {
  id: string;
  value: number;
  /** The figures as written (heat output before the heat-pump correction), for the stated 合计. */
  written: number;
  text: string;
  units: string[];
}

/**
 * A heat pump's heat output Q counts only as Q × (1 − 1/COP) (shared/data/heat-pump.json, PARTIAL;
 * docs/domain/renewable.md §1): the credited figure and its step, or null when the sheet states
 * no COP — the figure is then undetermined and the recomputation cannot be made.
 */
function credit(b: CalcBuilder, name: string, q: number, source: CellRef, ho: HeatOutput): { value: number; text: string } | null {
  b.status(heatPump.rule.status);
  if (!ho.cop) {
    const reason = `热泵“${name}”（${source}）填写的是“${ho.text}”（总供热量，不是可再生能源利用量），表中未给出其 COP，无法计算可再生部分 Q × (1 − 1/COP)`;
    b.note(reason);
    if (!b.undetermined.some((u) => u.source === source)) b.undetermined.push({ kind: 'unreadable', source, reason });
    return null;
  }
  const v = round(q * (1 - 1 / ho.cop.value), 0);
  b.step(`热泵“${name}”填写的是“${ho.text}”，只计可再生部分：${fmt(q)} × (1 − 1/${fmt(ho.cop.value)}) = ${fmt(v)} kWh/a（COP 取自 ${ho.cop.source}“${ho.cop.raw}”）`);
  return { value: v, text: `${fmt(v)}（${name}可再生部分，${source}）` };
}

export function computeRenewable(ctx: CalcContext): Calculation | null {
  const b = new CalcBuilder('renewable', 'renewable_substitution', ctx);
  b.unconfirmed = true;
  const gTotal = getNumber(ctx.values, 're_total');
  const singles = PARTS.map((id) => ({ id, got: getNumber(ctx.values, id) }));
  const items = (ctx.lineItems ?? []).filter((li) => (PARTS as readonly string[]).includes(li.indicator));
  const gE = getNumber(ctx.values, 'energy_total');
  const anyRe = gTotal.kind !== 'absent' || singles.some((p) => p.got.kind !== 'absent') || items.length > 0;
  if (!anyRe || gE.kind === 'absent') return null;

  b.step('计算口径：E_re 为建筑年可再生能源利用量（各项之和），E_total 为建筑年总能耗，两者均按 kWh/a 同一口径（工作定义，非标准条文）');

  // Each kind: its line items when the sheet itemises it, else its single value.
  const parts: Part[] = [];
  const absent: string[] = [];
  /** A heat pump's output without a COP: E_re cannot be recomputed. */
  let uncredited = false;
  for (const { id, got } of singles) {
    const rows = items.filter((li) => li.indicator === id);
    if (rows.length) {
      let sum = 0;
      let written = 0;
      const terms: string[] = [];
      const units: string[] = [];
      for (const r of rows) {
        if (r.value === null || !Number.isFinite(r.value) || r.value < 0) {
          b.note(`“${r.name}”（${r.source}）利用量缺失或无法识别，未计入`);
          continue;
        }
        b.useRaw({ label: `${indicatorName(id)}：${r.name}`, value: r.value, unit: 'kWh/a', source: r.source });
        written += r.value;
        units.push(unitLabel(r.unitRaw));
        if (r.heatOutput) {
          const c = credit(b, r.name, r.value, r.source, r.heatOutput);
          if (!c) {
            uncredited = true;
            continue;
          }
          sum += c.value;
          terms.push(c.text);
          continue;
        }
        sum += r.value;
        terms.push(`${fmt(r.value)}（${r.name}，${r.source}）`);
      }
      if (terms.length) parts.push({ id, value: sum, written, text: terms.join(' + '), units });
      else absent.push(indicatorName(id));
      continue;
    }
    if (got.kind === 'ok') {
      b.use(got.iv);
      const ho = got.iv.heatOutput;
      const c = ho ? credit(b, got.iv.label || indicatorName(id), got.value, got.iv.source, ho) : undefined;
      if (c === null) {
        uncredited = true;
        continue;
      }
      const text = c ? c.text : `${fmt(got.value)}（${indicatorName(id)}，${got.iv.source}）`;
      parts.push({ id, value: c ? c.value : got.value, written: got.value, text, units: [unitLabel(got.iv.unitRaw)] });
    } else {
      b.noteBad(got, '未计入');
      absent.push(indicatorName(id));
    }
  }
  const sumParts = parts.length ? round(parts.reduce((s, p) => s + p.value, 0), 3) : null;
  const sumWritten = parts.length ? round(parts.reduce((s, p) => s + p.written, 0), 3) : null;
  const corrected = sumParts !== null && sumWritten !== null && Math.abs(sumParts - sumWritten) > 1e-6;
  const units = new Set<string>(parts.flatMap((p) => p.units));
  if (uncredited) {
    b.leadNote(b.undetermined[0].reason);
    return b.build(null, CLAUSE, FORMULA);
  }

  let Ere: number | null = null;
  if (gTotal.kind === 'ok') {
    b.use(gTotal.iv);
    units.add(unitLabel(gTotal.iv.unitRaw));
    Ere = gTotal.value;
    // a 合计 is the sum of the figures as written (heat output included): compared with those
    const asWritten = sumWritten ?? sumParts;
    if (corrected && sumParts !== null) {
      Ere = sumParts;
      b.step(`E_re = ${parts.map((p) => p.text).join(' + ')} = ${fmt(sumParts)} kWh/a（表格所填合计 ${fmt(gTotal.value)}（${gTotal.iv.source}）按热泵总供热量计，不采用）`);
    } else b.step(`E_re = ${fmt(Ere)} kWh/a（表格所填可再生能源年利用总量，${gTotal.iv.source}）`);
    if (sumParts !== null && asWritten !== null) {
      if (!corrected) b.step(`各项之和 = ${parts.map((p) => p.text).join(' + ')} = ${fmt(sumParts)} kWh/a`);
      if (Math.abs(asWritten - gTotal.value) > REL_TOL * Math.max(gTotal.value, asWritten)) b.contradict('可再生能源年利用总量', gTotal.value, asWritten, gTotal.iv.source, 0);
    }
  } else {
    b.noteBad(gTotal);
    if (sumParts === null) {
      b.note('没有可用的可再生能源利用量数据');
      return b.build(null, CLAUSE, FORMULA);
    }
    Ere = sumParts;
    b.step(`E_re = ${parts.map((p) => p.text).join(' + ')} = ${fmt(Ere)} kWh/a`);
    if (absent.length) b.note(`E_re 仅计入表格中有数据的分项：${parts.map((p) => indicatorName(p.id)).join('、')}；未提供：${absent.join('、')}`);
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
  if (corrected) b.leadNote(`表中热泵按总供热量计入可再生能源利用量；只计其可再生部分 Q × (1 − 1/COP) 后，E_re 为 ${fmt(sumParts!)} kWh/a`);
  b.note('可再生能源替代率无标准公式，按 R = 可再生能源利用量 / 建筑总能耗 计算；以项目可再生能源核算书为准');
  return b.build(R, CLAUSE, FORMULA, { E_re: Ere, E_total: Et, basis: 'kWh/a', parts: parts.map((p) => p.id), ...(sumParts !== null ? { E_re_items: sumParts } : {}) });
}
