// The sheet against itself (docs/evidence-policy.md §4a): a stated total its 其中 rows contradict,
// a cached formula result its formula no longer gives — error kinds whose findings must be review —
// and 其中 rows that do add up, which must change nothing.
import { indicator } from '../../shared/model/indicators';
import type { LeafRule, Verdict } from '../../shared/model/types';
import { findingKey } from '../seeds/expectations';
import { SheetM, textOf, type CellValue, type WorkbookM } from './workbook-model';
import { type Fact, type FuzzContext, type Transform } from './transforms';
import { opposite, satisfies } from './transform-helpers';
import { affectedBy, soleStatements, targetFacts } from './transform-errors';

/** The value cell holds a plain number (not text, not a formula). */
function plainNumber(wb: WorkbookM, f: Fact): number | null {
  const v = wb.sheet(f.sheet)?.get(f.row, f.col)?.v;
  return typeof v === 'number' && v !== 0 ? v : null;
}

/**
 * A declared value becomes a formula over a cell of a new sheet (计算底稿) that holds the opposite
 * value; the cached result is still the old number (a file saved without recalculating).
 */
export const staleFormula: Transform = {
  kind: 'stale-formula',
  error: true,
  apply(wb, ctx) {
    const targets = targetFacts(wb, ctx).filter(
      (f) => ['number', 'percent'].includes(indicator(f.indicator)?.type ?? '') && typeof f.value === 'number' && plainNumber(wb, f) !== null && opposite(f, ctx) !== null,
    );
    if (!targets.length) return null;
    const f = ctx.rng.pick(targets);
    const cellNum = plainNumber(wb, f)!;
    // the opposite value in the cell's own numbers (0.36 for 36 % in a percent-formatted cell)
    const other = ((opposite(f, ctx) as number) * cellNum) / (f.value as number);
    const aux = new SheetM(wb.uniqueName('计算底稿'));
    aux.set(1, 1, { v: other });
    wb.sheets.push(aux);
    const s = wb.sheet(f.sheet)!;
    const cell = s.get(f.row, f.col)!;
    s.set(f.row, f.col, { ...cell, v: { formula: `'${aux.name}'!A1`, result: cellNum } as unknown as CellValue });
    return {
      wb,
      override: new Map(affectedBy(f, ctx).map((k) => [k, ['review'] as Verdict[]])),
      what: `${f.sheet}!R${f.row}C${f.col}（${indicator(f.indicator)!.name}）改为公式 ='${aux.name}'!A1（=${other}），缓存结果仍为 ${cellNum}`,
    };
  },
};

/** The project's 计容建筑面积 in a row of a vertical list, and the 用地面积 a 容积率 recomputation divides by. */
function farInputs(wb: WorkbookM, ctx: FuzzContext): { area: Fact; site: Fact } | null {
  const sole = soleStatements(wb, ctx).filter((f) => f.building === null);
  const area = sole.find((f) => f.indicator === 'far_area' && f.label && f.label.sheet === f.sheet && f.label.row === f.row && f.label.col < f.col && plainNumber(wb, f) !== null);
  const site = sole.find((f) => f.indicator === 'site_area' && typeof f.value === 'number' && f.value > 0);
  return area && site ? { area, site } : null;
}

/** Project-scope 容积率 conditions and their expected findings. */
function farFindings(ctx: FuzzContext) {
  return ctx.conditions.conditions
    .filter((c) => c.scope !== 'building' && !('anyOf' in c) && !('allOf' in c) && (c as LeafRule).indicator === 'far')
    .map((c) => ({ c: c as LeafRule & { id: string }, e: ctx.expected.findings.find((x) => findingKey(x.conditionId, x.building) === findingKey(c.id, null)) }))
    .filter((x) => x.e !== undefined);
}

/** Writes 其中 rows (住宅, 商业) under the 计容建筑面积 row, parts in the total's own numbers. */
function writeParts(wb: WorkbookM, area: Fact, shares: [number, number]): void {
  wb.flatten(); // inserting rows would shift what formulas refer to
  const s = wb.sheet(area.sheet)!;
  const total = plainNumber(wb, area)!;
  s.insertRows(area.row + 1, 2);
  const lc = area.label!.col;
  const round2 = (x: number) => Math.round(x * 100) / 100;
  const first = round2(total * shares[0]);
  s.set(area.row + 1, lc, { v: '其中：住宅' });
  s.set(area.row + 1, area.col, { v: first });
  s.set(area.row + 2, lc, { v: '其中：商业' });
  s.set(area.row + 2, area.col, { v: round2(total * (shares[0] + shares[1]) - first) });
}

/**
 * 其中 rows under 计容建筑面积 that add up to more than the total: the 容积率 recomputed from it is
 * contradicted by the sheet itself → a pass becomes review; a fail stays only if the larger reading fails too.
 */
export const partsDontAdd: Transform = {
  kind: 'parts-dont-add',
  error: true,
  apply(wb, ctx) {
    const inputs = farInputs(wb, ctx);
    const findings = farFindings(ctx).filter((x) => x.e!.verdict === 'pass' || x.e!.verdict === 'fail');
    if (!inputs || !findings.length) return null;
    writeParts(wb, inputs.area, [0.7, 0.4]);
    const larger = ((inputs.area.value as number) * 1.1) / (inputs.site.value as number);
    const override = new Map<string, Verdict[]>();
    for (const { c, e } of findings) {
      if (e!.verdict === 'pass') override.set(findingKey(c.id, null), ['review']);
      if (e!.verdict === 'fail') override.set(findingKey(c.id, null), satisfies(larger, c) ? ['review'] : ['fail']);
    }
    return { wb, override, what: `计容建筑面积（${inputs.area.sheet}!R${inputs.area.row}）下加“其中：住宅/商业”两行，合计为总数的 110%` };
  },
};

/** 其中 rows that add up to the total exactly: nothing changes (no false contradiction). */
export const partsAddUp: Transform = {
  kind: 'parts-add-up',
  apply(wb, ctx) {
    const inputs = farInputs(wb, ctx);
    if (!inputs) return null;
    writeParts(wb, inputs.area, [0.6, 0.4]);
    return { wb, override: new Map(), what: `计容建筑面积（${inputs.area.sheet}!R${inputs.area.row}）下加“其中：住宅/商业”两行，合计等于总数` };
  },
};

/**
 * The project's 用地面积 in a vertical list becomes a total, its 代征 part and the net land (总用地面积
 * / 其中：代征道路用地面积 / 净用地面积) that add up: the same facts (docs/reading-sheets.md §6), so
 * nothing changes, and the 用地面积 read is still the net figure, without a conflict.
 */
export const siteAreaSplit: Transform = {
  kind: 'site-area-split',
  apply(wb, ctx) {
    const site = soleStatements(wb, ctx).find(
      (f) => f.indicator === 'site_area' && f.building === null && f.label && f.label.sheet === f.sheet && f.label.row === f.row && f.label.col < f.col && (plainNumber(wb, f) ?? 0) > 100,
    );
    if (!site) return null;
    const s0 = wb.sheet(site.sheet)!;
    if (!/^(规划|项目)?(总)?用地面积$/.test(textOf(s0.get(site.row, site.label!.col)).trim())) return null;
    wb.flatten(); // inserting rows would shift what formulas refer to
    const s = wb.sheet(site.sheet)!;
    const net = plainNumber(wb, site)!;
    const ceded = Math.round(net * 0.12);
    s.insertRows(site.row, 2);
    // the row as it was (unit column and all) twice above the net land
    for (let c = 1; c <= s.maxCol(); c++) {
      const cell = s.get(site.row + 2, c);
      if (cell && c !== site.label!.col && c !== site.col) for (const r of [site.row, site.row + 1]) s.set(r, c, { ...cell });
    }
    const valueCell = s.get(site.row + 2, site.col)!;
    s.set(site.row, site.label!.col, { v: '总用地面积' });
    s.set(site.row, site.col, { ...valueCell, v: net + ceded });
    s.set(site.row + 1, site.label!.col, { v: '其中：代征道路用地面积' });
    s.set(site.row + 1, site.col, { ...valueCell, v: ceded });
    s.set(site.row + 2, site.label!.col, { v: '净用地面积' });
    return {
      wb,
      override: new Map(),
      what: `用地面积（${site.sheet}!R${site.row}）改写为总用地面积 ${net + ceded} / 其中：代征道路用地面积 ${ceded} / 净用地面积 ${net}`,
      verify: (imported) => {
        const v = imported.project.site_area;
        return v?.value === net && !v.conflicts?.length ? [] : [`用地面积应读作净用地面积 ${net} 且无冲突，实际为 ${v?.value ?? '无'}${v?.conflicts?.length ? '（有冲突）' : ''}`];
      },
    };
  },
};
