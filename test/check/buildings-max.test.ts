// A project-scope 建筑高度 limit with no project figure but each building's height (sideways and row
// building tables): the buildings answer it (shared/check/buildingsMax.ts). Real workbooks, with
// twins: a building over the limit fails; a building without its height keeps it open.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { evaluate } from '../../shared/check/engine';
import type { Finding } from '../../shared/model/types';
import { rows, xlsx } from '../import/helpers';

let n = 0;
async function check(data: unknown[][]): Promise<Finding> {
  const r = await importWorkbook(await xlsx(`buildings-max-${n++}.xlsx`, (wb) => rows(wb.addWorksheet('单体指标'), data)));
  return evaluate(r, { format: 'landcheck.conditions/v1', contract: { city: '大连市' }, conditions: [{ id: 'H1', indicator: 'building_height', op: '<=', value: 80 }] })[0];
}

const sideways = (h3: unknown) => [
  ['楼号', '1#', '2#', '3#'],
  ['使用功能', '住宅', '住宅', '住宅'],
  ['地上层数', 26, 26, 18],
  ['建筑高度（m）', 79.8, 79.8, h3],
];
const rowsLayout = (h3: unknown) => [
  ['楼号', '建筑功能', '层数', '建筑高度(m)', '建筑面积(㎡)'],
  ['1#楼', '住宅', 26, 79.8, 21450],
  ['2#楼', '住宅', 18, h3, 14880],
  ['地下车库', '车库', -1, undefined, 12000],
];

describe('建筑高度 ≤ 80 m with only the buildings’ heights', () => {
  it('every building within the limit: pass on the largest (sideways and rows, a garage without height aside)', async () => {
    for (const [layout, f] of [['sideways', await check(sideways(55.3))], ['rows', await check(rowsLayout(55.3))]] as const) {
      expect([f.verdict, f.basis, f.declared, f.source], layout).toEqual(['pass', 'buildings-max', 79.8, layout === 'sideways' ? '单体指标!B4' : '单体指标!D2']);
    }
  });

  it('twin: one building at 81.5 m fails, naming it', async () => {
    for (const f of [await check(sideways(81.5)), await check(rowsLayout(81.5))]) {
      expect([f.verdict, f.basis]).toEqual(['fail', 'buildings-max']);
      expect(f.message).toContain('81.5');
    }
  });

  it('twin: a building without a height, or with a range, keeps it open', async () => {
    for (const f of [await check(sideways('—')), await check(rowsLayout('54~56'))]) expect([f.verdict, f.basis]).toEqual(['review', 'buildings-max']);
  });
});
