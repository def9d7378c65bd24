import { describe, expect, it } from 'vitest';
import { recompute } from '../../shared/calc/index';
import { ctx } from './helpers';

// A 二星级 project (评价 stage):
// Q = (400 + 60 + 55 + 45 + 110 + 48 + 5) / 10 = 723 / 10 = 72.3 → 70 ≤ Q < 85 → 二星 by score.
// Floors (30 % of max, 评价): 60≥30, 55≥30, 45≥30 (max 100), 110≥60, 48≥30 → all met.
// Table 3.2.8: 围护结构提高 12 % ≥ 10 → 二星; 节水器具 2 级 ≤ 2 → 三星; 污染物降低 20 % ≥ 20 → 三星 → min = 二星.
const twoStar = {
  gb_stage: '评价',
  gb_control_met: true,
  gb_score_safety: 60,
  gb_score_health: 55,
  gb_score_convenience: 45,
  gb_score_resource: 110,
  gb_score_env: 48,
  gb_score_bonus: 5,
  full_fitout: true,
  gb_envelope_improvement: 12,
  gb_water_fixture_grade: 2,
  gb_pollutant_reduction: 20,
};

describe('greenStar (GB/T 50378-2019 §3.2.5–3.2.8)', () => {
  it('recomputes a 二星级 project with Q = 72.3', () => {
    const c = recompute('green_building_star', ctx(twoStar))!;
    expect(c.value).toBe(2);
    expect(c.details!.Q).toBe(72.3);
    expect(c.details!.floorsMet).toBe(true);
    expect(c.details!.table328Level).toBe(2);
    expect(c.bound).toBeUndefined();
    expect(c.steps).toContain('Q = (400 + 60 + 55 + 45 + 110 + 48 + 5) / 10 = 72.3');
    // Table 3.2.8 water/pollutant rows are PARTIAL in the domain docs, but they do not lower the
    // level here: the result rests on confirmed rules only.
    expect(c.confidence).toBe('confirmed');
    expect(c.clause).toContain('GB/T 50378-2019');
    const sources = c.inputs.map((i) => i.source);
    expect(sources).toContain('指标!C3'); // gb_control_met
    expect(c.inputs.find((i) => i.label === '安全耐久得分')?.value).toBe(60);
  });

  it('is 基本级 when one category is below 30 % of its maximum', () => {
    // 健康舒适 25 < 30; Q = (400+90+25+80+180+90+10)/10 = 87.5 would be 三星 by score.
    const c = recompute('green_building_star', ctx({ ...twoStar, gb_score_safety: 90, gb_score_health: 25, gb_score_convenience: 80, gb_score_resource: 180, gb_score_env: 90, gb_score_bonus: 10 }))!;
    expect(c.details!.Q).toBe(87.5);
    expect(c.details!.byScore).toBe(3);
    expect(c.value).toBe(0);
    expect(c.details!.floorsFailed).toEqual(['健康舒适']);
    expect(c.details!.cappedBy).toBe('floor');
  });

  it('caps Q = 86 at 二星 when Table 3.2.8 only meets 二星', () => {
    // Q = (400 + 85 + 80 + 75 + 150 + 70 + 0) / 10 = 86 → 三星 by score; 围护结构 12 % < 20 → 二星.
    const c = recompute('green_building_star', ctx({ ...twoStar, gb_score_safety: 85, gb_score_health: 80, gb_score_convenience: 75, gb_score_resource: 150, gb_score_env: 70, gb_score_bonus: 0, gb_pollutant_reduction: 25 }))!;
    expect(c.details!.Q).toBe(86);
    expect(c.details!.byScore).toBe(3);
    expect(c.value).toBe(2);
    expect(String(c.details!.cappedBy)).toContain('围护结构');
  });

  it('uses the 预评价 maximum 70 for 生活便利 (floor 21 instead of 30)', () => {
    // 生活便利 25: 预评价 floor 0.3 × 70 = 21 → met; 评价 floor 0.3 × 100 = 30 → not met.
    const pre = recompute('green_building_star', ctx({ ...twoStar, gb_stage: '预评价', gb_score_convenience: 25 }))!;
    const fin = recompute('green_building_star', ctx({ ...twoStar, gb_stage: '评价', gb_score_convenience: 25 }))!;
    // Q = (400 + 60 + 55 + 25 + 110 + 48 + 5) / 10 = 70.3
    expect(pre.details!.Q).toBe(70.3);
    expect(pre.value).toBe(2);
    expect(fin.value).toBe(0);
    expect(fin.details!.floorsFailed).toEqual(['生活便利']);
  });

  it('a stage the sheet does not state: exact where the stage does not matter; an upper bound where only the 预评价 floor is met', () => {
    const { gb_stage: _s, ...noStage } = twoStar;
    const plain = recompute('green_building_star', ctx(noStage))!;
    expect(plain.details!.stage).toBe('unknown');
    expect(plain.value).toBe(recompute('green_building_star', ctx(twoStar))!.value);
    // 生活便利 25: met at the 预评价 floor 21, not at the 评价 floor 30 → 二星级 at most, said so
    const open = recompute('green_building_star', ctx({ ...noStage, gb_score_convenience: 25 }))!;
    expect(open.value).toBe(2);
    expect(open.bound).toBe('upper');
    expect(open.notes.join()).toContain('未写明评价阶段');
    // 生活便利 80 is above the 预评价 maximum 70: the sheet is at the 评价 stage
    const fin = recompute('green_building_star', ctx({ ...noStage, gb_score_convenience: 80 }))!;
    expect(fin.details!.stage).toBe('final');
    // 生活便利 19: below both floors → 基本级, exact
    const low = recompute('green_building_star', ctx({ ...noStage, gb_score_convenience: 19 }))!;
    expect(low.value).toBe(0);
  });

  it('caps 生活便利 at 70 in 预评价 and notes it', () => {
    const c = recompute('green_building_star', ctx({ ...twoStar, gb_stage: '预评价', gb_score_convenience: 80 }))!;
    // Q = (400 + 60 + 55 + 70 + 110 + 48 + 5) / 10 = 74.8
    expect(c.details!.Q).toBe(74.8);
    expect(c.notes.join()).toContain('超过预评价满分 70');
  });

  it('caps QA at 100', () => {
    // Q = (400 + 60 + 55 + 45 + 110 + 48 + min(130,100)) / 10 = 818 / 10 = 81.8 (uncapped 84.8)
    const c = recompute('green_building_star', ctx({ ...twoStar, gb_score_bonus: 130 }))!;
    expect(c.details!.Q).toBe(81.8);
    expect(c.details!.QA).toBe(100);
    expect(c.notes.join()).toContain('超过上限 100');
  });

  it('returns -1 when 控制项 are not all met', () => {
    const c = recompute('green_building_star', ctx({ ...twoStar, gb_control_met: false }))!;
    expect(c.value).toBe(-1);
    expect(c.details!.Q0).toBe(0);
    const { gb_control_met: _c, ...noControl } = twoStar;
    const byQ0 = recompute('green_building_star', ctx({ ...noControl, gb_score_q0: 0 }))!;
    expect(byQ0.value).toBe(-1);
  });

  it('gives an upper bound when 全装修 and Table 3.2.8 data are missing', () => {
    const { full_fitout: _f, gb_envelope_improvement: _e, gb_water_fixture_grade: _w, gb_pollutant_reduction: _p, ...bare } = twoStar;
    const c = recompute('green_building_star', ctx(bare))!;
    expect(c.value).toBe(2);
    expect(c.bound).toBe('upper');
    expect(c.notes.join()).toContain('全装修');
    expect(c.notes.join()).toContain('表3.2.8');
  });

  it('is 基本级 without 全装修 under the 2019 rules but not under the 2023 draft', () => {
    const c2019 = recompute('green_building_star', ctx({ ...twoStar, full_fitout: false }))!;
    expect(c2019.value).toBe(0);
    expect(c2019.details!.cappedBy).toBe('fullFitout');
    const draft = recompute('green_building_star', ctx({ ...twoStar, full_fitout: false, gb_envelope_improvement: 1 }, { options: { greenStarRuleSet: '2019-rev-draft' } }))!;
    expect(draft.value).toBe(2);
    expect(draft.confidence).toBe('unconfirmed');
  });

  it('applies the PARTIAL 节水器具 row and keeps the UNCONFIRMED 外窗传热系数 row as data only', () => {
    // 节水器具 3 级: meets 一星 (3 级) but not 二星 (2 级) → capped at 一星
    const c = recompute('green_building_star', ctx({ ...twoStar, gb_water_fixture_grade: 3 }))!;
    expect(c.value).toBe(1);
    expect(String(c.details!.cappedBy)).toContain('节水器具');
    // the level now rests on a PARTIAL row: a failure against it is not certain
    expect(c.confidence).toBe('unconfirmed');
    const rows = (c.details!.table328 as { row: string }[]).map((r) => r.row);
    expect(rows).not.toContain('window_u');
  });

  it('a stated total score that differs from Q is a contradiction naming its cell; within 0.05 it is not', () => {
    const c = recompute('green_building_star', ctx({ ...twoStar, gb_total_score: 75 }))!;
    expect(c.details!.declaredQ).toBe(75);
    expect(c.contradictions).toEqual([{ label: '总得分', stated: 75, computed: 72.3, source: expect.stringMatching(/^指标!C\d+$/) }]);
    expect(c.notes.join()).toContain('总得分 75');
    expect(recompute('green_building_star', ctx({ ...twoStar, gb_total_score: 72.3 }))!.contradictions).toBeUndefined();
    expect(recompute('green_building_star', ctx({ ...twoStar, gb_total_score: 72.35 }))!.contradictions).toBeUndefined();
    expect(recompute('green_building_star', ctx({ ...twoStar, gb_total_score: 72.4 }))!.contradictions).toHaveLength(1);
  });

  it('a 控制项基础分值 that disagrees with the stated 控制项 result is a contradiction', () => {
    const c = recompute('green_building_star', ctx({ ...twoStar, gb_score_q0: 300 }))!;
    expect(c.contradictions).toEqual([{ label: '控制项基础分值 Q0', stated: 300, computed: 400, source: expect.stringMatching(/^指标!C\d+$/) }]);
    expect(recompute('green_building_star', ctx({ ...twoStar, gb_score_q0: 400 }))!.contradictions).toBeUndefined();
  });

  it('marks the star an upper bound when 控制项 data are absent, and exact when every input is there', () => {
    const { gb_control_met: _c, ...noControl } = twoStar;
    expect(recompute('green_building_star', ctx(noControl))!.bound).toBe('upper');
    expect(recompute('green_building_star', ctx(twoStar))!.bound).toBeUndefined();
  });

  it('a Table 3.2.8 row judged on one of two alternatives does not settle a lower level', () => {
    // 围护结构 8 % → 一星 only; the alternative 供暖空调负荷降低比例 is absent and could allow more
    const c = recompute('green_building_star', ctx({ ...twoStar, gb_envelope_improvement: 8 }))!;
    expect(c.value).toBe(1);
    expect(c.confidence).toBe('unconfirmed');
    expect(c.notes.join()).toContain('仅按已有的一项指标判定');
    // with both alternatives stated the lower level is settled (confirmed rules)
    const both = recompute('green_building_star', ctx({ ...twoStar, gb_envelope_improvement: 8, gb_load_reduction: 6 }))!;
    expect(both.value).toBe(1);
    expect(both.confidence).toBe('confirmed');
  });

  it('returns null without scores, and value null naming the cell of an ambiguous score', () => {
    expect(recompute('green_building_star', ctx({ full_fitout: true }))).toBeNull();
    const c = recompute('green_building_star', ctx({ ...twoStar, gb_score_env: { value: 0.48, raw: '0.48', status: 'ambiguous' } }))!;
    expect(c.value).toBeNull();
    expect(c.notes.join()).toMatch(/指标!C\d+/);
  });
});
