// The evidence policy (docs/evidence-policy.md): what entitles the engine to say 符合 for one
// indicator in one scope, and what makes it 需复核. Read EVIDENCE_RULES top to bottom: the first
// rule whose condition holds decides, and its `basis` id goes into the finding.
//
// Also here: which unread tables relate to an indicator. Which parcel the contract means:
// parcels.ts.
import type {
  Calculation,
  ImportedValue,
  LeafRule,
  UnreadBlock,
  Verdict,
} from '../model/types';
import { indicator as indicatorDef, indicatorName } from '../model/indicators';
import catalogue from '../data/indicators.json';
import { errorName, isErrorText } from '../import/values';
import { targetBelow, unmetMinimums } from './selfStatements';
import { factsOf, type Facts } from './evidenceFacts';
import { boundRefutes, boundWords, qualifyingRemark, rangeHolds, undeterminedInputs, type BasisTexts } from './qualifiers';
import { supportWords } from './statements';
import { decision, withBasis } from './decision';

const FAR_APART = catalogue.farApart;

// ---------------------------------------------------------------- what the engine knows about a leaf

/** Everything the policy looks at for one indicator in one scope. */
export interface LeafEvidence {
  rule: LeafRule;
  /** Building name, or null for the project. */
  building: string | null;
  /** The declared value found for the scope (possibly borrowed, see `borrowed`). */
  declared: ImportedValue | undefined;
  /**
   * The declared value is not the scope's own: a building uses the project value ('project'), or
   * the project uses the value of the one building the workbook describes (`soleBuilding`).
   */
  borrowed?: { from: 'project' } | { from: 'soleBuilding'; name: string };
  /** The recomputation in this scope, or null. */
  calc: Calculation | null;
  /** Unread tables whose indicators include this indicator or an input of its calculator. */
  unread: UnreadBlock[];
  /** Building-scope leaf falling back to the project value while buildings seem to be unread. */
  unreadBuildings: UnreadBlock[];
  /** Calculator inputs the recomputation used that are stated differently elsewhere. */
  inputConflicts: ImportedValue[];
  /** The condition's and the contract's words on the basis of a quantity (shared/model/remarkBasis.ts). */ basisTexts?: BasisTexts;
}

/** The verdict for one leaf and the rule that decided it. */
export interface Decision {
  verdict: Verdict;
  /** Rule id of EVIDENCE_RULES (kebab-case), e.g. 'declared-pass', 'conflict', 'upper-bound-only'. */
  basis: string;
  /** Chinese, without the scope prefix. */
  message: string;
  /** 一致性提示 sentences (also appended to the message, so every reader of messages sees them). */
  remarks?: string[];
  /** Overrides the default source (the declared cell, else the first input cell); null = none. */
  source?: string | null;
}

interface EvidenceRule {
  basis: string;
  /** When the rule applies, in words (docs/evidence-policy.md repeats these lines). */
  when: string;
  applies: (f: Facts) => boolean;
  decide: (f: Facts) => Omit<Decision, 'basis'>;
}

type Extra = Pick<Decision, 'remarks' | 'source'>;
const NO_EXTRA: Extra = {};
const pass = (message: string, extra: Extra = NO_EXTRA) => decision('pass', '', message, extra.remarks, extra.source);
const fail = (message: string, extra: Extra = NO_EXTRA) => decision('fail', '', message, extra.remarks, extra.source);
const review = (message: string, extra: Extra = NO_EXTRA) => decision('review', '', message, extra.remarks, extra.source);
const missing = (message: string, extra: Extra = NO_EXTRA) => decision('missing', '', message, extra.remarks, extra.source);

/** "海绵!B20" of an unread block: its first cell. */
const blockCell = (u: UnreadBlock) => `${u.sheet}!${u.range.split(':')[0]}`;
const blockText = (u: UnreadBlock) => `表“${u.title}”（${u.sheet}!${u.range}）未能读取（${u.reason}）`;

// ---------------------------------------------------------------- the policy, in order

export const EVIDENCE_RULES: readonly EvidenceRule[] = [
  // 1. Evidence not read or not trustworthy comes first.
  {
    basis: 'conflict',
    when: '该指标在同一范围内另有单元格填写了不同数值（超出容差）',
    applies: (f) => !!f.declared?.conflicts?.length,
    decide: (f) => {
      const d = f.declared!;
      const others = d.conflicts!.map((c) => `${c.source} 填写为“${c.raw}”`).join('，');
      return review(`${f.name}在 ${d.source} 填写为“${d.raw}”，${others}，数值不一致，不能判定，请核对`);
    },
  },
  {
    basis: 'input-conflict',
    when: '复核所用的某项数据在另一单元格填写了不同数值',
    applies: (f) => f.e.inputConflicts.length > 0,
    decide: (f) => {
      const parts = f.e.inputConflicts.map(
        (v) => `${indicatorName(v.indicator)}在 ${v.source} 填写为“${v.raw}”，${v.conflicts!.map((c) => `${c.source} 填写为“${c.raw}”`).join('，')}`,
      );
      return review(`复核${f.name}所用的数据不一致：${parts.join('；')}，不能判定，请核对`, { source: f.e.inputConflicts[0].source });
    },
  },
  {
    basis: 'unread-table',
    when: '工作簿中与该指标或其复核数据相关的表格未能读取；或只有申报值、无法复核，而表中有一行同类数据未能识别',
    applies: (f) => unreadBearing(f).length > 0,
    decide: (f) => {
      const tables = unreadBearing(f).map(blockText).join('；');
      const stated = f.usable ? `${f.declaredText}，但` : '';
      return review(`${stated}${tables}，其中可能含有与${f.name}有关的数据，不能据现有数据判定，请人工复核`, {
        source: f.declared?.source ?? blockCell(unreadBearing(f)[0]),
      });
    },
  },
  {
    basis: 'unread-buildings',
    when: '单体条件本应采用项目整体数值，而工作簿中似有未能读取的单体列表',
    applies: (f) => f.e.unreadBuildings.length > 0,
    decide: (f) =>
      review(
        `工作簿中似有未能读取的单体数据（${f.e.unreadBuildings.map(blockText).join('；')}），本条不能以项目整体数值代替单体数值审查，请人工复核`,
        { source: f.declared?.source ?? blockCell(f.e.unreadBuildings[0]) },
      ),
  },
  {
    basis: 'declared-invalid',
    when: '申报值类型不对（应为数值却是文字等）',
    applies: (f) => f.invalid === 'type',
    decide: (f) => review(`${f.name}“${f.declared!.raw}”不是有效的${indicatorDef(f.id)?.type === 'boolean' ? '是/否' : '数值'}`),
  },
  {
    basis: 'declared-out-of-range',
    when: '申报值超出该指标的合理范围',
    applies: (f) => f.invalid === 'range',
    decide: (f) => {
      const r = indicatorDef(f.id)!.range!;
      return review(`${f.name}${f.fv(f.dv)}超出合理范围（${r[0]}～${r[1]}），请核对`);
    },
  },
  {
    basis: 'declared-error',
    when: '申报值所在单元格是 Excel 错误值（#DIV/0!、#REF! 等）：表格本身的计算有误，即使按其他数据复核满足要求也不据以判定',
    applies: (f) => f.declared?.status === 'invalid' && isErrorText(f.declared.raw),
    decide: (f) => {
      const d = f.declared!;
      const recomputed = f.computed !== null ? `；按表中其他数据复核为${f.fv(f.computed)}${f.calcWhy}，${f.computedPasses ? '满足' : f.miss}合同要求（${f.req}）` : '';
      return review(`${f.name}在 ${d.source} 为错误值 ${errorName(d.raw)}，表格本身的计算有误${recomputed}，请修正该单元格后重新提交`);
    },
  },
  {
    basis: 'contradiction',
    when: '表中所填的合计或中间结果与由其组成数据复算的结果不一致',
    applies: (f) => !!f.calc?.contradictions?.length,
    decide: (f) => {
      const c = f.calc!.contradictions!;
      const list = c
        .map((x) => `表格所填${x.label} ${fmtNum(x.stated)}${x.source ? `（${x.source}）` : ''}与复核值 ${fmtNum(x.computed)} 不一致`)
        .join('；');
      // The declared value is named first unless the contradiction is about that very cell.
      const stated = f.usable && !c.some((x) => x.source === f.declared!.source) ? `${f.declaredText}；但` : '';
      return review(`${stated}${list}${f.calcWhy}，表中数据自相矛盾，不能判定，请核对`, { source: c[0].source ?? f.declared?.source });
    },
  },

  // 2. A usable declared value.
  {
    basis: 'project-for-building',
    when: '单体条件中该单体未单列，而该指标是各单体各自的数值（单体预制率、单体装配率）：项目整体数值不能说明该单体',
    applies: (f) => f.usable && f.e.borrowed?.from === 'project' && !!indicatorDef(f.id)?.perBuilding,
    decide: (f) =>
      review(
        `${f.e.building ?? '该单体'}未单列${f.name}；表中只有项目整体的${f.name}${f.fv(f.dv)}（${f.declared!.source}），是各单体的综合数值，不能说明该单体满足合同要求（${f.req}），请提供该单体的数值`,
      ),
  },
  {
    basis: 'declared-bound',
    when: '申报值写作范围或约数（“≥35%”“40%以下”“约2.0”），没有确定的设计数值：范围整体不满足要求时不符合，否则需复核',
    applies: (f) => f.usable && !!f.declared!.bound && !rangeHolds(f.declared!, f.e.rule.op, f.e.rule.value),
    decide: (f) => {
      const d = f.declared!;
      const text = `${f.name}在 ${d.source} 填写为“${d.raw.trim()}”，${boundWords(d)}，没有确定的设计数值`;
      return boundRefutes(d, f.e.rule.op, f.e.rule.value)
        ? fail(`${text}；所写范围${f.miss}合同要求（${f.req}）`)
        : review(`${text}，不能据以判定是否满足合同要求（${f.req}），请提供设计数值`);
    },
  },
  {
    basis: 'declared-remark',
    when: '申报值满足要求，但原文附有限定或说明（“暂定”“仅住宅部分”“扣除代征绿地后为33%”等）',
    applies: (f) => f.usable && f.declaredPasses && qualifyingRemark(f.declared, f.e.basisTexts) !== null,
    decide: (f) =>
      review(`${f.declaredText}，但原文附有说明“${qualifyingRemark(f.declared, f.e.basisTexts)}”，该数值有所限定或另有口径，不能据以判定满足合同要求（${f.req}），请核对`),
  },
  {
    basis: 'input-undetermined',
    when: '申报值满足要求（或无申报值而复核值满足要求），但复核所需、表中已填写的数据无法判读（或写作“待定”，使复核值只能是上限），且复核值未否定申报值',
    applies: (f) =>
      undeterminedInputs(f.calc).length > 0 &&
      (f.usable ? f.declaredPasses && (f.computed === null || f.computedPasses) : f.computed !== null && f.computedPasses),
    decide: (f) => {
      const u = undeterminedInputs(f.calc);
      const why = `复核所需的数据未能确定：${u.map((x) => x.reason).join('；')}`;
      if (!f.usable) return review(`${recomputedOnly(f)}，满足合同要求（${f.req}）；但${why}，不能据以判定符合，请核对`, { source: recomputedSource(f) ?? u[0].source });
      return review(`${f.declaredText}，但${why}，不能确认申报值，请核对`, { source: f.declared?.source ?? u[0].source });
    },
  },
  {
    basis: 'method-mismatch',
    when: '有申报值；复核方法不是合同所在地规定的方法（如上海装配率按国标复核）',
    applies: (f) => f.usable && !!f.calc?.methodMismatch,
    decide: (f) => {
      const ref = f.computed !== null ? `（复核值 ${f.fv(f.computed)}）` : '';
      const remark = `一致性提示：${f.calc!.methodMismatch}${ref}`;
      const msg = f.declaredPasses ? `${f.declaredText}，满足合同要求（${f.req}）` : `${f.declaredText}，${f.miss}合同要求（${f.req}）`;
      return decision(f.declaredPasses ? 'pass' : 'fail', '', `${msg}；${remark}`, [remark], undefined);
    },
  },
  {
    basis: 'declared-unsupported',
    when: '无法复算出数值，但表中数据表明申报值缺乏支持（如调蓄容积小于 V = 10·H·φ·F）',
    applies: (f) => f.usable && f.computed === null && f.calc?.supportsDeclared === false,
    decide: (f) => {
      const why = `表中数据不支持申报值：${f.calc!.notes[0] ?? f.calcWhy}`;
      return f.declaredPasses
        ? review(`${f.declaredText}，但${why}，请核对`)
        : fail(`${f.declaredText}，${f.miss}合同要求（${f.req}）；且${why}`);
    },
  },
  {
    // GB/T 51129-2017 §3.0.3: a building is a 装配式建筑 only with 主体结构 ≥ 20, 围护墙和内隔墙 ≥ 10,
    // 全装修 and P ≥ 50 %; a 装配率 that passes while the sheet's own items miss one of these is no pass
    basis: 'not-assembled',
    when: '装配率满足要求，但按表中评分，该单体不满足 GB/T 51129-2017 §3.0.3 认定装配式建筑的最低要求',
    applies: (f) => f.id === 'assembly_ratio' && f.calc?.details?.isAssembled === false && (f.usable ? f.declaredPasses && (f.computed === null || f.computedPasses) : f.computedPasses),
    decide: (f) => {
      const figure = f.usable ? f.declaredText : recomputedOnly(f);
      return review(`${figure}，满足合同要求（${f.req}）；但按表中评分，${unmetMinimums(f.calc!.details)}，不满足 GB/T 51129-2017 §3.0.3 认定装配式建筑的最低要求，不能认定为装配式建筑，请核对`);
    },
  },
  {
    basis: 'target-below',
    when: '星级满足要求，但表中同一范围另写有目标或要求星级（未写“及以上”），低于申报星级，也低于合同要求',
    applies: (f) => f.usable && f.declaredPasses && targetBelow(f.declared, f.e.rule) !== null,
    decide: (f) => {
      const r = f.declared!.requirement!;
      return review(`${f.declaredText}，满足合同要求（${f.req}）；但表中另写有目标或要求“${r.text}”（${r.source}），低于申报值，也低于合同要求，两处不一致，请核对`);
    },
  },
  {
    basis: 'declared-pass',
    when: '有申报值，无复算数值，申报值满足要求',
    applies: (f) => f.usable && f.computed === null && f.declaredPasses,
    decide: (f) => pass(`${f.declaredText}${f.calc?.supportsDeclared === true ? supportWords(f.calc, f.calcWhy) : ''}，满足合同要求（${f.req}）`),
  },
  {
    basis: 'declared-fail',
    when: '有申报值，无复算数值，申报值不满足要求',
    applies: (f) => f.usable && f.computed === null,
    decide: (f) => fail(`${f.declaredText}，${f.miss}合同要求（${f.req}）`),
  },
  {
    basis: 'agree-straddles',
    when: '申报值与复核值在容差内一致，但申报值满足要求而复核值不满足（舍入掩盖了超出）',
    applies: (f) => f.usable && f.agree && f.declaredPasses && !f.computedPasses,
    decide: (f) =>
      review(
        `${f.declaredText}，满足合同要求（${f.req}）；但${recomputedText(f)}，${f.miss}合同要求，两者相差在舍入误差以内，申报值可能是舍入后的数，不能判定，请核对`,
      ),
  },
  {
    basis: 'agree-pass',
    when: '申报值与复核值一致（上限：申报值不高于上限），且满足要求',
    applies: (f) => f.usable && f.agree && f.declaredPasses,
    decide: (f) => pass(`${f.declaredText}，与按表中数据复核的${f.fv(f.computed)}${f.upper ? '（上限）' : ''}一致，满足合同要求（${f.req}）`),
  },
  {
    basis: 'agree-fail',
    when: '申报值与复核值一致，且不满足要求',
    applies: (f) => f.usable && f.agree,
    decide: (f) => fail(`${f.declaredText}，与按表中数据复核的${f.fv(f.computed)}${f.upper ? '（上限）' : ''}一致，${f.miss}合同要求（${f.req}）`),
  },
  {
    basis: 'disagree-recomputed-fails',
    when: '两者不一致，复核值不满足要求，复核所用规则均已确认（上限不满足亦同）',
    applies: (f) => f.usable && !f.computedPasses && f.confirmed,
    decide: (f) => fail(`${f.declaredText}，但${recomputedText(f)}，${f.miss}合同要求（${f.req}），以复核值为准`),
  },
  {
    basis: 'disagree-recomputed-fails-unconfirmed',
    when: '两者不一致，复核值不满足要求，但复核所用规则或数据未全部确认',
    applies: (f) => f.usable && !f.computedPasses,
    decide: (f) => review(`${f.declaredText}，但${recomputedText(f)}，复核值${f.miss}合同要求（${f.req}）；复核方法含待核实数据，请人工复核`),
  },
  {
    basis: 'disagree-declared-fails',
    when: '两者不一致，复核值满足要求而申报值不满足',
    applies: (f) => f.usable && !f.declaredPasses,
    decide: (f) =>
      review(`${f.declaredText}，${f.miss}合同要求（${f.req}），但按表中数据复核为${f.fv(f.computed)}${f.calcWhy}，满足要求；申报值与复核值不一致，请核对`),
  },
  {
    basis: 'declared-above-bound',
    when: '复核值仅为上限且满足要求，但申报值高于该上限（数据不支持申报值）',
    applies: (f) => f.usable && f.upper,
    decide: (f) =>
      review(`${f.declaredText}，但按表中数据复核至多为${f.fv(f.computed)}${f.calcWhy}，表中数据不支持申报值；复核上限虽满足合同要求（${f.req}），仍请核对`),
  },
  {
    basis: 'disagree-far-apart',
    when: '两者不一致且相差悬殊（一方超过另一方的两倍），即使均满足要求',
    applies: (f) => f.usable && farApart(f),
    decide: (f) =>
      review(
        `${f.declaredText}，满足合同要求（${f.req}）；但${recomputedText(f)}，与申报值相差悬殊，可能有单位换算或数据读取错误，两者均满足要求也不能据以判定，请核对`,
      ),
  },
  {
    basis: 'disagree-both-pass',
    when: '两者不一致，但申报值与（精确的）复核值均满足要求',
    applies: (f) => f.usable,
    decide: (f) => {
      const remark = `一致性提示：申报值 ${f.fv(f.dv)} 与复核值 ${f.fv(f.computed)} 不一致，两者均满足要求`;
      return pass(`${f.declaredText}，满足合同要求（${f.req}）；${remark}${f.calcWhy}`, { remarks: [remark] });
    },
  },

  // 3. No usable declared value: the recomputation alone.
  {
    basis: 'method-mismatch-only',
    when: '无申报值，仅有按非规定方法复核的数值',
    applies: (f) => f.computed !== null && !!f.calc?.methodMismatch,
    decide: (f) => review(`${recomputedOnly(f)}；${f.calc!.methodMismatch}，请按规定方法提供${f.name}`, { source: recomputedSource(f) }),
  },
  {
    basis: 'recomputed-unconfirmed',
    when: '无申报值，复核所用规则或数据未全部确认',
    applies: (f) => f.computed !== null && !f.confirmed,
    decide: (f) =>
      review(`${recomputedOnly(f)}，${f.computedPasses ? '满足' : f.miss}合同要求（${f.req}）；复核方法含待核实数据，请人工复核`, {
        source: recomputedSource(f),
      }),
  },
  {
    basis: 'upper-bound-only',
    when: '无申报值，复核值仅为上限（缺少标准所需的部分数据）且满足要求',
    applies: (f) => f.computed !== null && f.upper && f.computedPasses,
    decide: (f) =>
      review(`${recomputedOnly(f)}，复核值仅为上限（${f.calc!.notes.find((n) => /上限/.test(n)) ?? '部分数据缺失'}），不能据此判定符合，请补充数据`, {
        source: recomputedSource(f),
      }),
  },
  {
    basis: 'recomputed-fail',
    when: '无申报值，复核值（规则已确认；上限亦可）不满足要求',
    applies: (f) => f.computed !== null && !f.computedPasses,
    decide: (f) => fail(`${recomputedOnly(f)}，${f.miss}合同要求（${f.req}）`, { source: recomputedSource(f) }),
  },
  {
    basis: 'recomputed-pass',
    when: '无申报值，复核值精确、规则已确认、方法符合规定，且满足要求',
    applies: (f) => f.computed !== null,
    decide: (f) => pass(`${recomputedOnly(f)}，满足合同要求（${f.req}）`, { source: recomputedSource(f) }),
  },

  // 4. Nothing to go on.
  {
    basis: 'not-found',
    when: '表中没有该指标，也无法复算',
    applies: (f) => !f.declared,
    decide: (f) => {
      const hint = f.calc && f.calc.notes.length > 0 ? `；复核所需数据不全：${f.calc.notes[0]}` : '';
      return missing(`指标表中未找到${f.name}${hint}`, { source: null });
    },
  },
  {
    basis: 'placeholder',
    when: '填写为“/”“—”“详见…”等，视为未提供数值',
    applies: (f) => f.declared!.status === 'placeholder',
    decide: (f) =>
      missing(f.declared!.raw.trim() ? `${f.name}填写为“${f.declared!.raw}”，视为未提供数值` : `${f.name}在 ${f.declared!.source} 未填写（单元格为空），视为未提供数值`),
  },
  {
    basis: 'unreadable',
    when: '有内容但无法判读（含义不确定或格式无法识别）',
    applies: () => true,
    decide: (f) => review(`${f.name}“${f.declared!.raw}”无法判读：${f.declared!.interpretation}`),
  },
];

/** The verdict for one leaf: the first rule of EVIDENCE_RULES that applies. */
export function decideLeaf(e: LeafEvidence): Decision {
  const f = factsOf(e);
  for (const r of EVIDENCE_RULES) {
    if (r.applies(f)) return withBasis(r.decide(f), r.basis);
  }
  /* c8 ignore next */
  throw new Error('evidence rules are not exhaustive');
}

/**
 * The unread evidence that bears on a leaf: every unread table; a single unrecognised row
 * (UnreadBlock.kind 'row') only where no exact recomputation checks the value — once the sheet's
 * data recompute it, a stray row of the same kind adds nothing the recomputation did not weigh; an
 * upper bound confirms nothing, so the row still counts.
 */
function unreadBearing(f: Facts): UnreadBlock[] {
  return f.e.unread.filter((u) => u.kind !== 'row' || ((f.computed === null || f.upper) && f.usable && f.declaredPasses));
}

/** Declared and recomputed numbers more than `farApart.factor` times apart (indicators.json `farApart`). */
function farApart(f: Facts): boolean {
  const a = f.dv;
  const b = f.computed;
  if (typeof a !== 'number' || typeof b !== 'number' || a < 0 || b < 0 || !FAR_APART.types.includes(indicatorDef(f.id)?.type ?? '')) return false;
  return Math.max(a, b) > FAR_APART.factor * Math.min(a, b);
}

function recomputedText(f: Facts): string {
  return `按表中数据复核${f.upper ? '至多' : '仅'}为${f.fv(f.computed)}${f.calcWhy}`;
}

/** "表中未申报，按表中数据复核绿地率为38%（…）". */
function recomputedOnly(f: Facts): string {
  const d = f.declared;
  const why = !d ? '表中未申报，' : d.status === 'placeholder' ? `申报值为“${d.raw}”，` : `申报值“${d.raw}”无法判读，`;
  return `${why}按表中数据复核${f.name}为${f.fv(f.computed)}${f.upper ? '（上限）' : ''}${f.calcWhy}`;
}

function recomputedSource(f: Facts): string | null {
  return f.declared?.source ?? f.calc?.inputs.find((i) => i.source)?.source ?? null;
}

function fmtNum(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000);
}
