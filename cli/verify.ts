// npm run verify -- <report.pdf> <sheet.xlsx> --conditions <conditions.json>
// Re-runs the check and says whether the report matches these inputs and this engine's verdicts.
// Exit 0 match · 1 mismatch · 3 bad input.
import { runCheck } from '../shared/check/run';
import { InputError } from '../shared/errors';
import { shortCode } from '../shared/report/fingerprint';
import { INPUT_LIMITS, readInputFile } from '../shared/fsio/read';
// Reading the PDF's manifest runs in a memory-limited worker thread (docs/security.md).
import { verifyReport } from '../shared/work/isolated';
import { parseArgs, runMain } from './common';

const USAGE = 'npm run verify -- <报告.pdf> <指标表.xlsx> --conditions <条件.json>';

async function main(): Promise<number> {
  const { positional, flags } = parseArgs(process.argv.slice(2), ['conditions'], [], USAGE);
  const conditionsPath = flags.get('conditions');
  if (positional.length !== 2 || typeof conditionsPath !== 'string') throw new InputError(`参数不正确。\n用法：${USAGE}`);
  const [pdfPath, sheetPath] = positional;
  const pdf: Uint8Array = await readInputFile(pdfPath, {
    what: '报告文件',
    maxBytes: INPUT_LIMITS.reportPdfBytes,
    missing: `找不到或无法读取报告文件：${pdfPath}`,
  });
  if (Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') throw new InputError(`报告文件不是 PDF：${pdfPath}`, pdfPath);
  const run = await runCheck({ sheetPath, conditionsPath, import: { isolate: true } });
  const outcome = await verifyReport(pdf, run, pdfPath);
  if (outcome.ok) {
    process.stdout.write(`核验通过：报告与这些输入和本程序的审查结论一致。\n报告指纹 ${shortCode(outcome.fingerprint)}（SHA-256 ${outcome.fingerprint}）\n`);
    return 0;
  }
  process.stdout.write('核验未通过：报告与这些输入或本程序的审查结论不一致。\n');
  for (const d of outcome.differences) process.stdout.write(`  - ${d}\n`);
  if (outcome.reportFingerprint) process.stdout.write(`报告中的指纹 ${shortCode(outcome.reportFingerprint)}，按当前输入重新计算的指纹 ${shortCode(outcome.fingerprint)}\n`);
  return 1;
}

runMain(main);
