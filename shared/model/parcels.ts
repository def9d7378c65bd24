import notations from '../data/name-notations.json';

// Parcels (地块): one notion of a parcel name for every reader — the engine's choice of the
// contract's parcel (shared/check/parcels.ts), per-plot conditions (shared/check/projectGates.ts),
// the report's identity check (shared/report/identity.ts) and the gate on a sheet that names
// another parcel (docs/evidence-policy.md "Before anything: which parcel").
//
// A parcel name gives a planning unit (规划单元: the code before "单元", "SJC10018单元",
// "MHP0-0306单元") and one or more plot numbers (地块编号: "08-03", "G18", "5-3、6-3"). Plot numbers
// are compared part by part with leading zeros ignored (05-03 = 5-3); two names that both give a
// unit designate the same parcel only when the units agree.

/** Parcel name normalised for comparison: NFKC, no spaces, dashes unified, upper case, no "地块"/"号地块"/"号"/"#" suffix. */
export function normaliseParcel(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[—–－‐]/g, '-')
    .toUpperCase()
    .replace(/(号)?地块$/, '')
    .replace(/[#号]$/, '');
}

/** A plot number in canonical form: leading zeros of numeric parts dropped ("08-03" → "8-3"). */
function canonicalPlot(code: string): string {
  return code
    .split('-')
    .map((p) => (/^\d+$/.test(p) ? String(Number(p)) : p))
    .join('-');
}

/** Words after a code that make it something other than a plot number (a unit, a community …). */
const NOT_A_PLOT = /^(?:单元|街坊|社区|街道|号线)/;

export interface ParcelName {
  /** The normalised name. */
  text: string;
  /** The planning unit's code ("SJC10018"), or null when the name gives none. */
  unit: string | null;
  /** Plot numbers as written (normalised), in order. */
  plots: string[];
}

/** A parcel name read into its planning unit and plot numbers ("SJC10018单元08-03地块"). */
export function readParcel(name: string): ParcelName {
  const text = normaliseParcel(name);
  const unitMatch = /([A-Z0-9]+(?:-[A-Z0-9]+)*)单元/.exec(text);
  const plots: string[] = [];
  const re = /[A-Z0-9]+(?:-[A-Z0-9]+)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (NOT_A_PLOT.test(text.slice(m.index + m[0].length)) || !/\d/.test(m[0])) continue;
    plots.push(m[0]);
  }
  return { text, unit: unitMatch ? unitMatch[1] : null, plots };
}

/** The trailing plot number ("08-03" of "SJC10018单元08-03地块"), or null. */
export function plotNumber(name: string): string | null {
  const m = /(\d+(?:-\d+)*)[A-Z]?$/.exec(normaliseParcel(name));
  return m ? m[0] : null;
}

/** Both names give a planning unit and the units differ (10502单元05-02 is not 10501单元05-02). */
function otherUnit(a: ParcelName, b: ParcelName): boolean {
  return a.unit !== null && b.unit !== null && a.unit !== b.unit;
}

/** Whether a parcel of a several-parcel workbook is the one a contract names: same name, or same trailing plot number in the same unit. */
export function parcelMatches(parcel: string, contract: string): boolean {
  const a = readParcel(parcel);
  const b = readParcel(contract);
  if (!a.text || !b.text) return false;
  if (a.text === b.text) return true;
  if (otherUnit(a, b)) return false;
  const pa = plotNumber(parcel);
  const pb = plotNumber(contract);
  return pa !== null && pb !== null && canonicalPlot(pa) === canonicalPlot(pb);
}

/**
 * How a parcel named in a condition relates to a parcel name: 'same' (the name designates that
 * parcel only), 'among' (the name lists several parcels, that one included) or 'other'.
 */
export function parcelMatch(wanted: string, name: string): 'same' | 'among' | 'other' {
  const w = readParcel(wanted);
  const n = readParcel(name);
  if (w.text === n.text) return 'same';
  if (otherUnit(w, n)) return 'other';
  const want = w.plots.map(canonicalPlot);
  const have = n.plots.map(canonicalPlot);
  if (want.length !== 1 || have.length === 0) return 'other';
  if (!have.includes(want[0])) return 'other';
  return have.length === 1 ? 'same' : 'among';
}

/**
 * The parcel code a free text names — a project name, a sheet title — ("SJC10018单元08-03地块" →
 * "SJC10018单元08-03"; "…05-03地块住宅项目" → "05-03"), or null. Only a dashed plot number counts
 * in free text (a year, a year and month or a floor count is not a parcel).
 */
export function parcelCode(s: string): string | null {
  const t = s.normalize('NFKC').replace(/\s+/g, '').replace(/[—–－‐]/g, '-');
  const re = /([A-Z]{2,}\d{2,}单元)?(?<![0-9])(\d{1,4}-\d{1,3}[A-Z]?)(?=(号?地块)|$|[^0-9-])/gi;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    // a year and month ("第2版 2025-07") is a date, unless 地块 follows it
    if (!m[3] && /^(19|20)\d\d-(0?[1-9]|1[0-2])$/.test(m[2])) continue;
    return `${(m[1] ?? '').toUpperCase()}${m[2].toUpperCase()}`;
  }
  return null;
}

/** Whether two texts designate the same parcel; true when either names no parcel code. */
export function sameParcel(a: string, b: string): boolean {
  const ca = parcelCode(a);
  const cb = parcelCode(b);
  if (!ca || !cb) return true;
  const pa = readParcel(ca);
  const pb = readParcel(cb);
  if (otherUnit(pa, pb)) return false;
  const plot = (p: ParcelName) => canonicalPlot(p.plots[p.plots.length - 1] ?? '');
  return plot(pa) === plot(pb);
}

const PHASE = new RegExp(notations.phase.pattern, 'g');

/**
 * A text that names a development phase together with a parcel ("某花园二期（05-02地块）",
 * "JN05(252):2025-012（一期）", "一期用地即05-02地块"): the phase is that parcel. Gives the phase
 * words, the parcel code and the text without the phase words (for any other scope it names), or
 * null when the text names no phase or no parcel.
 */
export function phaseParcel(text: string): { phases: string[]; parcel: string; rest: string } | null {
  const t = text.normalize('NFKC');
  const parcel = parcelCode(t);
  if (!parcel) return null;
  const phases = [...new Set(t.match(PHASE) ?? [])];
  if (!phases.length) return null;
  return { phases, parcel, rest: t.replace(PHASE, '') };
}

/** The phase words a text names ("一期", "第二期"). */
export function phasesIn(text: string): string[] {
  return [...new Set(text.normalize('NFKC').match(PHASE) ?? [])];
}
