// A project-scope 绿色建筑星级 requirement with a score table that gives each building its own
// scores (shared/check/buildingsBelow.ts): each building's Q and star are recomputed; a building
// below the requirement keeps the project from passing (fail on confirmed rules, else review).
// Two layouts: buildings as columns (评价指标类别 | 1#楼 | 2#楼) and buildings as rows (楼号 | 安全耐久 | …).
import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { importWorkbook } from '../../shared/import/index';
import { checkImported } from '../../shared/check/run';
import { validateConditions } from '../../shared/conditions/index';
import { rows, xlsx } from '../import/helpers';

const conditions = validateConditions(
  {
    format: 'landcheck.conditions/v1',
    contract: { city: '上海市', signedOn: '2025-03-01' },
    conditions: [{ id: 'G1', text: '应达到绿色建筑二星级及以上', indicator: 'green_building_star', op: '>=', value: 2 }],
  },
  'g.conditions.json',
);

const CATS = ['安全耐久', '健康舒适', '生活便利', '资源节约', '环境宜居'];
type Scores = [number, number, number, number, number, number]; // five categories + 加分

function general(ws: ExcelJS.Worksheet, star = '二星级'): void {
  rows(ws, [['申报星级', star], ['全装修', '是'], ['控制项评价结果', '全部满足']]);
}

function sideways(ws: ExcelJS.Worksheet, a: Scores, b: Scores): void {
  const total = (s: Scores) => (400 + s.reduce((x, y) => x + y, 0)) / 10;
  rows(ws, [
    ['绿色建筑自评估得分表'],
    ['评价指标类别', '1#楼', '2#楼'],
    ['控制项基础分值', 400, 400],
    ...CATS.map((c, i) => [c, a[i], b[i]]),
    ['提高与创新加分项', a[5], b[5]],
    ['总得分', total(a), total(b)],
  ]);
}

function byRows(ws: ExcelJS.Worksheet, a: Scores, b: Scores): void {
  rows(ws, [['楼号', '控制项基础分值', ...CATS, '提高与创新加分项'], ['1#楼', 400, ...a], ['2#楼', 400, ...b]]);
}

async function run(name: string, fill: (wb: ExcelJS.Workbook) => void) {
  const imported = await importWorkbook(await xlsx(name, fill));
  return checkImported(imported, conditions, 'g.conditions.json').result.findings[0];
}

const TWO: Scores = [70, 70, 70, 140, 70, 30]; // Q = 85
const ONE: Scores = [45, 45, 45, 90, 45, 5]; // Q = 67.5 < 70
const ALSO_TWO: Scores = [60, 60, 50, 110, 55, 10]; // Q = 74.5

describe('per-building score tables under a project-scope star requirement', () => {
  for (const [layout, table] of [['buildings as columns', sideways], ['buildings as rows', byRows]] as const) {
    it(`${layout}: a building whose own scores give 一星级 keeps the project from passing`, async () => {
      const f = await run(`stars-${layout.length}-fail.xlsx`, (wb) => {
        general(wb.addWorksheet('概况'));
        table(wb.addWorksheet('得分'), TWO, ONE);
      });
      expect(f.verdict).toBe('fail');
      expect(f.basis).toBe('building-below');
      expect(f.message).toContain('2#楼 按其自身得分复核');
    });

    it(`${layout}: every building reaching 二星级 keeps the pass`, async () => {
      const f = await run(`stars-${layout.length}-pass.xlsx`, (wb) => {
        general(wb.addWorksheet('概况'));
        table(wb.addWorksheet('得分'), TWO, ALSO_TWO);
      });
      expect(f.verdict).toBe('pass');
      expect(f.basis).not.toBe('building-below');
    });
  }

  it('a building that only states a lower star (no scores) is review, not a pass', async () => {
    const f = await run('stars-declared.xlsx', (wb) => {
      general(wb.addWorksheet('概况'));
      rows(wb.addWorksheet('单体'), [['楼号', '建筑功能', '绿色建筑星级'], ['1#楼', '住宅', '二星级'], ['2#楼', '住宅', '一星级']]);
    });
    expect(f).toMatchObject({ verdict: 'review', basis: 'building-below' });
  });
});

// A building's own score that cannot be read left its recomputation without a figure, and the
// project's declared 二星级 passed as if the building had stated nothing (2#楼 资源节约 “一百一十”;
// with 110 it is 69.5 → 一星级).
describe('a building whose own scores cannot all be read', () => {
  const withResource = (x: unknown) => [45, 45, 45, x, 45, 5] as unknown as Scores;
  for (const [layout, table] of [['buildings as columns', sideways], ['buildings as rows', byRows]] as const) {
    for (const x of ['一百一十', '#REF!', '待定']) {
      it(`${layout}: 2#楼 资源节约 “${x}” keeps the project from passing (review)`, async () => {
        const f = await run(`stars-unread-${layout.length}-${x.length}.xlsx`, (wb) => {
          general(wb.addWorksheet('概况'));
          table(wb.addWorksheet('得分'), TWO, withResource(x));
        });
        expect([f.verdict, f.basis]).toEqual(['review', 'building-below']);
        expect(f.message).toContain('2#楼');
      });
    }
    it(`${layout} twin: 2#楼 资源节约 110 → 69.5, 一星级: fail`, async () => {
      const f = await run(`stars-unread-${layout.length}-twin.xlsx`, (wb) => {
        general(wb.addWorksheet('概况'));
        table(wb.addWorksheet('得分'), TWO, withResource(110));
      });
      expect([f.verdict, f.basis]).toEqual(['fail', 'building-below']);
    });
  }
  it('a building of dashes only (not assessed, 控制项基础分值 too) adds nothing: the pass stays', async () => {
    const dash = ['—', '—', '—', '—', '—', '—'];
    const f = await run('stars-dash.xlsx', (wb) => {
      general(wb.addWorksheet('概况'));
      rows(wb.addWorksheet('得分'), [['楼号', '控制项基础分值', ...CATS, '提高与创新加分项'], ['1#楼', 400, ...TWO], ['地下车库', '—', ...dash]]);
    });
    expect(f.verdict).toBe('pass');
  });
});
