// A remark that only states the basis a figure is counted on explains it and does not qualify it
// (docs/evidence-policy.md, declared-remark; shared/data/value-remarks.json `basisRemarks`):
// "绿地率（按净用地计）", "太阳能热水年供热量（折合电量）", "光伏覆盖率（占可安装面积）",
// "地上设备层200m²不计容". The basis is neutral when it is the one the contract uses for the
// quantity — stated in the condition's own text, else agreed by every condition of the contract
// that states one — or, where the contract states none, the one the standard defines (`default`).
// Another basis (按总用地计 against a ratio on net land) qualifies, and so does any remark not listed.
import remarks from '../data/value-remarks.json';

/** The contract's words about the condition being checked: its own text, and every condition's. */
export interface BasisTexts {
  own?: string;
  contract: readonly string[];
}

interface Kind {
  id: string;
  what: string;
  indicators: ReadonlySet<string>;
  remark: RegExp;
  /** word → basis id */
  bases: ReadonlyMap<string, string>;
  statedIn: readonly RegExp[];
  default: string | null;
}

const alternation = (words: Iterable<string>) => [...words].sort((a, b) => b.length - a.length).join('|');

const KINDS: readonly Kind[] = remarks.basisRemarks.kinds.map((k) => {
  const bases = new Map<string, string>();
  for (const [id, words] of Object.entries(k.bases)) for (const w of words) bases.set(w, id);
  const words = alternation(bases.keys());
  return {
    id: k.id,
    what: k.what,
    indicators: new Set(k.indicators),
    remark: new RegExp(k.remark),
    bases,
    statedIn: k.statedIn.map((p) => new RegExp(p.replace('{words}', words), 'g')),
    default: k.default,
  };
});

const DEFINITIONAL = remarks.basisRemarks.definitional.map((d) => ({ indicators: new Set(d.indicators), remark: new RegExp(d.remark) }));

/** The bases a text states for this kind ("容积率不大于2.7（按净用地面积计）" → net). */
function statedBases(k: Kind, text: string): Set<string> {
  const out = new Set<string>();
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  for (const re of k.statedIn) {
    re.lastIndex = 0;
    for (const m of t.matchAll(re)) {
      const id = k.bases.get(m[1]);
      if (id) out.add(id);
    }
  }
  return out;
}

/** The basis the contract uses for this kind: the condition's own, else the contract's agreed one, else the standard's; null when they disagree. */
function contractBasis(k: Kind, texts: BasisTexts | undefined): string | null {
  const own = texts?.own ? statedBases(k, texts.own) : new Set<string>();
  if (own.size) return own.size === 1 ? [...own][0] : null;
  const all = new Set<string>();
  for (const t of texts?.contract ?? []) for (const b of statedBases(k, t)) all.add(b);
  if (all.size) return all.size === 1 ? [...all][0] : null;
  return k.default;
}

/**
 * One part of a remark (normalised: NFKC, no spaces) only states how the indicator's figure is
 * counted: a space its definition leaves out, or the basis the contract uses.
 */
export function neutralBasisRemark(part: string, indicator: string, texts: BasisTexts | undefined): boolean {
  if (DEFINITIONAL.some((d) => d.indicators.has(indicator) && d.remark.test(part))) return true;
  for (const k of KINDS) {
    if (!k.indicators.has(indicator)) continue;
    const m = k.remark.exec(part);
    const said = m ? k.bases.get(m[1]) : undefined;
    if (said) return said === contractBasis(k, texts);
  }
  return false;
}

/** The remark states a basis or a definitional exclusion of some kind (a 备注 cell to keep with the value). */
export function statesBasis(text: string): boolean {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  return KINDS.some((k) => k.remark.test(t)) || DEFINITIONAL.some((d) => d.remark.test(t));
}

/** The basis the contract uses for one kind (value-remarks.json `basisRemarks.kinds[].id`), as contractBasis. */
export function contractBasisOf(kind: string, texts: BasisTexts | undefined): string | null {
  const k = KINDS.find((x) => x.id === kind);
  return k ? contractBasis(k, texts) : null;
}
