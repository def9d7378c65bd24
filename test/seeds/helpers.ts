// Reading helpers for the seed tests: workbook dumps, label lookup, condition walking.
import ExcelJS from 'exceljs';
import type { Condition, ConditionsDoc, Rule } from '../../shared/model/types';

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Everything a reader sees in a workbook: sheet names, merges, values (with cached results) and formats. */
export function dump(wb: ExcelJS.Workbook): unknown {
  return wb.worksheets.map((ws) => {
    const cells: [string, unknown, string | undefined][] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        if (c.isMerged && c.master !== c) return;
        cells.push([c.address, c.value, c.numFmt]);
      }),
    );
    return { name: ws.name, merges: [...(ws.model.merges ?? [])].sort(), cells };
  });
}

/** The number a cell holds (cached result for formulas), or null. */
export function num(c: ExcelJS.Cell): number | null {
  const v = c.value as unknown;
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'result' in v && typeof (v as { result: unknown }).result === 'number') {
    return (v as { result: number }).result;
  }
  return null;
}

export function text(c: ExcelJS.Cell): string {
  const v = c.value as unknown;
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  return typeof v === 'number' || typeof v === 'boolean' || v instanceof Date ? String(v) : JSON.stringify(v);
}

/** Label without unit brackets, trailing colon and spaces: "总用地面积（㎡）" → "总用地面积". */
function bare(s: string): string {
  return s.replace(/[（(][^（()）]*[)）]$/, '').replace(/[:：]$/, '').replace(/\s+/g, '');
}

/** The cell right of the first cell whose bare text is `label` (key/value layout). */
export function valueCell(ws: ExcelJS.Worksheet, label: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  ws.eachRow((row) =>
    row.eachCell((c) => {
      if (!found && typeof c.value === 'string' && bare(c.value) === label) found = ws.getCell(Number(c.row), Number(c.col) + 1);
    }),
  );
  if (!found) throw new Error(`label ${label} not found in ${ws.name}`);
  return found;
}

/** Number right of a label; skips a unit column when the cell right of the label is a unit. */
export function kvNum(ws: ExcelJS.Worksheet, label: string): number {
  let c = valueCell(ws, label);
  if (typeof c.value === 'string' && /^(㎡|%|m|辆)?$/.test(c.value)) c = ws.getCell(Number(c.row), Number(c.col) + 1);
  const n = num(c);
  if (n === null) throw new Error(`${ws.name}: ${label} is not a number (${JSON.stringify(c.value)})`);
  return n;
}

/** Rows of a table under a header row: header text → cell, until the first row whose first cell is empty. */
export function table(ws: ExcelJS.Worksheet, firstHeader: string): Record<string, ExcelJS.Cell>[] {
  let headerRow = 0;
  let col0 = 0;
  ws.eachRow((row, r) =>
    row.eachCell((c, col) => {
      if (!headerRow && c.value === firstHeader) {
        headerRow = r;
        col0 = col;
      }
    }),
  );
  if (!headerRow) throw new Error(`header ${firstHeader} not found in ${ws.name}`);
  const names: string[] = [];
  for (let col = col0; text(ws.getCell(headerRow, col)); col++) names.push(text(ws.getCell(headerRow, col)));
  const rows: Record<string, ExcelJS.Cell>[] = [];
  for (let r = headerRow + 1; text(ws.getCell(r, col0)) || num(ws.getCell(r, col0)) !== null; r++) {
    rows.push(Object.fromEntries(names.map((n, i) => [n, ws.getCell(r, col0 + i)])));
  }
  return rows;
}

/** Leaf rules of a condition (recursing into anyOf/allOf). */
export function leaves(r: Rule): { indicator: string; op: string; value: unknown }[] {
  if ('anyOf' in r) return r.anyOf.flatMap(leaves);
  if ('allOf' in r) return r.allOf.flatMap(leaves);
  return [r];
}

export function conditionsOf(doc: ConditionsDoc): Condition[] {
  return doc.conditions;
}
