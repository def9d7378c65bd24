// Part columns beside a 合计 column (shared/import/partColumns.ts): the value column of a key/value
// table becomes 合计 with 住宅 | 商业 columns before it. Areas are split so that they add up (the
// same facts); ratios get figures on the other side of the requirement in one part (a part's ratio
// is never the project's), so a reader that took a part would change a verdict.
import { indicator } from '../../shared/model/indicators';
import { type Transform } from './transforms';
import { kvSheets, noVariant, opposite, twoColumnsBefore, writeNormalised } from './transform-helpers';

const ADDITIVE = new Set(['m²', 'm³']);

export const partColumns: Transform = {
  kind: 'part-columns-total',
  apply(wb, ctx) {
    for (const k of kvSheets(wb, ctx)) {
      const { s, facts, valueCol } = k;
      if (facts.some((f) => f.building !== null)) continue;
      const t = twoColumnsBefore(wb, s, facts, valueCol, ['住宅', '商业', '合计']);
      if (!t) continue;
      const { first, last, v } = t;
      for (let r = first; r <= last; r++) {
        const cell = s.get(r, v);
        const f = facts.find((x) => x.row === r);
        if (!cell || !f) continue;
        const def = indicator(f.indicator);
        if (def && ADDITIVE.has(def.unit) && typeof cell.v === 'number') {
          const a = Math.round(cell.v * 0.6 * 100) / 100;
          s.set(r, valueCol, { ...cell, v: a });
          s.set(r, valueCol + 1, { ...cell, v: Number((cell.v - a).toPrecision(12)) });
          continue;
        }
        const o = opposite(f, ctx);
        if (o !== null && typeof o === 'number') {
          s.set(r, valueCol, { ...cell });
          if (!writeNormalised(s, r, valueCol, f, o)) s.set(r, valueCol, undefined);
        }
      }
      return noVariant(wb, `工作表“${s.name}”设计值列改为“合计”，其前插入“住宅”“商业”两列（面积之和等于合计，比率取不同数值）`);
    }
    return null;
  },
};
