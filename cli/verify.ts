// npm run verify -- <report.pdf> [<sheet.xlsx> --conditions <conditions.json>]
// Makes the report again from the original inputs and the options recorded in it and compares
// every page (shared/report/verify.ts). Without the inputs it checks what the file alone can
// show and says what to provide. The PDF is read, and the report made again, in a
// memory-limited worker thread (docs/security.md).
// Exit 0 genuine (真实一致) · 1 altered, or not a LandCheck report · 2 cannot tell (inputs
// missing or not the original ones, or made by another version) · 3 bad input.
import { basename } from 'node:path';
import { loadConditions } from '../shared/conditions/index';
import { InputError } from '../shared/errors';
import { INPUT_LIMITS, readInputFile } from '../shared/fsio/read';
import { WORKBOOK_LIMITS } from '../shared/import/guard';
import type { VerifyOutcome, VerifyStatus } from '../shared/report/verify';
import { verifyReportFile } from '../shared/work/isolated';
import { parseArgs, runMain } from './common';

const USAGE = 'npm run verify -- <报告.pdf> [<指标表.xlsx> --conditions <条件.json>]';

const EXIT: Record<VerifyStatus, number> = { genuine: 0, altered: 1, 'not-a-report': 1, undetermined: 2, 'other-version': 2 };


function formatOutcome(o: VerifyOutcome): string {
  const lines = [`核验结果：${o.headline}`];
  for (const d of o.details) lines.push(`  - ${d}`);
  if (o.needs.length) {
    lines.push('请提供：');
    for (const n of o.needs) lines.push(`  - ${n}`);
  }
  if (o.notes.length) {
    lines.push('说明：');
    for (const n of o.notes) lines.push(`  - ${n}`);
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const { positional, flags } = parseArgs(process.argv.slice(2), ['conditions'], [], USAGE);
  const conditionsPath = flags.get('conditions');
  if (positional.length < 1 || positional.length > 2 || (positional.length === 2) !== (typeof conditionsPath === 'string')) {
    throw new InputError(`参数不正确：指标表和 --conditions 条件文件需同时提供（或都不提供）。\n用法：${USAGE}`);
  }
  const [pdfPath, sheetPath] = positional;
  const pdf: Uint8Array = await readInputFile(pdfPath, { what: '报告文件', maxBytes: INPUT_LIMITS.reportPdfBytes, missing: `找不到或无法读取报告文件：${pdfPath}` });
  if (Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') throw new InputError(`报告文件不是 PDF：${pdfPath}`, pdfPath);
  let inputs;
  if (sheetPath && typeof conditionsPath === 'string') {
    const doc = await loadConditions(conditionsPath);
    const bytes = await readInputFile(sheetPath, { what: '指标表', maxBytes: WORKBOOK_LIMITS.maxFileBytes, missing: `找不到或无法读取指标表文件：${sheetPath}` });
    inputs = { workbook: { bytes, name: basename(sheetPath) }, conditions: { doc, name: basename(conditionsPath) } };
  }
  const outcome = await verifyReportFile(pdf, inputs, pdfPath);
  process.stdout.write(formatOutcome(outcome));
  return EXIT[outcome.status];
}

runMain(main);
