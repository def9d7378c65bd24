// Report benchmarks: a typical report and a 500-building report (thousands of findings),
// time and file size, next to the check of the same sheet.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { ConditionsDoc } from '../shared/model/types';
import { importWorkbookBuffer } from '../shared/import/index';
import { checkImported } from '../shared/check/run';
import { parseConditions } from '../shared/conditions/index';
import { renderReportPdf } from '../shared/report/pdf';
import { renderReportXlsx } from '../shared/report/excel';

export interface BenchContext {
  dir: string;
  conditions: ConditionsDoc;
  buildSheet: (n: number) => Promise<Buffer>;
  time: (fn: () => Promise<unknown>, runs: number) => Promise<number>;
}

const ORG = { name: '上海某施工图审查有限公司', sealText: '审查专用章', signatories: { preparer: '张工' } };

export async function extraBenches(ctx: BenchContext): Promise<void> {
  console.log('\n报告                         审查 (ms)   PDF (ms)   PDF 大小     Excel (ms)   Excel 大小   页面/结论数');
  const samples = join(process.cwd(), 'seeds', 'samples');
  const cases: Array<[string, Buffer, ConditionsDoc]> = [
    [
      '典型（样例 松江办公商业）',
      readFileSync(join(samples, 'public-mixed-songjiang.xlsx')),
      parseConditions(readFileSync(join(samples, 'public-mixed-songjiang.conditions.json'), 'utf8'), 'c.json'),
    ],
    ['500 栋单体', await ctx.buildSheet(500), ctx.conditions],
  ];
  for (const [label, buf, doc] of cases) {
    const t0 = performance.now();
    const run = checkImported(await importWorkbookBuffer(buf, 'x.xlsx'), doc, 'c.json');
    const checkMs = performance.now() - t0;
    let pdf: Uint8Array = new Uint8Array();
    let xlsx: Uint8Array = new Uint8Array();
    const pdfMs = await ctx.time(async () => (pdf = await renderReportPdf(run, { org: ORG })), 3);
    const xlsxMs = await ctx.time(async () => (xlsx = await renderReportXlsx(run, { org: ORG })), 3);
    const pages = (Buffer.from(pdf).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    console.log(
      `${label.padEnd(22)}  ${checkMs.toFixed(0).padStart(9)}  ${pdfMs.toFixed(0).padStart(9)}  ${(pdf.length / 1024).toFixed(0).padStart(7)} KB  ${xlsxMs.toFixed(0).padStart(10)}  ${(xlsx.length / 1024).toFixed(0).padStart(7)} KB   ${pages} 页 / ${run.result.findings.length} 条`,
    );
  }
  console.log('（PDF 目标：典型 < 1 s 且 < 1 MB；500 栋 < 5 s 且 < 3 MB）');
}
