// Ratios of shared/data/ratios.json: 容积率, 建筑密度, 绿地率, 屋顶光伏覆盖率, and 单位建筑面积年碳排放量
// from a stated annual total over the area it is per (GB/T 51366-2019, docs/domain/energy-carbon.md §2).
import ratios from '../data/ratios.json';
import { indicatorName } from '../model/indicators';
import type { Calculation, ImportedValue } from '../model/types';
import type { CalcContext } from './context';
import { CalcBuilder, fmt, getNumber, round } from './inputs';
import { statedPerYear } from './period';
import { contractBasisOf } from '../model/remarkBasis';

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
  clause: string;
  /** Why the recomputation may differ from the declared value although the sheet is right. */
  caveat?: string;
  status?: string;
  /** A measure one jurisdiction defines: elsewhere the recomputation has the status `elsewhere`. */
  jurisdiction?: { match: string[]; name: string; elsewhere: string };
  /** The contract may state the base (a basis kind of shared/model/remarkBasis.ts): its denominator then. */
  bases?: { kind: string; denominators: Record<string, string> };
}

const DEFS = ratios.ratios as RatioDef[];
export const RATIO_IDS: string[] = DEFS.map((d) => d.indicator);

/** Indicator ids each ratio reads. */
export const RATIO_INPUTS: Record<string, readonly string[]> = Object.fromEntries(DEFS.map((d) => [d.indicator, [d.numerator, d.denominator, ...Object.values(d.bases?.denominators ?? {})]]));

export function computeRatio(id: string, ctx: CalcContext): Calculation | null {
  const def = DEFS.find((d) => d.indicator === id);
  if (!def) return null;
  // the base the contract states for the share ("屋顶可安装光伏面积的光伏覆盖率"), over the standard's
  const own = def.bases ? def.bases.denominators[contractBasisOf(def.bases.kind, { contract: ctx.contractTexts ?? [] }) ?? ''] : undefined;
  const denominator = own ?? def.denominator;
  const gN = getNumber(ctx.values, def.numerator);
  const gD = getNumber(ctx.values, denominator);
  if (gN.kind === 'absent') return null;
  const b = new CalcBuilder(`ratio:${id}`, id, ctx);
  b.status(def.status ?? 'CONFIRMED');
  let clause = own ? `合同约定的基数：${indicatorName(def.numerator)} ÷ ${indicatorName(own)}` : def.clause;
  const formula = own ? `${indicatorName(id)} = ${indicatorName(def.numerator)} ÷ ${indicatorName(own)} × ${def.scale === 100 ? '100%' : def.scale}` : def.formula;
  const j = def.jurisdiction;
  if (j && !own && !j.match.some((m) => ctx.city?.includes(m))) {
    // another city's contract: its own measure of the share was not checked
    b.status(j.elsewhere);
    clause = `${clause}（${j.name}口径；合同所在地${ctx.city ? `（${ctx.city}）` : ''}的计算口径未核实）`;
    b.note(`${indicatorName(id)}按${j.name}的口径（${formula}）复核；合同所在地的计算口径未核实，复核值可否定申报值，不能单独确认`);
  }
  if (gD.kind === 'absent') {
    if (!def.numeratorNeedsDenominator || gN.kind !== 'ok') return null;
    // The stated total means something only over its area: without the area nothing confirms the declared value.
    b.unsure(gN.iv, `表中给出${indicatorName(def.numerator)}“${gN.iv.raw}”（${gN.iv.source}），但未给出${indicatorName(denominator)}，无法据以复核${indicatorName(id)}`);
    return b.build(null, clause, formula);
  }
  if (gN.kind === 'ok' && def.numeratorPerYear && !statedPerYear(gN.iv)) {
    b.unsure(gN.iv, notAnnual(gN.iv, id));
    return b.build(null, clause, formula);
  }
  if (gN.kind !== 'ok' || gD.kind !== 'ok') {
    b.noteBad(gN);
    b.noteBad(gD);
    return b.build(null, clause, formula);
  }
  b.use(gN.iv);
  b.use(gD.iv);
  if (gD.value <= 0) {
    b.note(`${indicatorName(denominator)}为 ${fmt(gD.value)}（${gD.iv.source}），无法计算${indicatorName(id)}`);
    return b.build(null, clause, formula);
  }
  const digits = def.digits ?? (def.scale === 1 ? 3 : 2);
  const value = round((gN.value / gD.value) * def.scale, digits);
  const unit = def.unit ?? (def.scale === 100 ? '%' : '');
  const scaled = def.scale === 1 ? '' : def.scale === 100 ? ' × 100%' : ` × ${def.scale}`;
  b.step(
    `${indicatorName(id)} = ${fmt(gN.value)}（${indicatorName(def.numerator)}，${gN.iv.source}）${scaled} ÷ ${fmt(gD.value)}（${indicatorName(denominator)}，${gD.iv.source}） = ${fmt(value, digits)}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`,
  );
  if (def.caveat) b.note(def.caveat);
  return b.build(value, clause, formula, { numerator: gN.value, denominator: gD.value });
}

function notAnnual(iv: ImportedValue, id: string): string {
  const unit = iv.unitRaw ? `单位为“${iv.unitRaw}”` : '未注明单位';
  return `“${iv.label}”${fmt(iv.value as number)}（${iv.source}）${unit}，标签与单位均未说明是每年的数值（可能是全寿命期或某一阶段的总量），不能据以复核${indicatorName(id)}`;
}
