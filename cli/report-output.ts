// --pdf / --xlsx of `npm run check`: the stamped report and the Excel record of a run.
import { writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import type { CheckRun } from '../shared/model/types';
import { renderReportPdf, type ReportOptions } from '../shared/report/pdf';
import { renderReportXlsx } from '../shared/report/excel';
import { fingerprint } from '../shared/report/fingerprint';
import { InputError } from '../shared/errors';

/** Organisation and sign-off from the command line; sensible defaults for a self-check. */
export function reportOptionsFromFlags(flags: Map<string, string | true>): ReportOptions {
  const str = (k: string) => {
    const v = flags.get(k);
    return typeof v === 'string' ? v : undefined;
  };
  const sealPngPath = str('seal-png');
  let sealPng: Uint8Array | undefined;
  if (sealPngPath) {
    try {
      sealPng = readFileSync(sealPngPath);
    } catch {
      throw new InputError(`找不到或无法读取印章图片：${sealPngPath}`, sealPngPath);
    }
  }
  return {
    org: {
      name: str('org') ?? '出让条件合规自查',
      sealText: str('seal-text') ?? '审查专用章',
      sealPng,
      signatories: { preparer: str('preparer'), checker: str('checker'), approver: str('approver') },
      crossPageSeal: flags.has('cross-seal'),
    },
    reportNo: str('report-no'),
    date: str('date'),
  };
}

async function writeOut(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(path, bytes);
  } catch (e) {
    throw new InputError(`无法写入文件 ${path}（${(e as NodeJS.ErrnoException).code ?? '写入失败'}）`, path);
  }
}

export async function writeReports(run: CheckRun, opts: ReportOptions, out: { pdf?: string; xlsx?: string; quiet: boolean }): Promise<void> {
  // With --json, stdout carries the result document only: notes go to stderr.
  const say = (s: string) => (out.quiet ? process.stderr : process.stdout).write(`${s}\n`);
  const fp = fingerprint(run);
  if (out.pdf) {
    await writeOut(out.pdf, await renderReportPdf(run, opts));
    say(`已生成审查报告：${out.pdf}（报告指纹 ${fp.short}）`);
  }
  if (out.xlsx) {
    await writeOut(out.xlsx, await renderReportXlsx(run, opts));
    say(`已导出审查结果：${out.xlsx}`);
  }
}
