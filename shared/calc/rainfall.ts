// City tables 年径流总量控制率 α → 设计降雨量 H (shared/data/rainfall/*.json), and interpolation.
import beijing from '../data/rainfall/beijing.json';
import shanghai from '../data/rainfall/shanghai.json';
import tianjin from '../data/rainfall/tianjin.json';

export interface RainfallPoint {
  /** 年径流总量控制率, percent. */
  alpha: number;
  /** 设计降雨量, mm. */
  H: number;
  status: string;
  source: string;
}

export interface RainfallTable {
  city: string;
  match?: string[];
  title?: string;
  source: string;
  note?: string;
  points: RainfallPoint[];
}

export const RAINFALL_TABLES: RainfallTable[] = [beijing, shanghai, tianjin] as RainfallTable[];

/** The table for a contract city ("上海市", "北京"), or undefined. */
export function rainfallTableFor(city: string | undefined): RainfallTable | undefined {
  if (!city) return undefined;
  return RAINFALL_TABLES.find((t) => (t.match ?? [t.city]).some((m) => city.includes(m)));
}

function sorted(t: RainfallTable): RainfallPoint[] {
  return [...t.points].sort((a, b) => a.H - b.H);
}

/**
 * α for a design depth H, linearly interpolated between the two bracketing points, or null when
 * the table has no points bracketing H (an exact hit on a single point counts).
 */
export function alphaForDepth(t: RainfallTable, H: number): { alpha: number; lo: RainfallPoint; hi: RainfallPoint } | null {
  const pts = sorted(t);
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i];
    if (p.H === H) return { alpha: p.alpha, lo: p, hi: p };
    const q = pts[i + 1];
    if (q && p.H < H && H < q.H) {
      return { alpha: p.alpha + ((H - p.H) / (q.H - p.H)) * (q.alpha - p.alpha), lo: p, hi: q };
    }
  }
  return null;
}

/** H for a control rate α, interpolated between bracketing points, or null. */
export function depthForAlpha(t: RainfallTable, alpha: number): { H: number; lo: RainfallPoint; hi: RainfallPoint } | null {
  const pts = [...t.points].sort((a, b) => a.alpha - b.alpha);
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i];
    if (p.alpha === alpha) return { H: p.H, lo: p, hi: p };
    const q = pts[i + 1];
    if (q && p.alpha < alpha && alpha < q.alpha) {
      return { H: p.H + ((alpha - p.alpha) / (q.alpha - p.alpha)) * (q.H - p.H), lo: p, hi: q };
    }
  }
  return null;
}
