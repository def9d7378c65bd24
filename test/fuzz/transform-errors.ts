// Error and conflict transformations: a visible duplicate with another value, an Excel error in a
// value cell, a score table that lost its column titles — the findings they touch must be review.
import { indicator } from '../../shared/model/indicators';
import type { LeafRule, Verdict } from '../../shared/model/types';
import { findingKey } from '../seeds/expectations';
import { numberOf, shown, SheetM, textOf, WorkbookM, type CellValue } from './workbook-model';
import { type Fact, type FuzzContext, type Transform } from './transforms';
import { STAR_TEXT, allLeaves, headerRowAbove, labelIndicators, leavesOf, numberText, okFacts, opposite, satisfies, singleLeafConditions } from './transform-helpers';

// ---------------------------------------------------------------- error / conflict transformations

/** Facts that are the only statement of their indicator in the workbook (by label text). */
export function soleStatements(wb: WorkbookM, ctx: FuzzContext): Fact[] {
  const labelCount = new Map<string, number>();
  for (const s of wb.sheets) {
    for (const [, , cell] of s.each()) {
      const t = shown(cell.v);
      if (typeof t !== 'string' || t.length > 40) continue;
      for (const id of labelIndicators(t)) labelCount.set(id, (labelCount.get(id) ?? 0) + 1);
    }
  }
  const n = new Map<string, number>();
  for (const f of okFacts(ctx)) n.set(`${f.indicator}|${f.building ?? ''}`, (n.get(`${f.indicator}|${f.building ?? ''}`) ?? 0) + 1);
  // one label cell in the whole workbook (a column header or row label counts once for all buildings)
  return okFacts(ctx).filter((f) => (labelCount.get(f.indicator) ?? 0) <= 1 && n.get(`${f.indicator}|${f.building ?? ''}`) === 1);
}

/** Finding keys a fact decides through single-leaf conditions, with their expected verdict not n/a. */
export function affectedBy(f: Fact, ctx: FuzzContext): string[] {
  const conds = singleLeafConditions(ctx, f.indicator, f.building !== null);
  const keys: string[] = [];
  for (const c of conds) {
    const k = findingKey(c.id, f.building);
    const e = ctx.expected.findings.find((x) => findingKey(x.conditionId, x.building) === k);
    if (e && e.verdict !== 'not_applicable') keys.push(k);
  }
  return keys;
}

export function targetFacts(wb: WorkbookM, ctx: FuzzContext): Fact[] {
  return soleStatements(wb, ctx).filter((f) => affectedBy(f, ctx).length > 0);
}

export const visibleDuplicate: Transform = {
  kind: 'visible-duplicate',
  error: true,
  apply(wb, ctx) {
    const targets = targetFacts(wb, ctx).filter((f) => opposite(f, ctx) !== null);
    if (!targets.length) return null;
    const f = ctx.rng.pick(targets);
    const def = indicator(f.indicator)!;
    const v = opposite(f, ctx)!;
    const s = new SheetM(wb.uniqueName('指标复核表'));
    const shownValue = typeof v === 'boolean' ? (v ? '是' : '否') : def.type === 'star' ? STAR_TEXT[v as number] : def.type === 'percent' ? `${v}%` : v;
    if (f.building === null) {
      s.set(1, 1, { v: '指标名称' });
      s.set(1, 2, { v: '设计值' });
      s.set(2, 1, { v: def.name });
      s.set(2, 2, { v: shownValue as CellValue });
    } else {
      s.set(1, 1, { v: '单体名称' });
      s.set(1, 2, { v: def.name });
      s.set(2, 1, { v: f.building });
      s.set(2, 2, { v: shownValue as CellValue });
    }
    wb.sheets.push(s);
    return { wb, override: new Map(affectedBy(f, ctx).map((k) => [k, ['review'] as Verdict[]])), what: `新增可见工作表重复填写“${def.name}”${f.building ? `（${f.building}）` : ''}为 ${String(shownValue)}` };
  },
};

export function errorCell(kind: string, error: '#DIV/0!' | '#REF!'): Transform {
  return {
    kind,
    error: true,
    apply(wb, ctx) {
      const targets = targetFacts(wb, ctx).filter((f) => ['number', 'percent'].includes(indicator(f.indicator)?.type ?? ''));
      if (!targets.length) return null;
      const f = ctx.rng.pick(targets);
      const s = wb.sheet(f.sheet)!;
      s.setValue(f.row, f.col, error === '#DIV/0!' ? ({ formula: 'A1/0', result: { error } } as unknown as CellValue) : ({ error } as unknown as CellValue));
      return { wb, override: new Map(affectedBy(f, ctx).map((k) => [k, ['review'] as Verdict[]])), what: `${f.sheet}!R${f.row}C${f.col}（${indicator(f.indicator)!.name}）改为 ${error}` };
    },
  };
}

export const CATEGORIES = ['安全耐久', '健康舒适', '生活便利', '资源节约', '环境宜居'];

export const unreadableScoreTable: Transform = {
  kind: 'unreadable-score-table',
  error: true,
  apply(wb, ctx) {
    const star = ctx.conditions.conditions.filter((c) => leavesOf(c).some((l) => l.indicator === 'green_building_star'));
    if (!star.length) return null;
    for (const s of wb.sheets) {
      const catCells = [...s.each()].filter(([, , c]) => CATEGORIES.some((k) => textOf(c).replace(/\s+/g, '').startsWith(k)));
      if (catCells.length < 4) continue;
      const col = catCells[0][1];
      const rows = catCells.filter(([, c]) => c === col).map(([r]) => r);
      const bonusRow = [...s.each()].find(([, c, x]) => c === col && textOf(x).replace(/\s+/g, '').startsWith('提高与创新'));
      if (bonusRow) rows.push(bonusRow[0]);
      if (rows.length < 4) {
        continue; // a transposed table (categories along a row) is left alone
      }
      const numCols = [...new Set(rows.flatMap((r) => [...(s.cells.get(r)?.entries() ?? [])].filter(([c, x]) => c > col && numberOf(x) !== null).map(([c]) => c)))].sort((a, b) => a - b);
      if (numCols.length < 2) continue;
      wb.flatten();
      const [a, b] = numCols;
      rows.forEach((r, i) => {
        const x = numberOf(s.get(r, a));
        if (x !== null) s.setValue(r, b, x + [7, -5, 4, 12, -6][i % 5]);
      });
      const h = headerRowAbove(s, Math.min(...rows));
      if (h !== null) for (const c of numCols) s.set(h, c, undefined);
      for (const [r, , cell] of s.each()) {
        if (!/^(总得分|总分)/.test(textOf(cell).replace(/\s+/g, ''))) continue;
        for (const [cc, x] of s.cells.get(r)?.entries() ?? []) if (numberOf(x) !== null) s.set(r, cc, undefined);
      }
      // which buildings the sheet is about
      const named = ctx.buildings.map((x) => x.name).filter((n) => s.name.includes(n) || [...s.each()].some(([, , c]) => textOf(c) === n));
      const override = new Map<string, Verdict[]>();
      for (const c of star) {
        for (const e of ctx.expected.findings.filter((x) => x.conditionId === c.id && x.verdict !== 'not_applicable')) {
          const k = findingKey(e.conditionId, e.building);
          const mine = named.length === 0 || (e.building !== null && named.includes(e.building)) || (e.building === null && named.length > 0 && ctx.buildings.length <= 1);
          override.set(k, mine ? ['review'] : [e.verdict, ...(e.alsoAccept ?? []), 'review']);
        }
      }
      return { wb, override, what: `工作表“${s.name}”评分表去掉列标题与总得分、两列分值都像得分` };
    }
    return null;
  },
};

/**
 * A value that satisfies its requirement rewritten as a range, an approximation or with a limiting note ("≥36%", "约36%", "36%（暂定）"):
 * no design figure any more, so the findings it decides are review (docs/evidence-policy.md,
 * declared-bound). One such value per variant.
 */
function qualifiedValue(kind: string, what: string, write: (text: string, l: LeafRule) => string): Transform {
  return {
    kind,
    error: true,
    apply(wb, ctx) {
      const targets = targetFacts(wb, ctx).filter((f) => {
        const def = indicator(f.indicator);
        if (typeof f.value !== 'number' || def?.type === 'star' || def?.type === 'boolean' || def?.type === 'text') return false;
        const leaves = allLeaves(ctx, f.indicator).filter((l) => l.op === '>=' || l.op === '<=');
        const cell = wb.sheet(f.sheet)?.get(f.row, f.col);
        return leaves.length > 0 && leaves.every((l) => satisfies(f.value as number, l) && l.op === leaves[0].op) && !!cell && numberText(cell) !== null;
      });
      if (!targets.length) return null;
      const f = ctx.rng.pick(targets);
      const s = wb.sheet(f.sheet)!;
      const out = write(numberText(s.get(f.row, f.col)!)!, allLeaves(ctx, f.indicator).find((l) => l.op === '>=' || l.op === '<=')!);
      s.setValue(f.row, f.col, out, null);
      return { wb, override: new Map(affectedBy(f, ctx).map((k) => [k, ['review'] as Verdict[]])), what: `${f.sheet}!R${f.row}C${f.col}（${indicator(f.indicator)!.name}）改为“${out}”${what}` };
    },
  };
}

export const boundPrefix = qualifiedValue('bound-prefix', '（只写范围）', (t, l) => `${l.op === '>=' ? '≥' : '≤'}${t}`);
export const approxPrefix = qualifiedValue('approx-prefix', '（约数）', (t) => `约${t}`);
/** A passing value with a note that limits it ("36%（暂定）"): declared-remark, review. */
export const limitingNote = qualifiedValue('limiting-note', '（附限定说明）', (t) => `${t}（暂定）`);
/** A passing value marked as only intended ("36%（拟申报）"): declared-intent, review. */
export const intentNote = qualifiedValue('intent-note', '（附拟申报说明）', (t) => `${t}（拟申报）`);

/**
 * A note under the table of a sheet that states project values, scoping its figures to part of the
 * project ("注：本表数据仅住宅部分，商业部分另详。"): the passes those values decide are review
 * (partial-scope); a pass that may rest on an input of that sheet may become review; nothing else changes.
 */
export const partialScopeNote: Transform = {
  kind: 'partial-scope-note',
  error: true,
  apply(wb, ctx) {
    const passing = (k: string) => ctx.expected.findings.find((x) => findingKey(x.conditionId, x.building) === k)?.verdict === 'pass';
    const targets = targetFacts(wb, ctx).filter((f) => f.building === null && affectedBy(f, ctx).some(passing));
    if (!targets.length) return null;
    const sheet = ctx.rng.pick(targets).sheet;
    const s = wb.sheet(sheet)!;
    const row = s.maxRow() + 2;
    s.set(row, 1, { v: '注：本表数据仅住宅部分，商业部分另详。' });
    const override = new Map<string, Verdict[]>();
    for (const e of ctx.expected.findings.filter((x) => x.verdict === 'pass')) override.set(findingKey(e.conditionId, e.building), ['pass', ...(e.alsoAccept ?? []), 'review']);
    for (const f of targets.filter((t) => t.sheet === sheet)) for (const k of affectedBy(f, ctx).filter(passing)) override.set(k, ['review']);
    return { wb, override, what: `工作表“${sheet}”第 ${row} 行加注“仅住宅部分，商业部分另详”` };
  },
};
