// Part columns beside a 合计 column (docs/reading-sheets.md §2.3): 住宅 | 商业 | 合计, 一期 | 二期 |
// 合计, A区 | B区 | 总计. The 合计 column is the figure of the whole (the project, or the block's
// parcel); the other value columns are its parts, not competing statements of the same figure. For
// an additive quantity (areas, volumes, energy) the parts are stated as adding up to the 合计: they
// become the value's `breakdown`, and a 合计 they do not add up to is the sheet contradicting
// itself (`parts-dont-add`, shared/check/areaSums.ts). Ratios in part columns are never summed.
// Data: shared/data/column-roles.json `partColumns`.
import columnRoles from '../data/column-roles.json';
import type { ImportedValue, IndicatorDef } from '../model/types';
import type { GCell } from './grid';
import type { Col } from './tableHeader';
import { ADDITIVE_UNITS } from './tableHeader';
import { headerCore, headerRole } from './roles';
import { fold } from './text';
import { src, textOf, type Sheet } from './sheet';
import type { Slot } from './listTable';
import { parcelIn } from './names';
import { parcelCode } from '../model/parcels';

const PART_RANK = columnRoles.roles.declaredPart.rank;
const WHOLE_HEADERS = new Set(columnRoles.roles.declaredWhole.exact.map(fold));
/** Words of the claim the layout makes, shown where the parts do not add up. */
export const PARTS_CLAIM = columnRoles.partColumns.claim;

/** A column that states the whole: a 合计 / 总计 header, or 全项目 / 全地块 (declaredWhole). */
function isWholeSlot(sl: Slot): boolean {
  if (sl.owner) return false;
  if (sl.total) return true;
  const t = sl.head ? textOf(sl.head) : null;
  return sl.role === 'declared' && !!t && WHOLE_HEADERS.has(headerCore(t).core);
}

/**
 * Marks a table's part columns and its one whole column. Only a table whose value columns are
 * exactly one whole column and named parts (a use, a phase, a zone of the site: any header that is
 * no role, or a part such as 一期 / 新建): no building / parcel / 汇水分区 columns (they are read in
 * their own scopes), no part that names a parcel, no design-value or score column (then the parts
 * are not what competes).
 */
export function markPartColumns(slots: Slot[], cols: Col[]): void {
  if (slots.some((sl) => sl.owner)) return;
  const wholes = slots.filter(isWholeSlot);
  if (wholes.length !== 1) return;
  const whole = wholes[0];
  const named = (sl: Slot) => {
    const col = cols.find((c) => c.c === sl.c);
    return (col?.parts ?? []).map((p) => (textOf(p.cell) ?? '').trim()).filter(Boolean).join('');
  };
  // 设计指标 merged over 地上 | 地下 | 合计: the group gives its sub-columns the role; their own
  // headers, which are no role, name the parts
  const underGroup = (sl: Slot) => {
    const own = cols.find((c) => c.c === sl.c)?.parts.at(-1)?.cell;
    const t = own ? textOf(own) : null;
    return sl.role === 'declared' && !!sl.head && !!own && sl.head !== own && !!t && !headerRole(t);
  };
  const parts = slots.filter((sl) => sl !== whole && (sl.role === 'unknown' || (sl.role === 'declared' && sl.rank === PART_RANK) || underGroup(sl)));
  if (!parts.length || !parts.every(named)) return;
  // a column that names a parcel (“…20号地块”, “05-02”) is a transfer unit of its own, not a part:
  // a contract binds one parcel, and the 合计 of several is no parcel's figure
  if (parts.some((p) => parcelIn(named(p)) || parcelCode(named(p)))) return;
  if (slots.some((sl) => sl !== whole && !parts.includes(sl) && (sl.role === 'declared' || sl.role === 'claimedScore'))) return;
  whole.whole = true;
  for (const p of parts) {
    p.part = true;
    p.partHeader = named(p);
  }
}

/**
 * The parts of an additive 合计 as read in its row: every part column holds a plain number (in the
 * unit of the 合计 cell); otherwise none (a part left empty may be nil or unknown: no claim).
 */
export function columnBreakdown(s: Sheet, def: IndicatorDef, iv: ImportedValue | null, total: GCell, parts: Array<{ sl: Slot; cell: GCell | undefined }>): void {
  if (!iv || !ADDITIVE_UNITS.has(def.unit ?? '') || iv.status !== 'ok' || typeof iv.value !== 'number') return;
  if (total.kind !== 'number' || !total.num || parts.length === 0) return;
  if (!parts.every((x) => x.cell?.kind === 'number' && Number.isFinite(x.cell.num))) return;
  const scale = iv.value / total.num;
  iv.breakdown = parts.map((x) => ({ label: partName(x.sl, x.cell!), value: x.cell!.num! * scale, raw: x.cell!.raw, source: src(s, x.cell!) }));
  iv.breakdownClaim = PARTS_CLAIM;
}

function partName(sl: Slot, cell: GCell): string {
  return sl.partHeader || cell.addr;
}
