// The 超低能耗 share reads the list of buildings itself: a list of buildings cut by a row whose name
// is empty (1# | (blank) | 3#) is reported unread, but the share did not count it as related and
// was recomputed over 1# alone (100 %), passing a declared 70 % that the full list (66.7 %) refutes.
// building_name is now an input of the share (unread-table). Twin: the full list.
import { describe, expect, it } from 'vitest';
import { firstFinding, oneCondition } from './helpers';
import { rows, xlsx } from '../import/helpers';

const doc = oneCondition({ id: 'U', indicator: 'ultra_low_energy_ratio', op: '>=', value: 70 });

let n = 0;
const check = async (fill: (wb: import('exceljs').Workbook) => void) => firstFinding(await xlsx(`unread-list-${n++}.xlsx`, fill), doc);


describe('a list of buildings cut short by a row without a name', () => {
  it('buildings as rows with one name empty: review (unread-table), not a share over 1# alone', async () => {
    const { f } = await check((wb) => rows(wb.addWorksheet('单体'), [['楼号', '建筑面积(㎡)', '是否超低能耗建筑'], ['1#', 9000, '是'], [undefined, 9000, '否'], ['3#', 9000, '是'], [], ['超低能耗建筑面积占比', '70%']]));
    expect([f.verdict, f.basis]).toEqual(['review', 'unread-table']);
  });

  it('twin: 2# named → 66.67 % refutes the declared 70 %', async () => {
    const { f } = await check((wb) => rows(wb.addWorksheet('单体'), [['楼号', '建筑面积(㎡)', '是否超低能耗建筑'], ['1#', 9000, '是'], ['2#', 9000, '否'], ['3#', 9000, '是'], [], ['超低能耗建筑面积占比', '70%']]));
    expect([f.verdict, f.computed]).toEqual(['review', 66.67]);
  });
});
