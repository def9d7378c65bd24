// Report benchmarks: a typical report and a 500-building report (thousands of findings),
// time and file size, next to the check of the same sheet. The PDF is timed warm (fonts parsed
// once per process, as in the app) as the median of 3, in wall time and in CPU time of this
// process (less sensitive to other load on a shared machine); the ratio is PDF time / check time.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { ConditionsDoc } from '../shared/model/types';
import { importWorkbookBuffer } from '../shared/import/index';
import { checkImported } from '../shared/check/run';
import { parseConditions } from '../shared/conditions/index';
import { renderReportPdf } from '../shared/report/pdf';
import { renderReportXlsx } from '../shared/report/excel';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { StoreHolder } from '../shared/api/store-holder';
import { createHandlers } from '../shared/api/handlers';

export interface BenchContext {
  dir: string;
  conditions: ConditionsDoc;
  buildSheet: (n: number) => Promise<Buffer>;
  time: (fn: () => Promise<unknown>, runs: number) => Promise<number>;
}

const ORG = { name: '上海某施工图审查有限公司', sealText: '审查专用章', signatories: { preparer: '张工' } };

export async function extraBenches(ctx: BenchContext): Promise<void> {
  console.log('\n报告                         审查 (ms)   PDF (ms)  PDF CPU (ms)  PDF/审查   PDF 大小     Excel (ms)   Excel 大小   页面/结论数');
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
    const pdfCpuMs = await cpuTime(async () => (pdf = await renderReportPdf(run, { org: ORG })), 3);
    const xlsxMs = await ctx.time(async () => (xlsx = await renderReportXlsx(run, { org: ORG })), 3);
    const pages = (Buffer.from(pdf).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    console.log(
      `${label.padEnd(22)}  ${checkMs.toFixed(0).padStart(9)}  ${pdfMs.toFixed(0).padStart(9)}  ${pdfCpuMs.toFixed(0).padStart(11)}  ${(pdfMs / checkMs).toFixed(1).padStart(7)}×  ${(pdf.length / 1024).toFixed(0).padStart(7)} KB  ${xlsxMs.toFixed(0).padStart(10)}  ${(xlsx.length / 1024).toFixed(0).padStart(7)} KB   ${pages} 页 / ${run.result.findings.length} 条`,
    );
  }
  console.log('（PDF 目标：典型 < 1 s 且 < 1 MB；500 栋 < 5 s 且 < 3 MB）');
  await batchBench();
}

/** Median CPU time (user + system, this process) of `runs` calls, after the caller's warm-up. */
async function cpuTime(fn: () => Promise<unknown>, runs: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    await fn();
    const c = process.cpuUsage(c0);
    samples.push((c.user + c.system) / 1000);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/** The desktop app's batch path: 100 typical workbooks through the API handlers (base64 in, as the UI sends them). */
async function batchBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'landcheck-bench-batch-'));
  const holder = new StoreHolder(join(dir, 'bench.sqlite'));
  try {
    const handlers = createHandlers({ holder, seedsDir: join(process.cwd(), 'seeds'), version: 'bench' });
    const samples = join(process.cwd(), 'seeds', 'samples');
    const names = ['residential-jiading', 'public-mixed-songjiang', 'messy-renovation', 'industrial-lingang'];
    const items = Array.from({ length: 100 }, (_, i) => ({
      fileName: `${i + 1}.xlsx`,
      dataBase64: readFileSync(join(samples, `${names[i % 4]}.xlsx`)).toString('base64'),
      conditions: JSON.parse(readFileSync(join(samples, `${names[i % 4]}.conditions.json`), 'utf8')) as Record<string, unknown>,
    }));
    await handlers['settings.save']({ userName: '基准测试' });
    const t0 = performance.now();
    const { batchId } = await handlers['batch.start']({ items });
    let polls = 0;
    let worstDelay = 0; // how late a status poll got its answer: the UI's responsiveness during the batch
    for (;;) {
      const st = await handlers['batch.get']({ batchId });
      polls++;
      if (!st.running) break;
      const due = performance.now() + 20;
      await new Promise((r) => setTimeout(r, 20));
      worstDelay = Math.max(worstDelay, performance.now() - due);
    }
    const ms = performance.now() - t0;
    console.log(`\n批量审查（桌面应用接口）：100 份样例指标表 ${(ms / 1000).toFixed(2)} s（目标 < 60 s），期间状态查询 ${polls} 次，最大应答延迟 ${worstDelay.toFixed(0)} ms`);
  } finally {
    holder.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
