// Ratios of shared/data/ratios.json: 容积率, 建筑密度, 绿地率, 屋顶光伏覆盖率, and 单位建筑面积年碳排放量
// from a stated annual total over the area it is per (GB/T 51366-2019, docs/domain/energy-carbon.md §2).
import ratios from '../data/ratios.json';
import { indicatorName } from '../model/indicators';
import type { Calculation, ImportedValue } from '../model/types';
import type { CalcContext } from './context';
import { CalcBuilder, fmt, getNumber, round } from './inputs';
import { statedPerYear } from './period';

interface RatioDef {
  indicator: string;
  numerator: string;
  denominator: string;
  scale: number;
  formula: string;
  /** Decimals of the result (default 3 for a plain ratio, 2 otherwise). */
  digits?: number;
  /** Unit of the result (default '%' for scale 100, else none). */
  unit?: string;
  /** The numerator counts only when its unit or label says it is per year (an annual total). */
  numeratorPerYear?: boolean;
  /** A stated numerator without the denominator leaves the recomputation undetermined. */
  numeratorNeedsDenominator?: boolean;
  clause?: string;
  /** Why the recomputation may differ from the declared value although the sheet is right. */
  caveat?: string;
  status?: string;
}

const DEFS = ratios.ratios as RatioDef[];
export const RATIO_IDS: string[] = DEFS.map((d) => d.indicator);

/** Indicator ids each ratio reads. */
export const RATIO_INPUTS: Record<string, readonly string[]> = Object.fromEntries(DEFS.map((d) => [d.indicator, [d.numerator, d.denominator]]));

const CLAUSES: Record<string, string> = {
  far: '规划指标定义：容积率 = 计容建筑面积 / 用地面积',
  building_density: '规划指标定义：建筑密度 = 建筑基底面积 / 用地面积',
  green_ratio: '规划指标定义：绿地率 = 绿地面积 / 用地面积',
  pv_roof_coverage: '沪府发〔2022〕7号；《关于推进本市新建建筑可再生能源应用的实施意见》（2023）',
};

export function computeRatio(id: string, ctx: CalcContext): Calculation | null {
  const def = DEFS.find((d) => d.indicator === id);
  if (!def) return null;
  const gN = getNumber(ctx.values, def.numerator);
  const gD = getNumber(ctx.values, def.denominator);
  if (gN.kind === 'absent') return null;
  const b = new CalcBuilder(`ratio:${id}`, id, ctx);
  b.status(def.status ?? 'CONFIRMED');
  const clause = def.clause ?? CLAUSES[id] ?? ratios.source;
  if (gD.kind === 'absent') {
    if (!def.numeratorNeedsDenominator || gN.kind !== 'ok') return null;
    // The stated total means something only over its area: without the area nothing confirms the declared value.
    b.unsure(gN.iv, `表中给出${indicatorName(def.numerator)}“${gN.iv.raw}”（${gN.iv.source}），但未给出${indicatorName(def.denominator)}，无法据以复核${indicatorName(id)}`);
    return b.build(null, clause, def.formula);
  }
  if (gN.kind === 'ok' && def.numeratorPerYear && !statedPerYear(gN.iv)) {
    b.unsure(gN.iv, notAnnual(gN.iv, id));
    return b.build(null, clause, def.formula);
  }
  if (gN.kind !== 'ok' || gD.kind !== 'ok') {
    b.noteBad(gN);
    b.noteBad(gD);
    return b.build(null, clause, def.formula);
  }
  b.use(gN.iv);
  b.use(gD.iv);
  if (gD.value <= 0) {
    b.note(`${indicatorName(def.denominator)}为 ${fmt(gD.value)}（${gD.iv.source}），无法计算${indicatorName(id)}`);
    return b.build(null, clause, def.formula);
  }
  const digits = def.digits ?? (def.scale === 1 ? 3 : 2);
  const value = round((gN.value / gD.value) * def.scale, digits);
  const unit = def.unit ?? (def.scale === 100 ? '%' : '');
  const scaled = def.scale === 1 ? '' : def.scale === 100 ? ' × 100%' : ` × ${def.scale}`;
  b.step(
    `${indicatorName(id)} = ${fmt(gN.value)}（${indicatorName(def.numerator)}，${gN.iv.source}）${scaled} ÷ ${fmt(gD.value)}（${indicatorName(def.denominator)}，${gD.iv.source}） = ${fmt(value, digits)}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`,
  );
  if (def.caveat) b.note(def.caveat);
  return b.build(value, clause, def.formula, { numerator: gN.value, denominator: gD.value });
}

function notAnnual(iv: ImportedValue, id: string): string {
  const unit = iv.unitRaw ? `单位为“${iv.unitRaw}”` : '未注明单位';
  return `“${iv.label}”${fmt(iv.value as number)}（${iv.source}）${unit}，标签与单位均未说明是每年的数值（可能是全寿命期或某一阶段的总量），不能据以复核${indicatorName(id)}`;
}
