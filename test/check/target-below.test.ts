// A star level the workbook sets itself as the target of a building (目标星级 “一星级”) below the
// level it declares (二星级) and below the contract's: the project's own documents point two ways,
// `review` (basis target-below), never a pass. A target written as a bound (一星级及以上) or equal
// to the declared level says nothing against it. Real workbooks in two layouts.
import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { importWorkbook } from '../../shared/import/index';
import { evaluate } from '../../shared/check/engine';
import type { Condition, Finding } from '../../shared/model/types';
import { rows, xlsx } from '../import/helpers';

const G1: Condition = { id: 'G1', indicator: 'green_building_star', op: '>=', value: 2, scope: 'building' };

let n = 0;
async function check(fill: (wb: ExcelJS.Workbook) => void): Promise<Finding[]> {
  const r = await importWorkbook(await xlsx(`target-below-${n++}.xlsx`, fill));
  return evaluate(r, { format: 'landcheck.conditions/v1', contract: { city: '丹东市' }, conditions: [G1] });
}
const verdicts = (fs: Finding[]) => fs.map((f) => `${f.building} ${f.verdict}${f.basis === 'target-below' ? ' target-below' : ''}`);

describe('a target below the declared level', () => {
  it('two sheets: 单体概况 二星级 and 绿建专篇 目标星级 一星级 for 2#楼 → review; “一星级及以上” or 二星级 → pass', async () => {
    const book = (target: string) => (wb: ExcelJS.Workbook) => {
      rows(wb.addWorksheet('单体概况'), [['楼号', '功能', '星级'], ['1#楼', '办公', '二星级'], ['2#楼', '办公', '二星级']]);
      rows(wb.addWorksheet('绿建专篇'), [['绿色建筑目标'], ['楼号', '目标星级', '备注'], ['1#楼', '二星级'], ['2#楼', target, '成本原因调整']]);
    };
    expect(verdicts(await check(book('一星级')))).toEqual(['1#楼 pass', '2#楼 review target-below']);
    expect(verdicts(await check(book('一星级及以上')))).toEqual(['1#楼 pass', '2#楼 pass']);
    expect(verdicts(await check(book('二星级')))).toEqual(['1#楼 pass', '2#楼 pass']);
  });

  it('one table with 星级要求 | 设计星级 columns: 2#楼 required 一星级 by its own table, designed 二星级 → review; alone, a target is no declared level', async () => {
    const table = [['楼号', '星级要求', '设计星级'], ['1#楼', '二星级', '二星级'], ['2#楼', '一星级', '二星级']];
    expect(verdicts(await check((wb) => rows(wb.addWorksheet('绿建'), table)))).toEqual(['1#楼 pass', '2#楼 review target-below']);
    const alone = await check((wb) => rows(wb.addWorksheet('绿建'), [['楼号', '目标星级'], ['1#楼', '二星级'], ['2#楼', '二星级']]));
    expect(alone.every((f) => f.verdict !== 'pass')).toBe(true);
  });
});
