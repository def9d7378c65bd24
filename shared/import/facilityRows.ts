// 调蓄设施 written as key/value rows (下凹绿地 | 220 | m³, 蓄水模块 | 100 m³) rather than as a table
// (docs/reading-sheets.md §8): each row naming a facility (import-notations.json facilityRows)
// with a volume states that facility's storage. Read only where no 调蓄设施 table gave facilities,
// so the same facilities are never counted twice; a stated total (设施合计) is then compared with
// their sum by the runoff recomputation, and a facility whose volume cannot be read leaves the
// storage undetermined, never 0 m³.
import notations from '../data/import-notations.json';
import { mustIndicator } from '../model/indicators';
import type { GCell } from './grid';
import { fold } from './text';
import { key, markUsed, src, type Env, type Sheet } from './sheet';
import { isUnitText, parseUnit } from './units';
import { isNumericLike, readCell } from './values';

const NAMES: ReadonlySet<string> = new Set(notations.facilityRows.names.map(fold));
const VOLUME = mustIndicator('storage_provided');

/** Reads the sheet's facility rows into the collector. */
export function facilityRows(s: Sheet, env: Env): void {
  for (let r = 1; r <= s.g.maxRow; r++) {
    const line = s.g.rows[r];
    if (!line) continue;
    const cells = line.filter((c): c is GCell => !!c && !s.used.has(key(r, c.c)));
    const name = cells[0];
    if (!name || name.kind !== 'string' || !NAMES.has(fold(name.str!).replace(/[:：]$/, ''))) continue;
    const figures = cells.slice(1).filter((c) => c.kind === 'number' || (c.kind === 'string' && isNumericLike(c)));
    const unit = cells.slice(1).find((c) => c.kind === 'string' && isUnitText(c.str!));
    // one figure, in m³ by its own text or by the unit beside it
    if (figures.length !== 1) continue;
    const unitRaw = unit ? unit.str!.trim() : undefined;
    if (unitRaw ? parseUnit(unitRaw)?.dimension !== 'volume' : !(figures[0].kind === 'string' && /m3|m³|立方/.test(fold(figures[0].str!)))) continue;
    const rd = readCell(figures[0], VOLUME, { unitRaw: unitRaw ?? 'm³' });
    markUsed(s, name);
    markUsed(s, figures[0]);
    if (unit) markUsed(s, unit);
    env.out.facility({}, { name: name.str!.trim(), volume: rd.status === 'ok' && typeof rd.value === 'number' ? rd.value : null, source: src(s, figures[0]) });
  }
}
