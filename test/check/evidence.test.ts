// The evidence policy (docs/evidence-policy.md), one test per rule at least, on hand-built imports:
// each asserts the verdict, the `basis` id that decided it and what the message names.
import { describe, expect, it } from 'vitest';
import { evaluate, overallOf } from '../../shared/check/engine';
import { EVIDENCE_RULES } from '../../shared/check/evidence';
import { chooseParcel, normaliseParcel, plotNumber } from '../../shared/check/parcels';
import type {
  Condition,
  ConditionsDoc,
  ImportedBuilding,
  ImportedParcel,
  ImportedSurface,
  ImportedValue,
  ImportResult,
  UnreadBlock,
} from '../../shared/model/types';

let row = 2;
function v(indicator: string, value: ImportedValue['value'], source?: string, extra: Partial<ImportedValue> = {}): ImportedValue {
  return {
    indicator,
    value,
    raw: extra.raw ?? (value === null ? '/' : String(value)),
    source: source ?? `指标!C${row++}`,
    label: indicator,
    interpretation: '测试',
    status: value === null ? 'placeholder' : 'ok',
    ...extra,
  };
}

function building(name: string, values: ImportedValue[], extra: Partial<ImportedBuilding> = {}): ImportedBuilding {
  return {
    name,
    nameSource: `单体!A${row++}`,
    use: 'residential',
    floorArea: 10000,
    values: Object.fromEntries(values.map((x) => [x.indicator, x])),
    ...extra,
  };
}

function imp(project: ImportedValue[], extra: Partial<ImportResult> = {}): ImportResult {
  return {
    file: 'test.xlsx',
    sha256: '0'.repeat(64),
    sheets: ['指标', '单体', '海绵'],
    project: Object.fromEntries(project.map((x) => [x.indicator, x])),
    buildings: [],
    surfaces: [],
    issues: [],
    ...extra,
  };
}

function doc(conditions: Condition[], contract: ConditionsDoc['contract'] = { city: '北京市' }): ConditionsDoc {
  return { format: 'landcheck.conditions/v1', contract, conditions };
}

const one = (i: ImportResult, c: Condition, contract?: ConditionsDoc['contract']) => evaluate(i, doc([c], contract))[0];

const green: Condition = { id: 'L1', indicator: 'green_ratio', op: '>=', value: 35 };
const star2: Condition = { id: 'G1', indicator: 'green_building_star', op: '>=', value: 2 };
const runoff80: Condition = { id: 'S1', indicator: 'runoff_capture', op: '>=', value: 80 };
const asm60: Condition = { id: 'A1', indicator: 'assembly_ratio', op: '>=', value: 60 };
const re10: Condition = { id: 'R1', indicator: 'renewable_substitution', op: '>=', value: 10 };

/** A 二星级 score sheet (评价 stage): Q = 72.3, every floor met, Table 3.2.8 at 二星. */
const twoStar = () => [
  v('gb_stage', '评价'),
  v('gb_control_met', true),
  v('gb_score_safety', 60),
  v('gb_score_health', 55),
  v('gb_score_convenience', 45),
  v('gb_score_resource', 110),
  v('gb_score_env', 48),
  v('gb_score_bonus', 5),
  v('full_fitout', true),
  v('gb_envelope_improvement', 12),
  v('gb_water_fixture_grade', 2),
  v('gb_pollutant_reduction', 20),
];

describe('the policy is one readable table', () => {
  it('every rule has a kebab-case basis id and a Chinese description, ids unique', () => {
    const ids = EVIDENCE_RULES.map((r) => r.basis);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of EVIDENCE_RULES) {
      expect(r.basis).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(r.when).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('1. evidence not read or not trustworthy', () => {
  it('conflict: another cell states the indicator differently → review naming both cells and values', () => {
    const gr = v('green_ratio', 36, '指标!C7', { raw: '36%', conflicts: [{ value: 31, raw: '31%', source: '汇总!D9', label: '绿地率', status: 'ok' }] });
    const f = one(imp([gr]), green);
    expect(f).toMatchObject({ verdict: 'review', basis: 'conflict', source: '指标!C7' });
    expect(f.message).toContain('指标!C7 填写为“36%”');
    expect(f.message).toContain('汇总!D9 填写为“31%”');
  });

  it('input-conflict: an input the recomputation used is stated twice differently → review', () => {
    const area = v('green_area', 3600, '指标!C8', { conflicts: [{ value: 3000, raw: '3000', source: '总图!F4', label: '绿地面积', status: 'ok' }] });
    const f = one(imp([v('green_ratio', 36, '指标!C7'), area, v('site_area', 10000, '指标!C2')]), green);
    expect(f).toMatchObject({ verdict: 'review', basis: 'input-conflict', source: '指标!C8' });
    expect(f.message).toContain('总图!F4 填写为“3000”');
  });

  it('unread-table: a related table that could not be read → review naming it, even when the declared value passes', () => {
    const block: UnreadBlock = { sheet: '海绵', range: 'B20:F28', title: '调蓄设施', indicators: ['storage_provided'], reason: '表头无法识别' };
    const f = one(imp([v('runoff_capture', 85, '指标!C17')], { unread: [block] }), runoff80);
    expect(f).toMatchObject({ verdict: 'review', basis: 'unread-table', source: '指标!C17' });
    expect(f.message).toContain('表“调蓄设施”（海绵!B20:F28）未能读取');
    // nothing declared: the table's first cell is cited
    const g = one(imp([], { unread: [block] }), runoff80);
    expect(g).toMatchObject({ verdict: 'review', basis: 'unread-table', source: '海绵!B20' });
    // an unread table about something else changes nothing
    const other: UnreadBlock = { ...block, title: '停车位', indicators: ['ev_charging_ratio'] };
    expect(one(imp([v('runoff_capture', 85)], { unread: [other] }), runoff80)).toMatchObject({ verdict: 'pass', basis: 'declared-pass' });
  });

  it('unread-buildings: a building-scope condition that would fall back to the project value → review', () => {
    const list: UnreadBlock = { sheet: '单体', range: 'A3:H12', title: '单体指标', indicators: ['building_name', 'green_building_star'], reason: '楼号列无法识别' };
    const c: Condition = { ...star2, id: 'G2', scope: 'building' };
    // no buildings read: the project value would answer — not any more
    const none = one(imp([v('green_building_star', 2, '指标!C9')], { unread: [list] }), c);
    expect(none).toMatchObject({ verdict: 'review', building: null });
    expect(['unread-buildings', 'unread-table']).toContain(none.basis);
    const listOnly: UnreadBlock = { ...list, indicators: ['building_name'] };
    expect(one(imp([v('green_building_star', 2, '指标!C9')], { unread: [listOnly] }), c)).toMatchObject({ verdict: 'review', basis: 'unread-buildings' });
    // buildings read: one states its own value (normal verdict), one falls back (review)
    const fs = evaluate(
      imp([v('green_building_star', 2, '指标!C9')], {
        unread: [listOnly],
        buildings: [building('1#楼', [v('green_building_star', 3, '单体!F3')]), building('2#楼', [])],
      }),
      doc([c]),
    );
    // …and the unread list itself is a finding of its own: the buildings in it are not left out
    expect(fs.map((f) => [f.building, f.verdict, f.basis])).toEqual([
      ['1#楼', 'pass', 'declared-pass'],
      ['2#楼', 'review', 'unread-buildings'],
      ['单体指标', 'review', 'unread-buildings'],
    ]);
    // without an unread list of buildings the fallback is allowed and said
    const ok = evaluate(imp([v('green_building_star', 2, '指标!C9')], { buildings: [building('2#楼', [])] }), doc([c]))[0];
    expect(ok).toMatchObject({ verdict: 'pass', basis: 'declared-pass' });
    expect(ok.message).toContain('采用项目整体数值');
  });

  it('declared-invalid and declared-out-of-range → review', () => {
    expect(one(imp([v('green_ratio', '较高', '指标!C7')]), green)).toMatchObject({ verdict: 'review', basis: 'declared-invalid' });
    expect(one(imp([v('green_ratio', 360, '指标!C7')]), green)).toMatchObject({ verdict: 'review', basis: 'declared-out-of-range' });
  });

  it('contradiction: a stated total that disagrees with its parts → review naming the cell and both numbers', () => {
    // 总得分 80 stated beside scores whose Q is 72.3; the declared star passes and agrees — still review
    const f = one(imp([...twoStar(), v('gb_total_score', 80, '评分!D20'), v('green_building_star', 2, '指标!C10')]), star2);
    expect(f).toMatchObject({ verdict: 'review', basis: 'contradiction', source: '评分!D20', computed: 2 });
    expect(f.message).toContain('总得分 80（评分!D20）与复核值 72.3 不一致');
    // nothing declared: the contradiction also stops a recomputed pass
    expect(one(imp([...twoStar(), v('gb_total_score', 80, '评分!D20')]), star2)).toMatchObject({ verdict: 'review', basis: 'contradiction' });
    // the stated total within 0.05 of Q: no contradiction
    expect(one(imp([...twoStar(), v('gb_total_score', 72.3), v('green_building_star', 2)]), star2)).toMatchObject({ verdict: 'pass', basis: 'agree-pass' });
  });

  it('a 装配率 stated beside its own Q1–Q4 that the formula does not give → review, whatever the jurisdiction', () => {
    const bs = [building('A办公楼', [v('assembly_ratio', 65, '单体!G3'), v('asm_q1', 33.1), v('asm_q2', 10), v('asm_q3', 6), v('asm_q4', 6), v('full_fitout', true)])];
    const c: Condition = { ...asm60, scope: 'building' };
    for (const city of ['上海市', '北京市']) {
      const f = evaluate(imp([], { buildings: bs }), doc([c], { city }))[0];
      expect(f).toMatchObject({ verdict: 'review', basis: 'contradiction', source: '单体!G3' });
      expect(f.message).toContain('装配率 65（单体!G3）与复核值 52.2 不一致');
    }
  });
});

describe('2. a declared value', () => {
  it('declared-pass / declared-fail when nothing can be recomputed', () => {
    expect(one(imp([v('green_ratio', 36)]), green)).toMatchObject({ verdict: 'pass', basis: 'declared-pass' });
    expect(one(imp([v('green_ratio', 30)]), green)).toMatchObject({ verdict: 'fail', basis: 'declared-fail' });
  });

  it('agree-pass / agree-fail when the recomputation agrees within tolerance', () => {
    const data = [v('green_area', 3620), v('site_area', 10000)];
    expect(one(imp([v('green_ratio', 36), ...data]), green)).toMatchObject({ verdict: 'pass', basis: 'agree-pass', computed: 36.2 });
    expect(one(imp([v('green_ratio', 36), ...data]), { ...green, value: 40 })).toMatchObject({ verdict: 'fail', basis: 'agree-fail' });
  });

  it('disagree-recomputed-fails: confirmed recomputation below the requirement → fail', () => {
    const f = one(imp([v('green_ratio', 36), v('green_area', 3000), v('site_area', 10000)]), green);
    expect(f).toMatchObject({ verdict: 'fail', basis: 'disagree-recomputed-fails', computed: 30 });
    expect(f.message).toContain('以复核值为准');
  });

  it('disagree-recomputed-fails-unconfirmed: unconfirmed recomputation below the requirement → review', () => {
    // renewable: working definition, always unconfirmed. R = 80000 / 1000000 = 8 %
    const f = one(imp([v('renewable_substitution', 12), v('re_pv_generation', 80000), v('energy_total', 1_000_000)]), re10);
    expect(f).toMatchObject({ verdict: 'review', basis: 'disagree-recomputed-fails-unconfirmed', computed: 8 });
  });

  it('disagree-declared-fails: declared fails, recomputation passes → review', () => {
    const f = one(imp([v('green_ratio', 30), v('green_area', 3600), v('site_area', 10000)]), green);
    expect(f).toMatchObject({ verdict: 'review', basis: 'disagree-declared-fails' });
  });

  it('disagree-both-pass: both satisfy → pass with a 一致性提示 in remarks and message', () => {
    const f = one(imp([v('green_ratio', 45), v('green_area', 3800), v('site_area', 10000)]), green);
    expect(f).toMatchObject({ verdict: 'pass', basis: 'disagree-both-pass', declared: 45, computed: 38 });
    expect(f.remarks).toEqual(['一致性提示：申报值 45% 与复核值 38% 不一致，两者均满足要求']);
    expect(f.message).toContain('一致性提示');
    // a star level: declared 二星, recomputed 三星 from the scores (exact, confirmed)
    const three = twoStar().filter((x) => !/gb_score|gb_envelope/.test(x.indicator));
    const scores = [v('gb_score_safety', 90), v('gb_score_health', 90), v('gb_score_convenience', 80), v('gb_score_resource', 180), v('gb_score_env', 90), v('gb_score_bonus', 10), v('gb_envelope_improvement', 25), v('gb_pollutant_reduction', 25)];
    const s = one(imp([...three, ...scores, v('green_building_star', 2)]), star2);
    expect(s).toMatchObject({ verdict: 'pass', basis: 'disagree-both-pass', computed: 3 });
  });

  it('declared-above-bound: an upper bound that passes while the declared value exceeds it → review', () => {
    // no 控制项 data: the recomputed 二星 is only an upper bound; the sheet declares 三星
    const noControl = twoStar().filter((x) => x.indicator !== 'gb_control_met');
    const f = one(imp([...noControl, v('green_building_star', 3)]), star2);
    expect(f).toMatchObject({ verdict: 'review', basis: 'declared-above-bound', computed: 2 });
    expect(f.calculation?.bound).toBe('upper');
    // declared within the bound: agreement
    expect(one(imp([...noControl, v('green_building_star', 2)]), star2)).toMatchObject({ verdict: 'pass', basis: 'agree-pass' });
  });

  it('declared-unsupported: the storage is short of V = 10·H·φ·F → review if the declared passes, fail if it fails', () => {
    const surfaces: ImportedSurface[] = [{ name: '屋面', area: 10000, coefficient: 0.8, source: '海绵!B3' }];
    const data = [v('design_rainfall', 26.7, '海绵!C14'), v('storage_provided', 150, '海绵!C18')]; // V = 26.7 × 0.8 × 10000 / 1000 = 213.6
    const f = one(imp([v('runoff_capture', 80, '指标!C17'), ...data], { surfaces }), runoff80, { city: '上海市' });
    expect(f).toMatchObject({ verdict: 'review', basis: 'declared-unsupported' });
    expect(f.message).toContain('213.6');
    const g = one(imp([v('runoff_capture', 70, '指标!C17'), ...data], { surfaces }), runoff80, { city: '上海市' });
    expect(g).toMatchObject({ verdict: 'fail', basis: 'declared-unsupported' });
  });

  it('method-mismatch: a Shanghai 装配率 recomputed by GB/T 51129 → verdict of the declared value with a remark', () => {
    // item proportions (no stated Q): P by the national table = 74.5 %
    const items = [
      v('asm_vertical_ratio', 57.5),
      v('asm_horizontal_ratio', 75),
      v('asm_ext_wall_nonmasonry', 85),
      v('asm_ext_wall_integrated', 65),
      v('asm_int_wall_nonmasonry', 60),
      v('asm_int_wall_integrated', 40),
      v('full_fitout', true),
      v('asm_dry_floor', 80),
      v('asm_kitchen', null, undefined, { raw: '不适用' }),
      v('asm_bathroom', 80),
    ];
    const sh = { city: '上海市', signedOn: '2024-06-01' };
    const p = one(imp([...items, v('assembly_ratio', 62, '指标!C30')]), asm60, sh);
    expect(p).toMatchObject({ verdict: 'pass', basis: 'method-mismatch', computed: 74.5 });
    expect(p.remarks?.[0]).toContain('沪建建材〔2019〕765号');
    expect(p.remarks?.[0]).toContain('仅供参考');
    const q = one(imp([...items, v('assembly_ratio', 55, '指标!C30')]), asm60, sh);
    expect(q).toMatchObject({ verdict: 'fail', basis: 'method-mismatch' });
    // nothing declared: the national figure alone is never a pass
    const r = one(imp(items), asm60, sh);
    expect(r).toMatchObject({ verdict: 'review', basis: 'method-mismatch-only', computed: 74.5 });
    // the same data under a Beijing contract: an ordinary (unconfirmed) recomputation
    expect(one(imp([...items, v('assembly_ratio', 74)]), asm60, { city: '北京市' })).toMatchObject({ verdict: 'pass', basis: 'agree-pass' });
    // a Shanghai condition that names GB/T 51129 itself: no mismatch
    expect(one(imp([...items, v('assembly_ratio', 74)]), { ...asm60, method: 'GB/T 51129-2017' }, sh)).toMatchObject({ verdict: 'pass', basis: 'agree-pass' });
  });
});

describe('3. the recomputation alone', () => {
  it('recomputed-pass / recomputed-fail: exact and confirmed', () => {
    expect(one(imp([v('green_area', 3800), v('site_area', 10000)]), green)).toMatchObject({ verdict: 'pass', basis: 'recomputed-pass', declared: null });
    expect(one(imp([v('green_area', 3000), v('site_area', 10000)]), green)).toMatchObject({ verdict: 'fail', basis: 'recomputed-fail' });
  });

  it('upper-bound-only: a star level that is only an upper bound and passes → review', () => {
    const noFitout = twoStar().filter((x) => x.indicator !== 'full_fitout');
    const f = one(imp(noFitout), star2);
    expect(f).toMatchObject({ verdict: 'review', basis: 'upper-bound-only', computed: 2 });
    expect(f.message).toContain('上限');
    // an upper bound that fails is a fail: the true value can only be lower
    expect(one(imp(noFitout), { ...star2, value: 3 })).toMatchObject({ verdict: 'fail', basis: 'recomputed-fail' });
  });

  it('recomputed-unconfirmed: unconfirmed rules → review, pass or fail', () => {
    const data = [v('re_pv_generation', 150000), v('energy_total', 1_000_000)];
    expect(one(imp(data), re10)).toMatchObject({ verdict: 'review', basis: 'recomputed-unconfirmed', computed: 15 });
    expect(one(imp(data), { ...re10, value: 20 })).toMatchObject({ verdict: 'review', basis: 'recomputed-unconfirmed' });
  });

  it('a placeholder declared value does not stop the recomputation', () => {
    const f = one(imp([v('green_ratio', null, '指标!C7', { raw: '/' }), v('green_area', 3800), v('site_area', 10000)]), green);
    expect(f).toMatchObject({ verdict: 'pass', basis: 'recomputed-pass', source: '指标!C7' });
  });
});

describe('4. nothing', () => {
  it('not-found, placeholder → missing; unreadable → review', () => {
    expect(one(imp([]), green)).toMatchObject({ verdict: 'missing', basis: 'not-found', source: null });
    expect(one(imp([v('green_ratio', null, '指标!C7', { raw: '详见总图' })]), green)).toMatchObject({ verdict: 'missing', basis: 'placeholder' });
    expect(one(imp([v('green_ratio', 0.35, '指标!C7', { status: 'ambiguous' })]), green)).toMatchObject({ verdict: 'review', basis: 'unreadable' });
  });
});

describe('5. anyOf / allOf', () => {
  it('combine leaf verdicts; the finding carries the deciding branch basis and every remark', () => {
    const c: Condition = {
      id: 'A2',
      anyOf: [
        { indicator: 'prefab_ratio', op: '>=', value: 40 },
        { indicator: 'green_ratio', op: '>=', value: 35 },
      ],
    };
    const f = one(imp([v('prefab_ratio', 30), v('green_ratio', 45), v('green_area', 3800), v('site_area', 10000)]), c);
    expect(f).toMatchObject({ verdict: 'pass', basis: 'disagree-both-pass', indicator: 'green_ratio' });
    expect(f.remarks).toHaveLength(1);
    expect(f.branches!.map((b) => b.basis)).toEqual(['declared-fail', 'disagree-both-pass']);
    // review before missing
    const g = one(imp([v('prefab_ratio', 30), v('green_ratio', 0.4, undefined, { status: 'ambiguous' })]), { ...c, anyOf: [c.anyOf[1], { indicator: 'far', op: '<=', value: 2 }] });
    expect(g.verdict).toBe('review');
  });
});

describe('parcels and the sole building', () => {
  const parcel = (name: string, green: number, cell: string): ImportedParcel => ({
    name,
    nameSource: cell,
    project: { green_ratio: v('green_ratio', green, cell.replace(/\d+$/, '9')) },
    buildings: [],
    surfaces: [],
  });
  const twoParcels = () => imp([v('site_area', 20000, '指标!C2')], { parcels: [parcel('SJC10018单元08-02地块', 30, '指标!B3'), parcel('SJC10018单元08-03地块', 36, '指标!E3')] });

  it('normalises parcel names (full width, spaces, 地块, plot number)', () => {
    expect(normaliseParcel(' ０８－０３ 地块')).toBe('08-03');
    expect(plotNumber('SJC10018单元08-03地块')).toBe('08-03');
    expect(plotNumber('3号地块')).toBe('3');
  });

  it('chooses the contract parcel: its values over the shared ones', () => {
    for (const wanted of ['SJC10018单元08-03地块', '08－03', '０８-０３地块']) {
      const f = one(twoParcels(), green, { parcel: wanted });
      expect(f).toMatchObject({ verdict: 'pass', declared: 36, source: '指标!E9' });
    }
    const choice = chooseParcel(twoParcels(), { parcel: '08-03' });
    expect('imported' in choice && choice.imported.project.site_area?.value).toBe(20000);
  });

  it('parcel-unknown: no contract parcel, none matches, or several match → every finding review', () => {
    for (const contract of [{}, { parcel: '08-07' }]) {
      const fs = evaluate(twoParcels(), doc([green, { ...star2, scope: 'building' }], contract));
      expect(fs.map((f) => [f.verdict, f.basis])).toEqual([
        ['review', 'parcel-unknown'],
        ['review', 'parcel-unknown'],
      ]);
      expect(fs[0].message).toContain('工作簿含 2 个地块（SJC10018单元08-02地块、SJC10018单元08-03地块）');
      expect(fs[0].source).toBe('指标!B3');
    }
    const twins = imp([], { parcels: [parcel('A区08-03', 36, '指标!B3'), parcel('B区08-03地块', 30, '指标!E3')] });
    const f = one(twins, green, { parcel: '08-03' });
    expect(f).toMatchObject({ verdict: 'review', basis: 'parcel-unknown' });
    expect(f.message).toContain('有 2 个地块与之对应');
    expect(overallOf([f])).toBe('incomplete');
  });

  it('soleBuilding: a project-scope leaf without a project value uses the building value and says so', () => {
    const b = building('2#楼', [v('green_building_star', 2, '2#楼评分!D4'), v('gross_floor_area', 12850, '2#楼概况!B4')]);
    const f = one(imp([v('site_area', 10000)], { buildings: [b], soleBuilding: '2#楼' }), star2);
    expect(f).toMatchObject({ verdict: 'pass', basis: 'declared-pass', declared: 2, source: '2#楼评分!D4', building: null });
    expect(f.message).toContain('采用单体“2#楼”的数值');
    // the calculation sheets of the building answer the project-scope recomputation too
    const scores = building('2#楼', [...twoStar(), v('gross_floor_area', 12850, '2#楼概况!B4')]);
    expect(one(imp([], { buildings: [scores], soleBuilding: '2#楼' }), star2)).toMatchObject({ verdict: 'pass', basis: 'recomputed-pass', computed: 2 });
    // a project value wins over the building's
    const own = one(imp([v('green_building_star', 1, '指标!C9')], { buildings: [b], soleBuilding: '2#楼' }), star2);
    expect(own).toMatchObject({ verdict: 'fail', source: '指标!C9' });
  });

  it('soleBuilding: only when the workbook shows the building is the whole project (docs/evidence-policy.md sole-building-unproven)', () => {
    const star = v('green_building_star', 2, '2#楼评分!D4');
    // the project states 52000 m² and the building no area of its own: nothing shows it is the whole
    const bare = one(imp([v('gross_floor_area', 52000, '指标!B2')], { buildings: [building('2#楼', [star])], soleBuilding: '2#楼' }), star2);
    expect(bare).toMatchObject({ verdict: 'review', basis: 'sole-building-unproven', declared: 2 });
    expect(bare.message).toContain('52000');
    expect(bare.message).toContain('不能确认该单体即为整个项目');
    // the recomputation from the building's score table is the building's figure too
    const scores = one(imp([v('gross_floor_area', 52000, '指标!B2')], { buildings: [building('2#楼', twoStar())], soleBuilding: '2#楼' }), star2);
    expect(scores).toMatchObject({ verdict: 'review', basis: 'sole-building-unproven' });
    // no area anywhere: nothing shows it either
    expect(one(imp([], { buildings: [building('2#楼', [star])], soleBuilding: '2#楼' }), star2)).toMatchObject({ verdict: 'review', basis: 'sole-building-unproven' });
    // the building's area equals the project's (within rounding): it is the whole project
    const whole = building('2#楼', [star, v('gross_floor_area', 52000.4, '2#楼!B3')]);
    expect(one(imp([v('gross_floor_area', 52000, '指标!B2')], { buildings: [whole], soleBuilding: '2#楼' }), star2)).toMatchObject({ verdict: 'pass', basis: 'declared-pass' });
    // a failing building figure is not the project's failure either
    const low = building('2#楼', [v('green_building_star', 1, '2#楼评分!D4')]);
    expect(one(imp([v('gross_floor_area', 52000, '指标!B2')], { buildings: [low], soleBuilding: '2#楼' }), star2)).toMatchObject({ verdict: 'review', basis: 'sole-building-unproven' });
  });
});

describe('the new recomputations through the engine', () => {
  it('runoff zone by zone: a zone short of its own V makes a declared 80 % 需复核 although the pooled storage suffices', () => {
    const surfaces: ImportedSurface[] = [
      { name: '屋面', area: 4000, coefficient: 0.85, source: '海绵!B3', zone: 'A区' },
      { name: '绿地', area: 2000, coefficient: 0.15, source: '海绵!B4', zone: 'A区' },
      { name: '道路', area: 3000, coefficient: 0.85, source: '海绵!B5', zone: 'B区' },
      { name: '绿地', area: 1000, coefficient: 0.15, source: '海绵!B6', zone: 'B区' },
    ];
    const facilities = [
      { name: '雨水调蓄池', volume: 150, source: '海绵!B20', zone: 'A区' },
      { name: '下凹绿地', volume: 40, source: '海绵!B21', zone: 'B区' },
    ];
    const data = [v('runoff_capture', 80, '指标!C17'), v('design_rainfall', 26.7, '海绵!C14')];
    const f = one(imp(data, { surfaces, facilities }), runoff80, { city: '上海市' });
    expect(f).toMatchObject({ verdict: 'review', basis: 'declared-unsupported', source: '指标!C17' });
    expect(f.message).toContain('汇水分区“B区”');
    // enough storage in B as well → the data support the declared rate
    const ok = one(imp(data, { surfaces, facilities: [facilities[0], { ...facilities[1], volume: 80 }] }), runoff80, { city: '上海市' });
    expect(ok).toMatchObject({ verdict: 'pass', basis: 'declared-pass' });
    // checked at the sheet's own H, which nothing ties to 80 %: what was checked, never “支持该值”
    expect(ok.message).toContain('各汇水分区的调蓄容积均不小于该分区的需调蓄容积');
    expect(ok.message).toContain('未经确认');
    expect(ok.message).not.toContain('表中数据支持该值');
  });

  it('renewable line items: several rows of one kind are summed', () => {
    const lineItems = [
      { indicator: 're_pv_generation', name: '屋顶光伏', value: 60000, source: '可再生!C3' },
      { indicator: 're_pv_generation', name: '车棚光伏', value: 30000, source: '可再生!C4' },
    ];
    // R = 90000 / 1000000 = 9 % < 10 % while the sheet declares 12 %: unconfirmed method → review
    const f = one(imp([v('renewable_substitution', 12), v('re_pv_generation', 60000), v('energy_total', 1_000_000)], { lineItems }), re10);
    expect(f).toMatchObject({ verdict: 'review', basis: 'disagree-recomputed-fails-unconfirmed', computed: 9 });
  });

  it('超低能耗 share from per-building areas: a declared share the buildings do not give → review', () => {
    const u50: Condition = { id: 'U1', indicator: 'ultra_low_energy_ratio', op: '>=', value: 50 };
    const buildings = [
      building('1#楼', [v('ultra_low_energy_building', true)], { floorArea: 12000 }),
      building('2#楼', [v('ultra_low_energy_building', false)], { floorArea: 18000 }),
    ];
    // 12000 / 30000 = 40 % against a declared 60 %
    const f = one(imp([v('ultra_low_energy_ratio', 60, '指标!C18')], { buildings }), u50);
    expect(f).toMatchObject({ verdict: 'review', basis: 'disagree-recomputed-fails-unconfirmed', computed: 40 });
    // consistent: declared 40 % fails on agreement
    expect(one(imp([v('ultra_low_energy_ratio', 40, '指标!C18')], { buildings }), u50)).toMatchObject({ verdict: 'fail', basis: 'agree-fail' });
  });

  it('an unread score table relates to the star level through the calculator inputs', () => {
    const block: UnreadBlock = { sheet: '评分', range: 'A3:F40', title: '绿色建筑评分表', indicators: ['gb_score_resource', 'gb_score_env'], reason: '得分列无法确定' };
    const f = one(imp([v('green_building_star', 2, '指标!C10')], { unread: [block] }), star2);
    expect(f).toMatchObject({ verdict: 'review', basis: 'unread-table' });
    expect(f.message).toContain('表“绿色建筑评分表”（评分!A3:F40）未能读取');
  });
});
