import { readFileSync } from 'node:fs';
import { checkPackage, WORKBOOK_LIMITS } from './shared/import/guard';
const buf = readFileSync(process.argv[2]);
const t = Date.now();
try { console.log(await checkPackage(buf, 'x.xlsx', { ...WORKBOOK_LIMITS, maxCells: 5e6, maxRowsPerSheet: 5e6 })); } catch (e) { console.log((e as Error).message); }
console.log('ms', Date.now() - t, 'rss', Math.round(process.resourceUsage().maxRSS / 1e3));
