// Hostile text from a workbook never breaks the PDF or the Excel file.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../shared/report/pdf';
import { renderReportXlsx } from '../../shared/report/excel';
import { readReportManifest } from '../../shared/report/manifest';
import { pdfText, xlsxText, TRUNCATION_MARK } from '../../shared/report/sanitize';
import { glyphSafe } from '../../shared/report/fonts';
import { verifyReportFile } from '../../shared/report/verify';
import { makeRun } from './fixtures';
import { pdfinfo, pdftotext, renderPage, tempDir, writePdf } from './helpers';

const FORMULA = '=HYPERLINK("http://evil.example/x","点我")';
const LONG = '超长'.repeat(6000) + 'END';
const NASTY = `恶意\u0000\u0007\u001b[31m\u202Egnp.exe\u202C😀\uD800楼`;

function hostileRun() {
  const r = makeRun();
  const b = r.imported.buildings[0];
  const old = b.name;
  b.name = FORMULA;
  r.imported.buildings[1].name = NASTY;
  r.imported.project.project_name.value = LONG;
  r.imported.project.project_name.raw = LONG;
  r.result.project!.name = LONG;
  for (const f of r.result.findings) {
    if (f.building === old) {
      f.building = FORMULA;
      f.message = `${FORMULA} ${LONG}`;
    }
    if (f.building === '2#楼') f.building = NASTY;
  }
  b.values.green_building_star.raw = `\u202E${LONG}`;
  return r;
}

describe('sanitising', () => {
  it('pdfText strips controls, bidi overrides, lone surrogates and truncates', () => {
    const s = pdfText(NASTY);
    expect(s).toBe('恶意[31mgnp.exe😀\uFFFD楼');
    const long = pdfText(LONG);
    expect(Array.from(long).length).toBe(300);
    expect(long.endsWith(TRUNCATION_MARK)).toBe(true);
    expect(glyphSafe('kgCO₂/(m²·a) 😀\uFE0F')).toBe('kgCO2/(m²·a) □');
  });

  it('xlsxText keeps the text complete except what XML and Excel cannot carry', () => {
    expect(xlsxText(FORMULA)).toBe(FORMULA);
    expect(xlsxText(LONG)).toBe(LONG);
    expect(xlsxText('a\u0000b\tc\u202Ed')).toBe('a\uFFFDb\tc\u202Ed');
    const huge = 'x'.repeat(40000);
    expect(xlsxText(huge).length).toBe(32767);
  });
});

describe('hostile workbook text', () => {
  it('the PDF renders, reads back and verifies', async () => {
    const dir = tempDir();
    const run = hostileRun();
    const bytes = await renderReportPdf(run, { org: { name: `审查\u202E机构${'名'.repeat(200)}`, signatories: { preparer: '=cmd|calc' } } });
    const path = writePdf(dir, 'hostile.pdf', bytes);
    expect(Number(pdfinfo(path).Pages)).toBeGreaterThan(3);
    const text = pdftotext(path);
    expect(text).toContain('=HYPERLINK("http://evil.example/x","点我")');
    expect(text).toContain('已截断');
    expect(text).not.toContain('\u202E');
    expect(text).not.toContain('\u0007');
    // a page with the hostile rows renders
    const img = renderPage(path, 3, dir);
    expect(img.w).toBeGreaterThan(100);
    expect(readReportManifest(bytes)).not.toBeNull();
    // without its inputs: the pages match the digests recorded at issue
    expect((await verifyReportFile(bytes)).status).toBe('undetermined');
    const check = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(check).toContain('Pages:');
  });

  it('the Excel file opens, text stays text (no formula), long text complete', async () => {
    const run = hostileRun();
    const bytes = await renderReportXlsx(run, { org: { name: '某审查机构' } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('审查结果')!;
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c)));
    expect(cells.some((c) => c.formula)).toBe(false);
    const hyper = cells.find((c) => c.value === FORMULA)!;
    expect(hyper).toBeDefined();
    expect(hyper.type).toBe(ExcelJS.ValueType.String);
    expect(cells.some((c) => typeof c.value === 'string' && c.value === `${FORMULA} ${LONG}`)).toBe(true);
    const vs = wb.getWorksheet('导入数值')!;
    const vals: unknown[] = [];
    vs.eachRow((row) => row.eachCell((c) => vals.push(c.value)));
    expect(vals).toContain(LONG);
    expect(vals).toContain(`\u202E${LONG}`);
  });
});
