// Layout fuzzing: every sample and corpus workbook, restated in many layouts real design institutes
// use (test/fuzz/transforms.ts), must keep the verdicts worked out by hand (its expected file).
// Error and conflict variants (a visible duplicate with another value, #DIV/0!/#REF! in a value
// cell, an unreadable score table) must give `review` for the findings they affect — never `pass`.
//
// Deterministic: the workbooks each kind is applied to are chosen with a seed. Defaults keep the
// run short (each kind on 4 workbooks + 6 combinations); LANDCHECK_FUZZ=full runs every kind on
// every workbook, LANDCHECK_FUZZ_SEED changes the choice, LANDCHECK_FUZZ_PER_KIND the count.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConditions } from '../../shared/conditions/index';
import { importWorkbookBuffer } from '../../shared/import/index';
import { checkImported } from '../../shared/check/run';
import type { ConditionsDoc } from '../../shared/model/types';
import { compareFindings, readExpected, type ExpectedDoc, type Mismatch } from '../seeds/expectations';
import { ALL, ERRORS, SAME_FACTS, factsOf, hashSeed, rng, type Fact, type BuildingRef, type Transform, type Variant } from './transforms';
import { loadModel, writeModel, type WorkbookM } from './workbook-model';

const SEED = Number(process.env.LANDCHECK_FUZZ_SEED ?? 20250310);
const FULL = process.env.LANDCHECK_FUZZ === 'full';
const DUMP = process.env.LANDCHECK_FUZZ_DUMP;
const PER_KIND = FULL ? Number.POSITIVE_INFINITY : Number(process.env.LANDCHECK_FUZZ_PER_KIND ?? 4);
const COMBOS = FULL ? Number.POSITIVE_INFINITY : 6;

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));

interface Source {
  name: string;
  file: string;
  model: WorkbookM;
  facts: Fact[];
  buildings: BuildingRef[];
  conditions: ConditionsDoc;
  expected: ExpectedDoc;
  /** Mismatches of the untransformed workbook (to tell a layout failure from a baseline one). */
  baseline: Mismatch[];
}

async function loadSources(): Promise<Source[]> {
  const out: Source[] = [];
  for (const dir of ['samples', 'corpus']) {
    const d = path.join(SEEDS, dir);
    for (const f of readdirSync(d).filter((x) => x.endsWith('.xlsx')).sort()) {
      const name = f.replace(/\.xlsx$/, '');
      const data = readFileSync(path.join(d, f));
      const imported = await importWorkbookBuffer(data, f);
      const conditions = await loadConditions(path.join(d, `${name}.conditions.json`));
      const expected = readExpected(path.join(d, `${name}.expected.json`));
      const baseline = compareFindings(checkImported(imported, conditions, `${name}.conditions.json`).result.findings, expected.findings);
      out.push({ name: `${dir}/${name}`, file: f, model: await loadModel(data), ...factsOf(imported), conditions, expected, baseline });
    }
  }
  return out;
}

const sources = await loadSources();

function context(src: Source, kind: string) {
  return { name: src.name, facts: src.facts, buildings: src.buildings, conditions: src.conditions, expected: src.expected, rng: rng(hashSeed(SEED, kind, src.name)) };
}

/** Runs one variant through import and check; returns the mismatches with the hand-worked verdicts. */
async function check(src: Source, v: Variant): Promise<string[]> {
  const buf = await writeModel(v.wb);
  // LANDCHECK_FUZZ_DUMP=<folder> keeps every variant's workbook, to open one that failed
  if (DUMP) writeFileSync(path.join(DUMP, `${src.name.replace('/', '-')}--${v.what.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40)}.xlsx`), buf);
  let findings;
  let read: string[];
  try {
    const imported = await importWorkbookBuffer(buf, src.file);
    findings = checkImported(imported, src.conditions, `${src.name}.conditions.json`).result.findings;
    // the restated facts themselves must still be read, not only the verdicts they decide
    read = v.verify?.(imported) ?? [];
  } catch (e) {
    return [`导入或检查失败：${e instanceof Error ? e.message : String(e)}`];
  }
  const mm = compareFindings(findings, src.expected.findings, v.override);
  const base = new Set(src.baseline.map((m) => `${m.key}|${m.got}`));
  return [...mm.map((m) => `${m.key}: 应为 ${m.want}，实为 ${m.got}${base.has(`${m.key}|${m.got}`) ? '（原表同样如此）' : ''}`), ...read];
}

/** The workbooks a kind applies to, in the seeded order, at most `limit`. */
function pick(t: Transform, limit: number): { src: Source; variant: Variant }[] {
  const order = [...sources].sort((a, b) => hashSeed(SEED, t.kind, a.name) - hashSeed(SEED, t.kind, b.name));
  const out: { src: Source; variant: Variant }[] = [];
  for (const src of order) {
    if (out.length >= limit) break;
    const variant = t.apply(src.model.clone(), context(src, t.kind));
    if (variant) out.push({ src, variant });
  }
  return out;
}

async function runKind(cases: { src: Source; variant: Variant }[]): Promise<string> {
  const problems: string[] = [];
  for (const { src, variant } of cases) {
    const mm = await check(src, variant);
    if (mm.length) problems.push(`【${src.name}】${variant.what}\n  ${mm.join('\n  ')}`);
  }
  return problems.join('\n');
}

describe('layout fuzzing: the same facts in other layouts keep their verdicts', () => {
  it('has at least 20 kinds of same-facts transformation and the error kinds, and each applies somewhere', () => {
    expect(SAME_FACTS.length).toBeGreaterThanOrEqual(20);
    expect(ERRORS.map((t) => t.kind)).toEqual(expect.arrayContaining(['visible-duplicate', 'error-div0', 'unreadable-score-table']));
    expect(sources.length).toBeGreaterThanOrEqual(16);
    const never = ALL.filter((t) => pick(t, 1).length === 0).map((t) => t.kind);
    expect(never).toEqual([]);
  });

  for (const t of SAME_FACTS) {
    it(`${t.kind}`, async () => {
      const cases = pick(t, PER_KIND);
      expect(cases.length).toBeGreaterThan(0);
      expect(await runKind(cases)).toBe('');
    });
  }

  it('combinations of three transformations', async () => {
    // one that edits cells in place, one that moves cells, one that renames or adds sheets: the facts
    // located in the original stay valid for each step
    const early = new Set(['hidden-stale-copy', 'very-hidden-stale-copy', 'fullwidth-digits', 'bracket-notes', 'percent-as-text', 'percent-as-format', 'areas-wan', 'label-synonyms', 'numbering-prefix', 'label-spacing', 'bilingual-labels']);
    const late = new Set(['building-respell', 'generic-sheet-names', 'cover-toc']);
    const groups = [SAME_FACTS.filter((t) => early.has(t.kind)), SAME_FACTS.filter((t) => !early.has(t.kind) && !late.has(t.kind)), SAME_FACTS.filter((t) => late.has(t.kind))];
    const problems: string[] = [];
    const chosen = [...sources].sort((a, b) => hashSeed(SEED, 'combo', a.name) - hashSeed(SEED, 'combo', b.name)).slice(0, COMBOS);
    for (const src of chosen) {
      const r = rng(hashSeed(SEED, 'combo-kinds', src.name));
      const kinds = groups.map((g) => r.pick(g));
      let wb = src.model.clone();
      const what: string[] = [];
      for (const t of kinds) {
        const v = t.apply(wb, context(src, `combo:${t.kind}`));
        if (v) {
          wb = v.wb;
          what.push(v.what);
        }
      }
      const mm = await check(src, { wb, override: new Map(), what: what.join('；') });
      if (mm.length) problems.push(`【${src.name}】${what.join('；')}\n  ${mm.join('\n  ')}`);
    }
    expect(problems.join('\n')).toBe('');
  });
});

describe('layout fuzzing: conflicts and errors give review for the affected findings', () => {
  for (const t of ERRORS) {
    it(`${t.kind}`, async () => {
      const cases = pick(t, PER_KIND);
      expect(cases.length).toBeGreaterThan(0);
      for (const c of cases) expect(c.variant.override.size, `${c.src.name}: the variant affects some finding`).toBeGreaterThan(0);
      expect(await runKind(cases)).toBe('');
    });
  }
});
