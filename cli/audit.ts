// npm run audit -- <数据库.sqlite> [已出具的报告.pdf …] [--json]
// Verifies the hash chain of the database's audit log row by row, and against the chain heads
// recorded in reports already issued (so a chain rewritten from scratch is caught too).
// Exit 0 intact · 1 broken or contradicted by a report · 3 bad input. docs/security.md.
import { basename } from 'node:path';
import { openStore } from '../shared/store/index';
import { auditCheck, type ReportFile } from '../shared/api/audit';
import { INPUT_LIMITS, readInputFile } from '../shared/fsio/read';
import { InputError } from '../shared/errors';
import { parseArgs, runMain } from './common';

const USAGE = 'npm run audit -- <数据库.sqlite> [已出具的报告.pdf …] [--json]';

runMain(async () => {
  const args = parseArgs(process.argv.slice(2), [], ['json', 'help'], USAGE);
  if (args.flags.has('help')) {
    process.stdout.write(`用法：${USAGE}\n`);
    return 0;
  }
  const [dbPath, ...reportPaths] = args.positional;
  if (!dbPath) throw new InputError(`缺少数据库文件。\n用法：${USAGE}`);
  const reports: ReportFile[] = [];
  for (const p of reportPaths) {
    reports.push({ fileName: basename(p), pdf: await readInputFile(p, { what: '报告文件', maxBytes: INPUT_LIMITS.reportPdfBytes }) });
  }
  const store = openStore(dbPath, { readonly: true });
  try {
    const r = await auditCheck(store, dbPath, reports);
    if (args.flags.has('json')) {
      process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    } else {
      const lines = [`审计日志核对：${dbPath}`, `${r.ok ? '结论' : '警告'}：${r.message}`];
      if (r.head) lines.push(`链头：第 ${r.head.id} 条（哈希 ${r.head.hash.slice(0, 16)}…）`);
      for (const c of r.reports) lines.push(`报告 ${c.fileName}：${c.message}`);
      lines.push(`恢复前保留的数据库副本：${r.copies.count} 份（上限 ${r.copies.limit} 份）`);
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    return r.ok ? 0 : 1;
  } finally {
    store.close();
  }
});
