// Child process of crash.test.ts: writes transactions through the store in a loop and prints
// "<projectId> <importId> <runId>" after each commit. Endless unless a count is given (then it
// exits 0 after that many rounds); the crash test SIGKILLs it mid-run.

import { openStore } from '../../shared/store/index.js';
import { makeConditions, makeImport, makeRun } from './fixtures.js';

const path = process.argv[2]!;
const round = process.argv[3] ?? '0';
const limit = Number(process.argv[4] ?? Infinity);
const store = openStore(path);
let i = 0;
process.stdout.write('ready\n');
while (i < limit) {
  i++;
  const p = store.createProject({ name: `崩溃测试 ${round}-${i}` });
  const cs = store.saveConditionSet(p.id, makeConditions(20 + (i % 10)));
  const imp = makeImport(20 + (i % 30), `${round}-${i}`);
  const importId = store.recordImport(p.id, imp, imp.file);
  const runId = store.recordRun(p.id, importId, cs.id, makeRun(imp, makeConditions(20 + (i % 10)), i % 2 ? 'pass' : 'fail'));
  store.addOverride(runId, { conditionId: 'C1', building: null, verdict: 'review', reason: `第 ${i} 次改判` });
  process.stdout.write(`${p.id} ${importId} ${runId}\n`);
}
store.close();
