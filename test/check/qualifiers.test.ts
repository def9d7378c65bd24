// What is written with a declared value that keeps it from establishing compliance (docs/evidence-policy.md:
// declared-bound, declared-remark, input-undetermined), and buildings the condition names or holds in part
// (applicability): hand-built imports, each asserting the verdict and the rule that decided it.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/check/engine';
import type { Condition, ConditionsDoc, ImportedBuilding, ImportedValue, ImportResult } from '../../shared/model/types';

let row = 2;
function v(indicator: string, value: ImportedValue['value'], extra: Partial<ImportedValue> = {}): ImportedValue {
  return { indicator, value, raw: String(value), source: `指标!C${row++}`, label: indicator, interpretation: '测试', status: 'ok', ...extra };
}
function imp(project: ImportedValue[], extra: Partial<ImportResult> = {}): ImportResult {
  return { file: 't.xlsx', sha256: '0'.repeat(64), sheets: ['指标'], project: Object.fromEntries(project.map((x) => [x.indicator, x])), buildings: [], surfaces: [], issues: [], ...extra };
}
function building(name: string, values: ImportedValue[], extra: Partial<ImportedBuilding> = {}): ImportedBuilding {
  return { name, nameSource: `单体!A${row++}`, use: 'residential', floorArea: 10000, values: Object.fromEntries(values.map((x) => [x.indicator, x])), ...extra };
}
const doc = (conditions: Condition[]): ConditionsDoc => ({ format: 'landcheck.conditions/v1', contract: { city: '北京市' }, conditions });
const green: Condition = { id: 'P2', indicator: 'green_ratio', op: '>=', value: 35 };
const far: Condition = { id: 'P1', indicator: 'far', op: '<=', value: 2 };
const one = (i: ImportResult, c: Condition) => evaluate(i, doc([c]))[0];

describe('declared-bound: a range or an approximation is no design figure', () => {
  it('"≥35%" against 不低于35%, "约2.0" against 不高于2: review, naming the cell and what was written', () => {
    const f = one(imp([v('green_ratio', 35, { raw: '≥35%', bound: 'atLeast' })]), green);
    expect(f).toMatchObject({ verdict: 'review', basis: 'declared-bound' });
    expect(f.message).toContain('“≥35%”，只写了下限');
    expect(one(imp([v('far', 2, { raw: '约2.0', bound: 'about' })]), far)).toMatchObject({ verdict: 'review', basis: 'declared-bound' });
  });
  it('"40%以下" against 不低于35% is review; "30%以下" cannot pass whatever it is: fail', () => {
    expect(one(imp([v('green_ratio', 40, { raw: '40%以下', bound: 'atMost' })]), green)).toMatchObject({ verdict: 'review', basis: 'declared-bound' });
    expect(one(imp([v('green_ratio', 30, { raw: '30%以下', bound: 'atMost' })]), green)).toMatchObject({ verdict: 'fail', basis: 'declared-bound' });
    expect(one(imp([v('far', 2.2, { raw: '2.2以上', bound: 'atLeast' })]), far)).toMatchObject({ verdict: 'fail', basis: 'declared-bound' });
    expect(one(imp([v('far', 1.8, { raw: '1.8以上', bound: 'atLeast' })]), far)).toMatchObject({ verdict: 'review', basis: 'declared-bound' });
  });
});

describe('declared-remark: a note that limits the value', () => {
  it('"36%（暂定）", "是（仅住宅部分）": review quoting the note; a failing value stays a fail', () => {
    const f = one(imp([v('green_ratio', 36, { raw: '36%（暂定）', remark: '暂定' })]), green);
    expect(f).toMatchObject({ verdict: 'review', basis: 'declared-remark' });
    expect(f.message).toContain('“暂定”');
    const fit: Condition = { id: 'F1', indicator: 'full_fitout', op: '==', value: true };
    expect(one(imp([v('full_fitout', true, { raw: '是（仅住宅部分，商业毛坯交付）', remark: '仅住宅部分，商业毛坯交付' })]), fit)).toMatchObject({ verdict: 'review', basis: 'declared-remark' });
    expect(one(imp([v('green_ratio', 30, { raw: '30%（暂定）', remark: '暂定' })]), green)).toMatchObject({ verdict: 'fail' });
  });
  it('neutral notes (design stage, a pointer to the calculation) keep the pass', () => {
    const star: Condition = { id: 'G1', indicator: 'green_building_star', op: '>=', value: 2 };
    expect(one(imp([v('green_building_star', 2, { raw: '二星级（预评价）', remark: '预评价' })]), star).verdict).toBe('pass');
    expect(one(imp([v('green_ratio', 36, { raw: '36%（详见计算书）', remark: '详见计算书' })]), green).verdict).toBe('pass');
  });
});

describe('input-undetermined: an input the sheet states but the engine could not use', () => {
  it('a 超低能耗 status "待定" makes the share only an upper bound: a declared pass is review', () => {
    // 1#楼 待定 (30000 m²), 2#楼 是 (20000 m²): the confirmed share is 40 %, the upper bound 100 %.
    const u: Condition = { id: 'U1', indicator: 'ultra_low_energy_ratio', op: '>=', value: 50 };
    const bs = [
      building('1#楼', [v('ultra_low_energy_building', null, { raw: '待定', status: 'placeholder' })], { floorArea: 30000 }),
      building('2#楼', [v('ultra_low_energy_building', true, { raw: '是' })], { floorArea: 20000 }),
    ];
    const f = one(imp([v('ultra_low_energy_ratio', 60)], { buildings: bs }), u);
    expect(f).toMatchObject({ verdict: 'review', basis: 'input-undetermined' });
    expect(f.message).toContain('待定');
  });
});

describe('applicability: buildings named or held in part', () => {
  const asm: Condition = { id: 'A2', indicator: 'assembly_ratio', op: '>=', value: 60, scope: 'building', appliesTo: { use: ['residential'] } };
  it('a building whose 建筑功能 names 住宅 among other uses is review for a residential condition, not left out', () => {
    const b = building('2#楼', [v('assembly_ratio', 52)], { use: 'public', useRaw: '商业、住宅', mixedUses: ['public', 'residential'] });
    const f = evaluate(imp([], { buildings: [b] }), doc([asm]))[0];
    expect(f).toMatchObject({ verdict: 'review', basis: 'applicability-unknown' });
    expect(f.message).toContain('商业、住宅');
  });
  it('a building the condition names that the workbook does not list is 缺项; 5号楼 and 5#楼 are the same', () => {
    const named: Condition = { id: 'A3', indicator: 'assembly_ratio', op: '>=', value: 60, scope: 'building', appliesTo: { buildings: ['5#楼', '1号楼'] } };
    const fs = evaluate(imp([], { buildings: [building('1#楼', [v('assembly_ratio', 65)]), building('2#楼', [v('assembly_ratio', 65)])] }), doc([named]));
    expect(fs.map((f) => [f.building, f.verdict])).toEqual([
      ['1#楼', 'pass'],
      ['2#楼', 'not_applicable'],
      ['5#楼', 'missing'],
    ]);
  });
});

describe('parcel-mismatch: a workbook naming another parcel', () => {
  it('"…05-03地块…" against the contract\'s 05-02: nothing passes; the same parcel passes', () => {
    const d = (parcel: string): ConditionsDoc => ({ format: 'landcheck.conditions/v1', contract: { city: '上海市', parcel }, conditions: [green] });
    const wb = imp([v('project_name', 'JDC10501单元05-03地块住宅项目'), v('green_ratio', 36)]);
    const f = evaluate(wb, d('JDC10501单元05-02地块'))[0];
    expect(f).toMatchObject({ verdict: 'review', basis: 'parcel-mismatch' });
    expect(f.message).toContain('05-03');
    expect(evaluate(wb, d('JDC10501单元05-03地块'))[0].verdict).toBe('pass');
    expect(evaluate(imp([v('project_name', 'JDC10502单元05-02地块住宅项目'), v('green_ratio', 36)]), d('JDC10501单元05-02地块'))[0].verdict).toBe('review');
  });
});

describe('project-for-building: a project figure cannot answer for one building', () => {
  it('单体装配率 not stated for a building: the project 装配率 is review, not a pass; a building stating its own passes', () => {
    const asm: Condition = { id: 'A2', indicator: 'assembly_ratio', op: '>=', value: 60, scope: 'building' };
    const fs = evaluate(imp([v('assembly_ratio', 62)], { buildings: [building('1#楼', [v('gross_floor_area', 9000)]), building('2#楼', [v('assembly_ratio', 64)])] }), doc([asm]));
    expect(fs.map((f) => [f.building, f.verdict, f.basis])).toEqual([
      ['1#楼', 'review', 'project-for-building'],
      ['2#楼', 'pass', 'declared-pass'],
    ]);
    // a project-wide property (the green-building star) still answers for each building
    const star: Condition = { id: 'G1', indicator: 'green_building_star', op: '>=', value: 2, scope: 'building' };
    expect(evaluate(imp([v('green_building_star', 2)], { buildings: [building('1#楼', [])] }), doc([star]))[0].verdict).toBe('pass');
  });
});

describe('building-exceeds: the project height below a building\'s own', () => {
  it('项目建筑高度 54 m passes 不高于60 m alone, but a building stating 79.8 m makes it review', () => {
    const h: Condition = { id: 'P3', indicator: 'building_height', op: '<=', value: 60 };
    expect(one(imp([v('building_height', 54)]), h).verdict).toBe('pass');
    const f = one(imp([v('building_height', 54)], { buildings: [building('1#楼', [v('building_height', 54)]), building('2#楼', [v('building_height', 79.8)])] }), h);
    expect(f).toMatchObject({ verdict: 'review', basis: 'building-exceeds' });
    expect(f.message).toContain('2#楼 填写为 79.8 m');
  });
});
