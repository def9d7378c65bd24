// Notes that restate an indicator's own definition (shared/data/indicator-bases.json): “预制率
// （±0.000以上）” counts, by the standard's definition, only the structure above ±0.000, so the
// note neither limits nor qualifies the figure (docs/evidence-policy.md, declared-remark).
import data from '../data/indicator-bases.json';

const BASES = data.bases.map((b) => ({ ids: new Set(b.indicators), res: b.patterns.map((p) => new RegExp(p)) }));

/** True when `note` only restates how `indicator` is defined (neutral for that indicator alone). */
export function definitionalNote(indicator: string, note: string): boolean {
  const t = note.normalize('NFKC').replace(/\s+/g, '');
  return BASES.some((b) => b.ids.has(indicator) && b.res.some((re) => re.test(t)));
}
