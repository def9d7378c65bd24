// Facts stated in their own words (indicators.json `valueWords`): a 全装修 | 是 row becomes
// 交付标准 | 精装修 (否 → 毛坯). The same fact: every verdict stays.
import { type Transform } from './transforms';
import { noVariant, okFacts } from './transform-helpers';

export const fitoutInWords: Transform = {
  kind: 'fitout-in-words',
  apply(wb, ctx) {
    let n = 0;
    for (const f of okFacts(ctx)) {
      if (f.indicator !== 'full_fitout' || typeof f.value !== 'boolean' || !f.label) continue;
      const s = wb.sheet(f.sheet);
      const ls = wb.sheet(f.label.sheet);
      if (!s || !ls) continue;
      ls.setValue(f.label.row, f.label.col, n % 2 ? '装修标准' : '交付标准');
      s.setValue(f.row, f.col, f.value ? (n % 2 ? '装配化装修' : '精装修') : n % 2 ? '清水' : '毛坯');
      n++;
    }
    return n ? noVariant(wb, `${n}处“全装修 是/否”改写为“交付标准/装修标准 精装修/毛坯”`) : null;
  },
};
