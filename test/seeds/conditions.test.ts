// Templates and sample contracts are valid landcheck.conditions/v1 documents that only use
// condition indicators of the catalogue; expected.json files match their condition files.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { indicator } from '../../shared/model/indicators';
import type { ConditionsDoc } from '../../shared/model/types';
import { leaves, readWorkbook, text } from './helpers';

const SEEDS = fileURLToPath(new URL('../../seeds', import.meta.url));
const TEMPLATES = path.join(SEEDS, 'templates');
const SAMPLES = path.join(SEEDS, 'samples');

const templateFiles = readdirSync(TEMPLATES).filter((f) => f.endsWith('.json')).sort();
const contractFiles = readdirSync(SAMPLES).filter((f) => f.endsWith('.conditions.json')).sort();
const sampleNames = contractFiles.map((f) => f.replace(/\.conditions\.json$/, ''));

const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as ConditionsDoc;
const OPS = ['>=', '>', '<=', '<', '=='];
const USES = ['residential', 'public', 'industrial'];
const VERDICTS = ['pass', 'fail', 'missing', 'review', 'not_applicable'];

/** Every problem of a conditions document, as readable strings (empty = valid). */
function problems(doc: ConditionsDoc): string[] {
  const out: string[] = [];
  if (doc.format !== 'landcheck.conditions/v1') out.push(`format ${String(doc.format)}`);
  if (!Array.isArray(doc.conditions) || doc.conditions.length === 0) return [...out, 'no conditions'];
  const ids = doc.conditions.map((c) => c.id);
  for (const id of ids.filter((id, i) => ids.indexOf(id) !== i)) out.push(`duplicate id ${id}`);
  for (const c of doc.conditions) {
    if (!c.id) out.push('condition without id');
    if (!c.text || !c.clause) out.push(`${c.id}: clause/text missing`);
    if (c.scope !== undefined && c.scope !== 'project' && c.scope !== 'building') out.push(`${c.id}: scope ${JSON.stringify(c.scope)}`);
    for (const u of c.appliesTo?.use ?? []) if (!USES.includes(u)) out.push(`${c.id}: use ${u}`);
    if (c.appliesTo && c.scope !== 'building') out.push(`${c.id}: appliesTo without scope building`);
    for (const l of leaves(c)) {
      const def = indicator(l.indicator);
      if (!def) {
        out.push(`${c.id}: unknown indicator ${l.indicator}`);
        continue;
      }
      if (def.role !== 'condition') out.push(`${c.id}: ${l.indicator} is an input, not a condition indicator`);
      if (!OPS.includes(l.op)) out.push(`${c.id}: op ${l.op}`);
      if (def.type === 'boolean' && (l.op !== '==' || typeof l.value !== 'boolean')) out.push(`${c.id}: boolean needs == true/false`);
      if (def.type !== 'boolean' && typeof l.value !== 'number') out.push(`${c.id}: ${l.indicator} needs a number`);
      if (def.type === 'star' && !(Number.isInteger(l.value) && (l.value as number) >= 0 && (l.value as number) <= 3)) out.push(`${c.id}: star 0..3`);
      if (def.type === 'percent' && ((l.value as number) < 0 || (l.value as number) > 100)) out.push(`${c.id}: percent 0..100`);
    }
  }
  return out;
}

describe('condition documents', () => {
  it('finds the three required templates and at least three samples', () => {
    expect(templateFiles).toEqual(
      expect.arrayContaining(['shanghai-new-civil-buildings.json', 'shanghai-key-areas-new-towns.json', 'national-baseline.json']),
    );
    expect(sampleNames.length).toBeGreaterThanOrEqual(3);
  });

  it('the validator rejects what it should (guards the checks below)', () => {
    const bad = {
      format: 'landcheck.conditions/v1',
      conditions: [
        { id: 'X', clause: 'c', text: 't', indicator: 'gb_total_score', op: '>=', value: 60 },
        { id: 'X', clause: 'c', text: 't', indicator: 'smart_construction', op: '>=', value: 1 },
        { id: 'Y', clause: 'c', text: 't', anyOf: [{ indicator: 'no_such', op: '>=', value: 1 }] },
      ],
    } as unknown as ConditionsDoc;
    const p = problems(bad).join('\n');
    expect(p).toMatch(/duplicate id X/);
    expect(p).toMatch(/gb_total_score is an input/);
    expect(p).toMatch(/boolean needs/);
    expect(p).toMatch(/unknown indicator no_such/);
  });

  for (const f of [...templateFiles.map((x) => path.join(TEMPLATES, x)), ...contractFiles.map((x) => path.join(SAMPLES, x))]) {
    it(`${path.basename(f)} is valid`, () => {
      expect(problems(load(f))).toEqual([]);
    });
  }

  for (const f of templateFiles) {
    it(`template ${f} names its sources and tells the user to replace thresholds`, () => {
      const doc = load(path.join(TEMPLATES, f)) as ConditionsDoc & { jurisdiction?: string; version?: string };
      expect(doc.title).toBeTruthy();
      expect(doc.jurisdiction).toBeTruthy();
      expect(doc.version).toBeTruthy();
      expect(doc.notes).toMatch(/替换/);
      expect(doc.notes).toMatch(/合同/);
      for (const c of doc.conditions) {
        expect(c.clause, c.id).toMatch(/^模板第\d+项$/);
        expect(c.source, c.id).toMatch(/CONFIRMED/);
      }
      // A template without any UNCONFIRMED number would not need the warning: make sure it is there.
      expect(doc.conditions.some((c) => /UNCONFIRMED/.test(c.source ?? ''))).toBe(true);
      expect(doc.notes).toMatch(/UNCONFIRMED/);
    });
  }

  it('the Shanghai template marks the 大型公共建筑 area definition as UNCONFIRMED', () => {
    const doc = load(path.join(TEMPLATES, 'shanghai-new-civil-buildings.json'));
    const big = doc.conditions.find((c) => c.appliesTo?.minFloorArea === 20000);
    expect(big).toBeDefined();
    expect(big!.source).toMatch(/大型公共建筑.*UNCONFIRMED/);
    const pv = doc.conditions.filter((c) => leaves(c).some((l) => l.indicator === 'pv_roof_coverage'));
    expect(pv.map((c) => [c.appliesTo?.use, leaves(c)[0].value])).toEqual([
      [['industrial'], 50],
      [['public'], 30],
    ]);
  });
});

describe('expected results of the samples', () => {
  for (const name of sampleNames) {
    it(`${name}.expected.json lists one finding per condition (per building for building scope)`, async () => {
      const doc = load(path.join(SAMPLES, `${name}.conditions.json`));
      const exp = JSON.parse(readFileSync(path.join(SAMPLES, `${name}.expected.json`), 'utf8')) as {
        overall: string;
        exit: number;
        findings: { conditionId: string; building: string | null; verdict: string; why: string }[];
      };
      const byId = new Map(doc.conditions.map((c) => [c.id, c]));
      for (const f of exp.findings) {
        expect(byId.has(f.conditionId), `${f.conditionId} exists`).toBe(true);
        expect(VERDICTS).toContain(f.verdict);
        expect(f.why.length, `${f.conditionId} ${f.building} why`).toBeGreaterThan(3);
      }
      // Every condition has findings; project scope: exactly one with building null.
      const buildingSets: string[][] = [];
      for (const c of doc.conditions) {
        const fs = exp.findings.filter((f) => f.conditionId === c.id);
        if ((c.scope ?? 'project') === 'project') {
          expect(fs.map((f) => f.building), c.id).toEqual([null]);
        } else {
          const names = fs.map((f) => f.building);
          expect(names.every((n) => typeof n === 'string'), c.id).toBe(true);
          expect(new Set(names).size, `${c.id} no duplicate building`).toBe(names.length);
          buildingSets.push((names as string[]).slice().sort());
          if (!c.appliesTo) expect(fs.some((f) => f.verdict === 'not_applicable'), c.id).toBe(false);
        }
      }
      // Building-scope conditions all list the same buildings, and those names are in the workbook.
      for (const s of buildingSets) expect(s).toEqual(buildingSets[0]);
      if (buildingSets.length) {
        const wb = await readWorkbook(path.join(SAMPLES, `${name}.xlsx`));
        const cellTexts = new Set<string>();
        wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void cellTexts.add(text(c)))));
        for (const b of buildingSets[0]) expect(cellTexts.has(b), `building ${b} in workbook`).toBe(true);
      }
      // overall and exit follow docs/formats.md §3/§4.
      const v = exp.findings.map((f) => f.verdict);
      const overall = v.includes('fail') ? 'fail' : v.includes('missing') || v.includes('review') ? 'incomplete' : 'pass';
      expect(exp.overall).toBe(overall);
      expect(exp.exit).toBe({ pass: 0, fail: 1, incomplete: 2 }[overall]);
    });
  }

  it('the samples cover pass, fail and incomplete', () => {
    const overall = sampleNames.map((n) => JSON.parse(readFileSync(path.join(SAMPLES, `${n}.expected.json`), 'utf8')).overall);
    expect(new Set(overall)).toEqual(new Set(['pass', 'fail', 'incomplete']));
  });
});
