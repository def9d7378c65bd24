// Every rule of the evidence policy has its words in the one vocabulary the report, the Excel record
// and the screens use (a rule without words would be shown generically or not at all).
import { describe, expect, it } from 'vitest';
import { EVIDENCE_RULES } from '../../shared/check/evidence';
import { basisWord } from '../../shared/model/basis';
import { CONSISTENCY_BASES } from '../../shared/check/consistency';

describe('basis vocabulary', () => {
  it('names every evidence rule and the applicability/parcel decisions in Chinese', () => {
    const ids = [...EVIDENCE_RULES.map((r) => r.basis), 'not-applicable', 'applicability-unknown', 'parcel-unknown', 'parcel-mismatch', 'building-exceeds', 'building-below', ...CONSISTENCY_BASES];
    const unnamed = ids.filter((id) => !/[\u4e00-\u9fff]/.test(basisWord(id) ?? ''));
    expect(unnamed).toEqual([]);
  });
  it('never shows an unknown id', () => {
    expect(basisWord('no-such-rule')).toBeNull();
    expect(basisWord(null)).toBeNull();
  });
});
