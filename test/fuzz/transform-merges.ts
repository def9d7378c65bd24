// Layout transformations by merged cells (same facts, another layout): a building use merged down
// over the rows of the buildings that share it, and a value merged across the 规划指标 and 设计指标
// columns. Each variant also says what the import must still read of the cells it merged (verify):
// a merge the reader ignored would otherwise go unnoticed wherever no verdict depends on it.
import { headerRole } from '../../shared/import/roles';
import type { ImportResult, Verdict } from '../../shared/model/types';
import { isFormula, parseRef, textOf } from './workbook-model';
import { type BuildingRef, type Fact, type Transform } from './transforms';
import { allLeaves, headerRowAbove, kvSheets, okFacts, requirementText } from './transform-helpers';
import { affectedBy } from './transform-errors';

/**
 * Runs of buildings whose use cells stand in one column on consecutive rows with the same text
 * (住宅 | 住宅 | 住宅 under 建筑功能): the rows of a per-building table that a designer would merge.
 */
function sharedUseRuns(buildings: readonly BuildingRef[], text: (b: BuildingRef) => string | null): BuildingRef[][] {
  const byColumn = new Map<string, BuildingRef[]>();
  for (const b of buildings) {
    if (!b.use || b.use.class === null) continue;
    const k = `${b.use.sheet}|${b.use.col}`;
    byColumn.set(k, [...(byColumn.get(k) ?? []), b]);
  }
  const runs: BuildingRef[][] = [];
  for (const list of byColumn.values()) {
    list.sort((a, b) => a.use!.row - b.use!.row);
    let run: BuildingRef[] = [];
    for (const b of list) {
      const prev = run[run.length - 1];
      const t = text(b);
      if (prev && t !== null && b.use!.row === prev.use!.row + 1 && t === text(prev)) run.push(b);
      else {
        if (run.length >= 2) runs.push(run);
        run = t === null ? [] : [b];
      }
    }
    if (run.length >= 2) runs.push(run);
  }
  return runs;
}

/**
 * The use as a reviewer reads it: each building in a merged run keeps its use class and words, read
 * from the merged cell (the run's first cell) — so a merge that did not happen fails too.
 */
function usesStillRead(runs: BuildingRef[][]): (imported: ImportResult) => string[] {
  return (imported) =>
    runs.flatMap((run) =>
      run.flatMap((want) => {
        const got = imported.buildings.find((b) => b.name === want.name);
        const at = got?.useSource ? parseRef(got.useSource) : null;
        const master = run[0].use!;
        if (got && got.use === want.use!.class && got.useRaw === want.use!.raw && at && at.sheet === master.sheet && at.row === master.row && at.col === master.col) return [];
        return [`${want.name} 的用途应读作合并单元格 R${master.row}C${master.col} 的“${want.use!.raw}”，实为 ${got ? `“${got.useRaw ?? '无'}”（${got.useSource ?? '无出处'}）` : '（无此单体）'}`];
      }),
    );
}

/**
 * 住宅 merged down over 1#–3#楼 in a per-building table (recordTable.ts mergedDown): each of those
 * buildings still has the use; nothing else changes.
 */
export const mergedDownUses: Transform = {
  kind: 'merged-down-uses',
  apply(wb, ctx) {
    const text = (b: BuildingRef) => {
      const s = wb.sheet(b.use!.sheet);
      const cell = s?.get(b.use!.row, b.use!.col);
      if (!s || !cell || isFormula(cell.v) || s.mergeAt(b.use!.row, b.use!.col)) return null;
      return textOf(cell).trim() || null;
    };
    const runs = sharedUseRuns(ctx.buildings, text);
    if (!runs.length) return null;
    for (const run of runs) {
      const { sheet, row, col } = run[0].use!;
      const s = wb.sheet(sheet)!;
      for (const b of run.slice(1)) s.set(b.use!.row, col, undefined);
      s.merges.push({ r1: row, c1: col, r2: run[run.length - 1].use!.row, c2: col });
    }
    const what = runs.map((run) => `“${run[0].use!.raw}”合并在${run.map((b) => b.name).join('、')}的行上`).join('，');
    return { wb, override: new Map(), what: `用途单元格向下合并：${what}`, verify: usesStillRead(runs) };
  },
};

/** The value a fact's indicator has in the import of a variant, and the cell it was read from. */
function readBack(imported: ImportResult, f: Fact) {
  const values = f.building === null ? imported.project : imported.buildings.find((b) => b.name === f.building)?.values;
  return values?.[f.indicator];
}

/**
 * A 规划指标 column inserted before the design value; in every other row (and in the first row
 * whose indicator a condition uses) the figure is merged across both columns — the design equals
 * the planning figure and the sheet writes it once (listTable.ts mergedAcross). The other rows
 * carry the requirement ("≥35%") or "/". The merged figure stays the declared value.
 */
export const valuesMergedAcross: Transform = {
  kind: 'values-merged-across',
  apply(wb, ctx) {
    const used = (f: Fact) => allLeaves(ctx, f.indicator).length > 0;
    // a table with a merge touching its value column is left alone (the merges would overlap)
    const k = kvSheets(wb, ctx).find((x) => x.facts.some(used) && !x.s.merges.some((m) => m.c1 <= x.valueCol && m.c2 >= x.valueCol - 1 && m.c1 !== m.c2 && m.r2 >= x.first && m.r1 <= x.last));
    if (!k) return null;
    const { s, facts, labelCol, first, last } = k;
    wb.flatten();
    const byRow = [...facts].sort((a, b) => a.row - b.row);
    const merged = new Set(byRow.filter((_, i) => i % 2 === 0));
    merged.add(byRow.find(used)!);
    s.insertCols(k.valueCol, 1);
    const reqCol = k.valueCol;
    const valCol = reqCol + 1;
    for (let r = first; r <= last; r++) {
      const f = byRow.find((x) => x.row === r);
      if (f && merged.has(f)) {
        s.set(r, reqCol, s.get(r, valCol));
        s.set(r, valCol, undefined);
        s.merges.push({ r1: r, c1: reqCol, r2: r, c2: valCol });
        continue;
      }
      const leaf = f ? allLeaves(ctx, f.indicator)[0] : undefined;
      if (leaf) s.set(r, reqCol, { v: requirementText(leaf) });
      else if (f || s.get(r, labelCol)) s.set(r, reqCol, { v: '/' });
    }
    let h = headerRowAbove(s, first);
    const inserted = h === null;
    if (h === null) {
      s.insertRows(first, 1);
      h = first;
      s.set(h, labelCol, { v: '指标名称' });
    }
    const style = s.get(h, valCol)?.style;
    s.set(h, reqCol, { v: '规划指标', style });
    if (headerRole(textOf(s.get(h, valCol)))?.role !== 'declared') s.set(h, valCol, { v: '设计指标', style });
    const cells = [...merged].map((f) => ({ f, sheet: s.name, row: inserted ? f.row + 1 : f.row, col: reqCol }));
    const verify = (imported: ImportResult) =>
      cells.flatMap(({ f, sheet, row, col }) => {
        const got = readBack(imported, f);
        const at = got ? parseRef(got.source) : null;
        if (got && got.value === f.value && at && at.sheet === sheet && at.row === row && at.col === col) return [];
        return [`${f.indicator}${f.building ? `（${f.building}）` : ''} 应读作合并单元格 R${row}C${col} 的 ${String(f.value)}，实为 ${got ? `${String(got.value)}（${got.source}）` : '未读到'}`];
      });
    return { wb, override: new Map(), what: `工作表“${s.name}”设计值列前插入“规划指标”列，${merged.size}项数值跨两列合并`, verify };
  },
};

/**
 * Error twin of merged-down-uses: a figure (单体装配率 62%) merged down over the rows of several
 * buildings that state the same figure. A merged number may be the figure of the group, not each
 * building's (recordTable.ts shares out only uses): the buildings under the merge have no figure
 * of their own, so the findings it decides for them are never pass. (The engine says 缺项 for them
 * today — missing, not review — so both are accepted; a reader that shared the figure out would
 * pass them and fail this kind.) Only typed figures: a formula figure is recomputed from the row.
 */
export const mergedDownFigures: Transform = {
  kind: 'merged-down-figures',
  error: true,
  apply(wb, ctx) {
    const perBuilding = okFacts(ctx).filter((f) => f.building !== null && typeof f.value === 'number' && affectedBy(f, ctx).length > 0);
    const byColumn = new Map<string, Fact[]>();
    for (const f of perBuilding) byColumn.set(`${f.sheet}|${f.col}|${f.indicator}`, [...(byColumn.get(`${f.sheet}|${f.col}|${f.indicator}`) ?? []), f]);
    for (const list of [...byColumn.values()].sort((a, b) => b.length - a.length)) {
      list.sort((a, b) => a.row - b.row);
      const s = wb.sheet(list[0].sheet)!;
      // a figure the sheet computes from the row's own parts (a formula) is recomputed by the engine
      // from those parts: the merge would not take the building's evidence away
      const plain = (f: Fact) => !s.mergeAt(f.row, f.col) && !isFormula(s.get(f.row, f.col)?.v ?? null);
      const same = (a: Fact, b: Fact) => b.row === a.row + 1 && plain(a) && plain(b);
      const i = list.findIndex((f, j) => j + 1 < list.length && same(f, list[j + 1]));
      if (i < 0) continue;
      let j = i + 1;
      while (j + 1 < list.length && same(list[j], list[j + 1])) j++;
      const run = list.slice(i, j + 1);
      wb.flatten();
      for (const f of run.slice(1)) s.set(f.row, f.col, undefined);
      s.merges.push({ r1: run[0].row, c1: run[0].col, r2: run[run.length - 1].row, c2: run[0].col });
      const override = new Map<string, Verdict[]>();
      // never a pass on the merged figure; a fail on the building's own figures elsewhere (a 计算表 of
      // its own that fails) is that evidence's verdict, not the merge's
      for (const f of run.slice(1)) for (const k of affectedBy(f, ctx)) override.set(k, ['review', 'missing', 'fail']);
      return { wb, override, what: `工作表“${s.name}”${run.map((f) => f.building).join('、')}的同一数值（${textOf(s.get(run[0].row, run[0].col))}）向下合并为一格` };
    }
    return null;
  },
};
