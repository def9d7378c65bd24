// Tables and rows that state requirements, not the design (data: column-roles.json
// requirementTables): a sheet or table titled 规划设计条件 / 土地出让合同约定指标 / 控规指标 lists the
// contract's or the plan's limits, so its value column has the requirement role; a key/value row
// whose cell after the number only says 规划要求 / 出让条件 / 控制指标 states a requirement too.
import data from '../data/column-roles.json';
import type { GCell } from './grid';
import type { RoleHit } from './roles';
import { fold } from './text';

const T = data.requirementTables;
const WORDS = T.words.map(fold);
const DECLARED = T.declaredWords.map(fold);
const TAGS = new Set(T.tags.map(fold));

/** The role a requirement table gives its value column. */
export const REQUIREMENT_ROLE: RoleHit = { role: 'requirement', rank: 0 };

/** True when a sheet name or title says it lists requirements (and does not also name the design). */
export function isRequirementTitle(text: string): boolean {
  const f = fold(text);
  if (f.length > 60) return false;
  return WORDS.some((w) => f.includes(w)) && !DECLARED.some((w) => f.includes(w));
}

/**
 * True when a value read in a block of requirements is a requirement: unless its column header
 * names the design itself (设计值, 本项目 …), which a comparison table may carry.
 */
export function readsAsRequirement(scope: { requirements?: boolean }, header: GCell | undefined): boolean {
  if (!scope.requirements) return false;
  if (!header) return true;
  const f = fold(header.raw);
  return !DECLARED.some((w) => f.includes(w));
}

/** True when a cell beside a number only names a requirement ("规划要求", "（出让条件）"). */
export function isRequirementTag(cell: GCell | undefined): boolean {
  if (!cell || cell.kind !== 'string') return false;
  const f = fold(cell.str!).replace(/[()（）:：、,，。.\s]+/g, '');
  return TAGS.has(f);
}
