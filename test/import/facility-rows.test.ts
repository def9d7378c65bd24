// 调蓄设施 written as key/value rows (下凹绿地 | 220 | m³) under a 下垫面 table: each is a facility
// (facilityRows.ts), their sum is compared with the stated 设施合计, and where a 调蓄设施 table exists
// they are not read again (never counted twice). Real workbooks in two layouts.
import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import type { Condition } from '../../shared/model/types';
import { firstFinding, oneCondition } from '../check/helpers';
import { rows, xlsx } from './helpers';

const S1: Condition = { id: 'S1', indicator: 'runoff_capture', op: '>=', value: 75 };
const surfaces = [['下垫面', '面积(㎡)', '径流系数'], ['屋面', 7000, 0.85], ['道路', 8000, 0.85], ['绿地', 15000, 0.15], ['合计', 30000, 0.5], [], ['设计降雨量', 19.8, 'mm'], ['年径流总量控制率', '75%']];

const run = async (name: string, fill: (wb: ExcelJS.Workbook) => void) => firstFinding(await xlsx(name, fill), oneCondition(S1, '榆林市'));

describe('facilities as key/value rows', () => {
  it('下凹绿地 220 m³ + 蓄水模块 100 m³ = 设施合计 320 m³ ≥ V 297 m³: pass; a 设施合计 of 320 over 220 + 50: review', async () => {
    const ok = await run('fac-rows-1.xlsx', (wb) => rows(wb.addWorksheet('海绵'), [...surfaces, ['下凹绿地', 220, 'm³'], ['蓄水模块', 100, 'm³'], ['设施合计', 320, 'm³']]));
    expect(ok.imported.facilities?.map((f) => f.volume)).toEqual([220, 100]);
    expect(ok.f.verdict).toBe('pass');
    const off = await run('fac-rows-2.xlsx', (wb) => rows(wb.addWorksheet('海绵'), [...surfaces, ['下凹绿地', 220, 'm³'], ['蓄水模块', 50, 'm³'], ['设施合计', 320, 'm³']]));
    expect(off.f.verdict).not.toBe('pass');
  });

  it('volumes written with their unit (“雨水花园：180m³”, no 合计): 180 + 150 = 330 m³ ≥ 297 m³ passes; 100 + 150 does not', async () => {
    const book = (a: number) => (wb: ExcelJS.Workbook) => rows(wb.addWorksheet('海绵'), [...surfaces, [], ['雨水花园', `${a}m³`], ['雨水调蓄池', '150m³']]);
    expect((await run('fac-rows-3.xlsx', book(180))).f.verdict).toBe('pass');
    expect((await run('fac-rows-4.xlsx', book(100))).f.verdict).not.toBe('pass');
  });

  it('with a 调蓄设施 table in the workbook, the rows of a summary are not counted again', async () => {
    const r = await run('fac-rows-5.xlsx', (wb) => {
      rows(wb.addWorksheet('海绵'), [...surfaces, ['下凹绿地', 220, 'm³'], ['蓄水模块', 100, 'm³']]);
      rows(wb.addWorksheet('设施'), [['设施名称', '有效调蓄容积(m³)'], ['下凹绿地', 220], ['蓄水模块', 100], ['合计', 320]]);
    });
    expect(r.imported.facilities?.map((f) => f.volume)).toEqual([220, 100]);
  });
});
