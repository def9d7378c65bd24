// 交付标准 / 装修标准 / 装修情况 state the 全装修 fact in words (indicators.json full_fitout
// `valueWords`): 精装修 / 全装修 / 装配化装修 are yes, 毛坯 / 清水 / 简装 no, anything else is
// undetermined. Real workbooks in three layouts, with the twins that must not pass.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/check/engine';
import { importWorkbook } from '../../shared/import/index';
import type { Condition, ConditionsDoc, Finding } from '../../shared/model/types';
import { rows, xlsx } from './helpers';

const FIT: Condition = { id: 'F1', text: '住宅应全装修交付', indicator: 'full_fitout', op: '==', value: true };
const FIT_B: Condition = { ...FIT, scope: 'building', appliesTo: { use: ['residential'] } };

let n = 0;
async function check(fill: (wb: ExcelJS.Workbook) => void, conditions: Condition[]): Promise<Finding[]> {
  const doc: ConditionsDoc = { format: 'landcheck.conditions/v1', contract: { city: '昆明市', signedOn: '2025-03-01' }, conditions };
  return evaluate(await importWorkbook(await xlsx(`fit-${n++}.xlsx`, fill)), doc);
}

/** Project summary: 项目 | 内容 rows. */
const summary = (label: string, text: string) => (wb: ExcelJS.Workbook) => {
  rows(wb.addWorksheet('项目概况'), [['项目概况'], ['项目', '内容'], ['建设地点', '昆明市呈贡区'], ['容积率', 2.0], [label, text]]);
};

/** One row per building: 楼栋 | 建筑功能 | 建筑面积 | <label>. */
const perBuilding = (label: string, a: string, b: string) => (wb: ExcelJS.Workbook) => {
  rows(wb.addWorksheet('单体'), [['楼栋', '建筑功能', '建筑面积(㎡)', label], ['1栋', '住宅', 15600, a], ['2栋', '住宅', 14200, b]]);
};

/** Buildings as columns: 指标 | 1#楼 | 2#楼. */
const sideways = (a: string, b: string) => (wb: ExcelJS.Workbook) => {
  rows(wb.addWorksheet('单体指标'), [['指标', '1#楼', '2#楼'], ['建筑功能', '住宅', '住宅'], ['建筑面积(㎡)', 12000, 11000], ['装修情况', a, b]]);
};

describe('全装修 stated as 交付标准 / 装修标准 / 装修情况', () => {
  it('project summary: 交付标准 全装修 and 装修标准 精装修 pass', async () => {
    expect((await check(summary('交付标准', '全装修'), [FIT]))[0]).toMatchObject({ verdict: 'pass', source: '项目概况!B5' });
    expect((await check(summary('装修标准', '精装修'), [FIT]))[0]).toMatchObject({ verdict: 'pass', source: '项目概况!B5' });
  });

  it('negative twins: 毛坯 and 清水房 fail, a mixed text is never a pass', async () => {
    expect((await check(summary('交付标准', '毛坯'), [FIT]))[0].verdict).toBe('fail');
    expect((await check(summary('装修标准', '清水房'), [FIT]))[0].verdict).toBe('fail');
    const mixed = (await check(summary('交付标准', '公共部位精装修，套内毛坯'), [FIT]))[0];
    expect(mixed.verdict).not.toBe('pass');
    expect(mixed.verdict).not.toBe('missing');
  });

  it('per building rows: 装配化装修 passes, 毛坯 fails (never 缺项)', async () => {
    const fs = await check(perBuilding('交付标准', '装配化装修', '毛坯'), [FIT_B]);
    expect(fs.find((f) => f.building === '1栋')).toMatchObject({ verdict: 'pass', source: '单体!D2' });
    expect(fs.find((f) => f.building === '2栋')).toMatchObject({ verdict: 'fail', source: '单体!D3' });
  });

  it('buildings as columns: 精装修 passes, 简装 fails; an unknown word is undetermined', async () => {
    const fs = await check(sideways('精装修', '简装'), [FIT_B]);
    expect(fs.find((f) => f.building === '1#楼')).toMatchObject({ verdict: 'pass', source: '单体指标!B4' });
    expect(fs.find((f) => f.building === '2#楼')).toMatchObject({ verdict: 'fail', source: '单体指标!C4' });
    const odd = await check(sideways('精装修', '按合同约定'), [FIT_B]);
    expect(odd.find((f) => f.building === '2#楼')?.verdict).not.toBe('pass');
  });
});
