// Planning ratios of shared/data/ratios.json: 容积率, 建筑密度, 绿地率, 屋顶光伏覆盖率.
import ratios from '../data/ratios.json';
import { indicatorName } from '../model/indicators';
import type { Calculation } from '../model/types';
import type { CalcContext } from './context';
import { CalcBuilder, fmt, getNumber, round } from './inputs';

interface RatioDef {
  indicator: string;
  numerator: string;
  denominator: string;
  scale: number;
  formula: string;
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
  if (gN.kind === 'absent' || gD.kind === 'absent') return null;
  const b = new CalcBuilder(`ratio:${id}`, id, ctx);
  const clause = CLAUSES[id] ?? ratios.source;
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
  const digits = def.scale === 1 ? 3 : 2;
  const value = round((gN.value / gD.value) * def.scale, digits);
  const unit = def.scale === 100 ? '%' : '';
  b.step(
    `${indicatorName(id)} = ${fmt(gN.value)}（${indicatorName(def.numerator)}，${gN.iv.source}） ÷ ${fmt(gD.value)}（${indicatorName(def.denominator)}，${gD.iv.source}）${def.scale === 100 ? ' × 100%' : ''} = ${fmt(value, digits)}${unit}`,
  );
  return b.build(value, clause, def.formula, { numerator: gN.value, denominator: gD.value });
}
