// Builds real xlsx files with exceljs into a temp dir for the importer tests.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

export const tmp = mkdtempSync(join(tmpdir(), 'landcheck-import-'));

export type Fill = (wb: ExcelJS.Workbook) => void;

export async function xlsx(name: string, fill: Fill): Promise<string> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  const path = join(tmp, name);
  await wb.xlsx.writeFile(path);
  return path;
}

export function file(name: string, bytes: Uint8Array | string): string {
  const path = join(tmp, name);
  writeFileSync(path, bytes);
  return path;
}

/** Writes rows starting at A1 (or at `origin`); undefined leaves a cell empty. */
export function rows(ws: ExcelJS.Worksheet, data: unknown[][], origin = 1): void {
  data.forEach((line, i) => {
    line.forEach((v, j) => {
      if (v !== undefined && v !== null) ws.getCell(origin + i, j + 1).value = v as ExcelJS.CellValue;
    });
  });
}
