// 超低能耗建筑面积占比 from per-building areas: Σ area of the buildings designed as 超低能耗 / Σ area of
// the buildings listed ("applicable area share"). No standard defines the share's denominator, so
// the result is always 'unconfirmed' (docs/rule-data.md).
import type { Calculation, ImportedBuilding } from '../model/types';
import type { CalcContext } from './context';
import { CalcBuilder, fmt, getBoolean, getNumber, round } from './inputs';
import { intentWord, partialScopeWords } from '../model/statements';

const CLAUSE = '超低能耗建筑面积占比（工作定义：超低能耗建筑面积 ÷ 所列单体建筑面积合计；分母口径未见标准规定，未核实）';
const FORMULA = '占比 = Σ 超低能耗单体建筑面积 ÷ Σ 单体建筑面积 × 100%';
const REL_TOL = 0.01;

/**
 * Indicator ids this calculator reads (an unread table holding any of them leaves the result open).
 * It reads the list of buildings itself: an unread list of buildings may hold a building the share
 * leaves out of its denominator.
 */
export const ULTRA_LOW_INPUTS: readonly string[] = ['ultra_low_energy_area', 'ultra_low_energy_building', 'gross_floor_area', 'building_name'];

/** A note that makes a building's 是 only intended (拟, 目标) or partial (一期, 部分). */
function limiting(remark: string | undefined): boolean {
  return !!remark && (intentWord(remark) !== null || partialScopeWords(remark) !== null);
}

function areaOf(b: ImportedBuilding): { value: number; source: string } | null {
  if (b.floorArea !== null && Number.isFinite(b.floorArea) && b.floorArea > 0) return { value: b.floorArea, source: b.values.gross_floor_area?.source ?? b.nameSource };
  const g = getNumber(b.values, 'gross_floor_area');
  return g.kind === 'ok' && g.value > 0 ? { value: g.value, source: g.iv.source } : null;
}

export function computeUltraLow(ctx: CalcContext): Calculation | null {
  const b = new CalcBuilder('ultraLow', 'ultra_low_energy_ratio', ctx);
  b.unconfirmed = true;
  const buildings = ctx.buildings ?? [];
  const stated = getNumber(ctx.values, 'ultra_low_energy_area');

  // Per building: its own 超低能耗建筑面积, else its area when flagged 超低能耗, else unknown.
  const rows = buildings.map((bd) => {
    const own = getNumber(bd.values, 'ultra_low_energy_area');
    const flag = getBoolean(bd.values, 'ultra_low_energy_building');
    return { bd, area: areaOf(bd), own, flag };
  });
  const informative = rows.filter((r) => r.own.kind === 'ok' || r.flag.kind === 'ok');

  if (informative.length > 0) {
    let ultra = 0;
    let total = 0;
    let unknownArea = 0;
    const terms: string[] = [];
    const unknown: string[] = [];
    const noArea: string[] = [];
    for (const r of rows) {
      if (!r.area) {
        noArea.push(r.bd.name);
        // Leaving a building out of both sums lowers the share only when all of it is 超低能耗 for
        // certain; one that is not, may not be (“是（拟）”), or states only part of its area as
        // 超低能耗 raises the share: unknown, not smaller.
        const wholly = r.own.kind !== 'ok' && r.flag.kind === 'ok' && r.flag.value === true && !limiting(r.flag.iv.remark);
        if (!wholly)
          b.undetermine('unreadable', r.bd.nameSource, `单体“${r.bd.name}”（${r.bd.nameSource}）未给出建筑面积，占比的分母无法确定`);
        continue;
      }
      b.useRaw({ label: `${r.bd.name} 建筑面积`, value: r.area.value, unit: 'm²', source: r.area.source });
      total += r.area.value;
      if (r.own.kind === 'ok') {
        b.use(r.own.iv, `${r.bd.name} 超低能耗建筑面积`);
        ultra += r.own.value;
        terms.push(`${fmt(r.own.value)}（${r.bd.name}）`);
      } else if (r.flag.kind === 'ok' && r.flag.value && limiting(r.flag.iv.remark)) {
        // "是（拟）", "是（一期）": only intended, or only part of the building — the share cannot count it
        b.unsure(r.flag.iv, `${r.bd.name} 是否超低能耗建筑填写为“${r.flag.iv.raw.trim()}”，附注“${r.flag.iv.remark}”表明尚未确定或只涉及一部分`);
        unknown.push(r.bd.name);
        unknownArea += r.area.value;
      } else if (r.flag.kind === 'ok') {
        b.use(r.flag.iv, `${r.bd.name} 是否超低能耗建筑`);
        if (r.flag.value) {
          ultra += r.area.value;
          terms.push(`${fmt(r.area.value)}（${r.bd.name}）`);
        }
      } else {
        b.noteBad(r.flag);
        unknown.push(r.bd.name);
        unknownArea += r.area.value;
      }
    }
    if (noArea.length) b.note(`单体“${noArea.join('”“')}”未给出建筑面积，未计入占比`);
    if (total <= 0) {
      b.note('所列单体均无建筑面积，无法计算超低能耗建筑面积占比');
      return b.build(null, CLAUSE, FORMULA);
    }
    if (unknown.length) {
      // Unknown buildings counted as 超低能耗: the true share can only be lower.
      b.upper = true;
      b.note(`单体“${unknown.join('”“')}”未说明是否为超低能耗建筑，按是计入，占比为上限`);
      ultra += unknownArea;
      terms.push(`${fmt(unknownArea)}（未说明的单体，按上限计）`);
    }
    const g = getNumber(ctx.values, 'gross_floor_area');
    if (g.kind === 'ok' && g.value > 0 && Math.abs(g.value - total) / g.value > REL_TOL)
      b.note(`所列单体建筑面积合计 ${fmt(total)} m² 与总建筑面积 ${fmt(g.value)} m²（${g.iv.source}）不同，占比按单体合计计算`);
    const ultraR = round(ultra, 2);
    if (stated.kind === 'ok' && !unknown.length && Math.abs(stated.value - ultraR) > REL_TOL * Math.max(stated.value, ultraR))
      b.contradict('超低能耗建筑面积', stated.value, ultraR, stated.iv.source, 0);
    const share = round((ultra / total) * 100, 2);
    b.step(`超低能耗建筑面积 = ${terms.length ? terms.join(' + ') : '0'} = ${fmt(ultraR)} m²`);
    b.step(`占比 = ${fmt(ultraR)} ÷ ${fmt(round(total, 2))} × 100% = ${fmt(share)}%${b.upper ? '（上限）' : ''}`);
    return b.build(share, CLAUSE, FORMULA, { ultraArea: ultraR, totalArea: round(total, 2), unknown });
  }

  // Project level: a stated 超低能耗建筑面积 over the 总建筑面积.
  const g = getNumber(ctx.values, 'gross_floor_area');
  if (stated.kind === 'absent') return null;
  if (stated.kind !== 'ok' || g.kind !== 'ok' || g.value <= 0) {
    b.noteBad(stated);
    b.noteBad(g);
    if (g.kind === 'absent') b.note('未提供总建筑面积，无法计算超低能耗建筑面积占比');
    return b.build(null, CLAUSE, FORMULA);
  }
  b.use(stated.iv);
  b.use(g.iv);
  const share = round((stated.value / g.value) * 100, 2);
  b.step(`占比 = ${fmt(stated.value)}（${stated.iv.source}）÷ ${fmt(g.value)}（总建筑面积，${g.iv.source}）× 100% = ${fmt(share)}%`);
  return b.build(share, CLAUSE, FORMULA, { ultraArea: stated.value, totalArea: g.value });
}
