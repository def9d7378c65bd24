// 装配率: GB/T 51129-2017 §4.0.1, §3.0.3, §5 (rule data in shared/data/standards/gbt51129-2017.json).
import std from '../data/standards/gbt51129-2017.json';
import { indicator as indicatorDef } from '../model/indicators';
import type { Calculation } from '../model/types';
import type { CalcContext } from './context';
import { CalcBuilder, fmt, getBoolean, getNumber, round, type Got } from './inputs';
import { methodMismatch } from './methods';

interface Item {
  id: string;
  group: 'q1' | 'q2' | 'q3';
  indicator: string;
  name: string;
  kind: 'interp' | 'threshold' | 'boolean';
  lower?: number;
  upper?: number;
  sMin?: number;
  sMax?: number;
  min?: number;
  score?: number;
  status: string;
}

const ITEMS = std.items as unknown as Item[];
const GROUPS = std.groups;
const DEC = std.interpolation.decimals;
const CLAUSE = 'GB/T 51129-2017 §4.0.1、§3.0.3、§5';
const FORMULA = 'P = (Q1 + Q2 + Q3) / (100 − Q4) × 100%';

/** Indicator ids this calculator reads (an unread table holding any of them leaves the result open). */
export const ASSEMBLY_INPUTS: readonly string[] = [
  ...new Set([...GROUPS.map((g) => g.indicator), 'asm_q4', ...ITEMS.map((i) => i.indicator), 'full_fitout', 'asm_vertical_ratio']),
];

const LACKING = new Set(std.missingItemMarks.marks);
/** A row marked as an item the project lacks ("/", "不适用"): it counts in Q4 (GB/T 51129-2017 §4.0.1). */
const lacking = (raw: string) => LACKING.has(raw.normalize('NFKC').trim()) || LACKING.has(raw.trim());

const maxScore = (it: Item) => (it.kind === 'interp' ? (it.sMax as number) : (it.score as number));

/** Score of one Table 4.0.1 item for a proportion r (percent); linear interpolation for ranged rows. */
export function scoreItem(it: Item, r: number): { score: number; text: string } {
  if (it.kind === 'threshold') {
    const ok = r >= (it.min as number);
    return { score: ok ? (it.score as number) : 0, text: `${fmt(r)}% ${ok ? '≥' : '<'} ${it.min}% → ${ok ? it.score : 0} 分` };
  }
  const { lower, upper, sMin, sMax } = it as Required<Pick<Item, 'lower' | 'upper' | 'sMin' | 'sMax'>>;
  if (r < lower) return { score: 0, text: `${fmt(r)}% < ${lower}% → 0 分` };
  if (r > upper) return { score: sMax, text: `${fmt(r)}% > ${upper}% → ${sMax} 分` };
  const s = round(sMin + ((r - lower) / (upper - lower)) * (sMax - sMin), DEC);
  return {
    score: s,
    text: `${lower}%–${upper}% 区间线性插值：${sMin} + (${fmt(r)} − ${lower}) / (${upper} − ${lower}) × (${sMax} − ${sMin}) = ${fmt(s, DEC)} 分`,
  };
}

export function itemByIndicator(id: string): Item | undefined {
  return ITEMS.find((i) => i.indicator === id);
}

interface Scores {
  q1: number;
  q2: number;
  q3: number;
  q4: number;
  fitout: boolean | null;
  vertical: number | null;
}

/** Scores from the item proportions (Table 4.0.1). Returns null when no item row is present. */
function fromProportions(b: CalcBuilder, ctx: CalcContext, declaredQ4: Got<number>): Scores | null {
  const gots = ITEMS.map((it) => ({
    it,
    got: (it.kind === 'boolean' ? getBoolean(ctx.values, it.indicator) : getNumber(ctx.values, it.indicator)) as Got<number | boolean>,
  }));
  if (!gots.some((g) => g.got.kind === 'ok' && g.it.kind !== 'boolean')) return null;
  const sums = { q1: 0, q2: 0, q3: 0 };
  let q4FromRows = 0;
  let fitout: boolean | null = null;
  let vertical: number | null = null;
  const absent: string[] = [];
  const missingItems: string[] = [];
  for (const { it, got } of gots) {
    b.status(it.status);
    if (got.kind === 'ok') {
      b.use(got.iv);
      if (it.kind === 'boolean') {
        const v = got.value === true;
        fitout = v;
        sums[it.group] += v ? (it.score as number) : 0;
        b.step(`${it.name}：${v ? '是' : '否'}（${got.iv.source}）→ ${v ? it.score : 0} 分`);
      } else {
        const r = got.value as number;
        if (it.id === 'vertical') vertical = r;
        const s = scoreItem(it, r);
        sums[it.group] += s.score;
        b.step(`${it.name}（${got.iv.source}）：${s.text}`);
      }
    } else if (got.kind === 'placeholder' && it.kind !== 'boolean' && !lacking(got.iv.raw)) {
      // "待定", "详见专篇": a figure still to come, not an item the project lacks — 0 points (the
      // lowest; as a lacking item it would raise P)
      b.noteBad(got, '不是“不适用”的评价项，按 0 分计');
      b.step(`${it.name}：表格填写为“${got.iv.raw.trim()}”，不是标为不适用的评价项，按 0 分计`);
    } else if (got.kind === 'placeholder' && it.kind !== 'boolean') {
      q4FromRows += maxScore(it);
      missingItems.push(`${it.name}（${got.iv.source}，${maxScore(it)} 分）`);
      b.step(`${it.name}：表格标为“${got.iv.raw}”，作为缺少的评价项，计入 Q4 ${maxScore(it)} 分`);
    } else if (got.kind === 'absent') {
      absent.push(it.name);
    } else {
      b.noteBad(got, '按 0 分计');
      if (it.kind === 'boolean') fitout = null;
    }
  }
  if (absent.length)
    b.note(`表格中没有以下评价项：${absent.map((n) => `“${n}”`).join('')}，按 0 分计（未作为缺少的评价项计入 Q4；只有标为“/”或“不适用”的项才计入 Q4）`);
  const cap = (k: 'q1' | 'q2' | 'q3') => {
    const g = GROUPS.find((x) => x.key === k)!;
    b.status(g.status);
    return Math.min(round(sums[k], DEC), g.max);
  };
  const q1 = cap('q1');
  const q2 = cap('q2');
  const q3 = cap('q3');
  let q4 = q4FromRows;
  if (declaredQ4.kind === 'ok') {
    b.use(declaredQ4.iv);
    if (Math.abs(declaredQ4.value - q4FromRows) > 1e-9)
      b.note(`表格所填缺少的评价项分值 Q4 = ${fmt(declaredQ4.value)}（${declaredQ4.iv.source}）与按“/”“不适用”项计得的 ${fmt(q4FromRows)} 不一致，按表格所填值计`);
    q4 = declaredQ4.value;
  }
  b.step(
    `Q1 = ${fmt(q1, DEC)}，Q2 = ${fmt(q2, DEC)}，Q3 = ${fmt(q3, DEC)}，Q4 = ${fmt(q4, DEC)}${missingItems.length ? `（缺少的评价项：${missingItems.join('、')}）` : ''}`,
  );
  return { q1, q2, q3, q4, fitout, vertical };
}

export function computeAssembly(ctx: CalcContext): Calculation | null {
  const b = new CalcBuilder('assembly', 'assembly_ratio', ctx);
  b.status(std.formula.status); // 4.0.1 was not retrieved verbatim (PARTIAL)

  const gq = GROUPS.map((g) => getNumber(ctx.values, g.indicator));
  const q4Got = getNumber(ctx.values, 'asm_q4');
  const scoresGiven = gq.every((g) => g.kind === 'ok');
  let s: Scores | null;
  let mode: 'scores' | 'proportions';

  if (scoresGiven) {
    mode = 'scores';
    const [q1, q2, q3] = gq.map((g) => {
      const ok = g as Extract<Got<number>, { kind: 'ok' }>;
      b.use(ok.iv);
      return ok.value;
    });
    let q4 = 0;
    if (q4Got.kind === 'ok') {
      b.use(q4Got.iv);
      q4 = q4Got.value;
    } else if (!b.noteBad(q4Got, '按 0 计')) b.note('未提供缺少的评价项分值 Q4，按 0 计');
    const fit = getBoolean(ctx.values, 'full_fitout');
    let fitout: boolean | null = null;
    if (fit.kind === 'ok') {
      b.use(fit.iv);
      fitout = fit.value;
    } else b.noteBad(fit);
    const v = getNumber(ctx.values, 'asm_vertical_ratio');
    let vertical: number | null = null;
    if (v.kind === 'ok') {
      b.use(v.iv);
      vertical = v.value;
    } else b.noteBad(v);
    const src = (g: Got<number>) => (g.kind === 'ok' ? `（${g.iv.source}）` : '');
    b.step(`按表格所填得分：Q1 = ${fmt(q1)}${src(gq[0])}，Q2 = ${fmt(q2)}${src(gq[1])}，Q3 = ${fmt(q3)}${src(gq[2])}，Q4 = ${fmt(q4)}${src(q4Got)}`);
    GROUPS.forEach((g, i) => {
      const val = [q1, q2, q3][i];
      if (val > g.max) b.note(`${g.name}得分 ${fmt(val)} 超过该部分满分 ${g.max}，请核对`);
    });
    s = { q1, q2, q3, q4, fitout, vertical };
  } else {
    for (const g of gq) if (g.kind !== 'absent') b.noteBad(g);
    mode = 'proportions';
    s = fromProportions(b, ctx, q4Got);
    if (!s) {
      if (gq.every((g) => g.kind === 'absent')) return null;
      b.step('Q1、Q2、Q3 得分不全，且无各评价项比例，无法复核装配率');
      return b.build(null, CLAUSE, FORMULA, { mode: 'scores' });
    }
    if (gq.some((g) => g.kind === 'ok')) b.note('表格所填 Q1/Q2/Q3 得分不全，改按各评价项比例（表4.0.1）计算');
  }

  const { q1, q2, q3, q4, fitout, vertical } = s;
  if (q4 >= 100) {
    b.note(`缺少的评价项分值 Q4 = ${fmt(q4)}，分母 100 − Q4 不大于 0，无法计算装配率`);
    return b.build(null, CLAUSE, FORMULA, { mode, Q1: q1, Q2: q2, Q3: q3, Q4: q4 });
  }
  const P = round(((q1 + q2 + q3) / (100 - q4)) * 100, 1);
  b.step(`P = (${fmt(q1)} + ${fmt(q2)} + ${fmt(q3)}) / (100 − ${fmt(q4)}) × 100% = ${P.toFixed(1)}%`);

  // §3.0.3 minimums
  const m = std.minimums;
  const checks: { name: string; ok: boolean | null }[] = [
    { name: `主体结构 Q1 ${fmt(q1)} ≥ ${m.q1}`, ok: q1 >= m.q1 },
    { name: `围护墙和内隔墙 Q2 ${fmt(q2)} ≥ ${m.q2}`, ok: q2 >= m.q2 },
    { name: `全装修 ${fitout === null ? '未知' : fitout ? '是' : '否'}`, ok: fitout },
    { name: `P ${P.toFixed(1)}% ≥ ${m.p}%`, ok: P >= m.p },
  ];
  const isAssembled = checks.some((c) => c.ok === false) ? false : checks.some((c) => c.ok === null) ? null : true;
  b.step(
    `§3.0.3 最低要求：${checks.map((c) => `${c.name}${c.ok === null ? '（未提供）' : c.ok ? ' ✓' : ' ✗'}`).join('，')} → ${isAssembled === true ? '可认定为装配式建筑' : isAssembled === false ? '不能认定为装配式建筑' : '全装修情况不明，能否认定为装配式建筑待定'}`,
  );
  if (fitout === null) b.note('表格未说明是否全装修（§3.0.3 认定装配式建筑的前提）');

  // §5 grades
  const gr = std.grades;
  let grade: string | null = null;
  if (isAssembled !== false) {
    const level = gr.levels.find((l) => P >= l.min);
    const verticalOk = vertical === null ? null : vertical >= gr.verticalPrecondition;
    if (!level) {
      b.step(`P = ${P.toFixed(1)}% 低于 60%，不评定等级`);
    } else if (verticalOk === false) {
      b.step(`主体结构竖向构件预制比例 ${fmt(vertical!)}% < ${gr.verticalPrecondition}%，不评定等级（§5）`);
    } else {
      grade = level.grade;
      b.step(
        `等级（§5）：${verticalOk === null ? `竖向构件预制比例未提供（前提 ≥ ${gr.verticalPrecondition}%），` : `竖向构件预制比例 ${fmt(vertical!)}% ≥ ${gr.verticalPrecondition}%，`}P = ${P.toFixed(1)}% → ${grade}级${isAssembled === null ? '（待全装修确认）' : ''}`,
      );
      if (verticalOk === null) b.note(`竖向构件预制比例未提供，无法确认评级前提（≥ ${gr.verticalPrecondition}%）`);
    }
    for (const [lo, hi] of gr.gaps as [number, number][]) {
      if (P > lo && P < hi)
        b.note(`装配率 ${P.toFixed(1)}% 落在标准等级区间之间（${lo}%–${hi}%），标准未规定取整方法，等级需人工复核`);
    }
  }

  // The sheet's own 装配率 beside its own Q1–Q4: a stated total against the formula applied to its
  // parts (GB/T 51129-2017 §4.0.1). With scores recomputed from proportions the disagreement is
  // between the sheet and our table data instead, and the engine weighs it as such.
  // A table titled as for reference only ("按GB/T 51129-2017，供参考") beside a 装配率 declared by the
  // prescribed local method is no such total: the two follow different methods, and the difference
  // is only the 一致性提示 of the method mismatch (docs/evidence-policy.md, `contradiction`).
  b.methodMismatch = methodMismatch('assembly', 'assembly_ratio', ctx);
  if (mode === 'scores') {
    const stated = getNumber(ctx.values, 'assembly_ratio');
    const tol = indicatorDef('assembly_ratio')?.tolerance ?? 0.5;
    const otherMethod = !!b.methodMismatch && GROUPS.every((g) => ctx.values[g.indicator]?.reference) && stated.kind === 'ok' && !stated.iv.reference;
    if (stated.kind === 'ok' && Math.abs(stated.value - P) > tol + 1e-9) {
      if (otherMethod) b.note(`表格所填装配率 ${fmt(stated.value)}%（${stated.iv.source}）按规定方法计算，与供参考的国标计算表 ${P.toFixed(1)}% 方法不同，不作比较`);
      else b.contradict('装配率', stated.value, P, stated.iv.source, 1);
    }
  }

  // Cross-check declared scores against the item proportions when both are present.
  let fromItems: number | undefined;
  if (mode === 'scores') {
    const side = new CalcBuilder('assembly', 'assembly_ratio', ctx);
    const alt = fromProportions(side, ctx, q4Got);
    if (alt && alt.q4 < 100) {
      fromItems = round(((alt.q1 + alt.q2 + alt.q3) / (100 - alt.q4)) * 100, 1);
      if (Math.abs(fromItems - P) > 0.5)
        b.note(`按各评价项比例（表4.0.1）复算的装配率为 ${fromItems.toFixed(1)}%，与按所填得分计算的 ${P.toFixed(1)}% 不一致`);
    }
  }

  if (b.methodMismatch) b.note(b.methodMismatch);
  b.note('装配率计算公式及表4.0.1 分值取自第三方转载，未与标准正式文本核对');

  return b.build(P, CLAUSE, FORMULA, {
    mode,
    Q1: q1,
    Q2: q2,
    Q3: q3,
    Q4: q4,
    P,
    fullFitout: fitout,
    verticalRatio: vertical,
    isAssembled,
    grade,
    ...(fromItems !== undefined ? { fromItems } : {}),
  });
}
