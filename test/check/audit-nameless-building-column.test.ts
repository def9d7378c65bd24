// A table of buildings as columns with a column whose header is empty (1#楼 | (blank) | 3#楼) took
// that column as 1#楼's second column and dropped its figures without a word: the 超低能耗 share
// was recomputed over 1#楼 and 3#楼 only (100 %) and a declared 70 % passed, while the blank column
// (9000 m², 否) makes it 66.7 %. The table is now reported unread (its figures belong to a building
// whose name is not there). A header-less column of words only is no building's. a row of
// buildings with one name cell empty is reported unread too (it already was: the table stops there).
import { describe, expect, it } from 'vitest';
import { firstFinding, oneCondition } from './helpers';
import { rows, xlsx } from '../import/helpers';

const doc = oneCondition({ id: 'U', indicator: 'ultra_low_energy_ratio', op: '>=', value: 70 });

let n = 0;
const check = async (fill: (wb: import('exceljs').Workbook) => void) => firstFinding(await xlsx(`nameless-${n++}.xlsx`, fill), doc);

const declared = (wb: import('exceljs').Workbook) => rows(wb.addWorksheet('指标'), [['项目', '设计值'], ['超低能耗建筑面积占比', '70%']]);

describe('a building column without its name', () => {
  it('buildings as columns, middle header empty: review (unread-table), not a share over the named two', async () => {
    const { f, imported } = await check((wb) => {
      rows(wb.addWorksheet('单体'), [['楼号', '1#楼', undefined, '3#楼'], ['建筑面积(㎡)', 9000, 9000, 9000], ['是否超低能耗建筑', '是', '否', '是']]);
      declared(wb);
    });
    expect([f.verdict, f.basis]).toEqual(['review', 'unread-table']);
    expect(imported.unread?.[0].reason).toContain('单体!C2');
  });

  it('twin: the middle column named 2#楼 → 66.67 % refutes the declared 70 %', async () => {
    const { f } = await check((wb) => {
      rows(wb.addWorksheet('单体'), [['楼号', '1#楼', '2#楼', '3#楼'], ['建筑面积(㎡)', 9000, 9000, 9000], ['是否超低能耗建筑', '是', '否', '是']]);
      declared(wb);
    });
    expect([f.verdict, f.computed]).toEqual(['review', 66.67]);
  });

  it('twin: a header-less column of words only (备注 “按规划”) carries no figure: nothing unread, 1#楼 and 3#楼 → pass', async () => {
    const { f, imported } = await check((wb) => {
      rows(wb.addWorksheet('单体'), [['楼号', '1#楼', undefined, '3#楼'], ['建筑面积(㎡)', 9000, '按规划', 9000], ['是否超低能耗建筑', '是', undefined, '是']]);
      declared(wb);
    });
    expect(imported.unread ?? []).toEqual([]);
    expect(f.verdict).toBe('pass');
  });

});
