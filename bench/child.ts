// One measurement in a fresh process, for peak memory: `load` = bare exceljs load, `check` =
// import + check. Prints {"maxRssMb": …}.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { importWorkbookBuffer } from '../shared/import/index';
import { checkImported } from '../shared/check/run';
import { parseConditions } from '../shared/conditions/index';

const [mode, file, conditionsPath] = process.argv.slice(2);
const buf = readFileSync(file);
const base = process.resourceUsage().maxRSS;
if (mode === 'load') {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
} else {
  const conditions = parseConditions(readFileSync(conditionsPath, 'utf8'), conditionsPath);
  const imp = await importWorkbookBuffer(buf, file);
  checkImported(imp, conditions, 'conditions.json');
}
console.log(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, baseMb: base / 1024 }));
