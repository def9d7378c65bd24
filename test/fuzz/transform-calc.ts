// Transformations of the sheet's own calculation tables that the recomputations read: a 预制率
// volume table restated with one volume column and a 预制/现浇 column, or with a row below ±0.000
// that the 细则 leaves out (same facts: verdicts unchanged); and a volume table whose precast
// volumes no longer support the declared 预制率 (error kind: the building's finding must be review).
import type { Verdict } from '../../shared/model/types';
import { findingKey } from '../seeds/expectations';
import { isFormula, numberOf, textOf, type CellValue, type SheetM, type WorkbookM } from './workbook-model';
import { type FuzzContext, type Transform } from './transforms';
import { leavesOf, okFacts, satisfies } from './transform-helpers';

interface VolumeTable {
  s: SheetM;
  header: number;
  name: number;
  precast: number;
  cast: number;
  total?: number;
  /** Component rows (not 合计), then the 合计 row if any. */
  rows: number[];
  sum?: number;
  last: number;
}

const squash = (t: string) => t.replace(/\s+/g, '');

/** The first 预制 | 现浇 volume table of the workbook. */
function findVolumeTable(wb: WorkbookM): VolumeTable | null {
  for (const s of wb.sheets) {
    if (s.state !== 'visible') continue;
    for (const [r, c, cell] of s.each()) {
      const t = squash(textOf(cell));
      if (!(t.includes('预制') && t.includes('体积')) || t.includes('率')) continue;
      const row = [...(s.cells.get(r)?.entries() ?? [])];
      const cast = row.find(([, x]) => squash(textOf(x)).includes('现浇'))?.[0];
      const name = Math.min(...row.map(([cc]) => cc));
      if (cast === undefined || name === c) continue;
      const total = row.find(([, x]) => /小计|合计/.test(textOf(x)))?.[0];
      const rows: number[] = [];
      let sum: number | undefined;
      let rr = r + 1;
      for (; s.get(rr, name) && numberOf(s.get(rr, c)) !== null; rr++) {
        if (/^(合计|总计)/.test(squash(textOf(s.get(rr, name))))) sum = rr;
        else rows.push(rr);
      }
      if (rows.length < 2) continue;
      return { s, header: r, name, precast: c, cast, ...(total !== undefined ? { total } : {}), rows, ...(sum !== undefined ? { sum } : {}), last: rr - 1 };
    }
  }
  return null;
}

/** The building a calculation sheet is about (its name in the sheet's name or a cell), if one. */
function buildingOf(t: VolumeTable, ctx: FuzzContext): string | null {
  const named = ctx.buildings.map((b) => b.name).filter((n) => t.s.name.includes(n) || [...t.s.each()].some(([, , c]) => textOf(c) === n));
  return named.length === 1 ? named[0] : null;
}

/**
 * Finding keys of the table's building under building-scope 预制率 conditions that are expected to
 * pass on the 预制率 alone (no other leaf of the condition satisfied by the building's own facts).
 */
function passingOnPrefab(t: VolumeTable, ctx: FuzzContext): string[] {
  const building = buildingOf(t, ctx);
  if (!building) return [];
  const keys: string[] = [];
  for (const c of ctx.conditions.conditions) {
    const leaves = leavesOf(c);
    const prefab = leaves.find((l) => l.indicator === 'prefab_ratio');
    if (!prefab || c.scope !== 'building' || prefab.op !== '>=') continue;
    const others = leaves.filter((l) => l !== prefab);
    const otherPasses = others.some((l) => okFacts(ctx).some((f) => f.building === building && f.indicator === l.indicator && typeof f.value === 'number' && satisfies(f.value, l)));
    const k = findingKey(c.id, building);
    const e = ctx.expected.findings.find((x) => findingKey(x.conditionId, x.building) === k);
    if (!otherPasses && e && e.verdict === 'pass') keys.push(k);
  }
  return keys;
}

/** The same facts restated: a 预制率 the table supports must still pass (not only "review accepted"). */
const stillPasses = (t: VolumeTable, ctx: FuzzContext) => new Map(passingOnPrefab(t, ctx).map((k) => [k, ['pass'] as Verdict[]]));

export const prefabFlagLayout: Transform = {
  kind: 'prefab-flag-layout',
  apply(wb, ctx) {
    const t = findVolumeTable(wb);
    if (!t) return null;
    wb.flatten();
    const { s } = t;
    const lines: Array<[string, number | null, string]> = [];
    for (const r of t.rows) {
      const n = textOf(s.get(r, t.name));
      lines.push([n, numberOf(s.get(r, t.precast)), '预制'], [n, numberOf(s.get(r, t.cast)), '现浇']);
    }
    const total = t.sum !== undefined ? (t.total !== undefined ? numberOf(s.get(t.sum, t.total)) : (numberOf(s.get(t.sum, t.precast)) ?? 0) + (numberOf(s.get(t.sum, t.cast)) ?? 0)) : null;
    if (total !== null) lines.push(['合计', total, '']);
    const used = t.last - t.header;
    if (lines.length > used) s.insertRows(t.last + 1, lines.length - used);
    const cols = [t.name, t.precast, t.cast, ...(t.total !== undefined ? [t.total] : [])];
    for (let r = t.header; r <= t.header + Math.max(used, lines.length); r++) for (const c of cols) s.set(r, c, undefined);
    s.set(t.header, t.name, { v: '构件名称' });
    s.set(t.header, t.precast, { v: '混凝土体积（m³）' });
    s.set(t.header, t.cast, { v: '预制/现浇' });
    lines.forEach(([n, v, k], i) => {
      s.set(t.header + 1 + i, t.name, { v: n });
      if (v !== null) s.set(t.header + 1 + i, t.precast, { v });
      if (k) s.set(t.header + 1 + i, t.cast, { v: k });
    });
    return { wb, override: stillPasses(t, ctx), what: `${s.name} 的预制率计算表改为“构件名称 | 混凝土体积 | 预制/现浇”，每构件两行` };
  },
};

export const prefabBelowGradeRow: Transform = {
  kind: 'prefab-below-grade-row',
  apply(wb, ctx) {
    const t = findVolumeTable(wb);
    if (!t || t.sum === undefined) return null;
    const override = stillPasses(t, ctx);
    wb.flatten();
    const { s } = t;
    // a basement row large enough that counting it would change the ratio by far
    const castSum = t.rows.reduce((x, r) => x + (numberOf(s.get(r, t.cast)) ?? 0), 0);
    const add = Math.round(castSum * 0.8);
    s.insertRows(t.sum);
    const r = t.sum;
    s.set(r, t.name, { v: '地下室外墙及底板（±0.000以下）' });
    s.set(r, t.precast, { v: 0 });
    s.set(r, t.cast, { v: add });
    if (t.total !== undefined) s.set(r, t.total, { v: add });
    const sum = r + 1;
    s.setValue(sum, t.cast, (numberOf(s.get(sum, t.cast)) ?? 0) + add);
    if (t.total !== undefined) s.setValue(sum, t.total, (numberOf(s.get(sum, t.total)) ?? 0) + add);
    return { wb, override, what: `${s.name} 的预制率计算表在合计前加入 ±0.000 以下的现浇行 ${add} m³（合计随之增加）` };
  },
};

export const prefabRefuted: Transform = {
  kind: 'prefab-volume-refutes',
  error: true,
  apply(wb, ctx) {
    const t = findVolumeTable(wb);
    if (!t) return null;
    const keys = passingOnPrefab(t, ctx);
    if (!keys.length) return null;
    wb.flatten();
    const { s } = t;
    // precast volume cut to a fifth: the recomputed ratio falls far below any 预制率 requirement
    for (const r of [...t.rows, ...(t.sum !== undefined ? [t.sum] : [])]) {
      const p = numberOf(s.get(r, t.precast));
      const q = numberOf(s.get(r, t.cast));
      if (p === null || q === null) continue;
      const np = Math.round(p / 5);
      s.setValue(r, t.precast, np);
      s.setValue(r, t.cast, q + p - np);
    }
    // the sheet's own ratio row beside the table follows the cut (its 合计 is unchanged)
    for (let r = t.last + 1; r <= t.last + 4; r++) {
      const row = [...(s.cells.get(r)?.entries() ?? [])];
      if (row.some(([, x]) => squash(textOf(x)).includes('预制率'))) for (const [c] of row) s.set(r, c, undefined);
    }
    return { wb, override: new Map(keys.map((k) => [k, ['review', 'fail'] as Verdict[]])), what: `${s.name} 的预制混凝土体积减为五分之一（总体积不变），表中数据不再支持申报的预制率` };
  },
};

/** The header row of the table a row belongs to: the nearest row above with text only and no number. */
function headerOf(s: SheetM, row: number): number | null {
  for (let h = row - 1; h >= Math.max(1, row - 12); h--) {
    const cells = [...(s.cells.get(h)?.values() ?? [])];
    if (cells.length >= 3 && cells.every((c) => numberOf(c) === null)) return h;
  }
  return null;
}

export const heatPumpAsOutput: Transform = {
  kind: 'heat-pump-as-output',
  apply(wb) {
    for (const s of wb.sheets) {
      if (s.state !== 'visible') continue;
      for (const [r, c, cell] of s.each()) {
        const label = squash(textOf(cell));
        if (!label.includes('热泵') || /供热|制热|COP/i.test(label)) continue;
        const h = headerOf(s, r);
        if (h === null) continue;
        const head = [...(s.cells.get(h)?.entries() ?? [])];
        const vcol = head.find(([cc, x]) => cc > c && squash(textOf(x)).includes('利用量') && numberOf(s.get(r, cc)) !== null)?.[0];
        if (vcol === undefined) continue;
        const v = numberOf(s.get(r, vcol))!;
        const note = head.find(([cc, x]) => cc > vcol && /备注|说明/.test(textOf(x)))?.[0] ?? Math.max(...head.map(([cc]) => cc)) + 1;
        // the sheet lists the heat output Q = E / (1 − 1/3) with its COP, and adds it into its 合计
        const q = v * 1.5;
        s.setValue(r, c, label.includes('地源') ? '地源热泵年供热量' : '空气源热泵年供热量');
        s.setValue(r, vcol, q);
        s.set(r, note, { v: 'COP=3.0，按年供热量填写' });
        for (let rr = r + 1; rr <= r + 10; rr++) {
          const t = squash(textOf(s.get(rr, c))) || squash(textOf(s.get(rr, c - 1)));
          if (!/^(合计|总计)/.test(t)) continue;
          const x = numberOf(s.get(rr, vcol));
          const old = s.get(rr, vcol)?.v;
          // a SUM keeps its formula with the new cached result; a typed total is retyped
          if (x !== null) s.setValue(rr, vcol, isFormula(old) ? ({ ...old, result: x + q - v } as CellValue) : x + q - v);
          break;
        }
        return { wb, override: new Map(), what: `${s.name} 的热泵行改填年供热量 ${q}（COP=3.0，合计随之增加）` };
      }
    }
    return null;
  },
};
