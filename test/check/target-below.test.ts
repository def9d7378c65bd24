// A star level the workbook requires of a building itself (星级要求 “一星级” in its 规划条件 table)
// below the level it declares (二星级) and below the contract's: the project's own documents point two ways,
// `review` (basis target-below), never a pass. A level written as a bound (一星级及以上) or equal
// to the declared one says nothing against it; a 目标星级 of a 绿建专篇 is the design's own declared
// level, so a different one is a conflict. Real workbooks in two layouts.
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
  it('two sheets: 单体概况 二星级 and 规划条件 星级要求 一星级 for 2#楼 → review; “一星级及以上” or 二星级 → pass; 绿建专篇 目标星级 一星级 → conflict', async () => {
    const book = (target: string) => (wb: ExcelJS.Workbook) => {
      rows(wb.addWorksheet('单体概况'), [['楼号', '功能', '星级'], ['1#楼', '办公', '二星级'], ['2#楼', '办公', '二星级']]);
      rows(wb.addWorksheet('规划条件'), [['绿色建筑要求'], ['楼号', '星级要求', '备注'], ['1#楼', '二星级'], ['2#楼', target, '']]);
    };
    expect(verdicts(await check(book('一星级')))).toEqual(['1#楼 pass', '2#楼 review target-below']);
    expect(verdicts(await check(book('一星级及以上')))).toEqual(['1#楼 pass', '2#楼 pass']);
    expect(verdicts(await check(book('二星级')))).toEqual(['1#楼 pass', '2#楼 pass']);
    const goal = await check((wb) => {
      rows(wb.addWorksheet('单体概况'), [['楼号', '功能', '星级'], ['1#楼', '办公', '二星级'], ['2#楼', '办公', '二星级']]);
      rows(wb.addWorksheet('绿建专篇'), [['绿色建筑目标'], ['楼号', '目标星级', '备注'], ['1#楼', '二星级'], ['2#楼', '一星级', '成本原因调整']]);
    });
    expect(goal.map((f) => `${f.building} ${f.verdict} ${f.basis}`)).toEqual(['1#楼 pass declared-pass', '2#楼 review conflict']);
  });

  it('one table with 星级要求 | 设计星级 columns: 2#楼 required 一星级 by its own table, designed 二星级 → review; alone, a requirement is no declared level', async () => {
    const table = [['楼号', '星级要求', '设计星级'], ['1#楼', '二星级', '二星级'], ['2#楼', '一星级', '二星级']];
    expect(verdicts(await check((wb) => rows(wb.addWorksheet('绿建'), table)))).toEqual(['1#楼 pass', '2#楼 review target-below']);
    const alone = await check((wb) => rows(wb.addWorksheet('绿建'), [['楼号', '星级要求'], ['1#楼', '二星级'], ['2#楼', '二星级']]));
    expect(alone.every((f) => f.verdict !== 'pass')).toBe(true);
  });
});
