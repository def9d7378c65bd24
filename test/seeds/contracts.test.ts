// The bundled contract excerpt, pasted as text, yields the same conditions as the sample's
// hand-written condition file, and the same verdicts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conditionsFromText, parseConditions } from '../../shared/conditions/index';
import { importWorkbook } from '../../shared/import/index';
import { evaluate } from '../../shared/check/engine';
import type { Condition } from '../../shared/model/types';

const SEEDS = join(process.cwd(), 'seeds');

const essence = (c: Condition) => {
  const { id: _id, note: _n, source: _s, method: _m, text: _t, ...rest } = c;
  return rest;
};

describe('contract text → conditions', () => {
  it('public-mixed-songjiang: parsed text equals the sample condition file, verdict for verdict', async () => {
    const text = readFileSync(join(SEEDS, 'contracts', 'public-mixed-songjiang.txt'), 'utf8');
    const { doc, unparsed } = conditionsFromText(text);
    expect(unparsed).toEqual([]);
    const file = parseConditions(readFileSync(join(SEEDS, 'samples', 'public-mixed-songjiang.conditions.json'), 'utf8'), 'c.json');
    expect(doc.conditions.map(essence)).toEqual(file.conditions.map(essence));
    const imported = await importWorkbook(join(SEEDS, 'samples', 'public-mixed-songjiang.xlsx'));
    const fromText = evaluate(imported, { ...doc, contract: file.contract }).map((f) => [f.building, f.verdict]);
    const fromFile = evaluate(imported, file).map((f) => [f.building, f.verdict]);
    expect(fromText).toEqual(fromFile);
  });
});
