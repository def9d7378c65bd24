import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical';
import { fingerprint, fingerprintParts } from '../../shared/report/fingerprint';
import { clone, makeRun } from './fixtures';

describe('canonicalJson', () => {
  it('sorts keys at every level, drops undefined, writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined, x: '中' }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":"中","z":1}]},"b":1}');
    expect(canonicalJson({ n: NaN, i: Infinity })).toBe('{"i":null,"n":null}');
  });
});

describe('fingerprint', () => {
  it('is stable and prints as LC-XXXX-XXXX-XXXX', () => {
    const a = fingerprint(makeRun());
    const b = fingerprint(makeRun());
    expect(a.hex).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hex).toBe(b.hex);
    expect(a.short).toMatch(/^LC-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(a.short.replace(/-/g, '').slice(2).toLowerCase()).toBe(a.hex.slice(0, 12));
  });

  it('ignores volatile things: time of the check, absolute paths, key order', () => {
    const base = fingerprint(makeRun()).hex;
    const r = makeRun();
    r.checkedAt = '2030-01-01T00:00:00.000Z';
    r.imported.file = '/home/other/path/x.xlsx';
    r.conditions = { contract: r.conditions.contract, conditions: r.conditions.conditions, format: r.conditions.format };
    expect(fingerprint(r).hex).toBe(base);
  });

  it('changes with the workbook, a threshold, the rule versions and a verdict — each in its own part', () => {
    const base = fingerprintParts(makeRun());
    const wb = makeRun({ sha256: 'f'.repeat(64) });
    expect(fingerprintParts(wb).workbook).not.toBe(base.workbook);

    const th = makeRun();
    const a1 = th.conditions.conditions.find((c) => c.id === 'R1') as { value: number };
    a1.value = 80;
    const p = fingerprintParts(th);
    expect(p.conditions).not.toBe(base.conditions);
    expect(p.findings).toBe(base.findings);

    const rv = makeRun();
    rv.rules.indicators = 'other';
    expect(fingerprintParts(rv).rules).not.toBe(base.rules);

    const v = clone(makeRun());
    v.result.findings[0].verdict = 'fail';
    expect(fingerprintParts(v).findings).not.toBe(base.findings);
    expect(fingerprint(v).hex).not.toBe(fingerprint(makeRun()).hex);
  });
});
