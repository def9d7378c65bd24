// Floors and height in one cell (docs/reading-sheets.md §5, shared/import/compoundCells.ts):
// "最高建筑层数/高度 | 地上27层/82.4米". Real workbooks built with exceljs in two layouts (a numbered
// list table, key/value pairs), and negative twins: a cell without a height, a cell without units.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { evaluate } from '../../shared/check/engine';
import type { Condition, ImportResult } from '../../shared/model/types';
import { rows, xlsx } from './helpers';

let n = 0;
async function read(data: unknown[][]): Promise<ImportResult> {
  return importWorkbook(await xlsx(`compound-${n++}.xlsx`, (wb) => rows(wb.addWorksheet('技术经济指标'), data)));
}
const H = (limit: number): Condition => ({ id: 'P3', indicator: 'building_height', op: '<=', value: limit, text: `建筑高度不大于${limit}米` });
const verdict = (i: ImportResult, c: Condition) => evaluate(i, { format: 'landcheck.conditions/v1', contract: { city: '太原市' }, conditions: [c] })[0];

/** Layout A: 序号 | 名称 | 设计指标. */
const tableA = (label: string, value: string) => [
  ['序号', '名称', '设计指标'],
  ['1', '用地面积', '15820㎡'],
  ['2', '容积率', '2.80'],
  ['3', label, value],
];
/** Layout B: key/value pairs, two per row. */
const pairsB = (label: string, value: string) => [
  ['项目名称', '某住宅项目', '建设单位', '某公司'],
  ['绿地率', '35%', label, value],
];

describe('floors and height in one cell', () => {
  it('layout A: 地上27层/82.4米 under 最高建筑层数/高度 gives both, each naming the cell and the part', async () => {
    const i = await read(tableA('最高建筑层数/高度', '地上27层/82.4米'));
    expect(i.project.building_height).toMatchObject({ value: 82.4, source: '技术经济指标!C4' });
    expect(i.project.floors).toMatchObject({ value: 27, source: '技术经济指标!C4' });
    expect(i.project.building_height.interpretation).toContain('“82.4米”是建筑高度');
    expect(verdict(i, H(80))).toMatchObject({ verdict: 'fail', declared: 82.4 });
    expect(verdict(i, H(100)).verdict).toBe('pass');
  });
  it('layout B: 27F/82.4m and 82.4m（27层） beside 建筑层数及高度 / 层数/高度', async () => {
    const a = await read(pairsB('建筑层数及高度', '27F/82.4m'));
    expect(a.project.building_height?.value).toBe(82.4);
    expect(a.project.floors?.value).toBe(27);
    const b = await read(pairsB('层数/高度', '82.4m（27层）'));
    expect(b.project.building_height?.value).toBe(82.4);
    expect(b.project.floors?.value).toBe(27);
    expect(verdict(b, H(80)).verdict).toBe('fail');
  });
  it('建筑高度 | 82.4m（27层）: the floors in brackets are another part, not a qualifying note', async () => {
    const i = await read(tableA('建筑高度', '82.4m（27层）'));
    expect(i.project.building_height).toMatchObject({ value: 82.4 });
    expect(i.project.building_height.remark).toBeUndefined();
    expect(verdict(i, H(100)).verdict).toBe('pass');
  });
  it('negative twin: 地上27层，地下2层 states no height: floors 27, the height is not found (never a pass)', async () => {
    const i = await read(tableA('最高建筑层数/高度', '地上27层，地下2层'));
    expect(i.project.floors?.value).toBe(27);
    expect(i.project.building_height).toBeUndefined();
    expect(verdict(i, H(100)).verdict).toBe('missing');
  });
  it('negative twin: 27/82.4 without units is not split (which is which is not written)', async () => {
    const i = await read(tableA('最高建筑层数/高度', '27/82.4'));
    expect(i.project.building_height).toBeUndefined();
    expect(verdict(i, H(100)).verdict).not.toBe('pass');
  });
});
