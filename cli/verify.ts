// npm run verify -- <report.pdf> [<sheet.xlsx> --conditions <conditions.json>]
// Makes the report again from the original inputs and the options recorded in it and compares
// every page (shared/report/verify.ts). Without the inputs it checks what the file alone can
// show and says what to provide.
// Exit 0 genuine (真实一致) · 1 altered, or not a LandCheck report · 2 cannot tell (inputs
// missing or not the original ones, or made by another version) · 3 bad input.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { loadConditions } from '../shared/conditions/index';
import { InputError } from '../shared/errors';
import { DEFAULT_LIMITS } from '../shared/report/pdf-reader';
import { verifyReportFile, type VerifyOutcome, type VerifyStatus } from '../shared/report/verify';
import { parseArgs, runMain } from './common';

const USAGE = 'npm run verify -- <报告.pdf> [<指标表.xlsx> --conditions <条件.json>]';

const EXIT: Record<VerifyStatus, number> = { genuine: 0, altered: 1, 'not-a-report': 1, undetermined: 2, 'other-version': 2 };

async function readInput(path: string, what: string, max: number): Promise<Uint8Array> {
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputError(`“${path}”是一个文件夹，不是${what}`, path);
    if (st.size > max) throw new InputError(`${what} ${path} 过大（超过 ${Math.round(max / 1048576)} MB）`, path);
    return await readFile(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`找不到或无法读取${what}：${path}`, path);
  }
}

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
  const pdf = await readInput(pdfPath, '报告文件', DEFAULT_LIMITS.maxFile);
  if (Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') throw new InputError(`报告文件不是 PDF：${pdfPath}`, pdfPath);
  let inputs;
  if (sheetPath && typeof conditionsPath === 'string') {
    const doc = await loadConditions(conditionsPath);
    const bytes = await readInput(sheetPath, '指标表文件', 100 * 1024 * 1024);
    inputs = { workbook: { bytes, name: basename(sheetPath) }, conditions: { doc, name: basename(conditionsPath) } };
  }
  const outcome = await verifyReportFile(pdf, inputs);
  process.stdout.write(formatOutcome(outcome));
  return EXIT[outcome.status];
}

runMain(main);
