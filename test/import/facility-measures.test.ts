// Facility rows (设施 | 面积 | 深度) with measures written as text with their own unit ("15cm",
// "0.2m", "1500㎡"); a depth that cannot be read leaves the facility's storage unknown, never 0.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { rows, xlsx } from './helpers';

describe('facility measures written as text', () => {
  it('depths "15cm" / "20cm" under a header without unit: 1500×0.15 + 400×0.2', async () => {
    const path = await xlsx('fac-cm.xlsx', (wb) => {
      rows(wb.addWorksheet('海绵设施'), [
        ['海绵城市设施统计表'],
        ['设施类型', '面积(㎡)', '蓄水深度', '备注'],
        ['下凹式绿地', 1500, '15cm', undefined],
        ['雨水花园', 400, '20cm', undefined],
      ]);
    });
    const r = await importWorkbook(path);
    expect((r.facilities ?? []).map((f) => f.volume)).toEqual([225, 80]);
  });

  it('another layout: area as text in ㎡, depth in m as text, header 下凹深度(m)', async () => {
    const path = await xlsx('fac-m.xlsx', (wb) => {
      rows(wb.addWorksheet('LID'), [
        ['序号', '设施名称', '下凹深度(m)', '面积'],
        [1, '下沉式绿地', '0.1m', '2000㎡'],
        [2, '雨水花园', 0.25, 120],
      ]);
    });
    const r = await importWorkbook(path);
    expect((r.facilities ?? []).map((f) => f.volume)).toEqual([200, 30]);
  });

  it('negative twin: a depth that cannot be read leaves the storage unknown (null), not 0', async () => {
    const path = await xlsx('fac-bad.xlsx', (wb) => {
      rows(wb.addWorksheet('海绵设施'), [
        ['设施类型', '面积(㎡)', '蓄水深度'],
        ['下凹式绿地', 1500, '详见图纸'],
        ['雨水花园', 400, '20%'],
      ]);
    });
    const r = await importWorkbook(path);
    expect((r.facilities ?? []).map((f) => f.volume)).toEqual([null, null]);
    expect(r.issues.some((i) => i.message.includes('无法读取'))).toBe(true);
  });
});
