// Layout transformations of labels and rows (same facts, another layout): labels merged over two
// rows, synonyms, shuffled rows, blank rows and offsets, numbering, a unit column, building names
// respelled, formulas flattened, sheets renamed, spaced and bilingual labels.
import { INDICATORS, indicator } from '../../shared/model/indicators';
import { numberOf, shown, SheetM, textOf } from './workbook-model';
import { type Transform } from './transforms';
import { NUMBERING, UNIT_AT_END, bareLabel, factsOn, headerRowAbove, kvSheets, labelIndicators, labelRewrite, mainSheet, noVariant } from './transform-helpers';

/** Labels written over two rows: a shared part in a merged cell, the rest beside it. */
export const mergedLabels: Transform = {
  kind: 'merged-labels',
  apply(wb, ctx) {
    const k = kvSheets(wb, ctx)[0];
    if (!k) return null;
    const { s, first, last, ...g } = k;
    const lc = g.labelCol;
    const label = (r: number) => textOf(s.get(r, lc)).replace(NUMBERING, '');
    const pairs: { r: number; parent: string; a: string; b: string; suffix: boolean }[] = [];
    for (let r = first; r < last; r++) {
      if (pairs.some((p) => p.r === r - 1)) continue;
      if (s.mergeAt(r, lc) || s.mergeAt(r + 1, lc)) continue;
      const x = label(r);
      const y = label(r + 1);
      if (!x || !y || x === y) continue;
      let p = 0;
      while (p < Math.min(x.length, y.length) && x[p] === y[p]) p++;
      let q = 0;
      while (q < Math.min(x.length, y.length) - p && x[x.length - 1 - q] === y[y.length - 1 - q]) q++;
      // a shared prefix ("单体" over 预制率/装配率) or a shared quantity that is itself an indicator
      // label ("建筑面积" over 地上/地下)
      if (p >= 2 && bareLabel(x.slice(p)).length >= 2 && bareLabel(y.slice(p)).length >= 2) pairs.push({ r, parent: x.slice(0, p), a: x.slice(p), b: y.slice(p), suffix: false });
      else if (q >= 2 && q < x.length && q < y.length && labelIndicators(x.slice(x.length - q)).length > 0) {
        pairs.push({ r, parent: x.slice(x.length - q), a: x.slice(0, x.length - q), b: y.slice(0, y.length - q), suffix: true });
      }
    }
    if (!pairs.length) return null;
    wb.flatten();
    s.insertCols(lc, 1);
    const parentCol = lc;
    const childCol = lc + 1;
    for (let r = first; r <= last; r++) {
      const p = pairs.find((x) => x.r === r || x.r === r - 1);
      if (p) continue;
      const cell = s.get(r, childCol);
      if (!cell || s.mergeAt(r, childCol)) continue;
      s.set(r, parentCol, cell);
      s.set(r, childCol, undefined);
      s.merges.push({ r1: r, c1: parentCol, r2: r, c2: childCol });
    }
    for (const p of pairs) {
      const style = s.get(p.r, childCol)?.style;
      s.set(p.r, parentCol, { v: p.parent, style });
      s.merges.push({ r1: p.r, c1: parentCol, r2: p.r + 1, c2: parentCol });
      s.setValue(p.r, childCol, p.a);
      s.setValue(p.r + 1, childCol, p.b);
    }
    const h = headerRowAbove(s, first);
    if (h !== null && s.get(h, childCol) && !s.get(h, parentCol) && !s.mergeAt(h, childCol)) {
      s.set(h, parentCol, s.get(h, childCol));
      s.set(h, childCol, undefined);
      s.merges.push({ r1: h, c1: parentCol, r2: h, c2: childCol });
    }
    return noVariant(wb, `工作表“${s.name}”${pairs.map((p) => `“${p.parent}”合并在“${p.a}/${p.b}”两行之上`).join('，')}`);
  },
};

/** Catalogue labels that name exactly one indicator. */
export function uniqueSynonyms(id: string): string[] {
  const def = indicator(id);
  if (!def) return [];
  return def.labels.filter((l) => l.length >= 3 && INDICATORS.filter((d) => d.labels.includes(l)).length === 1);
}

export const synonyms = labelRewrite('label-synonyms', '标签换成指标目录中的同义词', (text, f, ctx) => {
  const bare = bareLabel(text);
  const def = indicator(f.indicator);
  if (!def || !def.labels.includes(bare)) return null;
  const alts = uniqueSynonyms(f.indicator).filter((l) => l !== bare);
  if (!alts.length) return null;
  const alt = ctx.rng.pick(alts);
  const i = text.indexOf(bare);
  if (i < 0) return null;
  return text.slice(0, i) + alt + text.slice(i + bare.length);
});

export const shuffleRows: Transform = {
  kind: 'shuffle-rows',
  apply(wb, ctx) {
    const k = kvSheets(wb, ctx)[0];
    if (!k || k.facts.length < 3) return null;
    const { s, ...g } = k;
    let { first, last } = k;
    while (s.cells.get(first - 1)?.size && headerRowAbove(s, first) !== first - 1 && !s.mergeAt(first - 1, g.labelCol) && numberOf(s.get(first - 1, g.valueCol)) !== null) first--;
    while (s.cells.get(last + 1)?.size && !s.merges.some((m) => m.r1 === last + 1 && m.c2 - m.c1 >= 2)) last++;
    // Rows move only within one run of consecutive rows without a table header: blank rows and
    // header rows stay where they are (table rows moved out from under their header are another
    // layout, not the same facts). The run holding most facts is shuffled.
    const runs: Array<{ a: number; b: number; n: number }> = [];
    for (let r = first, a = -1; r <= last + 1; r++) {
      const boundary = r > last || !s.cells.get(r)?.size || isTableHeader(s, r);
      if (!boundary && a < 0) a = r;
      if (boundary && a >= 0) {
        const lo = a;
        runs.push({ a: lo, b: r - 1, n: g.facts.filter((f) => f.row >= lo && f.row < r).length });
        a = -1;
      }
    }
    const run = runs.sort((x, y) => y.n - x.n)[0];
    if (!run) return null;
    first = run.a;
    last = run.b;
    if (s.merges.some((m) => m.r2 >= first && m.r1 <= last && m.r1 !== m.r2)) return null;
    // groups: a row and the "其中" rows that belong to it; totals stay last
    const groups: number[][] = [];
    const tail: number[] = [];
    for (let r = first; r <= last; r++) {
      const t = textOf(s.get(r, g.labelCol));
      if (/合计|小计|总计/.test(t)) tail.push(r);
      else if (groups.length && (/^\s*其中/.test(t) || isSubRow(s, r, groups[groups.length - 1][0], g.labelCol))) groups[groups.length - 1].push(r);
      else groups.push([r]);
    }
    if (groups.length < 3) return null;
    wb.flatten();
    const order = ctx.rng.shuffle([...groups]);
    const rows = [...order.flat(), ...tail];
    const snapshot = rows.map((r) => s.cells.get(r));
    const merges = s.merges.filter((m) => m.r1 >= first && m.r1 <= last);
    s.merges = s.merges.filter((m) => !(m.r1 >= first && m.r1 <= last));
    rows.forEach((from, i) => {
      const to = first + i;
      const row = snapshot[i];
      if (row) s.cells.set(to, row);
      else s.cells.delete(to);
      for (const m of merges.filter((x) => x.r1 === from)) s.merges.push({ ...m, r1: to, r2: to });
    });
    return noVariant(wb, `工作表“${s.name}”第${first}–${last}行顺序打乱`);
  },
};

/** A table's header row: three or more words and no number. */
export function isTableHeader(s: SheetM, r: number): boolean {
  const cells = [...(s.cells.get(r)?.values() ?? [])];
  const texts = cells.filter((c) => typeof shown(c.v) === 'string' && textOf(c).trim() !== '');
  return texts.length >= 3 && !cells.some((c) => typeof shown(c.v) === 'number');
}

/** A row that continues the group above: no numbering where the group's first row has one ("其中" items). */
export function isSubRow(s: SheetM, r: number, groupStart: number, labelCol: number): boolean {
  if (labelCol <= 1) return false;
  return textOf(s.get(r, labelCol - 1)).trim() === '' && textOf(s.get(groupStart, labelCol - 1)).trim() !== '';
}

export const blankOffset: Transform = {
  kind: 'blank-offset',
  apply(wb) {
    wb.flatten();
    for (const s of wb.sheets) {
      s.insertRows(1, 2);
      s.insertCols(1, 1);
    }
    return noVariant(wb, '每张工作表上方插入2个空行、左侧插入1个空列');
  },
};

export const blankSpacers: Transform = {
  kind: 'blank-spacer-rows',
  apply(wb, ctx) {
    const s = mainSheet(wb, ctx);
    if (!s) return null;
    const rows = [...new Set(factsOn(ctx, s.name).map((f) => f.row))].sort((a, b) => a - b);
    if (rows.length < 4) return null;
    const at = rows.filter((_, i) => i > 0 && i % 3 === 0).filter((r) => !s.merges.some((m) => m.r1 < r && m.r2 >= r));
    if (!at.length) return null;
    wb.flatten();
    for (const r of [...at].reverse()) s.insertRows(r, 1);
    return noVariant(wb, `工作表“${s.name}”表中插入${at.length}个空行`);
  },
};

const NUMBER_STYLES = ['1、', '（2）', '3.', '四、', '5.1 '];

export const numberingPrefix = labelRewrite(
  'numbering-prefix',
  '标签前加编号',
  (text, _f, _ctx, n) => (!text || /^\s*[（(]?[0-9一二三四五六七八九十]+(?:\.[0-9]+)*[)）、.．\s]/.test(text) ? null : `${NUMBER_STYLES[n % NUMBER_STYLES.length]}${text}`),
  (f) => f.label!.row === f.row && f.label!.sheet === f.sheet,
);

export const unitColumn: Transform = {
  kind: 'unit-column',
  apply(wb, ctx) {
    const k = kvSheets(wb, ctx)[0];
    if (!k) return null;
    const { s, first, last, ...g } = k;
    const h = headerRowAbove(s, first);
    const existing = h !== null && g.valueCol - g.labelCol >= 2 && /^单位$/.test(textOf(s.get(h, g.labelCol + 1)).trim()) ? g.labelCol + 1 : null;
    wb.flatten();
    if (existing) {
      // the reverse: units back into the labels
      let n = 0;
      for (let r = first; r <= last; r++) {
        const u = textOf(s.get(r, existing)).trim();
        const l = textOf(s.get(r, g.labelCol));
        if (u && l && u !== '/' && !UNIT_AT_END.test(l)) {
          s.setValue(r, g.labelCol, `${l}（${u}）`);
          n++;
        }
        s.set(r, existing, undefined);
      }
      s.set(h!, existing, undefined);
      return n ? noVariant(wb, `工作表“${s.name}”单位列并入标签（${n}项）`) : null;
    }
    const withUnit = [];
    for (let r = first; r <= last; r++) if (UNIT_AT_END.test(textOf(s.get(r, g.labelCol)))) withUnit.push(r);
    if (withUnit.length < 2 || g.facts.some((f) => s.mergeAt(f.row, g.labelCol))) return null;
    s.insertCols(g.labelCol + 1, 1);
    for (const r of withUnit) {
      const l = textOf(s.get(r, g.labelCol));
      const m = UNIT_AT_END.exec(l)!;
      s.setValue(r, g.labelCol, l.slice(0, m.index));
      s.set(r, g.labelCol + 1, { v: m[1] });
    }
    if (h !== null) s.set(h, g.labelCol + 1, { v: '单位', style: s.get(h, g.labelCol)?.style });
    return noVariant(wb, `工作表“${s.name}”标签中的单位移到新的单位列（${withUnit.length}项）`);
  },
};

export const CN_NUM = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export const buildingRespell: Transform = {
  kind: 'building-respell',
  apply(wb, ctx) {
    const names = ctx.buildings.map((b) => b.name).filter((n) => /^(\d{1,2})\s*[#＃]\s*楼?$|^(\d{1,2})号楼$/.test(n));
    if (!names.length) return null;
    const alias = (n: string, style: number) => {
      const d = Number(/\d+/.exec(n)![0]);
      return [`${d}号楼`, d <= 10 ? `${CN_NUM[d]}号楼` : `${d}号楼`, `${d}#`, `${d}栋`][style % 4];
    };
    const home = new Set(ctx.buildings.map((b) => b.sheet));
    let n = 0;
    const style = ctx.rng.int(4);
    for (const s of wb.sheets) {
      const others = !home.has(s.name) || wb.sheets.every((x) => home.has(x.name));
      if (!others) continue;
      for (const [r, c, cell] of s.each()) {
        const t = shown(cell.v);
        if (typeof t !== 'string') continue;
        let out = t;
        for (const name of names) if (out.includes(name)) out = out.split(name).join(alias(name, style));
        if (out !== t) {
          s.setValue(r, c, out);
          n++;
        }
      }
      for (const name of names) if (s.name.includes(name)) s.name = wb.uniqueName(s.name.split(name).join(alias(name, style)));
    }
    return n ? noVariant(wb, `${n}处楼号改写为“${alias('1#楼', style)}”式`) : null;
  },
};

/**
 * Building names written with their use in brackets (1#楼(住宅), A座（办公）) wherever the whole cell
 * is the name: the building is the same one, and the bracket agrees with its use as read.
 */
export const buildingUseInName: Transform = {
  kind: 'building-use-in-name',
  apply(wb, ctx) {
    const withUse = ctx.buildings.filter((b) => b.use && /^[\u4e00-\u9fff]{1,6}$/.test(b.use.raw.trim()));
    if (!withUse.length) return null;
    const full = ctx.rng.int(2) === 0;
    const note = new Map(withUse.map((b) => [b.name, full ? `（${b.use!.raw.trim()}）` : `(${b.use!.raw.trim()})`]));
    let n = 0;
    for (const s of wb.sheets) {
      for (const [r, c, cell] of s.each()) {
        const t = shown(cell.v);
        const add = typeof t === 'string' ? note.get(t.trim()) : undefined;
        if (!add) continue;
        s.setValue(r, c, `${(t as string).trim()}${add}`);
        n++;
      }
    }
    return n ? noVariant(wb, `${n}处楼号后加写建筑功能（如“${withUse[0].name}${note.get(withUse[0].name)}”）`) : null;
  },
};

export const flattenFormulas: Transform = {
  kind: 'flatten-formulas',
  apply(wb) {
    const has = wb.sheets.some((s) => [...s.each()].some(([, , c]) => c.v && typeof c.v === 'object' && 'formula' in (c.v as object)));
    if (!has) return null;
    wb.flatten();
    return noVariant(wb, '公式改为数值（选择性粘贴为值）');
  },
};

export const sheetRename: Transform = {
  kind: 'generic-sheet-names',
  apply(wb) {
    wb.sheets.forEach((s, i) => (s.name = `Sheet${i + 1}`));
    return noVariant(wb, '工作表改名为 Sheet1…SheetN');
  },
};

export const labelSpacing = labelRewrite(
  'label-spacing',
  '短标签字间加空格并加冒号',
  (text) => {
    const bare = bareLabel(text);
    if (!bare || bare.length > 5 || !text.includes(bare)) return null;
    return `${text.replace(bare, Array.from(bare).join(' '))}：`;
  },
  (f) => f.label!.row === f.row,
);

export const ENGLISH: Record<string, string> = {
  site_area: 'Site Area',
  gross_floor_area: 'Gross Floor Area',
  far: 'FAR',
  building_density: 'Building Coverage',
  green_ratio: 'Green Ratio',
  building_height: 'Building Height',
  green_building_star: 'Green Building Rating',
  assembly_ratio: 'Assembly Ratio',
  prefab_ratio: 'Prefabrication Ratio',
  renewable_substitution: 'Renewable Energy Substitution Rate',
  runoff_capture: 'Annual Runoff Control Rate',
};

export const bilingualLabels = labelRewrite('bilingual-labels', '标签改为中英双语', (text, f) => (text ? `${ENGLISH[f.indicator]} ${text}` : null), (f) => !!ENGLISH[f.indicator]);
