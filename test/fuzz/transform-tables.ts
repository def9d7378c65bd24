// Layout transformations of whole tables and their columns (same facts, another layout): cover
// sheets, stale hidden copies, transposition, two-row headers, requirement / note / stage columns,
// 满分 and 得分 swapped, notations of numbers, a note line inside a table.
import { indicator } from '../../shared/model/indicators';
import { exactRole } from '../../shared/import/roles';
import { shown, SheetM, textOf } from './workbook-model';
import { type Fact, type Transform } from './transforms';
import { allLeaves, clean, factsOn, headerRowAbove, isPercentFmt, kvGroup, kvSheets, mainSheet, noVariant, numberText, okFacts, opposite, requirementText, toFullWidth, twoColumnsBefore, writeNormalised } from './transform-helpers';

// ---------------------------------------------------------------- same-facts transformations

export const coverToc: Transform = {
  kind: 'cover-toc',
  apply(wb, ctx) {
    const cover = new SheetM(wb.uniqueName('封面'));
    const name = ctx.facts.find((f) => f.indicator === 'project_name');
    cover.set(3, 1, { v: name && typeof name.value === 'string' ? name.value : '某建设项目' });
    cover.set(5, 1, { v: '技术经济指标及绿色生态专项计算书' });
    cover.set(9, 1, { v: '编制单位：某建筑设计研究院有限公司' });
    cover.set(10, 1, { v: '编制日期：2025年3月' });
    const toc = new SheetM(wb.uniqueName('目录'));
    toc.set(1, 1, { v: '目  录' });
    toc.set(2, 1, { v: '序号' });
    toc.set(2, 2, { v: '内容' });
    toc.set(2, 3, { v: '页码' });
    wb.sheets.forEach((s, i) => {
      toc.set(3 + i, 1, { v: i + 1 });
      toc.set(3 + i, 2, { v: s.name });
      toc.set(3 + i, 3, { v: i + 2 });
    });
    wb.sheets.unshift(cover, toc);
    return noVariant(wb, '在最前面插入“封面”“目录”工作表');
  },
};

/**
 * A copy of value rows with other values, appended below the sheet's content where nobody sees it —
 * hidden rows, or text in white on white: never read.
 */
export function staleRows(kind: string, how: 'hidden' | 'white'): Transform {
  return {
    kind,
    apply(wb, ctx) {
      const s = mainSheet(wb, ctx);
      if (!s) return null;
      const facts = factsOn(ctx, s.name).filter((f) => f.building === null && f.label && f.label.sheet === s.name && f.label.row === f.row);
      if (!facts.length) return null;
      let at = s.maxRow() + 1;
      let changed = 0;
      for (const f of facts.slice(0, 3)) {
        const v = opposite(f, ctx);
        if (v === null) continue;
        for (const [c, cell] of s.cells.get(f.row) ?? []) s.set(at, c, { ...cell });
        if (!writeNormalised(s, at, f.col, f, v)) {
          s.cells.delete(at);
          continue;
        }
        if (how === 'hidden') s.hiddenRows.add(at);
        else for (const cell of s.cells.get(at)?.values() ?? []) cell.style = { ...cell.style, font: { ...cell.style?.font, color: { argb: 'FFFFFFFF' } }, fill: { type: 'pattern', pattern: 'none' } };
        at++;
        changed++;
      }
      if (!changed) return null;
      return noVariant(wb, `在“${s.name}”末尾加入 ${changed} 行${how === 'hidden' ? '隐藏的' : '白底白字的'}旧数值（与现行数值不同）`);
    },
  };
}

export function staleCopy(kind: string, state: 'hidden' | 'veryHidden'): Transform {
  return {
    kind,
    apply(wb, ctx) {
      const s = mainSheet(wb, ctx);
      if (!s) return null;
      const copy = s.clone(wb.uniqueName(`${s.name}（旧）`));
      copy.state = state;
      let changed = 0;
      for (const f of factsOn(ctx, s.name)) {
        const v = opposite(f, ctx);
        if (v !== null && writeNormalised(copy, f.row, f.col, f, v)) changed++;
      }
      if (!changed) return null;
      const at = state === 'hidden' ? wb.sheets.indexOf(s) : 0;
      wb.sheets.splice(at, 0, copy);
      return noVariant(wb, `${state === 'hidden' ? '隐藏' : '深度隐藏'}的旧版副本“${copy.name}”（${changed}个数值不同）放在前面`);
    },
  };
}

export const transposeSheet: Transform = {
  kind: 'transpose-sheet',
  apply(wb, ctx) {
    const candidates = [...new Set(okFacts(ctx).map((f) => f.sheet))].filter((n) => factsOn(ctx, n).length >= 2).sort();
    if (!candidates.length) return null;
    const s = wb.sheet(ctx.rng.pick(candidates))!;
    wb.flatten();
    // title rows above and note rows below (one cell each) stay; the body between them is transposed
    const single = (r: number) => (s.cells.get(r)?.size ?? 0) === 1;
    const rowsUsed = [...s.cells.keys()].filter((r) => s.cells.get(r)!.size).sort((a, b) => a - b);
    let top = 0;
    while (top < rowsUsed.length && single(rowsUsed[top])) top++;
    let bottom = rowsUsed.length - 1;
    while (bottom > top && single(rowsUsed[bottom])) bottom--;
    // several tables stacked under their own titles: only the first one is transposed
    const inner = rowsUsed.findIndex((r, i) => i > top && i < bottom && single(r));
    if (inner > 0) bottom = inner - 1;
    if (bottom - top < 1) return null;
    const first = rowsUsed[top];
    const last = rowsUsed[bottom];
    const body = new SheetM(s.name);
    for (const [r, c, cell] of s.each()) if (r >= first && r <= last) body.set(r - first + 1, c, cell);
    body.merges = s.merges.filter((m) => m.r1 >= first && m.r2 <= last).map((m) => ({ ...m, r1: m.r1 - first + 1, r2: m.r2 - first + 1 }));
    body.transpose();
    const height = body.maxRow();
    const next = new SheetM(s.name, s.state);
    for (const [r, c, cell] of s.each()) if (r < first) next.set(r, c, cell);
    for (const [r, c, cell] of body.each()) next.set(first + r - 1, c, cell);
    const shift = first + height - last - 1;
    for (const [r, c, cell] of s.each()) if (r > last) next.set(r + shift + 1, c, cell);
    next.merges = [
      ...s.merges.filter((m) => m.r2 < first),
      ...body.merges.map((m) => ({ ...m, r1: m.r1 + first - 1, r2: m.r2 + first - 1 })),
      ...s.merges.filter((m) => m.r1 > last).map((m) => ({ ...m, r1: m.r1 + shift + 1, r2: m.r2 + shift + 1 })),
    ];
    wb.sheets[wb.sheets.indexOf(s)] = next;
    return noVariant(wb, `工作表“${s.name}”表体行列转置`);
  },
};

export const twoHeaderRows: Transform = {
  kind: 'two-header-rows',
  apply(wb, ctx) {
    for (const name of [...new Set(okFacts(ctx).map((f) => f.sheet))].sort()) {
      const s = wb.sheet(name)!;
      const g = kvGroup(ctx, name);
      const first = g ? Math.min(...g.facts.map((f) => f.row)) : Math.min(...factsOn(ctx, name).map((f) => f.row));
      const h = headerRowAbove(s, first);
      if (h === null) continue;
      wb.flatten();
      const cols = [...s.cells.get(h)!.keys()].sort((a, b) => a - b);
      const labelCol = g?.labelCol ?? cols[0];
      s.insertRows(h, 1);
      const lower = h + 1;
      const valueCols: number[] = [];
      for (const c of cols) {
        const cell = s.get(lower, c)!;
        if (c <= labelCol) {
          s.set(h, c, cell);
          s.set(lower, c, undefined);
          s.merges.push({ r1: h, c1: c, r2: lower, c2: c });
        } else valueCols.push(c);
      }
      if (valueCols.length) {
        s.set(h, valueCols[0], { v: '技术指标', style: s.get(lower, valueCols[0])?.style });
        if (valueCols.length > 1) s.merges.push({ r1: h, c1: valueCols[0], r2: h, c2: valueCols[valueCols.length - 1] });
      }
      return noVariant(wb, `工作表“${name}”表头改为两行（上行“技术指标”合并）`);
    }
    return null;
  },
};

/**
 * Row labels that name an indicator's limit (indicators.json limitLabels; the affixes 上限/下限 of
 * column-roles.json): in a table with a 规划条件 column they name the row's subject.
 */
const LIMIT_NAMES: Record<string, string> = { building_height: '建筑限高', far: '容积率上限', green_ratio: '绿地率下限', building_density: '建筑密度上限' };

/** A 规划条件 column before the design values; with `limitNames`, the rows it fills named for their limit (建筑限高). */
function withRequirementColumn(kind: string, limitNames: boolean): Transform {
  return {
    kind,
    apply(wb, ctx) {
      const k = kvSheets(wb, ctx).find((x) => x.facts.some((f) => allLeaves(ctx, f.indicator).length > 0 && (!limitNames || LIMIT_NAMES[f.indicator])));
      if (!k) return null;
      const { s, first, last, ...g } = k;
      const withReq = g.facts.filter((f) => allLeaves(ctx, f.indicator).length > 0);
      wb.flatten();
      let h = headerRowAbove(s, first);
      const rows = new Set(g.facts.map((f) => f.row));
      s.insertCols(g.valueCol, 1);
      const reqCol = g.valueCol;
      const renamed: string[] = [];
      for (let r = first; r <= last; r++) {
        const f = g.facts.find((x) => x.row === r);
        const leaf = f ? allLeaves(ctx, f.indicator)[0] : undefined;
        if (leaf) s.set(r, reqCol, { v: requirementText(leaf) });
        else if (rows.has(r) || s.get(r, g.labelCol)) s.set(r, reqCol, { v: '/' });
        const limit = leaf && limitNames ? LIMIT_NAMES[f!.indicator] : undefined;
        if (limit) {
          // the label's unit in brackets stays: 建筑高度(m) → 建筑限高(m)
          const unit = /[（(][^（()）]*[)）]\s*$/.exec(textOf(s.get(r, g.labelCol)))?.[0] ?? '';
          s.setValue(r, g.labelCol, `${limit}${unit}`);
          renamed.push(`${limit}${unit}`);
        }
      }
      if (h === null) {
        s.insertRows(first, 1);
        h = first;
        s.set(h, g.labelCol, { v: '指标名称' });
        s.set(h, g.valueCol + 1, { v: '设计值' });
      }
      s.set(h, reqCol, { v: '规划条件', style: s.get(h, reqCol + 1)?.style });
      const names = renamed.length ? `，行名改为${renamed.map((x) => `“${x}”`).join('')}` : '';
      return noVariant(wb, `工作表“${s.name}”在设计值列前插入“规划条件”列（${withReq.length}项要求）${names}`);
    },
  };
}

export const requirementColumn = withRequirementColumn('requirement-column', false);
export const limitNamedRows = withRequirementColumn('limit-named-rows', true);

/** Header cells of score tables: claimed score and maximum. */
export const SCORE_HEAD = /^(自评)?得分$|^(自评|预评价|评价)得分|^评价得分$|^得分$/;
export const MAX_HEAD = /满分|^分值$|^评价分值$|最高分/;

export const maxScoreSwap: Transform = {
  kind: 'score-max-column-swap',
  apply(wb) {
    for (const s of wb.sheets) {
      for (const [r, row] of s.cells) {
        const heads = [...row.entries()].map(([c, cell]) => [c, textOf(cell).replace(/\s+/g, '')] as const);
        const score = heads.find(([, t]) => SCORE_HEAD.test(t));
        const max = heads.find(([, t]) => MAX_HEAD.test(t) && !/最低/.test(t));
        if (!score || !max) continue;
        let end = r;
        while (s.cells.get(end + 1)?.size) end++;
        if (s.merges.some((m) => m.r2 >= r && m.r1 <= end && (m.c1 <= Math.max(score[0], max[0]) && m.c2 >= Math.min(score[0], max[0])) && m.c1 !== m.c2)) continue;
        wb.flatten();
        s.swapCols(score[0], max[0], r, end);
        return noVariant(wb, `工作表“${s.name}”第${r}行起“${score[1]}”列与“${max[1]}”列互换位置`);
      }
    }
    return null;
  },
};

export function notesColumn(kind: string, numeric: boolean): Transform {
  return {
    kind,
    apply(wb, ctx) {
      const k = kvSheets(wb, ctx).find((x) => !numeric || headerRowAbove(x.s, x.first) !== null);
      if (!k) return null;
      const { s, first, ...g } = k;
      const h = headerRowAbove(s, first);
      wb.flatten();
      const at = g.valueCol + 1;
      s.insertCols(at, 1);
      const texts = ['按第3版图纸', '见附表2', '较上版调整0.8', '详见第12页', '依据规划条件第5条'];
      g.facts.forEach((f, i) => {
        if (!s.mergeAt(f.row, at)) s.set(f.row, at, { v: numeric ? [12, 3.5, 7, 0.6, 45][i % 5] : texts[i % texts.length] });
      });
      if (h !== null) s.set(h, at, { v: '备注', style: s.get(h, g.valueCol)?.style });
      return noVariant(wb, `工作表“${s.name}”设计值列后插入“备注”列（${numeric ? '纯数字' : '含数字的文字'}）`);
    },
  };
}

export const M2 = /[（(](?:㎡|m²|m2|平方米)[)）]/;

/**
 * The cells a label governs: the numbers to its right when the value sits on the label's row,
 * else the numbers below it in its column (a column header).
 */
export function lineOf(s: SheetM, label: { row: number; col: number }, f: Fact): [number, number][] {
  const out: [number, number][] = [];
  if (label.row === f.row) {
    for (const [c] of s.cells.get(label.row) ?? []) if (c > label.col) out.push([label.row, c]);
  } else {
    for (let r = label.row + 1; r <= s.maxRow(); r++) if (s.get(r, label.col)) out.push([r, label.col]);
  }
  return out.filter(([r, c]) => typeof shown(s.get(r, c)!.v) === 'number');
}

export const areasInWan: Transform = {
  kind: 'areas-wan',
  apply(wb, ctx) {
    const area = okFacts(ctx).filter((f) => indicator(f.indicator)?.unit === 'm²' && typeof f.value === 'number');
    let n = 0;
    const done = new Set<string>();
    const toWan = (s: SheetM, r: number, c: number) => s.setValue(r, c, clean((shown(s.get(r, c)!.v) as number) / 10000), null);
    for (const f of area) {
      const s = wb.sheet(f.sheet)!;
      const cell = s.get(f.row, f.col);
      if (!cell || typeof shown(cell.v) !== 'number') continue;
      const labText = f.label && f.label.sheet === f.sheet ? textOf(s.get(f.label.row, f.label.col)) : '';
      const key = f.label ? `${f.label.row}:${f.label.col}@${f.sheet}` : '';
      if (done.has(key)) continue;
      // a figure the sheet already writes in 万㎡ ("计容建筑面积（万㎡） | 5.92") stays as it is
      if (shown(cell.v) !== f.value) continue;
      if (f.label && f.label.sheet === f.sheet && M2.test(labText)) {
        done.add(key);
        const line = lineOf(s, f.label, f);
        s.setValue(f.label.row, f.label.col, labText.replace(M2, '（万㎡）'));
        for (const [r, c] of line) toWan(s, r, c);
      } else if (f.label && f.label.row === f.row && textOf(s.get(f.row, f.label.col + 1)) === '㎡') {
        s.setValue(f.row, f.label.col + 1, '万㎡');
        toWan(s, f.row, f.col);
      } else {
        s.setValue(f.row, f.col, `${clean((shown(cell.v) as number) / 10000)}万㎡`, null);
      }
      n++;
    }
    return n ? noVariant(wb, `${n}处面积改以万㎡表示`) : null;
  },
};

/** Numeric fact cells → a text form built from the number as the user reads it. */
export function numericText(kind: string, what: string, form: (text: string, f: Fact) => string | null, filter: (f: Fact) => boolean = () => true): Transform {
  return {
    kind,
    apply(wb, ctx) {
      let n = 0;
      for (const f of okFacts(ctx).filter(filter)) {
        const def = indicator(f.indicator);
        if (def?.type === 'star' || def?.type === 'boolean' || def?.type === 'text') continue;
        const s = wb.sheet(f.sheet)!;
        const cell = s.get(f.row, f.col);
        if (!cell) continue;
        const t = numberText(cell);
        if (t === null) continue;
        const out = form(t, f);
        if (out === null) continue;
        s.setValue(f.row, f.col, out, null);
        n++;
      }
      return n ? noVariant(wb, `${n}个数值${what}`) : null;
    },
  };
}

export const fullWidth = numericText('fullwidth-digits', '改为全角数字文本', (t) => toFullWidth(t));

export const bracketNotes: Transform = {
  kind: 'bracket-notes',
  apply(wb, ctx) {
    let n = 0;
    for (const f of okFacts(ctx)) {
      const s = wb.sheet(f.sheet)!;
      const cell = s.get(f.row, f.col);
      if (!cell) continue;
      const def = indicator(f.indicator);
      const raw = shown(cell.v);
      let out: string | null = null;
      if (def?.type === 'star' && typeof raw === 'string') out = `${raw}（预评价）`;
      else if (def?.type === 'boolean' && typeof raw === 'string') out = `${raw}（详见专篇）`;
      else if (def?.type === 'number' || def?.type === 'percent') {
        const t = numberText(cell);
        if (t !== null) out = `${t}（详见计算书）`;
      }
      if (out === null) continue;
      s.setValue(f.row, f.col, out, null);
      n++;
    }
    return n ? noVariant(wb, `${n}个数值后加括号说明`) : null;
  },
};

export const percentAsText = numericText('percent-as-text', '由百分比格式改为“61.5%”文本', (t) => (t.endsWith('%') ? t : null));

export const PCT_UNIT = /\s*[（(]\s*[%％]\s*[)）]/;

export const percentAsFormat: Transform = {
  kind: 'percent-as-format',
  apply(wb, ctx) {
    let n = 0;
    const done = new Set<string>();
    for (const f of okFacts(ctx)) {
      if (indicator(f.indicator)?.type !== 'percent' || typeof f.value !== 'number') continue;
      const s = wb.sheet(f.sheet)!;
      const cell = s.get(f.row, f.col);
      const raw = cell ? shown(cell.v) : null;
      if (typeof raw === 'string' && /^\s*[0-9.]+\s*[%％]\s*$/.test(raw)) {
        s.setValue(f.row, f.col, clean(f.value / 100), '0.00%');
        n++;
        continue;
      }
      if (typeof raw !== 'number' || isPercentFmt(cell) || !f.label || f.label.sheet !== f.sheet) continue;
      const lt = textOf(s.get(f.label.row, f.label.col));
      if (!PCT_UNIT.test(lt)) continue;
      // "单体装配率（%）" over 63.5 → "单体装配率" over 63.5 %
      const key = `${f.label.row}:${f.label.col}`;
      if (done.has(key)) continue;
      done.add(key);
      const line = lineOf(s, f.label, f);
      s.setValue(f.label.row, f.label.col, lt.replace(PCT_UNIT, ''));
      for (const [r, c] of line) s.setValue(r, c, clean((shown(s.get(r, c)!.v) as number) / 100), '0.0%');
      n++;
    }
    return n ? noVariant(wb, `${n}处百分数改为百分比格式数值`) : null;
  },
};

/**
 * A one-cell note line ("说明：以下…") merged across a table, between two of its rows: the table goes
 * on below it (corpus buildings-project-corner-fengxian: a note split a building table in two).
 */
export const noteRowInside: Transform = {
  kind: 'note-row-inside',
  apply(wb, ctx) {
    for (const k of kvSheets(wb, ctx)) {
      const { s, facts, labelCol, valueCol } = k;
      const rows = [...new Set(facts.map((f) => f.row))].sort((a, b) => a - b);
      if (rows.length < 3) continue;
      const at = rows[Math.floor(rows.length / 2)];
      if (s.merges.some((m) => m.r1 < at && m.r2 >= at)) continue;
      const cols = [...(s.cells.get(at)?.keys() ?? [])];
      const left = Math.min(labelCol, ...cols);
      const right = Math.max(valueCol, ...cols);
      wb.flatten();
      s.insertRows(at, 1);
      s.set(at, left, { v: '说明：以下各项按现行计算规则逐项统计，计算过程详见计算书第3章，表中合计栏仅供参考。' });
      if (right > left) s.merges.push({ r1: at, c1: left, r2: at, c2: right });
      return noVariant(wb, `工作表“${s.name}”表格中间（第${at}行）插入一行合并的说明文字`);
    }
    return null;
  },
};

/**
 * The value column becomes the 施工图 column of a stage table: 方案 and 初步设计 columns with other
 * figures (verdicts flipped) are inserted before it; only the 施工图 figures count (corpus
 * design-stages-baoshan).
 */
export const earlierStageColumns: Transform = {
  kind: 'earlier-stage-columns',
  apply(wb, ctx) {
    for (const k of kvSheets(wb, ctx)) {
      const { s, facts, valueCol } = k;
      const t = twoColumnsBefore(wb, s, facts, valueCol, ['方案', '初步设计', '施工图']);
      if (!t) continue;
      const { first, last, v } = t;
      for (let r = first; r <= last; r++) {
        const cell = s.get(r, v);
        if (!cell) continue;
        for (const c of [valueCol, valueCol + 1]) {
          s.set(r, c, { ...cell });
          const f = facts.find((x) => x.row === r);
          const o = f ? opposite(f, ctx) : null;
          if (f && o !== null && !writeNormalised(s, r, c, f, o)) s.set(r, c, { ...cell });
        }
      }
      return noVariant(wb, `工作表“${s.name}”设计值列改为“施工图”，其前插入“方案”“初步设计”两列（数值不同）`);
    }
    return null;
  },
};

/**
 * The key/value table printed in two halves side by side (the drawing-sheet layout 项目 | 数值 |
 * 项目 | 数值): the lower half of its rows, with a copy of the header, moved right of the upper half.
 */
export const sideBySide: Transform = {
  kind: 'side-by-side',
  apply(wb, ctx) {
    for (const { s, first } of kvSheets(wb, ctx)) {
      const h = headerRowAbove(s, first);
      if (h === null) continue;
      let last = h;
      while (s.cells.get(last + 1)?.size) last++;
      const n = last - h;
      if (n < 4 || s.merges.some((m) => m.r2 >= h && m.r1 <= last)) continue;
      const colsIn = (r: number) => [...(s.cells.get(r)?.keys() ?? [])];
      const all = Array.from({ length: n + 1 }, (_, i) => colsIn(h + i)).flat();
      const left = Math.min(...all);
      const width = Math.max(...all) - left + 1;
      // every row of the block starts at the header's first column (no title or note cells beside it),
      // and the header is a key/value list's: 项目 (or 序号 | 项目) first
      if (Math.min(...colsIn(h)) !== left) continue;
      const lead = [left, left + 1].map((c) => textOf(s.get(h, c) ?? { v: '' }));
      if (!(exactRole(lead[0])?.role === 'label' || (exactRole(lead[0])?.role === 'index' && exactRole(lead[1])?.role === 'label'))) continue;
      wb.flatten();
      const half = Math.ceil(n / 2);
      // copies of the rows: a row grows (and is emptied) while it is walked
      for (const [c, cell] of Array.from(s.cells.get(h)!)) s.set(h, c + width, { ...cell });
      for (let i = 1; i <= n - half; i++) {
        const from = h + half + i;
        for (const [c, cell] of Array.from(s.cells.get(from) ?? [])) {
          s.set(h + i, c + width, cell);
          s.set(from, c, undefined);
        }
      }
      return noVariant(wb, `工作表“${s.name}”的指标表分成左右两半并排（表头重复）`);
    }
    return null;
  },
};
