// Same-facts transformations of how values are written: areas in 万, full-width digits, 约/≥
// prefixes, bracketed notes, percentages as text or as a percent format.
import { indicator } from '../../shared/model/indicators';
import { shown, SheetM, textOf } from './workbook-model';
import type { Fact, Transform } from './fuzz-context';
import { toFullWidth, clean, isPercentFmt, numberText, allLeaves, satisfies, okFacts, noVariant } from './fuzz-helpers';

const M2 = /[（(](?:㎡|m²|m2|平方米)[)）]/;

/**
 * The cells a label governs: the numbers to its right when the value sits on the label's row,
 * else the numbers below it in its column (a column header).
 */
function lineOf(s: SheetM, label: { row: number; col: number }, f: Fact): [number, number][] {
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
function numericText(kind: string, what: string, form: (text: string, f: Fact) => string | null, filter: (f: Fact) => boolean = () => true): Transform {
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
export const approxPrefix = numericText('approx-prefix', '前加“约”', (t) => `约${t}`);

export const boundPrefix: Transform = {
  kind: 'bound-prefix',
  apply(wb, ctx) {
    let n = 0;
    for (const f of okFacts(ctx)) {
      if (typeof f.value !== 'number' || indicator(f.indicator)?.type === 'star') continue;
      const leaves = allLeaves(ctx, f.indicator).filter((l) => l.op === '>=' || l.op === '<=');
      // "≥X" only restates the fact when X itself satisfies the requirement
      if (!leaves.length || !leaves.every((l) => satisfies(f.value as number, l) && l.op === leaves[0].op)) continue;
      const s = wb.sheet(f.sheet)!;
      const cell = s.get(f.row, f.col);
      const t = cell ? numberText(cell) : null;
      if (t === null) continue;
      s.setValue(f.row, f.col, `${leaves[0].op === '>=' ? '≥' : '≤'}${t}`, null);
      n++;
    }
    return n ? noVariant(wb, `${n}个满足要求的数值前加“≥/≤”`) : null;
  },
};

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

const PCT_UNIT = /\s*[（(]\s*[%％]\s*[)）]/;

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
