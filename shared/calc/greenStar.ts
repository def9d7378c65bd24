// 绿色建筑星级: GB/T 50378-2019 §3.2.5–3.2.8 (rule data in shared/data/standards/gbt50378-2019.json).
import std from '../data/standards/gbt50378-2019.json';
import { STAR_NAMES } from '../model/indicators';
import type { Calculation } from '../model/types';
import type { CalcContext, GreenStarRuleSet } from './context';
import { CalcBuilder, fmt, getBoolean, getNumber, getText, round, type Got } from './inputs';

/** 'unknown': the sheet does not say; the floors of 预评价 and the caps of 评价 apply, and where that decides, the level is an upper bound. */
type Stage = 'pre' | 'final' | 'unknown';
type Level = 1 | 2 | 3;

interface Category {
  key: string;
  indicator: string;
  name: string;
  symbol: string;
  max: { pre: number; final: number };
  status: string;
}

interface RuleSet {
  label: string;
  clause: string;
  status: string;
  q0Full: { value: number; status: string };
  categories: Category[];
  bonus: { indicator: string; name: string; symbol: string; max: number; status: string };
  floorShare: { value: number; status: string };
  thresholds: { star: number; minScore: number; status: string }[];
  requireFullFitout: { value: boolean; status: string };
  applyTable328: { value: boolean; status: string };
}

interface T328Row {
  id: string;
  name: string;
  kind: 'anyMin' | 'min' | 'maxGrade' | 'unchecked';
  indicator?: string | null;
  alternatives?: { indicator: string; name: string; min: Record<string, number> }[];
  min?: Record<string, number>;
  maxGrade?: Record<string, number>;
  apply: boolean;
  status: string;
}

const RULE_SETS = std.ruleSets as unknown as Record<GreenStarRuleSet, RuleSet>;
const T328 = std.table328.rows as unknown as T328Row[];
export const GREEN_STAR_RULE_SETS = Object.keys(RULE_SETS) as GreenStarRuleSet[];

const LEVELS: Level[] = [1, 2, 3];

/** Indicator ids this calculator reads (an unread table holding any of them leaves the result open). */
export const GREEN_STAR_INPUTS: readonly string[] = [
  ...new Set([
    'gb_stage',
    'gb_control_met',
    'gb_score_q0',
    'gb_total_score',
    'full_fitout',
    ...Object.values(RULE_SETS).flatMap((rs) => [...rs.categories.map((c) => c.indicator), rs.bonus.indicator]),
    ...T328.flatMap((r) => [...(r.indicator ? [r.indicator] : []), ...(r.alternatives ?? []).map((a) => a.indicator)]),
  ]),
];
const starName = (n: number) => (n < 0 ? '未达到基本级' : STAR_NAMES[n]);

export interface Table328Finding {
  row: string;
  name: string;
  /** Highest star level whose requirement the sheet meets (0 = not even 一星), or null (no data). */
  level: number | null;
  status: string;
}

function stageOf(b: CalcBuilder, got: Got<string>): Stage {
  if (got.kind === 'ok') {
    b.use(got.iv);
    const t = got.value;
    if (/预评/.test(t)) return 'pre';
    if (/评价|运行|竣工|标识/.test(t) && !/设计评价/.test(t)) return 'final';
    b.note(`评价阶段“${t}”（${got.iv.source}）无法识别`);
    return 'unknown';
  }
  b.noteBad(got);
  return 'unknown';
}

/** Table 3.2.8: the highest level each applied row allows. */
function table328(
  b: CalcBuilder,
  ctx: CalcContext,
): { level: number; findings: Table328Finding[]; missing: string[]; limiting: string[]; partial: Set<string> } {
  const findings: Table328Finding[] = [];
  /** Rows judged on one of two alternatives while the other was absent: their level may be too low. */
  const partial = new Set<string>();
  const missing: string[] = [];
  const unchecked: string[] = [];
  for (const row of T328) {
    if (!row.apply) {
      if (row.kind === 'unchecked') unchecked.push(row.name);
      continue;
    }
    let level: number | null = null;
    let text = '';
    if (row.kind === 'anyMin' && row.alternatives) {
      const parts: string[] = [];
      const absentAlt: string[] = [];
      for (const alt of row.alternatives) {
        const g = getNumber(ctx.values, alt.indicator);
        if (g.kind !== 'ok') {
          b.noteBad(g);
          absentAlt.push(alt.name);
          continue;
        }
        b.use(g.iv);
        const lv = LEVELS.filter((l) => g.value >= alt.min[l]).pop() ?? 0;
        level = Math.max(level ?? 0, lv);
        parts.push(`${alt.name} ${fmt(g.value)}%（一/二/三星要求 ${alt.min[1]}/${alt.min[2]}/${alt.min[3]}%）→ ${starName(lv)}`);
      }
      text = parts.join('；');
      if (parts.length && absentAlt.length && (level ?? 0) < 3) partial.add(row.id);
      if (parts.length && absentAlt.length && (level ?? 0) < 3)
        b.note(`表3.2.8「${row.name}」两者满足其一即可；表格未提供“${absentAlt.join('”“')}”，仅按已有指标判定`);
    } else if (row.kind === 'min' && row.indicator && row.min) {
      const g = getNumber(ctx.values, row.indicator);
      if (g.kind === 'ok') {
        b.use(g.iv);
        level = LEVELS.filter((l) => g.value >= row.min![l]).pop() ?? 0;
        text = `${fmt(g.value)}%（一/二/三星要求 ${row.min[1]}/${row.min[2]}/${row.min[3]}%）→ ${starName(level)}`;
      } else b.noteBad(g);
    } else if (row.kind === 'maxGrade' && row.indicator && row.maxGrade) {
      const g = getNumber(ctx.values, row.indicator);
      if (g.kind === 'ok') {
        b.use(g.iv);
        // 1 级 is the most efficient: a level is met when grade ≤ the required grade.
        level = LEVELS.filter((l) => g.value <= row.maxGrade![l]).pop() ?? 0;
        text = `${fmt(g.value)} 级（一/二/三星要求 ${row.maxGrade[1]}/${row.maxGrade[2]}/${row.maxGrade[3]} 级及以上）→ ${starName(level)}`;
      } else b.noteBad(g);
    }
    findings.push({ row: row.id, name: row.name, level, status: row.status });
    if (level === null) missing.push(row.name);
    else {
      b.step(`表3.2.8「${row.name}」：${text}${row.status !== 'CONFIRMED' ? `（该行数值${row.status === 'PARTIAL' ? '仅部分核实' : '未核实'}）` : ''}`);
    }
  }
  if (unchecked.length) {
    b.note(`表3.2.8 中“${unchecked.join('”“')}”要求在指标表中无对应数据，未核查，请查阅相应专项文件`);
  }
  const known = findings.filter((f) => f.level !== null);
  const level = known.length ? Math.min(...known.map((f) => f.level as number)) : 3;
  const limiting = known.filter((f) => f.level === level && level < 3).map((f) => f.name);
  return { level, findings, missing, limiting, partial };
}

/**
 * Only the stated total Q (自评总分 62, 预评价得分 68.4), no category scores: the level Q reaches on
 * the thresholds of §3.2.8 (60/70/85) is the most the project can be — an upper bound, since the
 * control items, the category floors, 全装修 and Table 3.2.8 are not shown. A total below a level's
 * threshold makes a declared level doubtful (review: the total may be on another edition's scale);
 * a total above it confirms nothing.
 */
function totalOnly(b: CalcBuilder, rs: RuleSet, ruleSet: GreenStarRuleSet, ctx: CalcContext, clause: string, formula: string): Calculation | null {
  const total = getNumber(ctx.values, 'gb_total_score');
  if (total.kind !== 'ok') return null;
  b.status(rs.status);
  // a bare total does not say by which edition's scale it was scored (GB/T 50378-2014: 50/60/80):
  // it can make a declared level doubtful, never decide a fail on its own
  b.status('PARTIAL');
  b.use(total.iv);
  b.upper = true;
  const byScore = rs.thresholds.filter((t) => total.value >= t.minScore).reduce((m, t) => Math.max(m, t.star), 0);
  b.step(`表中只有总得分 Q = ${fmt(total.value)}（${total.iv.source}），未列各类评分项得分`);
  b.step(`按总分：Q = ${fmt(total.value)}，对照 ${rs.thresholds.map((t) => t.minScore).join('/')} 分，${byScore ? `至多为${STAR_NAMES[byScore]}` : '不足一星级'}`);
  b.note('表格只给出总得分，控制项、各类评分项最低得分、全装修和表3.2.8 的要求均未列出，星级为上限；总得分所依据的标准版本未经核对');
  return b.build(byScore, clause, formula, { ruleSet, Q: total.value, declaredQ: total.value, byScore, totalOnly: true });
}

export function computeGreenStar(ctx: CalcContext): Calculation | null {
  const ruleSetId: GreenStarRuleSet = ctx.options?.greenStarRuleSet ?? (std.defaultRuleSet as GreenStarRuleSet);
  const rs = RULE_SETS[ruleSetId] ?? RULE_SETS['2019'];
  const b = new CalcBuilder('greenStar', 'green_building_star', ctx);
  const clause = rs.clause;
  const formula = 'Q = (Q0 + Q1 + Q2 + Q3 + Q4 + Q5 + QA) / 10；星级按 Q ≥ 60/70/85、各类评分项 ≥ 满分 30%、全装修及表3.2.8 确定';

  // Recompute only when at least one category score is present; all five are required.
  const scores = rs.categories.map((c) => ({ c, got: getNumber(ctx.values, c.indicator) }));
  if (scores.every((s) => s.got.kind === 'absent')) return totalOnly(b, rs, ruleSetId, ctx, clause, formula);
  b.status(rs.status);
  if (ruleSetId !== '2019') b.note(`按 ${rs.label} 规则计算（征求意见稿，非正式发布条文）`);

  let stage = stageOf(b, getText(ctx.values, 'gb_stage'));
  const missingCats = scores.filter((s) => s.got.kind !== 'ok');
  if (missingCats.length) {
    for (const s of missingCats) {
      // GB/T 50378-2019 §3.2.7: all five categories are scored, so beside scores that are given a
      // dash is a score not given (a column of dashes only is a building not assessed)
      if (!b.noteBad(s.got, undefined, scores.some((x) => x.got.kind === 'ok'))) b.note(`缺少“${s.c.name}”评分项得分`);
    }
    b.step(`五类评分项得分不全（缺：${missingCats.map((s) => s.c.name).join('、')}），无法复核星级`);
    return b.build(null, clause, formula, { ruleSet: ruleSetId, stage });
  }

  // Control items → Q0 (§3.2.5, §3.2.7)
  const controlGot = getBoolean(ctx.values, 'gb_control_met');
  const q0Got = getNumber(ctx.values, 'gb_score_q0');
  const q0Full = rs.q0Full.value;
  let controlMet: boolean;
  if (controlGot.kind === 'ok') {
    b.use(controlGot.iv);
    controlMet = controlGot.value;
    if (q0Got.kind === 'ok') {
      b.use(q0Got.iv);
      // §3.2.5: Q0 = 400 exactly when every control item is met.
      if ((q0Got.value === q0Full) !== controlMet) b.contradict('控制项基础分值 Q0', q0Got.value, controlMet ? q0Full : 0, q0Got.iv.source);
    }
    b.step(`控制项：${controlMet ? '全部满足' : '未全部满足'}（${controlGot.iv.source}）`);
  } else if (q0Got.kind === 'ok') {
    b.noteBad(controlGot);
    b.use(q0Got.iv);
    controlMet = q0Got.value >= q0Full;
    b.step(`控制项基础分值 Q0 = ${fmt(q0Got.value)}（${q0Got.iv.source}），${controlMet ? `等于 ${q0Full}，视为控制项全部满足` : `低于 ${q0Full}，视为控制项未全部满足`}`);
  } else {
    b.noteBad(controlGot);
    b.noteBad(q0Got);
    controlMet = true;
    b.upper = true;
    b.note('表格未说明控制项是否全部满足，按全部满足（Q0 = 400）计算，结果为上限');
    b.step(`控制项满足情况未提供，假定全部满足，Q0 = ${q0Full}`);
  }

  // GB/T 50378-2019 表3.2.4: 预评价 leaves out the 物业管理 items (生活便利 70 instead of 100). A
  // stage the sheet does not state: a score above a 预评价 maximum shows the 评价 stage; otherwise the
  // caps of 评价 and the floors of 预评价 (the lenient reading of each) apply.
  if (stage === 'unknown' && scores.some((x) => x.got.kind === 'ok' && x.got.value > x.c.max.pre)) stage = 'final';
  const maxOf = (c: Category) => (stage === 'pre' ? c.max.pre : c.max.final);
  const floorMaxOf = (c: Category) => (stage === 'final' ? c.max.final : c.max.pre);
  const stageName = stage === 'pre' ? '预评价' : stage === 'final' ? '评价' : '未写明（预评价或评价）';
  b.step(
    `评价阶段：${stageName}；各类评分项满分（表3.2.4）：${rs.categories.map((c) => `${c.name} ${maxOf(c)}${floorMaxOf(c) !== maxOf(c) ? `（预评价 ${floorMaxOf(c)}）` : ''}`).join('、')}，加分项上限 ${rs.bonus.max}`,
  );
  const vals: Record<string, number> = {};
  for (const { c, got } of scores) {
    if (got.kind !== 'ok') continue;
    b.use(got.iv);
    let v = got.value;
    if (v > maxOf(c)) {
      b.note(`“${c.name}”得分 ${fmt(v)}（${got.iv.source}）超过${stage === 'pre' ? '预评价' : '评价'}满分 ${maxOf(c)}，按满分计；请核对评价阶段或得分`);
      v = maxOf(c);
    }
    vals[c.key] = v;
  }
  const bonusGot = getNumber(ctx.values, rs.bonus.indicator);
  let qa = 0;
  if (bonusGot.kind === 'ok') {
    b.use(bonusGot.iv);
    qa = bonusGot.value;
    if (qa > rs.bonus.max) {
      b.step(`QA = min(${fmt(qa)}, ${rs.bonus.max}) = ${rs.bonus.max}（加分项得分上限，表3.2.4）`);
      b.note(`提高与创新加分 ${fmt(qa)}（${bonusGot.iv.source}）超过上限 ${rs.bonus.max}，按 ${rs.bonus.max} 计`);
      qa = rs.bonus.max;
    }
  } else if (!b.noteBad(bonusGot, '按 0 分计')) {
    b.note('未提供提高与创新加分项得分，按 0 分计');
  }

  const q0 = controlMet ? q0Full : 0;
  const parts = [q0, ...rs.categories.map((c) => vals[c.key]), qa];
  const Q = round(parts.reduce((s, x) => s + x, 0) / 10, 2);
  b.step(`Q = (${parts.map((x) => fmt(x)).join(' + ')}) / 10 = ${fmt(Q)}`);

  const declared = getNumber(ctx.values, 'gb_total_score');
  let declaredQ: number | undefined;
  if (declared.kind === 'ok') {
    b.use(declared.iv);
    declaredQ = declared.value;
    // GB/T 50378-2019 §3.2.5: the stated total against Q from its category scores.
    if (Math.abs(declared.value - Q) > std.statedTotalTolerance.value + 1e-9) b.contradict('总得分', declared.value, Q, declared.iv.source);
  }

  const share = rs.floorShare.value;
  const floorOf = (max: number) => round(max * share, 2);
  const categories = rs.categories.map((c) => {
    const floor = floorOf(floorMaxOf(c));
    return { name: c.name, score: vals[c.key], max: maxOf(c), floor, met: vals[c.key] >= floor };
  });
  const floorsMet = categories.every((c) => c.met);
  // the stage decides: met at the 预评价 floor, not at the 评价 floor
  const byStage = stage === 'unknown' ? rs.categories.filter((c) => vals[c.key] >= floorOf(c.max.pre) && vals[c.key] < floorOf(c.max.final)) : [];
  if (byStage.length) {
    b.upper = true;
    b.note(`表格未写明评价阶段：${byStage.map((c) => `“${c.name}”得分 ${fmt(vals[c.key])} 满足预评价的最低得分 ${fmt(floorOf(c.max.pre))}，但低于评价阶段的最低得分 ${fmt(floorOf(c.max.final))}`).join('；')}，星级为上限，请写明评价阶段`);
  }
  const details: Record<string, unknown> = {
    ruleSet: ruleSetId,
    stage,
    Q,
    Q0: q0,
    QA: qa,
    declaredQ,
    categories,
    floorsMet,
  };

  if (!controlMet) {
    b.step('控制项未全部满足，未达到基本级（GB/T 50378-2019 §3.2.7）');
    details.cappedBy = 'control';
    return b.build(-1, clause, formula, details);
  }

  b.step(
    `各类评分项不低于满分的 ${fmt(share * 100)}%：${categories.map((c) => `${c.name} ${fmt(c.score)} ${c.met ? '≥' : '<'} ${fmt(c.floor)}`).join('，')}${floorsMet ? '，均满足' : ''}`,
  );

  const byScore = rs.thresholds.filter((t) => Q >= t.minScore).reduce((m, t) => Math.max(m, t.star), 0);
  details.byScore = byScore;
  const tText = rs.thresholds.map((t) => t.minScore).join('/');
  b.step(`按总分：Q = ${fmt(Q)}，对照 ${tText} 分，${byScore ? `可达${STAR_NAMES[byScore]}` : '不足一星级'}`);

  if (!floorsMet) {
    const failed = categories.filter((c) => !c.met).map((c) => c.name);
    details.floorsFailed = failed;
    details.cappedBy = 'floor';
    b.step(`${failed.join('、')}得分低于满分的 ${fmt(share * 100)}%，只能评为基本级（§3.2.8 第1款）`);
    return b.build(0, clause, formula, details);
  }

  let level = byScore;
  let cappedBy = 'score';

  if (rs.requireFullFitout.value) {
    b.status(rs.requireFullFitout.status);
    const fit = getBoolean(ctx.values, 'full_fitout');
    if (fit.kind === 'ok') {
      b.use(fit.iv);
      details.fullFitout = fit.value;
      b.step(`全装修：${fit.value ? '是' : '否'}（${fit.iv.source}）`);
      if (!fit.value) {
        b.step('未采用全装修，只能评为基本级（§3.2.8 第2款）');
        details.cappedBy = 'fullFitout';
        return b.build(0, clause, formula, details);
      }
    } else {
      b.noteBad(fit);
      details.fullFitout = null;
      if (level > 0) {
        b.upper = true;
        b.note('表格未说明是否全装修（一星级及以上的前提，§3.2.8 第2款），星级为上限');
      }
    }
  }

  if (rs.applyTable328.value) {
    const t = table328(b, ctx);
    details.table328 = t.findings;
    details.table328Level = t.level;
    if (t.missing.length && level > 0) {
      b.upper = true;
      b.note(`表3.2.8 中“${t.missing.join('”“')}”在表格中无数据，星级为上限`);
    }
    if (t.level < level) {
      // Only rows that actually lower the level make the result rest on their (PARTIAL) numbers.
      for (const f of t.findings) if (f.level === t.level) b.status(f.status);
      // A row judged on one alternative while the other is absent may allow more: not a settled lower level.
      const open = t.findings.filter((f) => f.level === t.level && t.partial.has(f.row));
      if (open.length) {
        b.unconfirmed = true;
        b.note(`表3.2.8「${open.map((f) => f.name).join('」「')}」仅按已有的一项指标判定，另一项未提供，可能满足更高星级，复核结论待核实`);
      }
      level = t.level;
      cappedBy = `table328:${t.limiting.join('、')}`;
      b.step(`表3.2.8 技术要求仅满足${starName(t.level)}（受“${t.limiting.join('”“')}”限制），星级降为${starName(level)}`);
    }
  } else {
    b.note(`${rs.label}：星级不再要求全装修及表3.2.8（征求意见稿），未核查`);
  }

  details.cappedBy = cappedBy;
  b.step(`结论：${starName(level)}${b.upper && level > 0 ? '（上限）' : ''}`);
  return b.build(level, clause, formula, details);
}
