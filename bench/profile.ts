// A profile of import + check, not a measurement (npm run bench measures): the generated sheet of N
// buildings (default 500) imported and checked RUNS times (default 30) after a collection each, as
// the bench's samples are, after a warm-up on the smaller sheets as in the bench. Prints, from this
// thread's own CPU time (Linux /proc; another process's load does not count), the milliseconds per
// run of the import and of the check.
//
//   node --expose-gc --import tsx bench/profile.ts [N] [RUNS]
//   node --expose-gc --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile.ts 500 60
//
// tsx gives the profile's functions without their lines; bundling first keeps them:
//   npx esbuild bench/profile.ts --bundle --platform=node --format=esm --packages=external --outfile=/tmp/p.mjs
//   node --expose-gc --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/p.mjs
import { readFileSync, existsSync } from 'node:fs';
import { importWorkbookBuffer } from '../shared/import/index';
import { checkImported } from '../shared/check/run';
import { buildSheet, benchConditions } from './sheet';

const n = Number(process.argv[2] ?? 500);
const runs = Number(process.argv[3] ?? 30);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const conditions = benchConditions();
const stat = `/proc/self/task/${process.pid}/stat`;
/** This thread's CPU time in clock ticks (1/100 s), or NaN off Linux. */
const ticks = (): number => {
  if (!existsSync(stat)) return NaN;
  const f = readFileSync(stat, 'utf8').split(') ')[1].split(' ');
  return Number(f[11]) + Number(f[12]);
};

async function main() {
  for (const size of [1, 50]) {
    const small = await buildSheet(size);
    for (let i = 0; i < 21; i++) checkImported(await importWorkbookBuffer(small, `warm-${size}.xlsx`), conditions, 'conditions.json');
  }
  const buf = await buildSheet(n);
  checkImported(await importWorkbookBuffer(buf, 'sheet.xlsx'), conditions, 'conditions.json');
  let importTicks = 0;
  let checkTicks = 0;
  for (let i = 0; i < runs; i++) {
    gc();
    let t = ticks();
    const imported = await importWorkbookBuffer(buf, 'sheet.xlsx');
    importTicks += ticks() - t;
    t = ticks();
    checkImported(imported, conditions, 'conditions.json');
    checkTicks += ticks() - t;
  }
  console.log(`${n} 栋 × ${runs} 次：导入 ${((importTicks * 10) / runs).toFixed(1)} ms/次，审查 ${((checkTicks * 10) / runs).toFixed(1)} ms/次（本线程 CPU 时间）`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
