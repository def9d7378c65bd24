// Part columns beside a 合计 column (shared/import/partColumns.ts) on real workbooks in different
// layouts: the 合计 / 总计 / 全项目 column is the project's figure, the parts add up to it for areas,
// a 合计 they do not add up to is 需复核 naming the cells, and part ratios are never the project's.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/check/engine';
import { importWorkbook } from '../../shared/import/index';
import type { Condition, ConditionsDoc, Finding, ImportResult } from '../../shared/model/types';
import { rows, xlsx } from './helpers';

const FAR: Condition = { id: 'P1', text: '容积率不大于2.8', indicator: 'far', op: '<=', value: 2.8 };
const GR: Condition = { id: 'P2', text: '绿地率不低于30%', indicator: 'green_ratio', op: '>=', value: 30 };
const GFA: Condition = { id: 'P5', text: '总建筑面积不超过80000平方米', indicator: 'gross_floor_area', op: '<=', value: 80000 };

let n = 0;
async function load(fill: (wb: ExcelJS.Workbook) => void): Promise<ImportResult> {
  return importWorkbook(await xlsx(`parts-${n++}.xlsx`, fill));
}
async function check(fill: (wb: ExcelJS.Workbook) => void, conditions: Condition[]): Promise<Finding[]> {
  const doc: ConditionsDoc = { format: 'landcheck.conditions/v1', contract: { city: '南宁市', signedOn: '2025-03-01' }, conditions };
  return evaluate(await load(fill), doc);
}
const byId = (fs: Finding[], id: string) => fs.find((f) => f.conditionId === id)!;

/** Uses as columns, 合计 last, unit column at the end. */
function usesTotalLast(far: number, farArea: [number, number, number]) {
  return (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet('经济技术指标');
    rows(ws, [
      ['某项目 经济技术指标'],
      ['指标名称', '住宅', '商业', '合计', '单位'],
      ['规划用地面积', undefined, undefined, 25000, '㎡'],
      ['总建筑面积', 66000, 12000, 78000, '㎡'],
      ['计容建筑面积', ...farArea, '㎡'],
      ['容积率', 2.9, 1.2, far, undefined],
      ['绿地率', '28%', '40%', '31.5%', undefined],
    ]);
  };
}

/** Phases as columns, 总计 first, unit in the labels, two header rows (group over the phases). */
function phasesTotalFirst(gfa: [number, number, number]) {
  return (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet('分期指标');
    rows(ws, [
      ['项目', '总计', '分期', undefined],
      [undefined, undefined, '一期', '二期'],
      ['用地面积(㎡)', 30000, 14000, 16000],
      ['总建筑面积(㎡)', ...gfa],
      ['容积率', 2.5, 2.9, 2.15],
      ['绿地率(%)', 30.2, 29, 31.2],
    ]);
    ws.mergeCells('A1:A2');
    ws.mergeCells('B1:B2');
    ws.mergeCells('C1:D1');
  };
}

describe('a 合计 column beside part columns is the project figure', () => {
  it('uses as columns (住宅 | 商业 | 合计): project values from 合计, parts as its breakdown; 容积率 and 绿地率 pass', async () => {
    const fill = usesTotalLast(2.4, [52000, 8000, 60000]);
    const r = await load(fill);
    expect(r.project.far_area).toMatchObject({ value: 60000, source: '经济技术指标!D5', status: 'ok' });
    expect(r.project.far_area.breakdown?.map((b) => [b.label, b.value, b.source])).toEqual([['住宅', 52000, '经济技术指标!B5'], ['商业', 8000, '经济技术指标!C5']]);
    expect(r.project.far).toMatchObject({ value: 2.4, source: '经济技术指标!D6' });
    // a part's ratio is never the project's
    expect(r.project.green_ratio).toMatchObject({ value: 31.5, source: '经济技术指标!D7' });
    expect(r.unread ?? []).toEqual([]);
    const fs = evaluate(r, { format: 'landcheck.conditions/v1', contract: { city: '南宁市' }, conditions: [FAR, GR, GFA] });
    expect(byId(fs, 'P1')).toMatchObject({ verdict: 'pass' });
    expect(byId(fs, 'P2')).toMatchObject({ verdict: 'pass' });
    expect(byId(fs, 'P5')).toMatchObject({ verdict: 'pass' });
  });

  it('phases as columns under a group header (总计 | 一期 | 二期): 总计 is the project, 一期 alone failing does not matter', async () => {
    const fs = await check(phasesTotalFirst([75000, 40600, 34400]), [FAR, GR, GFA]);
    expect(byId(fs, 'P1')).toMatchObject({ verdict: 'pass', source: '分期指标!B5' });
    expect(byId(fs, 'P2')).toMatchObject({ verdict: 'pass', source: '分期指标!B6' });
    expect(byId(fs, 'P5')).toMatchObject({ verdict: 'pass', source: '分期指标!B4' });
  });

  it('设计指标 merged over 地上 | 地下 | 合计 beside 规划指标: the 合计 is the project (97500 > 95000 fails); a 合计 the parts miss is review', async () => {
    const sheet = (total: number) => (wb: ExcelJS.Workbook) => {
      const ws = wb.addWorksheet('指标');
      rows(ws, [['技术经济指标'], ['项目', '规划指标', '设计指标', '设计指标', '设计指标'], ['项目', '规划指标', '地上', '地下', '合计'], ['建筑面积(㎡)', '≤95000', 78000, 19500, total], ['容积率', '≤2.0', 1.95]]);
      for (const m of ['C2:E2', 'A2:A3', 'B2:B3']) ws.mergeCells(m);
    };
    const G: Condition = { id: 'P5', indicator: 'gross_floor_area', op: '<=', value: 95000 };
    expect(byId(await check(sheet(97500), [G]), 'P5')).toMatchObject({ verdict: 'fail', declared: 97500 });
    expect(byId(await check(sheet(93500), [G]), 'P5')).toMatchObject({ verdict: 'review', basis: 'parts-dont-add' });
  });

  it('negative twin: a 合计 its part columns do not add up to is 需复核 naming the cells', async () => {
    // 计容 52000 + 9500 = 61500 ≠ 60000
    const fs = await check(usesTotalLast(2.4, [52000, 9500, 60000]), [FAR]);
    const f = byId(fs, 'P1');
    expect(f).toMatchObject({ verdict: 'review', basis: 'parts-dont-add' });
    expect(f.message).toContain('经济技术指标!D5');
    expect(f.message).toMatch(/经济技术指标!B5.*经济技术指标!C5/);
    expect(f.message).toContain('61500');
    // the same in the phase layout, for the total checked directly
    const g = byId(await check(phasesTotalFirst([75000, 40600, 36400]), [GFA]), 'P5');
    expect(g).toMatchObject({ verdict: 'review', basis: 'parts-dont-add' });
    expect(g.message).toMatch(/分期指标!C4.*分期指标!D4/);
  });

  it('negative twin: a 合计 ratio that fails is 不符合 whatever the parts say', async () => {
    const fs = await check(usesTotalLast(2.85, [62000, 9250, 71250]), [FAR]);
    expect(byId(fs, 'P1').verdict).toBe('fail');
  });

  it('a row that leaves the 合计 empty is read as before: differing parts are never a pass', async () => {
    const fs = await check((wb) => {
      rows(wb.addWorksheet('指标'), [
        ['项目', 'A区', 'B区', '合计'],
        ['用地面积(㎡)', 12000, 13000, 25000],
        ['绿地率', '29%', '33%', undefined],
      ]);
    }, [GR]);
    expect(byId(fs, 'P2').verdict).not.toBe('pass');
  });

  it('parcel columns beside a 合计 (A地块 | B地块 | 合计): the contract’s parcel chooses its column; without one, review', async () => {
    const r = await load((wb) => {
      rows(wb.addWorksheet('指标'), [
        ['项目', 'A地块', 'B地块', '合计'],
        ['用地面积(㎡)', 10000, 12000, 22000],
        ['计容建筑面积(㎡)', 25000, 36000, 61000],
        ['容积率', 2.5, 3.0, 2.77],
      ]);
    });
    const run = (parcel?: string) => byId(evaluate(r, { format: 'landcheck.conditions/v1', contract: { city: '济南市', ...(parcel ? { parcel } : {}) }, conditions: [FAR] }), 'P1');
    expect(run('A地块')).toMatchObject({ verdict: 'pass', source: '指标!B4' });
    expect(run('B地块')).toMatchObject({ verdict: 'fail', source: '指标!C4' });
    expect(run()).toMatchObject({ verdict: 'review', basis: 'parcel-unknown' });
  });

  it('negative twin: columns that name parcels in words a parcel reader does not take as names (…〔2024〕16号地块) are never parts of a 合计', async () => {
    const r = await load((wb) => {
      rows(wb.addWorksheet('分地块指标'), [
        ['指标', '单位', '某政出〔2024〕15号地块', '某政出〔2024〕16号地块', '合计'],
        ['用地面积', '㎡', 20000, 30000, 50000],
        ['计容建筑面积', '㎡', 50000, 90000, 140000],
        ['容积率', undefined, 2.5, 3.0, 2.8],
      ]);
    });
    // the contract's parcel (16号) fails ≤2.8; the 合计 2.8 would pass
    const f = byId(evaluate(r, { format: 'landcheck.conditions/v1', contract: { city: '郑州市', parcel: '某政出〔2024〕16号地块' }, conditions: [FAR] }), 'P1');
    expect(f.verdict).not.toBe('pass');
  });
});
