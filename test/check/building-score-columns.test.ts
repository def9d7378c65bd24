// A table with one row per building and the GB/T 51129 scores Q1–Q4 as columns under a second header
// row “分值”: with no 得分 column of the item, the 分值 is each building's score (column-roles.json
// resultInScoreColumn), so P = (Q1+Q2+Q3)/(100−Q4) (GB/T 51129-2017 §4.0.1) checks the declared 装配率.
// Real workbooks in two layouts, with twins.
import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { importWorkbook } from '../../shared/import/index';
import { evaluate } from '../../shared/check/engine';
import type { Finding } from '../../shared/model/types';
import { rows, xlsx } from '../import/helpers';

let n = 0;
async function check(fill: (wb: ExcelJS.Workbook) => void): Promise<Finding[]> {
  const r = await importWorkbook(await xlsx(`building-scores-${n++}.xlsx`, fill));
  return evaluate(r, { format: 'landcheck.conditions/v1', contract: { city: '嘉兴市' }, conditions: [{ id: 'A1', indicator: 'assembly_ratio', op: '>=', value: 50, scope: 'building' }] });
}

const twoRows = (q1: number, sub = '分值') => (wb: ExcelJS.Workbook) =>
  rows(wb.addWorksheet('装配率计算'), [
    ['装配率计算表'],
    ['楼栋', '主体结构Q1', '围护墙和内隔墙Q2', '装修和设备管线Q3', '缺少评价项Q4', '装配率P(%)'],
    [undefined, sub, sub, sub, sub, undefined],
    ['1#', q1, 10, 15, 0, 62],
    ['2#', 25, 15, 18, 0, 58],
  ]);

describe('building rows under “Q1 … | 分值”', () => {
  it('1#: (20 + 10 + 15) / 100 = 45 % does not bear out the 62 % declared → review; 2#: 58 % → pass', async () => {
    const f = await check(twoRows(20));
    expect(f.map((x) => [x.building, x.verdict])).toEqual([
      ['1#', 'review'],
      ['2#', 'pass'],
    ]);
    expect(f[0].computed).toBe(45);
  });

  it('twin: 1# with Q1 37 gives 62 % and passes; under “得分” the same figures read the same way', async () => {
    expect((await check(twoRows(37))).map((x) => x.verdict)).toEqual(['pass', 'pass']);
    expect((await check(twoRows(20, '得分')))[0]).toMatchObject({ verdict: 'review', computed: 45 });
  });
});
