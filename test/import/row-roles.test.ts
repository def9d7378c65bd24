// A row label merged over two rows whose sub-labels name what the row holds (预制率 over 控制指标 /
// 计算值; 绿地率 over 规划要求 / 设计值): the sub-label is the role of the row's value cells
// (shared/import/tableRows.ts rowLabel, listTable.ts rowRoleSlot), the way a column header gives a
// column its role. The requirement row is never the declared value. Real workbooks in two layouts
// (buildings as columns; a key/value list), each with a twin that must fail.
import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { importWorkbook } from '../../shared/import/index';
import { evaluate } from '../../shared/check/engine';
import type { Condition, ConditionsDoc } from '../../shared/model/types';
import { rows, xlsx } from './helpers';

const doc = (conditions: Condition[]): ConditionsDoc => ({ format: 'landcheck.conditions/v1', contract: { city: '南京市' }, conditions });

/** Buildings as columns; the row labels in A merged over their 控制指标 / 计算值 rows in B. */
const sideways = (bValue: number) =>
  xlsx(`row-roles-sideways-${bValue}.xlsx`, (wb) => {
    const ws = wb.addWorksheet('装配式指标');
    rows(ws, [
      ['楼号', undefined, '1#楼', '2#楼', '3#楼'],
      ['建筑功能', undefined, '住宅', '住宅', '配套'],
      ['预制率（%）', '控制指标', '≥40', '≥40', '≥40'],
      [undefined, '计算值', 42.3, bValue, 40.6],
      ['装配率（%）', '控制指标', '≥50', '≥50', '≥50'],
      [undefined, '计算值', 63, 61.5, 52],
    ]);
    merge(ws, ['A1:B1', 'A2:B2', 'A3:A4', 'A5:A6']);
  });

/** A key/value list: 指标 | 类别 | 数值, the label merged over its 规划要求 / 设计值 rows. */
const list = (design: string) =>
  xlsx(`row-roles-list-${design}.xlsx`, (wb) => {
    const ws = wb.addWorksheet('技术经济指标');
    rows(ws, [
      ['指标', '类别', '数值'],
      ['容积率', '规划要求', '≤2.5'],
      [undefined, '设计值', 2.45],
      ['绿地率', '规划要求', '≥35%'],
      [undefined, '设计值', design],
    ]);
    merge(ws, ['A2:A3', 'A4:A5']);
  });

function merge(ws: ExcelJS.Worksheet, ranges: string[]): void {
  for (const r of ranges) ws.mergeCells(r);
}

describe('row sub-labels that name a role', () => {
  it('sideways: each building reads its 计算值 row; the 控制指标 row is the requirement', async () => {
    const r = await importWorkbook(await sideways(41.2));
    const b = (n: string) => r.buildings.find((x) => x.name === n)!;
    expect(b('1#楼').values.prefab_ratio).toMatchObject({ value: 42.3, source: '装配式指标!C4' });
    expect(b('2#楼').values.prefab_ratio).toMatchObject({ value: 41.2, source: '装配式指标!D4' });
    expect(b('3#楼').values.assembly_ratio).toMatchObject({ value: 52, source: '装配式指标!E6' });
    expect(r.unread ?? []).toEqual([]);
    const f = evaluate(r, doc([{ id: 'A1', indicator: 'prefab_ratio', op: '>=', value: 40, scope: 'building' }]));
    expect(f.map((x) => [x.building, x.verdict])).toEqual([
      ['1#楼', 'pass'],
      ['2#楼', 'pass'],
      ['3#楼', 'pass'],
    ]);
  });

  it('sideways twin: 2#楼 36.5 % fails ≥40 (the ≥40 above it is not its value)', async () => {
    const r = await importWorkbook(await sideways(36.5));
    const f = evaluate(r, doc([{ id: 'A1', indicator: 'prefab_ratio', op: '>=', value: 40, scope: 'building' }]));
    expect(f.find((x) => x.building === '2#楼')?.verdict).toBe('fail');
  });

  it('list: the 设计值 rows are the declared values', async () => {
    const r = await importWorkbook(await list('36.2%'));
    expect(r.project.far).toMatchObject({ value: 2.45, source: '技术经济指标!C3' });
    expect(r.project.green_ratio).toMatchObject({ value: 36.2, source: '技术经济指标!C5' });
    const f = evaluate(r, doc([{ id: 'G', indicator: 'green_ratio', op: '>=', value: 35 }]));
    expect(f[0].verdict).toBe('pass');
  });

  it('list twin: 绿地率 设计值 33.8 % fails ≥35 %', async () => {
    const r = await importWorkbook(await list('33.8%'));
    const f = evaluate(r, doc([{ id: 'G', indicator: 'green_ratio', op: '>=', value: 35 }]));
    expect([f[0].verdict, f[0].source]).toEqual(['fail', '技术经济指标!C5']);
  });
});
