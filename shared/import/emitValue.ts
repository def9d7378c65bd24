// One table value into the collector (docs/reading-sheets.md §2): its provenance (cell, label,
// header that gave the column its role), requirement, ambiguity, the cells its formula reads, and
// the placeholder a building's empty cell leaves.
import type { ImportedValue, IndicatorDef } from '../model/types';
import { CALCULATOR_INPUTS } from '../calc/index';
import { type Scope, type ValueCand } from './collect';
import { formulaText, type GCell } from './grid';
import { headerRole, isRequirementText, NOT_A_VALUE, type RoleHit } from './roles';
import { addr as addrOf, labelNotes, makeValue, src, unusedLabel, markUsed, type BlockScope, type Env, type Sheet } from './sheet';
import { type RowLabel } from './tableRows';
import { readsAsRequirement, REQUIREMENT_ROLE } from './requirements';
import { rowRemark } from './rowRemarks';
import { withdrawnValue } from './withdrawn';
import { compoundPart } from './compoundCells';
import { mustIndicator } from '../model/indicators';

export const REF = /(?<![A-Za-z0-9_.])(?:(?:'((?:[^']|'')+)'|([A-Za-z0-9_.\u4e00-\u9fff-]+))!)?\$?([A-Z]{1,3})\$?([0-9]{1,7})(?![A-Za-z0-9_(])(?::\$?([A-Z]{1,3})\$?([0-9]{1,7}))?/g;

export function colNum(a: string): number {
  let n = 0;
  for (const ch of a) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** The cells a formula reads (`Sheet!A1`), ranges expanded up to 400 cells; [] when it cannot tell. */
export function formulaRefs(s: Sheet, cell: GCell): string[] {
  const f = formulaText(cell);
  if (!f) return [];
  const out: string[] = [];
  for (const m of f.matchAll(REF)) {
    const sheet = m[1] ? m[1].replace(/''/g, "'") : m[2] ?? s.g.name;
    const c1 = colNum(m[3]);
    const r1 = Number(m[4]);
    const c2 = m[5] ? colNum(m[5]) : c1;
    const r2 = m[6] ? Number(m[6]) : r1;
    if ((Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1) > 400) return [];
    for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++) for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) out.push(`${sheet}!${addrOf(r, c)}`);
  }
  return out;
}

export interface EmitOpts {
  unitRaw?: string;
  roleSource?: GCell;
  rank?: number;
  requirement?: GCell;
  ambiguous?: string;
  total?: 'fallback' | 'whole';
  /** A further row of one record (地下 under 地上): its quantity adds to the record's. */
  part?: boolean;
}

/**
 * A row named for the limit (建筑限高, 容积率上限) in a table with a requirement column and a design
 * column, both filled (规划条件 ≤24 | 设计指标 23.7): the label names the row's subject and the
 * requirement column holds the limit, so the design column's figure is the design value. Alone, or
 * without its requirement beside it, such a row states the limit.
 */
function limitRow(role: RoleHit | undefined, o: EmitOpts): boolean {
  if (role?.role !== 'requirement' || !o.requirement || !o.roleSource || o.requirement === o.roleSource) return false;
  const head = o.roleSource.kind === 'string' ? headerRole(o.roleSource.str!) : null;
  return head?.role === 'declared' && o.requirement.kind !== 'none' && o.requirement.raw.trim() !== '';
}

/** One value with its provenance and the label's role, into the collector. */
export function emitValue(s: Sheet, env: Env, scope: Scope, block: string, label: RowLabel, def: IndicatorDef, cell: GCell, o: EmitOpts = {}): ImportedValue | null {
  const m = label.match;
  // "最高建筑层数/高度 | 地上27层/82.4米": each quantity from its part of the cell (compoundCells.ts)
  if (m.compound) {
    let first: ImportedValue | null = null;
    for (const id of m.ids) {
      if (cell.kind !== 'string' || !compoundPart(cell.str!, id)?.part) continue;
      const iv = emitValue(s, env, scope, block, { ...label, match: { ...m, ids: [id], compound: undefined } }, mustIndicator(id), cell, { ...o, unitRaw: undefined });
      first ??= iv;
    }
    if (!first) unusedLabel(s, label.cell, label.text, def.id, `标签写的是${m.ids.map((id) => mustIndicator(id).name).join('和')}，单元格“${cell.raw.trim()}”没有分别写明各自的单位，无法分开读取`);
    return first;
  }
  // a table of requirements (规划设计条件, 出让合同约定): its value column states requirements
  const role = readsAsRequirement(scope as BlockScope, o.roleSource) ? REQUIREMENT_ROLE : limitRow(m.role, o) ? undefined : m.role;
  if (role && NOT_A_VALUE.has(role.role)) {
    if (role.role === 'requirement') {
      markUsed(s, cell);
      env.out.requirement(scope, def.id, cell.raw.trim(), src(s, cell));
      unusedLabel(s, label.cell, label.text, def.id, '标签表示规划要求或目标，不是设计值');
    } else {
      unusedLabel(s, label.cell, label.text, def.id, role.role === 'before' ? '标签表示修改前、现状或拆除部分，不是现行设计值' : '标签不表示设计值');
    }
    return null;
  }
  if ((scope as BlockScope).reference && CALCULATOR_INPUTS[def.id]) {
    // "装配率P" on a sheet titled "…（按GB/T 51129-2017，供参考）": the engine recomputes it from the
    // same table; it is not what the project declares.
    markUsed(s, cell);
    unusedLabel(s, label.cell, label.text, def.id, '所在表格注明“供参考”，其计算结果不作为申报值（引擎按表中数据复核）');
    env.out.warn(`${src(s, cell)}：${def.name} ${cell.raw.trim()} 所在表格注明供参考，不作为申报值`, src(s, cell), def.id);
    return null;
  }
  const iv = makeValue(s, env, label.cell, m, def, cell, o, label.text);
  withdrawnValue(s, env, def, cell, iv);
  rowRemark(s, cell, iv);
  if ((scope as BlockScope).reference) iv.reference = true;
  labelNotes(iv, m, isRequirementText);
  if (o.requirement && !iv.requirement) {
    markUsed(s, o.requirement);
    iv.requirement = { text: o.requirement.raw.trim(), source: src(s, o.requirement) };
  }
  if (o.ambiguous && iv.status !== 'invalid') {
    iv.status = 'ambiguous';
    iv.interpretation += `；同一行有多个数值（${o.ambiguous}），表头没有说明哪一个是设计值，暂列第一个，需复核`;
    env.out.warn(`${iv.source}：${def.name}同一行有多个数值（${o.ambiguous}），表头没有说明哪一个是设计值`, iv.source, def.id);
  }
  markUsed(s, cell);
  // every field in one literal (no spread): one shape for the thousands of values of a large table
  const cand: ValueCand = {
    kind: 'value',
    scope,
    iv,
    block,
    rank: role?.role === 'declared' ? Math.max(role.rank, o.rank ?? 1) : o.rank ?? 1,
    total: o.total,
    part: o.part ? true : undefined,
    refs: cell.formula ? formulaRefs(s, cell) : undefined,
    calc: (scope as BlockScope).calc ? true : undefined,
  };
  env.out.value(cand);
  return iv;
}

/**
 * A building's own cell of an indicator column left empty: the table lists the indicator for every
 * building and this one states nothing. Kept as a placeholder so that the project value does not
 * stand in for the building (docs/reading-sheets.md §2.3); a value read elsewhere replaces it.
 */
export function emitBlank(s: Sheet, env: Env, scope: BlockScope, block: string, label: RowLabel, def: IndicatorDef, r: number, c: number): void {
  const iv: ImportedValue = {
    indicator: def.id,
    value: null,
    raw: '',
    source: `${s.g.name}!${addrOf(r, c)}`,
    label: label.text.trim(),
    labelSource: src(s, label.cell),
    interpretation: '单元格为空：本表为各单体列出了此指标，该单体未填写',
    status: 'placeholder',
  };
  env.out.value({ kind: 'value', scope, iv, block, rank: 1 });
}
