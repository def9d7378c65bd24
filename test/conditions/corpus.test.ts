// The corpus of real clause sentences (test/conditions/corpus/sentences.json): the parser gives
// exactly the expected reading for every one — the same conditions, or a refusal of the expected
// kind naming the expected word. Every condition it emits is a valid condition file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conditionsFromText, validateConditions } from '../../shared/conditions/index';

interface Entry {
  source: string;
  text: string;
  excerpt?: boolean;
  expect: { conditions?: Array<Record<string, unknown>>; refused?: string; because?: string; nothing?: true };
}

const corpus = JSON.parse(readFileSync(join(__dirname, 'corpus', 'sentences.json'), 'utf8')) as {
  sources: Record<string, { url: string; title: string; city: string }>;
  sentences: Entry[];
};

/** A condition as the corpus states it: without id/text/clause; note and toConfirm as words they contain. */
function comparable(c: Record<string, unknown>, expected: Record<string, unknown>): Record<string, unknown> {
  const { id: _i, text: _t, clause: _c, ...rest } = c;
  for (const k of ['note', 'toConfirm'] as const) {
    if (typeof rest[k] === 'string' && typeof expected[k] === 'string' && (rest[k] as string).includes(expected[k] as string)) rest[k] = expected[k];
  }
  return rest;
}

describe('clause corpus', () => {
  it('has at least 60 sentences from several cities, each with a source address', () => {
    expect(corpus.sentences.length).toBeGreaterThanOrEqual(60);
    const cities = new Set(corpus.sentences.map((s) => corpus.sources[s.source]?.city));
    expect(cities.size).toBeGreaterThanOrEqual(8);
    for (const s of corpus.sentences) expect(corpus.sources[s.source]?.url, s.text).toMatch(/^https?:\/\//);
    expect(corpus.sentences.filter((s) => s.expect.conditions).length).toBeGreaterThanOrEqual(10);
  });

  for (const s of corpus.sentences) {
    it(`${s.source}: ${s.text}`, () => {
      const { doc, unparsed } = conditionsFromText(s.text);
      const e = s.expect;
      if (e.conditions) {
        expect(unparsed).toEqual([]);
        expect(doc.conditions.map((c, i) => comparable(c as unknown as Record<string, unknown>, e.conditions![i] ?? {}))).toEqual(e.conditions);
        validateConditions(JSON.parse(JSON.stringify(doc)), 'corpus.json');
      } else if (e.refused) {
        expect(doc.conditions).toEqual([]);
        expect(unparsed).toHaveLength(1);
        expect(unparsed[0].code).toBe(e.refused);
        if (e.because) expect(unparsed[0].reason).toContain(e.because);
      } else {
        expect(doc.conditions).toEqual([]);
        expect(unparsed).toEqual([]);
      }
    });
  }
});
