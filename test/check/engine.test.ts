// The engine's verdict rules on hand-built imports (the importer has its own tests).
import { describe, expect, it } from 'vitest';
import { evaluate, overallOf } from '../../shared/check/engine';
import type { Condition, ConditionsDoc, ImportedBuilding, ImportedValue, ImportResult } from '../../shared/model/types';

function v(indicator: string, value: ImportedValue['value'], source: string, status: ImportedValue['status'] = 'ok', raw?: string): ImportedValue {
  return { indicator, value, raw: raw ?? String(value), source, label: indicator, interpretation: '测试', status };
}

function building(name: string, use: ImportedBuilding['use'], floorArea: number | null, values: ImportedValue[], row: number): ImportedBuilding {
  return {
    name,
    nameSource: `单体指标!A${row}`,
    use,
    useRaw: use === null ? '综合楼?' : undefined,
    useSource: `单体指标!B${row}`,
    floorArea,
    values: Object.fromEntries(values.map((x) => [x.indicator, x])),
  };
}

function imported(project: ImportedValue[], buildings: ImportedBuilding[] = []): ImportResult {
  return {
    file: 'test.xlsx',
    sha256: '0'.repeat(64),
    sheets: ['指标'],
    project: Object.fromEntries(project.map((x) => [x.indicator, x])),
    buildings,
    surfaces: [],
    issues: [],
  };
}

function doc(...conditions: Condition[]): ConditionsDoc {
  return { format: 'landcheck.conditions/v1', contract: { city: '上海市' }, conditions };
}

const star2: Condition = {
  id: 'G1',
  clause: '第十二条(一)',
  text: '新建公共建筑应达到绿色建筑二星级及以上',
  indicator: 'green_building_star',
  op: '>=',
  value: 2,
  scope: 'building',
  appliesTo: { use: ['public'], minFloorArea: 20000 },
};

describe('leaf verdicts', () => {
  const cond: Condition = { id: 'R1', indicator: 'renewable_substitution', op: '>=', value: 10, scope: 'project' };

  it('passes and fails on the declared value, citing the cell', () => {
    const pass = evaluate(imported([v('renewable_substitution', 12.5, '指标!B9')]), doc(cond))[0];
    expect(pass).toMatchObject({ verdict: 'pass', declared: 12.5, source: '指标!B9', required: '>= 10', building: null });
    expect(pass.message).toContain('12.5%');
    const fail = evaluate(imported([v('renewable_substitution', 8, '指标!B9')]), doc(cond))[0];
    expect(fail.verdict).toBe('fail');
    expect(fail.message).toContain('低于');
  });

  it('missing when nothing is found, missing for placeholders, review for ambiguous values', () => {
    expect(evaluate(imported([]), doc(cond))[0].verdict).toBe('missing');
    const ph = evaluate(imported([v('renewable_substitution', null, '指标!B9', 'placeholder', '/')]), doc(cond))[0];
    expect(ph).toMatchObject({ verdict: 'missing', source: '指标!B9' });
    expect(ph.message).toContain('“/”');
    const amb = evaluate(imported([v('renewable_substitution', 0.12, '指标!B9', 'ambiguous', '0.12')]), doc(cond))[0];
    expect(amb.verdict).toBe('review');
  });

  it('review for values outside the plausible range', () => {
    const f = evaluate(imported([v('renewable_substitution', 612, '指标!B9')]), doc(cond))[0];
    expect(f.verdict).toBe('review');
  });

  it('booleans compare with ==', () => {
    const c: Condition = { id: 'X1', indicator: 'smart_construction', op: '==', value: true };
    expect(evaluate(imported([v('smart_construction', true, '指标!B20')]), doc(c))[0].verdict).toBe('pass');
    expect(evaluate(imported([v('smart_construction', false, '指标!B20')]), doc(c))[0].verdict).toBe('fail');
  });

  it('a recomputed ratio that contradicts the declared one: fail when the recomputation fails the threshold', () => {
    const c: Condition = { id: 'L1', indicator: 'green_ratio', op: '>=', value: 35 };
    const values = [v('green_ratio', 36, '指标!B7'), v('green_area', 3000, '指标!B8'), v('site_area', 10000, '指标!B2')];
    const f = evaluate(imported(values), doc(c))[0];
    expect(f.computed).toBeCloseTo(30, 6);
    expect(f.verdict).toBe('fail');
    expect(f.message).toContain('以复核值为准');
    // consistent data pass
    const ok = evaluate(imported([v('green_ratio', 36, '指标!B7'), v('green_area', 3600, '指标!B8'), v('site_area', 10000, '指标!B2')]), doc(c))[0];
    expect(ok.verdict).toBe('pass');
    // both pass but disagree: pass with a consistency remark, never a silent pass
    const both = evaluate(imported([v('green_ratio', 45, '指标!B7'), v('green_area', 3800, '指标!B8'), v('site_area', 10000, '指标!B2')]), doc(c))[0];
    expect(both).toMatchObject({ verdict: 'pass', basis: 'disagree-both-pass' });
    expect(both.remarks).toEqual(['一致性提示：申报值 45% 与复核值 38% 不一致，两者均满足要求']);
    // only the data: verdict from the recomputed value, source = an input cell
    const only = evaluate(imported([v('green_area', 3800, '指标!B8'), v('site_area', 10000, '指标!B2')]), doc(c))[0];
    expect(only).toMatchObject({ verdict: 'pass', declared: null });
    expect(only.source).toMatch(/^指标!B[28]$/);
  });
});

describe('building scope and appliesTo', () => {
  const bs = [
    building('A办公楼', 'public', 32000, [v('green_building_star', 2, '单体指标!G3')], 3),
    building('B商业', 'public', 18000, [v('green_building_star', 1, '单体指标!G4')], 4),
    building('C酒店', 'public', 24000, [v('green_building_star', 1, '单体指标!G5')], 5),
    building('1#住宅', 'residential', 25000, [], 6),
    building('D综合楼', null, 30000, [v('green_building_star', 2, '单体指标!G7')], 7),
    building('E研发楼', 'public', null, [], 8),
  ];
  const findings = evaluate(imported([], bs), doc(star2));

  it('one finding per building with its own verdict', () => {
    expect(findings.map((f) => [f.building, f.verdict])).toEqual([
      ['A办公楼', 'pass'],
      ['B商业', 'not_applicable'],
      ['C酒店', 'fail'],
      ['1#住宅', 'not_applicable'],
      ['D综合楼', 'review'],
      ['E研发楼', 'review'],
    ]);
    expect(findings[2].message).toBe('C酒店 绿色建筑星级为一星级，低于合同要求（不低于二星级）');
    expect(findings[2].source).toBe('单体指标!G5');
    expect(findings[4].message).toContain('无法识别');
    expect(findings[5].message).toContain('未给出建筑面积');
    expect(overallOf(findings)).toBe('fail');
  });

  it('falls back to the project value when a building has none, and says so', () => {
    const c: Condition = { id: 'G0', indicator: 'green_building_star', op: '>=', value: 1, scope: 'building' };
    const f = evaluate(imported([v('green_building_star', 2, '指标!B8')], [building('1#', 'residential', 10000, [], 3)]), doc(c));
    expect(f[0]).toMatchObject({ verdict: 'pass', source: '指标!B8', building: '1#' });
    expect(f[0].message).toContain('采用项目整体数值');
  });

  it('a sheet without buildings: a building-scope condition is evaluated on the project value', () => {
    const f = evaluate(imported([v('green_building_star', 2, '指标!B8')]), doc(star2));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ building: null, verdict: 'pass' });
    expect(f[0].message).toContain('按项目整体数值审查');
  });

  it('appliesTo.buildings restricts by name', () => {
    const c: Condition = { id: 'B1', indicator: 'green_building_star', op: '>=', value: 2, scope: 'building', appliesTo: { buildings: ['A办公楼'] } };
    const f = evaluate(imported([], bs.slice(0, 2)), doc(c));
    expect(f.map((x) => x.verdict)).toEqual(['pass', 'not_applicable']);
  });
});

describe('anyOf / allOf', () => {
  const a1: Condition = {
    id: 'A1',
    clause: '第十三条',
    text: '单体预制率不低于40%或单体装配率不低于60%',
    anyOf: [
      { indicator: 'prefab_ratio', op: '>=', value: 40 },
      { indicator: 'assembly_ratio', op: '>=', value: 60 },
    ],
    scope: 'building',
  };
  it('anyOf passes when one branch passes, fails when all fail, missing otherwise', () => {
    const bs = [
      building('1#', 'residential', 10000, [v('prefab_ratio', 35, 'S!E3'), v('assembly_ratio', 62, 'S!F3')], 3),
      building('2#', 'residential', 10000, [v('prefab_ratio', 35, 'S!E4'), v('assembly_ratio', 55, 'S!F4')], 4),
      building('3#', 'residential', 10000, [v('prefab_ratio', 35, 'S!E5')], 5),
    ];
    const f = evaluate(imported([], bs), doc(a1));
    expect(f.map((x) => x.verdict)).toEqual(['pass', 'fail', 'missing']);
    expect(f[0]).toMatchObject({ indicator: 'assembly_ratio', declared: 62, source: 'S!F3' });
    expect(f[0].branches).toHaveLength(2);
    expect(f[0].required).toContain('或');
    expect(f[1].message).toContain('均未满足');
  });

  it('allOf fails when any branch fails', () => {
    const c: Condition = {
      id: 'X2',
      allOf: [
        { indicator: 'smart_construction', op: '==', value: true },
        { indicator: 'green_space_open_share', op: '==', value: true },
      ],
    };
    const f = evaluate(imported([v('smart_construction', true, 'A!B1'), v('green_space_open_share', false, 'A!B2')]), doc(c))[0];
    expect(f).toMatchObject({ verdict: 'fail', indicator: 'green_space_open_share', source: 'A!B2' });
  });
});

describe('overall', () => {
  it('fail beats incomplete beats pass; not_applicable does not count', () => {
    const base = { conditionId: 'x', indicator: 'far', building: null, required: '', declared: null, computed: null, source: null, message: '' };
    expect(overallOf([{ ...base, verdict: 'pass' }, { ...base, verdict: 'not_applicable' }])).toBe('pass');
    expect(overallOf([{ ...base, verdict: 'pass' }, { ...base, verdict: 'missing' }])).toBe('incomplete');
    expect(overallOf([{ ...base, verdict: 'review' }, { ...base, verdict: 'fail' }])).toBe('fail');
  });
});
