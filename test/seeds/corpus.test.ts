// The adversarial corpus (seeds/corpus/): the committed files are exactly what the generators build,
// the condition files are valid, and the engine gives every hand-worked verdict, finding by finding
// (docs/evidence-policy.md; derivations in each expected file's `why`).
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, buildCorpus } from '../../seeds/scripts/build-corpus';
import { loadConditions } from '../../shared/conditions/index';
import { runCheck } from '../../shared/check/run';
import type { CheckRun } from '../../shared/model/types';
import { compareFindings, describeMismatches, findingKey, readExpected } from './expectations';
import { leaves, num, readWorkbook, table, text } from './helpers';

const DIR = fileURLToPath(new URL('../../seeds/corpus/', import.meta.url));
let tmp: string;
let built: string[];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'landcheck-corpus-'));
  built = await buildCorpus(tmp);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('corpus files', () => {
  it('has at least twelve workbooks, each with its conditions and expected verdicts, all committed', async () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(12);
    const have = await readdir(DIR);
    const names = built.map((p) => path.basename(p)).sort();
    expect(names).toHaveLength(CORPUS.length * 3 + 1);
    for (const n of names) expect(have, n).toContain(n);
    expect(have.filter((f) => f.endsWith('.xlsx')).sort()).toEqual(CORPUS.map((s) => `${s.name}.xlsx`).sort());
  });

  it('rebuilding is byte-for-byte identical to the committed files', async () => {
    for (const p of built) {
      const mine = await readFile(p);
      const theirs = await readFile(path.join(DIR, path.basename(p)));
      expect(mine.equals(theirs), path.basename(p)).toBe(true);
    }
  });

  it('condition files load, and every condition has expected findings and every finding a condition', async () => {
    for (const s of CORPUS) {
      const doc = await loadConditions(path.join(DIR, `${s.name}.conditions.json`));
      const exp = readExpected(path.join(DIR, `${s.name}.expected.json`));
      const ids = doc.conditions.map((c) => c.id);
      expect(new Set(exp.findings.map((f) => f.conditionId)), s.name).toEqual(new Set(ids));
      const keys = exp.findings.map((f) => findingKey(f.conditionId, f.building));
      expect(new Set(keys).size, `${s.name}: duplicate expected findings`).toBe(keys.length);
      for (const f of exp.findings) {
        expect(f.why.length, `${s.name} ${f.conditionId}`).toBeGreaterThan(10);
        expect(f.alsoAccept ?? [], `${s.name} ${f.conditionId}: pass is never an alternative`).not.toContain('pass');
      }
      for (const c of doc.conditions) for (const l of leaves(c)) expect(l.indicator, s.name).toBeTruthy();
      expect(s.sources.length, `${s.name} cites its sources`).toBeGreaterThan(0);
    }
  });

  it('has a fair share of non-compliant and needs-review cases, and names the policy rules it exercises', () => {
    const all = CORPUS.flatMap((s) => s.expected.findings);
    const count = (v: string) => all.filter((f) => f.verdict === v).length;
    expect(count('fail')).toBeGreaterThanOrEqual(10);
    expect(count('review')).toBeGreaterThanOrEqual(10);
    expect(count('pass')).toBeGreaterThanOrEqual(10);
    const bases = new Set(all.flatMap((f) => (f.basis ? [f.basis] : [])));
    for (const b of ['conflict', 'contradiction', 'upper-bound-only', 'parcel-unknown']) expect(bases, b).toContain(b);
    expect(all.some((f) => f.remark)).toBe(true);
  });
});

describe('corpus numbers', () => {
  it('score sheets: 总得分 equals its parts except where the contradiction is the point', async () => {
    const wb = await readWorkbook(path.join(DIR, 'green-scores-buildings-baoshan.xlsx'));
    for (const ws of wb.worksheets.filter((w) => w.name.startsWith('绿色建筑-'))) {
      const rows = table(ws, '指标类别');
      const parts = rows.filter((r) => text(r['指标类别']) !== '总得分').reduce((s, r) => s + (num(r['自评得分']) ?? 0), 0);
      const stated = num(rows.find((r) => text(r['指标类别']) === '总得分')!['自评得分'])!;
      const q = Math.round((400 + parts) * 10) / 100;
      if (ws.name.endsWith('A栋办公')) expect(Math.abs(stated - q), ws.name).toBeGreaterThan(5);
      else expect(stated, ws.name).toBeCloseTo(q, 9);
    }
  });

  it('sponge: the facility table falls short of V = 10·H·φ·F', async () => {
    const wb = await readWorkbook(path.join(DIR, 'sponge-facilities-qingpu.xlsx'));
    const ws = wb.getWorksheet('海绵城市计算书')!;
    const surf = table(ws, '序号').filter((r) => text(r['下垫面类型']) && text(r['下垫面类型']) !== '合计');
    const F = surf.reduce((s, r) => s + num(r['面积（㎡）'])!, 0);
    const psiA = surf.reduce((s, r) => s + num(r['面积（㎡）'])! * num(r['雨量径流系数'])!, 0);
    const V = (26.7 * psiA) / 1000;
    expect(F).toBe(31250);
    let provided = 0;
    ws.eachRow((row) => {
      if (text(row.getCell(2)) === '合计' && num(row.getCell(6)) !== null) provided = num(row.getCell(6))!;
    });
    expect(provided).toBe(418);
    expect(provided).toBeLessThan(V);
  });
});

// ---------------------------------------------------------------- the engine on the corpus

const runs = new Map<string, CheckRun>();
async function run(name: string): Promise<CheckRun> {
  let r = runs.get(name);
  if (!r) {
    r = await runCheck({ sheetPath: path.join(DIR, `${name}.xlsx`), conditionsPath: path.join(DIR, `${name}.conditions.json`) });
    runs.set(name, r);
  }
  return r;
}

describe('corpus verdicts (hand-worked, docs/evidence-policy.md)', () => {
  for (const s of CORPUS) {
    it(`${s.name}: every finding has the expected verdict`, async () => {
      const exp = readExpected(path.join(DIR, `${s.name}.expected.json`));
      const r = await run(s.name);
      const mismatches = compareFindings(r.result.findings, exp.findings);
      expect(describeMismatches(mismatches), s.title).toBe('');
      expect(r.result.overall).toBe(exp.overall);
    });
  }

  it('findings decided by a named policy rule record that rule (basis) and consistency remarks are given', async () => {
    const problems: string[] = [];
    for (const s of CORPUS) {
      const exp = readExpected(path.join(DIR, `${s.name}.expected.json`));
      const r = await run(s.name);
      for (const e of exp.findings.filter((f) => f.basis || f.remark)) {
        const k = findingKey(e.conditionId, e.building);
        const f = r.result.findings.find((x) => findingKey(x.conditionId, x.building) === k);
        if (!f) continue; // reported by the verdict test
        const shown = `${e.conditionId} ${e.building ?? '（项目）'}`;
        if (e.basis && f.basis !== e.basis) problems.push(`${s.name} ${shown}: basis 应为 ${e.basis}，实为 ${f.basis ?? '（无）'}`);
        if (e.remark && !(f.remarks && f.remarks.length > 0)) problems.push(`${s.name} ${shown}: 应有一致性提示（remarks），实无`);
      }
    }
    expect(problems.join('\n')).toBe('');
  });

  it('no developer words where a user looks: messages, clauses, warnings and unread reasons of every corpus result', async () => {
    const DEV = /docs\/|shared\/|\.md\b|\.json\b|\.ts\b|UNCONFIRMED|\bCONFIRMED|undefined|NaN|\[object/;
    const problems: string[] = [];
    for (const s of CORPUS) {
      const r = (await run(s.name)).result;
      const texts = [
        ...r.findings.flatMap((f) => [f.message, f.clause ?? '', f.calculation?.clause ?? '', ...(f.remarks ?? []).map((x) => (typeof x === 'string' ? x : JSON.stringify(x)))]),
        ...(r.warnings ?? []).map((w) => w.message),
        ...(r.coverage?.unread ?? []).map((u) => `${u.title} ${u.reason}`),
      ];
      for (const t of texts) if (DEV.test(t)) problems.push(`${s.name}: ${t}`);
    }
    expect(problems.join('\n')).toBe('');
  });
});
