// The energy standard level a text names (超低能耗 / 近零能耗 / 零能耗 / 被动式 / 常规节能), and whether
// it makes the building 超低能耗: GB/T 51350-2019's tiers (data: shared/data/energy-levels.json,
// docs/domain/energy-carbon.md §3).
import data from '../data/energy-levels.json';

export interface EnergyLevel {
  level: string;
  /** Chinese name of the level ("近零能耗建筑"). */
  name: string;
  /** The level is 超低能耗 or stricter (近零能耗, 零能耗). */
  ultraLow: boolean;
  /** Data status of the vocabulary entry that matched. */
  status: string;
  /** The text negates the level word ("非超低能耗建筑"). */
  negated?: boolean;
}

const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
const NEGATION = new RegExp(data.negation.pattern);
const LEVELS = data.levels.map((l) => ({ ...l, res: l.patterns.map((p) => new RegExp(p, 'i')) }));

/** The level `text` names, or null when it names none (a use, a name, anything else). */
export function energyLevel(text: string): EnergyLevel | null {
  if (text.length > 60) return null;
  const f = fold(text);
  if (!f) return null;
  for (const l of LEVELS) {
    if (!l.res.some((re) => re.test(f))) continue;
    const out: EnergyLevel = { level: l.level, name: l.name, ultraLow: l.ultraLow, status: l.status };
    if (l.ultraLow && NEGATION.test(f)) {
      out.ultraLow = false;
      out.negated = true;
    }
    return out;
  }
  return null;
}
