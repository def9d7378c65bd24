// The small formula evaluator (shared/import/formulas.ts) on real xlsx: what it reads, what it
// refuses (no judgement), and the cached results it finds stale.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildGrid, type Grid } from '../../shared/import/grid';
import { CellIndex, evaluateFormula, staleFormulaOf } from '../../shared/import/formulas';
import { importWorkbook } from '../../shared/import/index';
import { rows, xlsx } from './helpers';

/** Writes a workbook, reads it back with exceljs and builds the grids (as the importer does). */
async function grids(fill: (wb: ExcelJS.Workbook) => void): Promise<Grid[]> {
  const path = await xlsx(`f-${Math.random().toString(36).slice(2)}.xlsx`, fill);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((ws) => buildGrid(ws));
}

/** Evaluates the formula of 算!B1 over a sheet whose A1..A4 hold 10, 20, '文字', empty, and 底稿!A1 = 5. */
async function evalOf(formula: string, result: number = 0): Promise<number | null> {
  const g = await grids((wb) => {
    const ws = wb.addWorksheet('算');
    rows(ws, [[10], [20], ['文字']]);
    ws.getCell('B1').value = { formula, result } as ExcelJS.CellValue;
    ws.getCell('C1').value = { formula: 'A1*2', result: 999 } as ExcelJS.CellValue;
    rows(wb.addWorksheet('底 稿'), [[5]]);
  });
  return evaluateFormula(new CellIndex(g), '算', g[0].rows[1]![2]!);
}

describe('formula evaluator', () => {
  it('reads + − × ÷, parentheses, %, unary signs and precedence', async () => {
    expect(await evalOf('A2/A1')).toBe(2);
    expect(await evalOf('A1+A2*3')).toBe(70);
    expect(await evalOf('(A1+A2)*3')).toBe(90);
    expect(await evalOf('-A1+A2/4')).toBe(-5);
    expect(await evalOf('A2/A1*100')).toBe(200);
    expect(await evalOf('$A$1*50%')).toBe(5);
    expect(await evalOf('A4+1')).toBe(1); // an empty cell is 0
  });

  it('reads SUM over ranges and cells (text ignored), other sheets and referenced formulas (recomputed, not cached)', async () => {
    expect(await evalOf('SUM(A1:A4)')).toBe(30);
    expect(await evalOf('sum(A1,A2,7)')).toBe(37);
    expect(await evalOf("'底 稿'!A1*A1")).toBe(50);
    expect(await evalOf('C1+1')).toBe(21); // C1 = A1*2 = 20, not its cached 999
  });

  it('gives no judgement on what it does not read', async () => {
    for (const f of ['ROUND(A2/A1,2)', 'A1^2', 'A3*2', 'A1/0', 'A1:A2', 'IF(A1>1,1,0)', 'A1&A2', 'NoSheet!A1', 'A1+', '((A1)', `${'('.repeat(40)}1${')'.repeat(40)}`, `A1${'+A1'.repeat(100)}`]) {
      expect(await evalOf(f), f).toBeNull();
    }
    // a range too large for SUM
    expect(await evalOf('SUM(A1:Z100)')).toBeNull();
  });

  it('finds a cached result its formula no longer gives, and only then', async () => {
    const g = await grids((wb) => {
      const ws = wb.addWorksheet('指标');
      rows(ws, [[40000], [85000]]);
      ws.getCell('A3').value = { formula: 'A2/A1', result: 1.95 } as ExcelJS.CellValue;
      ws.getCell('A4').value = { formula: 'A2/A1', result: 2.125 } as ExcelJS.CellValue;
      ws.getCell('A5').value = { formula: 'A3', result: 1.95 } as ExcelJS.CellValue; // consistent with A3's cache, not with A3's formula
    });
    const cells = new CellIndex(g);
    expect(staleFormulaOf(cells, '指标', g[0].rows[3]![1]!)).toEqual({ formula: 'A2/A1', cached: 1.95, evaluated: 2.125 });
    expect(staleFormulaOf(cells, '指标', g[0].rows[4]![1]!)).toBeNull();
    expect(staleFormulaOf(cells, '指标', g[0].rows[5]![1]!)).toMatchObject({ cached: 1.95, evaluated: 2.125 });
  });

  it('terminates on circular references', async () => {
    const g = await grids((wb) => {
      const ws = wb.addWorksheet('环');
      ws.getCell('A1').value = { formula: 'B1+1', result: 3 } as ExcelJS.CellValue;
      ws.getCell('B1').value = { formula: 'A1+1', result: 2 } as ExcelJS.CellValue;
    });
    const v = evaluateFormula(new CellIndex(g), '环', g[0].rows[1]![1]!);
    expect(v === null || Number.isFinite(v)).toBe(true);
  });

  it('marks the imported value (ImportedValue.staleFormula) and leaves correct formulas alone', async () => {
    const path = await xlsx('stale-import.xlsx', (wb) => {
      const ws = wb.addWorksheet('指标');
      rows(ws, [['指标名称', '设计值'], ['总用地面积', 40000], ['计容建筑面积', 85000], ['绿地面积', 14400]]);
      ws.getCell('A5').value = '容积率';
      ws.getCell('B5').value = { formula: 'B3/B2', result: 1.95 } as ExcelJS.CellValue;
      ws.getCell('A6').value = '绿地率';
      ws.getCell('B6').value = { formula: 'B4/B2', result: 0.36 } as ExcelJS.CellValue;
      ws.getCell('B6').numFmt = '0.0%';
    });
    const r = await importWorkbook(path);
    expect(r.project.far.staleFormula).toEqual({ formula: 'B3/B2', cached: 1.95, evaluated: 2.125 });
    expect(r.project.green_ratio.value).toBe(36);
    expect(r.project.green_ratio.staleFormula).toBeUndefined();
  });
});
