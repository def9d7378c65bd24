// Figures in 设计说明 sentences (shared/import/prose.ts, shared/data/prose-figures.json): a clause
// that is exactly an indicator's name and one figure with its unit is a declared value; a sentence
// that restates a requirement, a change, a part or an approximation gives nothing; a table value
// that differs from a prose value is a conflict, never a pass. Real xlsx built with exceljs in two
// layouts, each with negative twins.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { sentenceFigures } from '../../shared/import/prose';
import { evaluate } from '../../shared/check/engine';
import type { Condition, ConditionsDoc, Finding, ImportResult } from '../../shared/model/types';
import { rows, xlsx } from './helpers';

const P1: Condition = { id: 'P1', indicator: 'far', op: '<=', value: 2.5 };
const P2: Condition = { id: 'P2', indicator: 'green_ratio', op: '>=', value: 35 };
const P4: Condition = { id: 'P4', indicator: 'building_density', op: '<=', value: 30 };
const contract = { parcel: 'NO.2025G12地块', city: '南京市', signedOn: '2025-03-20' };

let n = 0;
async function load(sheets: Array<{ name: string; data: unknown[][] }>): Promise<ImportResult> {
  const path = await xlsx(`prose-${n++}.xlsx`, (wb) => {
    for (const s of sheets) rows(wb.addWorksheet(s.name), s.data);
  });
  return importWorkbook(path);
}
function check(r: ImportResult, conditions: Condition[] = [P1, P2, P4]): Record<string, Finding> {
  const doc: ConditionsDoc = { format: 'landcheck.conditions/v1', contract, conditions };
  return Object.fromEntries(evaluate(r, doc).map((f) => [f.conditionId, f]));
}
const verdicts = (fs: Record<string, Finding>) => Object.fromEntries(Object.entries(fs).map(([k, f]) => [k, f.verdict]));

// layout 1: one cell of a 施工图设计说明 with the figures in one sentence, after a numbering
const description = (sentence: string) => [
  { name: '设计说明', data: [['一、工程概况'], ['1.1 本工程位于南京市江宁区，为住宅及配套项目。'], [sentence], ['1.3 设计使用年限50年。']] },
];
// layout 2: 封面 first, then a 工程概况 with one sentence per cell in column B under a heading
const overview = (lines: string[]) => [
  { name: '封面', data: [['某住宅项目施工图设计'], ['设计单位：某建筑设计研究院']] },
  { name: '工程概况', data: [['', '二、工程概况'], ...lines.map((l) => ['', l])] },
];

describe('figures in 设计说明 sentences', () => {
  it('layout 1: the clauses of one sentence are read, each with its cell', async () => {
    const r = await load(description('1.2 本工程总用地面积42000平方米，计容建筑面积104160平方米，容积率2.48，绿地率36.5%，建筑密度27.8%。'));
    expect(r.project.site_area).toMatchObject({ value: 42000, source: '设计说明!A3', raw: '42000平方米' });
    expect(r.project.green_ratio).toMatchObject({ value: 36.5, source: '设计说明!A3', label: '绿地率' });
    expect(r.project.green_ratio.interpretation).toContain('设计说明文字');
    expect(verdicts(check(r))).toEqual({ P1: 'pass', P2: 'pass', P4: 'pass' });
  });

  it('layout 2: one indicator per sentence, with 为 and a judgement clause (满足规划要求)', async () => {
    const r = await load(overview(['本项目容积率为2.45。', '本项目绿地率为35.2%，满足规划要求。', '建筑密度为26.0%，符合规划条件。']));
    expect(r.project.far).toMatchObject({ value: 2.45, source: '工程概况!B2' });
    expect(r.project.green_ratio).toMatchObject({ value: 35.2, source: '工程概况!B3' });
    expect(verdicts(check(r))).toEqual({ P1: 'pass', P2: 'pass', P4: 'pass' });
  });

  it('a prose figure that fails is a fail', async () => {
    const r = await load(overview(['本项目绿地率为33.0%。']));
    expect(check(r, [P2]).P2.verdict).toBe('fail');
  });

  it('negative twin: a table value that differs from the sentence is a conflict, never a pass', async () => {
    for (const table of [36.5, 33.0]) {
      const r = await load([
        ...description('1.2 本工程容积率2.48，绿地率36.5%，建筑密度27.8%。'),
        { name: '技术经济指标', data: [['指标', '设计值'], ['容积率', 2.48], ['绿地率', table === 36.5 ? '34.0%' : '33.0%'], ['建筑密度', '27.8%']] },
      ]);
      const f = check(r).P2;
      expect(f.verdict).not.toBe('pass');
      expect(f.verdict === 'review' || f.verdict === 'fail').toBe(true);
      // the agreeing figures still pass
      expect(check(r).P1.verdict).toBe('pass');
    }
  });

  it('negative twin, layout 2: the sentence says 35.2% and the table on the next sheet 34.0%', async () => {
    const r = await load([
      ...overview(['本项目绿地率为35.2%，满足规划要求。']),
      { name: '指标表', data: [['项目', '单位', '数值'], ['绿地率', '%', 34.0]] },
    ]);
    expect(check(r, [P2]).P2.verdict).not.toBe('pass');
  });

  it('sentences that restate requirements, changes, parts or approximations give nothing', async () => {
    const lines = [
      '根据规划条件，本地块容积率2.5，绿地率35%，建筑密度30%。',
      '容积率不大于2.5，绿地率不低于35%。',
      '绿地率由36.5%调整为34.8%。',
      '其中一期绿地率36%，二期绿地率34%。',
      '绿地率约36%，建筑密度28%左右。',
      '2#楼建筑密度26%。',
      '绿地率36.5%（含屋顶绿化）。',
      '绿地率拟按36%设计。',
      '容积率2.48及绿地率36.5%。',
    ];
    for (const l of lines) expect(sentenceFigures(l.replace(/。$/, '')), l).toEqual([]);
    const r = await load(overview(lines));
    expect(r.project.green_ratio).toBeUndefined();
    expect(r.project.far).toBeUndefined();
    expect(r.project.building_density).toBeUndefined();
    expect(verdicts(check(r))).toEqual({ P1: 'missing', P2: 'missing', P4: 'missing' });
  });

  it('a figure without its unit, or with the wrong one, is not read', () => {
    expect(sentenceFigures('绿地率36.5')).toEqual([]);
    expect(sentenceFigures('建筑密度27.8')).toEqual([]);
    expect(sentenceFigures('容积率2.48%')).toEqual([]);
    expect(sentenceFigures('总用地面积42000')).toEqual([]);
    expect(sentenceFigures('总用地面积4.2公顷')).toMatchObject([{ id: 'site_area', figure: '4.2公顷' }]);
  });

  it('a sentence on a sheet of the planning conditions is not the design', async () => {
    const r = await load([{ name: '规划设计条件', data: [['本地块容积率2.5，绿地率35%。']] }]);
    expect(r.project.green_ratio).toBeUndefined();
  });

  it('negative twin: a table cell with an error value or a placeholder is not filled by the sentence', async () => {
    const r = await load([
      { name: '技术经济指标', data: [['指标', '设计值'], ['绿地率', { error: '#REF!' }]] },
      ...overview(['本项目绿地率为36.5%。']),
    ]);
    expect(r.project.green_ratio).toMatchObject({ status: 'invalid', source: '技术经济指标!B2' });
    expect(r.project.green_ratio.conflicts?.[0]).toMatchObject({ value: 36.5, source: '工程概况!B2' });
    expect(check(r, [P2]).P2.verdict).toBe('review');
    // nor a placeholder
    const r2 = await load([{ name: '技术经济指标', data: [['指标', '设计值'], ['绿地率', '待定']] }, ...overview(['本项目绿地率为36.5%。'])]);
    expect(check(r2, [P2]).P2.verdict).not.toBe('pass');
  });
});

describe('a sentence repeating a doubtful table figure', () => {
  it('绿地率 0.36 (fraction or per cent?) stays ambiguous when 设计说明 says 36 %: the sentence does not make it certain', async () => {
    const path = await xlsx('prose-repeats-ambiguous.xlsx', (wb) => {
      rows(wb.addWorksheet('指标'), [['项目', '数值'], ['绿地率', 0.36], ['容积率', 2.45]]);
      rows(wb.addWorksheet('设计说明'), [['本项目绿地率为36%，满足规划要求。']]);
    });
    const r = await importWorkbook(path);
    expect(r.project.green_ratio).toMatchObject({ status: 'ambiguous', source: '指标!B2' });
    expect(evaluate(r, { format: 'landcheck.conditions/v1', contract, conditions: [P2] })[0]).toMatchObject({ verdict: 'review' });
  });
});
