// npm run check -- <sheet.xlsx> --conditions <conditions.json> [--json] [--pdf out.pdf] [--xlsx out.xlsx]
// formats.md §4: exit 0 pass · 1 fail · 2 incomplete · 3 bad input (one Chinese message on stderr).
import type { CheckRun, Finding } from '../shared/model/types';
import { formatValue, indicatorName } from '../shared/model/indicators';
import { OVERALL_EXIT, OVERALL_LABEL, VERDICT_LABEL } from '../shared/model/verdicts';
import { runCheck } from '../shared/check/run';
import { describeRule } from '../shared/report/describe';
import { checkOutputs, type NamedPath } from '../shared/fsio/output';
import { failInput, formatTable, parseArgs, runMain } from './common';

const USAGE =
  'npm run check -- <指标表.xlsx> --conditions <条件.json> [--json] [--pdf 报告.pdf] [--xlsx 结果.xlsx] ' +
  '[--org 审查机构名称] [--seal-text 审查专用章] [--seal-png 印章.png] [--report-no 编号] [--preparer 编制人] [--checker 校对人] [--approver 审核人] [--cross-seal] ' +
  '[--project 项目名称] [--developer 建设单位] [--designer 设计单位] ' +
  '[--sign 证书.p12 [--sign-password-env 存放证书密码的环境变量名，默认 LANDCHECK_P12_PASSWORD] [--sign-reason 签名原因] [--sign-location 签名地点]]';

runMain(async () => {
  const args = parseArgs(
    process.argv.slice(2),
    [
      'conditions', 'pdf', 'xlsx', 'org', 'seal-text', 'seal-png', 'report-no', 'preparer', 'checker', 'approver', 'date',
      'project', 'developer', 'designer',
      'sign', 'sign-password-env', 'sign-reason', 'sign-location',
    ],
    ['json', 'cross-seal', 'help'],
    USAGE,
  );
  if (args.flags.has('help')) {
    process.stdout.write(`用法：${USAGE}\n`);
    return 0;
  }
  const sheetPath = args.positional[0];
  const conditionsPath = args.flags.get('conditions');
  if (!sheetPath || args.positional.length > 1 || typeof conditionsPath !== 'string') {
    failInput(`${!sheetPath ? '缺少指标表文件' : args.positional.length > 1 ? '只能指定一个指标表文件' : '缺少 --conditions 条件文件'}。\n用法：${USAGE}`);
  }
  const pdfPath = args.flags.get('pdf');
  const xlsxPath = args.flags.get('xlsx');
  const signFlag = (k: string) => {
    const v = args.flags.get(k);
    return typeof v === 'string' ? v : undefined;
  };
  const signPath = signFlag('sign');
  if (!signPath && ['sign-password-env', 'sign-reason', 'sign-location'].some((k) => args.flags.has(k))) {
    failInput(`--sign-password-env、--sign-reason、--sign-location 只能与 --sign 一起使用。\n用法：${USAGE}`);
  }
  if (signPath && typeof pdfPath !== 'string') failInput(`--sign 需要与 --pdf 一起使用（签名的对象是 PDF 报告）。\n用法：${USAGE}`);
  // No output may be one of the inputs (same file by identity: other spelling, link, symlink).
  const outputs: NamedPath[] = [];
  if (typeof pdfPath === 'string') outputs.push({ path: pdfPath, what: 'PDF 报告' });
  if (typeof xlsxPath === 'string') outputs.push({ path: xlsxPath, what: 'Excel 结果' });
  const inputs: NamedPath[] = [
    { path: sheetPath, what: '指标表' },
    { path: conditionsPath, what: '条件文件' },
  ];
  if (signPath) inputs.push({ path: signPath, what: '签名证书' });
  const sealPng = signFlag('seal-png');
  if (sealPng) inputs.push({ path: sealPng, what: '印章图片' });
  checkOutputs(outputs, inputs);
  const run = await runCheck({ sheetPath, conditionsPath, import: { isolate: true } });

  if (typeof pdfPath === 'string' || typeof xlsxPath === 'string') {
    const { reportOptionsFromFlags, writeReports } = await import('./report-output');
    await writeReports(run, reportOptionsFromFlags(args.flags), {
      pdf: typeof pdfPath === 'string' ? pdfPath : undefined,
      xlsx: typeof xlsxPath === 'string' ? xlsxPath : undefined,
      quiet: args.flags.has('json'),
      sign: signPath
        ? { p12: signPath, passwordEnv: signFlag('sign-password-env'), reason: signFlag('sign-reason'), location: signFlag('sign-location') }
        : undefined,
    });
  }

  if (args.flags.has('json')) {
    process.stdout.write(`${JSON.stringify(run.result, null, 2)}\n`);
  } else {
    process.stdout.write(`${renderText(run)}\n`);
  }
  return OVERALL_EXIT[run.result.overall];
});

function renderText(run: CheckRun): string {
  const r = run.result;
  const c = run.conditions.contract ?? {};
  const counts = r.counts!;
  const lines: string[] = [];
  lines.push('LandCheck 出让条件合规审查');
  if (r.project?.name) lines.push(`项目：${r.project.name}`);
  lines.push(`指标表：${r.input.file}（SHA-256 ${r.input.sha256.slice(0, 16)}…）`);
  const contract = [c.number && `合同 ${c.number}`, c.parcel && `地块 ${c.parcel}`, c.signedOn && `签订 ${c.signedOn}`].filter(Boolean).join('，');
  lines.push(`出让条件：${run.conditionsFile}${contract ? `（${contract}）` : ''}，共 ${run.conditions.conditions.length} 条`);
  lines.push(
    `结论：${OVERALL_LABEL[r.overall]}　（符合 ${counts.pass} · 不符合 ${counts.fail} · 缺项 ${counts.missing} · 需复核 ${counts.review} · 不适用 ${counts.not_applicable}）`,
  );
  lines.push('');
  const rows: string[][] = [['结论', '条件', '条款', '单体', '指标', '要求', '申报值', '复核值', '来源']];
  const messages: string[] = [];
  const byId = new Map(run.conditions.conditions.map((c) => [c.id, c]));
  for (const f of r.findings) {
    const cond = byId.get(f.conditionId);
    rows.push(findingRow(f, cond ? describeRule(cond) : f.required));
  }
  lines.push(formatTable(rows));
  lines.push('');
  lines.push('说明：');
  for (const f of r.findings) {
    if (f.verdict === 'not_applicable') continue;
    messages.push(`[${VERDICT_LABEL[f.verdict]}] ${f.conditionId}${f.building ? ` ${f.building}` : ''}：${f.message}`);
  }
  lines.push(...messages);
  const warnings = r.warnings ?? [];
  if (warnings.length > 0) {
    lines.push('');
    lines.push(`导入提示（${warnings.length} 条）：`);
    for (const w of warnings.slice(0, 30)) lines.push(`- ${w.message}`);
    if (warnings.length > 30) lines.push(`- ……另有 ${warnings.length - 30} 条，见 --json 或报告`);
  }
  lines.push(...notReadLines(run));
  return lines.join('\n');
}

/** 未读取的内容: skipped sheets, unread tables, unused labels, share of cells used. */
function notReadLines(run: CheckRun): string[] {
  const cov = run.result.coverage;
  const unread = cov?.unread ?? run.imported.unread ?? [];
  const skipped = cov?.skippedSheets ?? [];
  const out: string[] = [];
  if (!cov && unread.length === 0) return out;
  out.push('');
  out.push('未读取的内容：');
  for (const s of skipped) out.push(`- 工作表“${s.sheet}”为${s.state === 'veryHidden' ? '深度隐藏' : '隐藏'}工作表，未读取`);
  for (const u of unread.slice(0, 30)) out.push(`- 表“${u.title}”（${u.sheet}!${u.range}）未能读取：${u.reason}`);
  if (unread.length > 30) out.push(`- ……另有 ${unread.length - 30} 个表格未能读取，见 --json 或报告`);
  if (cov) {
    if (cov.unusedLabels > 0) out.push(`- 另有 ${cov.unusedLabels} 处已识别的指标名称未取用其数值`);
    out.push(`- 可见工作表中的非空单元格已使用 ${Math.round(cov.usedShare * 1000) / 10}%`);
  }
  return out;
}

/** One table row; the requirement in words ("不低于 40%"), as the report writes it. */
function findingRow(f: Finding, required: string): string[] {
  return [
    VERDICT_LABEL[f.verdict],
    f.conditionId,
    f.clause ?? '',
    f.building ?? '（项目）',
    indicatorName(f.indicator),
    required,
    f.declared === null ? '—' : formatValue(f.indicator, f.declared),
    f.computed === null ? '—' : formatValue(f.indicator, f.computed),
    f.source ?? '—',
  ];
}
