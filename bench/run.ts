// npm run bench — speed and memory, as ratios against a baseline measured in the same run:
// - per sheet size (1, 50, 500 buildings): a bare exceljs load vs import + check of the same file;
// - peak memory (max RSS) of each, in a fresh child process;
// - throughput of checking 200 typical sheets in one process;
// - the whole `npm run check` process on a typical sheet.
import { mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { importWorkbookBuffer } from '../shared/import/index';
import { checkImported } from '../shared/check/run';
import { buildSheet, benchConditions } from './sheet';
import { extraBenches } from './extra';

const DIR = join(process.cwd(), 'bench', '.tmp');
mkdirSync(DIR, { recursive: true });
const conditions = benchConditions();
const conditionsPath = join(DIR, 'conditions.json');
writeFileSync(conditionsPath, JSON.stringify(conditions));

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function sample(fn: () => Promise<unknown>): Promise<number> {
  gc(); // every sample starts from a collected heap, so one side does not pay for the other's garbage
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function time(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await sample(fn));
  return median(samples);
}

/** Baseline and candidate measured alternately (ABAB…), so machine load hits both alike. */
async function paired(a: () => Promise<unknown>, b: () => Promise<unknown>, runs: number): Promise<[number, number]> {
  await a();
  await b();
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < runs; i++) {
    sa.push(await sample(a));
    sb.push(await sample(b));
  }
  return [median(sa), median(sb)];
}

function childPeak(mode: 'load' | 'check', file: string): number {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join('bench', 'child.ts'), mode, file, conditionsPath], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!).maxRssMb as number;
}

const fmt = (n: number, d = 1) => n.toFixed(d);

async function main() {
  console.log('LandCheck 基准测试（同一次运行内的比值；2 核机器）\n');
  console.log('规模       文件大小    exceljs裸加载   导入+审查    比值(≤1.5)   峰值内存 裸加载/审查 (MB)');
  for (const n of [1, 50, 500]) {
    const buf = await buildSheet(n);
    const file = join(DIR, `sheet-${n}.xlsx`);
    writeFileSync(file, buf);
    const [bare, full] = await paired(
      async () => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(buf as unknown as ArrayBuffer);
      },
      async () => {
        const imp = await importWorkbookBuffer(buf, file);
        checkImported(imp, conditions, 'conditions.json');
      },
      n >= 500 ? 15 : 21,
    );
    const peakBare = childPeak('load', file);
    const peakCheck = childPeak('check', file);
    console.log(
      `${String(n).padStart(4)} 栋   ${fmt(buf.length / 1024).padStart(8)} KB   ${fmt(bare).padStart(9)} ms   ${fmt(full).padStart(8)} ms   ${fmt(full / bare, 2).padStart(8)}×     ${fmt(peakBare, 0)} / ${fmt(peakCheck, 0)}`,
    );
  }

  const typical = await buildSheet(10);
  const t0 = performance.now();
  for (let i = 0; i < 200; i++) {
    const imp = await importWorkbookBuffer(typical, `typical-${i}.xlsx`);
    checkImported(imp, conditions, 'conditions.json');
  }
  const batchMs = performance.now() - t0;
  console.log(`\n批量：200 份典型指标表（10 栋）在一个进程内审查 ${fmt(batchMs / 1000, 2)} s，${fmt(200 / (batchMs / 1000))} 份/秒`);

  const typicalPath = join(DIR, 'typical.xlsx');
  writeFileSync(typicalPath, typical);
  const p0 = performance.now();
  const r = spawnSync('npm', ['run', '-s', 'check', '--', typicalPath, '--conditions', conditionsPath, '--json'], { encoding: 'utf8' });
  const procMs = performance.now() - p0;
  console.log(`整个 npm run check 进程（典型表）：${fmt(procMs, 0)} ms，退出码 ${r.status}`);

  await extraBenches({ dir: DIR, conditions, buildSheet, time });
  console.log(`\n本进程峰值内存 ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
