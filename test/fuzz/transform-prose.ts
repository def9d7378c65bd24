// Transformations for what a reviewer reads beyond the tables: figures restated in a 设计说明
// sentence (shared/import/prose.ts), a sentence that contradicts the table (must be review), and
// the storage twins 需调蓄容积 | 设计调蓄容积 (shared/data/label-twins.json).
import { matchLabel } from '../../shared/import/labels';
import { indicator } from '../../shared/model/indicators';
import type { ImportedScalar, Verdict } from '../../shared/model/types';
import proseData from '../../shared/data/prose-figures.json';
import { SheetM, textOf } from './workbook-model';
import { type Fact, type FuzzContext, type Transform } from './transforms';
import { clean, noVariant, okFacts, opposite } from './transform-helpers';
import { affectedBy, targetFacts } from './transform-errors';

const UNIT_WORDS: Record<string, string> = { '%': '%', 'm²': '平方米', m: '米', 'm³': '立方米', mm: 'mm', '': '' };
const PROSE_UNITS = new Set(proseData.units);

/** A project fact a 设计说明 sentence can state: a plain number whose indicator's own name is its label. */
function sayable(f: Fact): boolean {
  const def = indicator(f.indicator);
  if (!def || f.building !== null || typeof f.value !== 'number' || f.value < 0) return false;
  if ((def.type !== 'number' && def.type !== 'percent') || !PROSE_UNITS.has(def.unit)) return false;
  const m = matchLabel(def.name);
  return !!m && m.how === 'exact' && m.ids.length === 1 && m.ids[0] === def.id;
}

function clause(id: string, v: number): string {
  const def = indicator(id)!;
  return `${def.name}${clean(v)}${UNIT_WORDS[def.unit] ?? ''}`;
}

function prosePage(wb: FuzzContextWb, sentence: string): SheetM {
  const s = new SheetM(wb.uniqueName('设计说明'));
  s.set(1, 1, { v: '一、工程概况' });
  s.set(2, 1, { v: '1.1 本工程为新建项目，设计依据为规划设计条件及相关规范。' });
  s.set(3, 1, { v: sentence });
  return s;
}
type FuzzContextWb = Parameters<Transform['apply']>[0];

/** The project's plain figures restated, with the same values, in one sentence of a 设计说明 placed first. */
export const proseRestated: Transform = {
  kind: 'prose-restated',
  apply(wb, ctx) {
    const seen = new Set<string>();
    const facts = okFacts(ctx).filter((f) => sayable(f) && !seen.has(f.indicator) && seen.add(f.indicator));
    if (!facts.length) return null;
    const picked = ctx.rng.shuffle([...facts]).slice(0, 5);
    const sentence = `1.2 本工程${picked.map((f) => clause(f.indicator, f.value as number)).join('，')}。`;
    wb.sheets.unshift(prosePage(wb, sentence));
    return noVariant(wb, `新增首页“设计说明”，句中重述${picked.map((f) => indicator(f.indicator)!.name).join('、')}（数值相同）`);
  },
};

/** A 设计说明 sentence states one figure differently from the table: the findings it decides must be review. */
export const proseConflict: Transform = {
  kind: 'prose-conflict',
  error: true,
  apply(wb, ctx: FuzzContext) {
    const targets = targetFacts(wb, ctx).filter((f) => sayable(f) && typeof opposite(f, ctx) === 'number');
    if (!targets.length) return null;
    const f = ctx.rng.pick(targets);
    const v = opposite(f, ctx) as ImportedScalar as number;
    wb.sheets.push(prosePage(wb, `1.2 本项目${clause(f.indicator, v)}，满足规划要求。`));
    return { wb, override: new Map(affectedBy(f, ctx).map((k) => [k, ['review'] as Verdict[]])), what: `新增“设计说明”，句中${indicator(f.indicator)!.name}写为 ${clean(v)}（与表格不同）` };
  },
};

/** 实际调蓄容积 written 设计调蓄容积 beside a 需调蓄容积 (or 所需/应设调蓄容积) on the same sheet: the same two quantities. */
export const storageTwinLabels: Transform = {
  kind: 'storage-twin-labels',
  apply(wb, ctx) {
    const fs = okFacts(ctx).filter((f) => f.building === null && f.label);
    const provided = fs.find((f) => f.indicator === 'storage_provided');
    const needed = fs.find((f) => f.indicator === 'storage_required' && f.label!.sheet === provided?.label!.sheet);
    if (!provided || !needed) return null;
    const s = wb.sheet(provided.label!.sheet);
    if (!s) return null;
    const pl = provided.label!;
    const nl = needed.label!;
    const pText = textOf(s.get(pl.row, pl.col));
    const nText = textOf(s.get(nl.row, nl.col));
    if (!/(实际|有效)调蓄容积/.test(pText) || !nText.includes('需调蓄容积')) return null;
    const need = ctx.rng.pick(['需调蓄容积', '所需调蓄容积', '应设调蓄容积']);
    s.setValue(pl.row, pl.col, pText.replace(/(实际|有效)调蓄容积/, '设计调蓄容积'));
    s.setValue(nl.row, nl.col, nText.replace('需调蓄容积', need));
    return noVariant(wb, `“${pText}”改写为“设计调蓄容积”，“需调蓄容积”写作“${need}”`);
  },
};
