// 单体预制率 by concrete volume (shared/calc/prefab.ts, shared/import/prefabTables.ts): the sheet's own
// volume table, read in two layouts (预制 | 现浇 | 小计 columns; one volume column with 预制/现浇 and
// 位置 columns), recomputed per building and weighed against the declared 单体预制率.
import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { importWorkbook } from '../../shared/import/index';
import { checkImported } from '../../shared/check/run';
import { validateConditions } from '../../shared/conditions/index';
import { rows, xlsx } from '../import/helpers';

const conditions = (signedOn = '2025-03-01') =>
  validateConditions(
    {
      format: 'landcheck.conditions/v1',
      contract: { parcel: '05-02地块', city: '上海市', signedOn },
      conditions: [
        {
          id: 'A1',
          text: '住宅建筑单体预制率不低于40%',
          indicator: 'prefab_ratio',
          op: '>=',
          value: 40,
          scope: 'building',
          method: '沪建建材〔2019〕765号《上海市装配式建筑单体预制率和装配率计算细则》',
        },
      ],
    },
    'prefab.conditions.json',
  );

type Row = [string, number, number, string?];

/** Layout A: 构件类别 | 预制混凝土体积（m³） | 现浇混凝土体积（m³） | 小计（m³）, title row and 单体名称. */
function layoutA(ws: ExcelJS.Worksheet, building: string, parts: Row[], total?: [number, number]): void {
  const lines: unknown[][] = [[`${building} 单体预制率计算表（混凝土体积法）`], ['单体名称', building], [], ['构件类别', '预制混凝土体积（m³）', '现浇混凝土体积（m³）', '小计（m³）']];
  for (const [n, p, c] of parts) lines.push([n, p, c, p + c]);
  const tp = total?.[0] ?? parts.reduce((s, x) => s + x[1], 0);
  const tc = total?.[1] ?? parts.reduce((s, x) => s + x[2], 0);
  lines.push(['合计', tp, tc, tp + tc]);
  rows(ws, lines);
}

/** Layout B: 序号 | 部位 | 构件名称 | 混凝土体积(m3) | 预制/现浇 | 备注; one row per (component, kind), start at C3. */
function layoutB(ws: ExcelJS.Worksheet, building: string, parts: Row[]): void {
  const lines: unknown[][] = [[undefined, undefined, `预制率计算（${building}）`], [], [undefined, undefined, '序号', '部位', '构件名称', '混凝土体积(m3)', '预制/现浇', '备注']];
  let i = 1;
  for (const [n, p, c, where] of parts) {
    lines.push([undefined, undefined, i++, where ?? '地上', n, p, '预制', '']);
    lines.push([undefined, undefined, i++, where ?? '地上', n, c, '现浇', '']);
  }
  rows(ws, lines);
}

function summary(ws: ExcelJS.Worksheet, list: Array<[string, number | string]>): void {
  rows(ws, [['楼号', '建筑功能', '单体预制率（%）'], ...list.map(([b, v]) => [b, '住宅', v])]);
}

async function run(name: string, fill: (wb: ExcelJS.Workbook) => void, signedOn?: string) {
  const path = await xlsx(name, fill);
  const imported = await importWorkbook(path);
  const findings = checkImported(imported, conditions(signedOn), 'prefab.conditions.json').result.findings;
  return { imported, findings, of: (b: string) => findings.find((f) => f.building === b)! };
}

const GOOD: Row[] = [
  ['竖向构件（剪力墙、柱）', 560, 1240],
  ['水平构件（叠合板、楼梯、阳台、空调板）', 630, 510],
  ['外围护墙', 212, 248],
]; // 1402 / 3400 = 41.24 %
const SHORT: Row[] = [
  ['竖向构件（剪力墙、柱）', 360, 1440],
  ['水平构件（叠合板、楼梯、阳台、空调板）', 630, 510],
  ['外围护墙', 200, 260],
]; // 1190 / 3400 = 35 %

describe('预制率 volume tables (混凝土体积法)', () => {
  for (const [layout, fill] of [['A', layoutA], ['B', layoutB]] as const) {
    it(`layout ${layout}: reads the rows per building; a table that supports the declared value passes, one that refutes it is review`, async () => {
      const r = await run(`prefab-${layout}.xlsx`, (wb) => {
        summary(wb.addWorksheet('单体指标'), [['1#楼', 42], ['2#楼', 41.2]]);
        fill(wb.addWorksheet('预制率计算表-1#楼'), '1#楼', SHORT);
        fill(wb.addWorksheet('预制率计算表-2#楼'), '2#楼', GOOD);
      });
      const b1 = r.imported.buildings.find((b) => b.name === '1#楼')!;
      expect(b1.prefabVolumes?.filter((x) => !x.isTotal).length).toBe(layout === 'A' ? 3 : 6);
      // 1#楼: 1190 / 3400 = 35 % refutes 42 %; the method is PARTIAL, so review (never pass)
      expect(r.of('1#楼')).toMatchObject({ verdict: 'review', basis: 'disagree-recomputed-fails-unconfirmed', computed: 35 });
      expect(r.of('1#楼').message).toContain('复核仅为35%');
      // 2#楼: 1402 / 3400 = 41.24 % agrees with 41.2 %
      expect(r.of('2#楼')).toMatchObject({ verdict: 'pass', basis: 'agree-pass', computed: 41.24 });
    });

    it(`layout ${layout}: rows below ±0.000 are left out of the ratio`, async () => {
      const parts: Row[] = [...GOOD.map((x) => [...x] as Row), ['地下室预制叠合板（±0.000以下）', 100, 0, '地下']];
      parts[0][1] = 460; // 1302 above grade / 3300 = 39.45 %; with the basement row 1402 / 3400 = 41.24 %
      parts[0][2] = 1240;
      const r = await run(`prefab-below-${layout}.xlsx`, (wb) => {
        summary(wb.addWorksheet('单体指标'), [['2#楼', 41.2]]);
        fill(wb.addWorksheet('预制率计算表-2#楼'), '2#楼', parts);
      });
      const f = r.of('2#楼');
      expect(f.verdict).toBe('review');
      expect(f.computed).toBe(39.45);
      expect(f.calculation?.steps.join('\n')).toContain('±0.000 以下的行不计入');
    });
  }

  it('the table’s own result row ("单体预制率 = 预制混凝土体积 / 混凝土总体积 | 41.2%", "预制率：35%") is no component row', async () => {
    for (const [i, label] of ['单体预制率 = 预制混凝土体积 / 混凝土总体积', '预制率：'].entries()) {
      const r = await run(`prefab-result-row-${i}.xlsx`, (wb) => {
        summary(wb.addWorksheet('单体指标'), [['2#楼', 41.2]]);
        const ws = wb.addWorksheet('预制率计算表-2#楼');
        layoutA(ws, '2#楼', GOOD);
        ws.addRow([label, undefined, undefined, '41.2%']);
      });
      expect(r.imported.unread ?? [], label).toEqual([]);
      expect(r.of('2#楼'), label).toMatchObject({ verdict: 'pass', basis: 'agree-pass', computed: 41.24 });
    }
  });

  it('under another city’s contract the Shanghai 细则 is named as a check of the sheet’s own volumes only, and still refutes (review)', async () => {
    const path = await xlsx('prefab-suzhou.xlsx', (wb) => {
      summary(wb.addWorksheet('单体指标'), [['1#楼', 42]]);
      layoutA(wb.addWorksheet('预制率计算表'), '1#楼', SHORT);
    });
    const doc = validateConditions({ format: 'landcheck.conditions/v1', contract: { city: '苏州市', signedOn: '2025-03-01' }, conditions: [{ id: 'A2', indicator: 'prefab_ratio', op: '>=', value: 40, scope: 'building' }] }, 'suzhou.conditions.json');
    const f = checkImported(await importWorkbook(path), doc, 'suzhou.conditions.json').result.findings[0];
    expect(f).toMatchObject({ verdict: 'review', computed: 35 });
    expect(f.calculation!.clause).toContain('合同所在地（苏州市）的预制率计算规定未核实，仅用于核对表中数据');
  });

  it('a 合计 row that is not the sum of its rows is a contradiction (review)', async () => {
    const r = await run('prefab-total.xlsx', (wb) => {
      summary(wb.addWorksheet('单体指标'), [['1#楼', 45]]);
      layoutA(wb.addWorksheet('预制率计算表-1#楼'), '1#楼', GOOD, [1602, 1998]);
    });
    expect(r.of('1#楼')).toMatchObject({ verdict: 'review', basis: 'contradiction' });
    expect(r.of('1#楼').message).toContain('预制混凝土体积合计 1602');
  });

  it('no declared value: the recomputation alone is never a pass (method PARTIAL)', async () => {
    const r = await run('prefab-only.xlsx', (wb) => {
      summary(wb.addWorksheet('单体指标'), [['2#楼', '/']]);
      layoutA(wb.addWorksheet('预制率计算表-2#楼'), '2#楼', GOOD);
    });
    expect(r.of('2#楼')).toMatchObject({ verdict: 'review', basis: 'recomputed-unconfirmed', computed: 41.24 });
  });

  it('a volume table with a cell it cannot read is an unread table (review), not a pass on the declared value', async () => {
    const r = await run('prefab-unread.xlsx', (wb) => {
      summary(wb.addWorksheet('单体指标'), [['1#楼', 42]]);
      const ws = wb.addWorksheet('预制率计算表-1#楼');
      layoutA(ws, '1#楼', GOOD);
      ws.getCell('B5').value = '见结构计算书';
    });
    expect(r.imported.unread?.some((u) => u.indicators.includes('prefab_ratio') && u.reason.includes('B5'))).toBe(true);
    expect(r.of('1#楼')).toMatchObject({ verdict: 'review', basis: 'unread-table' });
  });

});
