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
  clause: string;
  /** A measure one jurisdiction defines: elsewhere the recomputation has the status `elsewhere`. */
  jurisdiction?: { match: string[]; name: string; elsewhere: string };
}

const DEFS = ratios.ratios as RatioDef[];
export const RATIO_IDS: string[] = DEFS.map((d) => d.indicator);

/** Indicator ids each ratio reads. */
export const RATIO_INPUTS: Record<string, readonly string[]> = Object.fromEntries(DEFS.map((d) => [d.indicator, [d.numerator, d.denominator]]));

export function computeRatio(id: string, ctx: CalcContext): Calculation | null {
  const def = DEFS.find((d) => d.indicator === id);
  if (!def) return null;
  const gN = getNumber(ctx.values, def.numerator);
  const gD = getNumber(ctx.values, def.denominator);
  if (gN.kind === 'absent' || gD.kind === 'absent') return null;
  const b = new CalcBuilder(`ratio:${id}`, id, ctx);
  let clause = def.clause;
  const j = def.jurisdiction;
  if (j && !j.match.some((m) => ctx.city?.includes(m))) {
    // another city's contract: its own measure of the share was not checked
    b.status(j.elsewhere);
    clause = `${clause}（${j.name}口径；合同所在地${ctx.city ? `（${ctx.city}）` : ''}的计算口径未核实）`;
    b.note(`${indicatorName(id)}按${j.name}的口径（${def.formula}）复核；合同所在地的计算口径未核实，复核值可否定申报值，不能单独确认`);
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
  const digits = def.scale === 1 ? 3 : 2;
  const value = round((gN.value / gD.value) * def.scale, digits);
  const unit = def.scale === 100 ? '%' : '';
  b.step(
    `${indicatorName(id)} = ${fmt(gN.value)}（${indicatorName(def.numerator)}，${gN.iv.source}） ÷ ${fmt(gD.value)}（${indicatorName(def.denominator)}，${gD.iv.source}）${def.scale === 100 ? ' × 100%' : ''} = ${fmt(value, digits)}${unit}`,
  );
  return b.build(value, clause, def.formula, { numerator: gN.value, denominator: gD.value });
}
