// The engine evaluates every addition of docs/formats.md §6 (contract text) on hand-built imports.
import { describe, expect, it, vi } from 'vitest';
import type { CalcContext } from '../../shared/calc/index';
import type { Condition, ConditionsDoc, ImportedBuilding, ImportedValue, ImportResult, LeafRule } from '../../shared/model/types';

const seen: CalcContext[] = [];
vi.mock('../../shared/calc/index', async (orig) => {
  const real = await orig<typeof import('../../shared/calc/index')>();
  return {
    ...real,
    recompute: (id: string, ctx: CalcContext) => {
      seen.push(ctx);
      return real.recompute(id, ctx);
    },
  };
});

const { evaluate, overallOf } = await import('../../shared/check/engine');
const { parcelMatch } = await import('../../shared/check/projectGates');

function v(indicator: string, value: ImportedValue['value'], source: string): ImportedValue {
  return { indicator, value, raw: String(value), source, label: indicator, interpretation: '测试', status: 'ok' };
}

function bldg(name: string, floorArea: number | null, values: ImportedValue[], use: ImportedBuilding['use'] = 'residential'): ImportedBuilding {
  return { name, nameSource: `单体!A${name.length}`, use, useSource: `单体!B${name.length}`, floorArea, values: Object.fromEntries(values.map((x) => [x.indicator, x])) };
}

function imp(project: ImportedValue[], buildings: ImportedBuilding[] = [], extra: Partial<ImportResult> = {}): ImportResult {
  return {
    file: 't.xlsx',
    sha256: '0'.repeat(64),
    sheets: ['单体'],
    project: Object.fromEntries(project.map((x) => [x.indicator, x])),
    buildings,
    surfaces: [],
    issues: [],
    ...extra,
  };
}

function doc(conditions: Condition[], extra: Partial<ConditionsDoc> = {}): ConditionsDoc {
  return { format: 'landcheck.conditions/v1', conditions, ...extra };
}

const asm = (value: number): LeafRule => ({ indicator: 'assembly_ratio', op: '>=', value });
const verdicts = (fs: ReturnType<typeof evaluate>) => fs.map((f) => `${f.building ?? '项目'}:${f.verdict}`);

describe('appliesTo bounds on the building', () => {
  const buildings = [
    bldg('1#', 9000, [v('building_height', 120, '单体!C1'), v('floors', 36, '单体!D1'), v('assembly_ratio', 20, '单体!E1')]),
    bldg('2#', 9000, [v('building_height', 100, '单体!C2'), v('floors', 33, '单体!D2'), v('assembly_ratio', 20, '单体!E2')]),
    bldg('3#', 9000, [v('building_height', 60, '单体!C3'), v('floors', 18, '单体!D3'), v('assembly_ratio', 10, '单体!E3')]),
    bldg('4#', null, [v('assembly_ratio', 50, '单体!E4')]),
  ];

  it('高度100米以上（不含100米）: only taller buildings are checked; an unknown height is review', () => {
    const c: Condition = { id: 'A1', ...asm(15), scope: 'building', appliesTo: { use: ['residential'], height: { gt: 100 } } };
    const fs = evaluate(imp([], buildings), doc([c]));
    expect(verdicts(fs)).toEqual(['1#:pass', '2#:not_applicable', '3#:not_applicable', '4#:review']);
    expect(fs[1].message).toContain('100 m 以上（不含 100 m）');
    expect(fs[3].message).toContain('未给出建筑高度');
  });

  it('60米（含）以下 and floors / floor area bounds', () => {
    const low: Condition = { id: 'A2', ...asm(15), scope: 'building', appliesTo: { height: { lte: 60 } } };
    expect(verdicts(evaluate(imp([], buildings.slice(0, 3)), doc([low])))).toEqual(['1#:not_applicable', '2#:not_applicable', '3#:fail']);
    const floors: Condition = { id: 'A3', ...asm(15), scope: 'building', appliesTo: { floors: { gte: 33 } } };
    expect(verdicts(evaluate(imp([], buildings.slice(0, 3)), doc([floors])))).toEqual(['1#:pass', '2#:pass', '3#:not_applicable']);
    const area: Condition = { id: 'A4', ...asm(15), scope: 'building', appliesTo: { floorArea: { lt: 10000 } } };
    expect(verdicts(evaluate(imp([], buildings), doc([area])))).toEqual(['1#:pass', '2#:pass', '3#:fail', '4#:review']);
  });

  it('a sheet without per-building data cannot say which buildings a bound selects', () => {
    const c: Condition = { id: 'A1', ...asm(15), scope: 'building', appliesTo: { height: { gt: 100 } } };
    const fs = evaluate(imp([v('assembly_ratio', 50, '指标!B3')]), doc([c]));
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ verdict: 'review', building: null });
    expect(fs[0].message).toContain('不能判断哪些单体');
  });
});

describe('appliesTo.projectFloorArea', () => {
  const c: Condition = { id: 'A1', ...asm(50), scope: 'building', appliesTo: { projectFloorArea: { gte: 30000 } } };
  const bs = [bldg('1#', 20000, [v('assembly_ratio', 55, '单体!E1')])];
  it('applies from the bound on, is not applicable below, review when the total is not given', () => {
    expect(verdicts(evaluate(imp([v('gross_floor_area', 30000, '指标!B2')], bs), doc([c])))).toEqual(['1#:pass']);
    const below = evaluate(imp([v('gross_floor_area', 29999, '指标!B2')], bs), doc([c]));
    expect(verdicts(below)).toEqual(['项目:not_applicable']);
    expect(below[0].message).toContain('30000 m² 及以上');
    expect(verdicts(evaluate(imp([], bs), doc([c])))).toEqual(['项目:review']);
  });
});

describe('aggregate: 单体 / 平均 / 单体或平均', () => {
  const bs = [
    bldg('1#', 1000, [v('assembly_ratio', 30, '单体!E1'), v('prefab_ratio', 10, '单体!F1')]),
    bldg('2#', 3000, [v('assembly_ratio', 50, '单体!E2'), v('prefab_ratio', 50, '单体!F2')]),
    bldg('3#', 500, [v('assembly_ratio', 0, '单体!E3')], 'public'),
  ];
  const base: Condition = { id: 'A1', ...asm(40), scope: 'building', appliesTo: { use: ['residential'] } };

  it('each: one finding per building, as before', () => {
    expect(verdicts(evaluate(imp([], bs), doc([{ ...base, aggregate: 'each' }])))).toEqual(['1#:fail', '2#:pass', '3#:not_applicable']);
    expect(evaluate(imp([], bs), doc([{ ...base, aggregate: 'each' }]))).toEqual(evaluate(imp([], bs), doc([base])));
  });

  it('average: weighted by floor area over the applicable buildings (30×1000 + 50×3000) / 4000 = 45', () => {
    const [f, ...rest] = evaluate(imp([], bs), doc([{ ...base, aggregate: 'average' }]));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ verdict: 'pass', building: null, computed: 45 });
    expect(f.message).toContain('加权平均为 45%');
    expect(f.branches?.map((b) => b.declared)).toEqual([30, 50]);
    const strict = evaluate(imp([], bs), doc([{ ...base, value: 46, aggregate: 'average' }]))[0];
    expect(strict).toMatchObject({ verdict: 'fail', computed: 45 });
  });

  it('eachOrAverage: pass when every building passes, else when the average passes, else fail', () => {
    const orAvg = evaluate(imp([], bs), doc([{ ...base, aggregate: 'eachOrAverage' }]));
    expect(verdicts(orAvg)).toEqual(['项目:pass']);
    expect(orAvg[0].message).toContain('1# 未单独满足');
    const all = evaluate(imp([], bs), doc([{ ...base, value: 30, aggregate: 'eachOrAverage' }]))[0];
    expect(all.verdict).toBe('pass');
    expect(all.message).toContain('均满足');
    const none = evaluate(imp([], bs), doc([{ ...base, value: 46, aggregate: 'eachOrAverage' }]))[0];
    expect(none.verdict).toBe('fail');
    expect(overallOf([none])).toBe('fail');
  });

  it('never averages over a partial set: a missing value or floor area leaves it open', () => {
    const gap = [...bs.slice(0, 2), bldg('4#', 800, [])];
    expect(evaluate(imp([], gap), doc([{ ...base, aggregate: 'average' }]))[0].verdict).toBe('missing');
    const noArea = [bs[0], bldg('2#', null, [v('assembly_ratio', 50, '单体!E2')])];
    const f = evaluate(imp([], noArea), doc([{ ...base, aggregate: 'average' }]))[0];
    expect(f.verdict).toBe('review');
    expect(f.message).toContain('建筑面积');
  });

  it('compound rules average leaf by leaf: 预制率 (10×1000+50×3000)/4000 = 40 或 装配率 45', () => {
    const c: Condition = {
      id: 'A2',
      anyOf: [{ indicator: 'prefab_ratio', op: '>=', value: 41 }, { indicator: 'assembly_ratio', op: '>=', value: 46 }],
      scope: 'building',
      appliesTo: { use: ['residential'] },
      aggregate: 'average',
    };
    expect(evaluate(imp([], bs), doc([c]))[0].verdict).toBe('fail');
    const c2 = { ...c, anyOf: [{ indicator: 'prefab_ratio', op: '>=' as const, value: 40 }, { indicator: 'assembly_ratio', op: '>=' as const, value: 46 }] };
    expect(evaluate(imp([], bs), doc([c2]))[0].verdict).toBe('pass');
  });
});

describe('parcel (地块)', () => {
  const far = (parcel: string, value = 2.5): Condition => ({ id: `P${parcel}`, indicator: 'far', op: '<=', value, parcel });
  const project = [v('far', 2.4, '指标!B5')];

  it('matches the contract parcel, code by code', () => {
    expect(parcelMatch('08-03', 'SJC10018单元08-03地块')).toBe('same');
    expect(parcelMatch('8-3', 'SJC10018单元08-03地块')).toBe('same');
    expect(parcelMatch('5-3', '闵行区梅陇社区MHP0-0306单元5-3、6-3、5-5、6-5地块')).toBe('among');
    expect(parcelMatch('5-4', '闵行区梅陇社区MHP0-0306单元5-3、6-3、5-5、6-5地块')).toBe('other');
    expect(parcelMatch('G18', '溧水区G18地块')).toBe('same');
  });

  it('applies to its own parcel only; review when the contract names none or several', () => {
    const d = (parcel?: string) => doc([far('5-3'), far('6-3')], parcel ? { contract: { parcel } } : {});
    expect(verdicts(evaluate(imp(project), d('梅陇社区5-3地块')))).toEqual(['项目:pass', '项目:not_applicable']);
    expect(verdicts(evaluate(imp(project), d()))).toEqual(['项目:review', '项目:review']);
    const several = evaluate(imp(project), d('MHP0-0306单元5-3、6-3地块'));
    expect(verdicts(several)).toEqual(['项目:review', '项目:review']);
    expect(several[0].message).toContain('按地块分别填写');
  });

  it('a workbook with several parcels: each per-plot condition is checked on its parcel', () => {
    const parcels = [
      { name: '5-3地块', nameSource: '地块!A1', project: { far: v('far', 2.4, '地块!B2') }, buildings: [], surfaces: [] },
      { name: '6-3地块', nameSource: '地块!A10', project: { far: v('far', 2.7, '地块!B11') }, buildings: [], surfaces: [] },
    ];
    const fs = evaluate(imp([], [], { parcels }), doc([far('5-3'), far('6-3'), far('7-1')]));
    expect(fs.map((f) => [f.verdict, f.source])).toEqual([['pass', '地块!B2'], ['fail', '地块!B11'], ['review', '地块!A1']]);
    expect(fs[1].message).toMatch(/^地块 6-3地块：/);
  });
});

describe('inForce and project facts', () => {
  const c: Condition = { id: 'A1', ...asm(40), inForce: { from: '2025-09-01' } };
  const project = [v('assembly_ratio', 45, '指标!B7')];
  it('chosen by the contract signing date; review when the date is missing or unreadable', () => {
    expect(verdicts(evaluate(imp(project), doc([c], { contract: { signedOn: '2025-09-01' } })))).toEqual(['项目:pass']);
    const before = evaluate(imp(project), doc([c], { contract: { signedOn: '2025-08-31' } }));
    expect(verdicts(before)).toEqual(['项目:not_applicable']);
    expect(before[0].message).toContain('早于本条施行日期 2025-09-01');
    expect(verdicts(evaluate(imp(project), doc([c], { contract: { signedOn: '2025年9月2日' } })))).toEqual(['项目:pass']);
    expect(verdicts(evaluate(imp(project), doc([c])))).toEqual(['项目:review']);
    expect(verdicts(evaluate(imp(project), doc([c], { contract: { signedOn: '九月' } })))).toEqual(['项目:review']);
    const until: Condition = { ...c, inForce: { to: '2025-08-31' } };
    expect(verdicts(evaluate(imp(project), doc([until], { contract: { signedOn: '2025-09-01' } })))).toEqual(['项目:not_applicable']);
  });

  it('a condition needing a fact applies only when the fact is confirmed; unconfirmed is review, never pass', () => {
    const gov: Condition = { id: 'G1', indicator: 'green_building_star', op: '>=', value: 2, when: { government_investment: true } };
    const star = [v('green_building_star', 3, '指标!B9')];
    const unconfirmed = evaluate(imp(star), doc([gov]));
    expect(unconfirmed[0]).toMatchObject({ verdict: 'review', building: null });
    expect(unconfirmed[0].message).toContain('政府投资项目');
    expect(verdicts(evaluate(imp(star), doc([gov], { facts: { government_investment: true } })))).toEqual(['项目:pass']);
    expect(verdicts(evaluate(imp(star), doc([gov], { facts: { government_investment: false } })))).toEqual(['项目:not_applicable']);
    const nonGov: Condition = { ...gov, when: { government_investment: false } };
    expect(verdicts(evaluate(imp(star), doc([nonGov], { facts: { government_investment: false } })))).toEqual(['项目:pass']);
    expect(evaluate(imp(star), doc([nonGov]))[0].message).toContain('非政府投资项目');
  });

  it('not applicable wins over unknown (the date rules it out whatever the facts)', () => {
    const both: Condition = { ...c, when: { key_area: true } };
    expect(verdicts(evaluate(imp(project), doc([both], { contract: { signedOn: '2024-01-01' } })))).toEqual(['项目:not_applicable']);
  });
});

describe('companion values and readings to confirm', () => {
  it('the companion value reaches the calculator context of that condition only', () => {
    seen.length = 0;
    const runoff: Condition = { id: 'S1', indicator: 'runoff_capture', op: '>=', value: 75, companion: { design_rainfall: 22.2 } };
    const plain: Condition = { id: 'S2', indicator: 'runoff_capture', op: '>=', value: 70 };
    evaluate(imp([v('runoff_capture', 80, '指标!B4')]), doc([runoff, plain]));
    expect(seen.map((ctx) => ctx.companion)).toEqual([{ design_rainfall: 22.2 }, undefined]);
  });

  it('a pass awaiting confirmation is review; a fail stays a fail', () => {
    const c: Condition = { id: 'F1', indicator: 'far', op: '<=', value: 2.5, toConfirm: '合同表格只写了数值，按上限理解' };
    const pass = evaluate(imp([v('far', 2.4, '指标!B5')]), doc([c]))[0];
    expect(pass.verdict).toBe('review');
    expect(pass.message).toContain('按上限理解');
    expect(evaluate(imp([v('far', 2.6, '指标!B5')]), doc([c]))[0].verdict).toBe('fail');
  });
});
