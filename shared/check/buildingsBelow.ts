// A project-scope requirement on a level every building must reach (绿色建筑星级: "项目应达到二星级"
// is met only when each building is assessed at that level — GB/T 50378-2019 §3.1.1 takes the single
// building or the group as the unit of assessment, and a score table with one column per building
// assesses each one). When the workbook gives each building its own scores (a GB/T 50378 table with
// columns 1#楼 | 2#楼), each building's Q and star are recomputed with the same calculator; a pass of
// the project is not kept when a building's own figure is below the requirement
// (docs/evidence-policy.md, building-below). Indicators: `projectIsMinOfBuildings` in the catalogue.
import { CALCULATOR_INPUTS } from '../calc/index';
import { formatValue, indicator as indicatorDef } from '../model/indicators';
import type { Calculation, Condition, Finding, ImportedValue } from '../model/types';
import { holds } from './compare';

/** What the gate needs of one building scope. */
export interface BuildingView {
  name: string;
  /** Indicator ids the building states itself. */
  own: ReadonlySet<string>;
  values: Record<string, ImportedValue>;
  /** The building's own recomputation of the indicator. */
  recompute: () => Calculation | null;
}

interface Short {
  text: string;
  /** The data refute the requirement for this building on confirmed rules (exact, or an upper bound that fails). */
  certain: boolean;
  source?: string;
}

/** The finding of a project-scope condition, with buildings below the requirement taken into account. */
export function buildingsBelow(cond: Condition, f: Finding, buildings: () => BuildingView[]): Finding {
  if (f.verdict !== 'pass' || !('indicator' in cond)) return f;
  const id = cond.indicator;
  if (!indicatorDef(id)?.projectIsMinOfBuildings) return f;
  const inputs = new Set([id, ...(CALCULATOR_INPUTS[id] ?? [])]);
  const short: Short[] = [];
  for (const b of buildings()) {
    // a building that states nothing of its own has the project's figure: nothing to add
    if (![...inputs].some((k) => b.own.has(k))) continue;
    const calc = b.recompute();
    const v = calc?.value;
    if (calc && v !== null && v !== undefined && !holds(v, cond.op, cond.value)) {
      const bound = calc.bound === 'upper';
      const src = calc.inputs.find((i) => i.source)?.source;
      short.push({
        text: `${b.name} 按其自身得分复核${bound ? '至多' : '为'}${formatValue(id, v)}（${calc.clause}）`,
        certain: calc.confidence === 'confirmed' && !calc.contradictions?.length,
        ...(src ? { source: src } : {}),
      });
      continue;
    }
    const open = unsettled(id, calc, inputs, b);
    if (open) {
      short.push({ text: `${b.name} 的自身数据${open.reason}，不能确认其达到本条要求`, certain: false, source: open.source });
      continue;
    }
    const d = b.own.has(id) ? b.values[id] : undefined;
    if (d?.status === 'ok' && (typeof d.value === 'number' || typeof d.value === 'boolean') && !holds(d.value, cond.op, cond.value)) {
      short.push({ text: `${b.name} 填写为${formatValue(id, d.value)}（${d.source}）`, certain: false, source: d.source });
    }
  }
  if (short.length === 0) return f;
  const list = short.map((s) => s.text).join('；');
  const certain = short.every((s) => s.certain);
  const message = certain
    ? `${f.message}；但${list}，未达到本条要求，项目须各单体均满足，以单体复核值为准`
    : `${f.message}；但${list}，未达到本条要求，与项目数值不一致，请核对`;
  return { ...f, verdict: certain ? 'fail' : 'review', basis: 'building-below', message, source: f.source ?? short[0].source ?? null };
}

/**
 * A building's own recomputation that gives no figure because a figure it states could not be read
 * (资源节约 “一百一十”), or is still to come (“待定”) in a column it otherwise fills in: the building
 * may be below the requirement, so the project's pass is not established. An unread own figure of
 * the indicator itself counts the same. A column of dashes only (a building not assessed) is not one.
 */
function unsettled(id: string, calc: Calculation | null, inputs: ReadonlySet<string>, b: BuildingView): { reason: string; source: string } | null {
  const own = b.own.has(id) ? b.values[id] : undefined;
  if (own && (own.status === 'invalid' || own.status === 'ambiguous')) return { reason: `“${own.raw.trim()}”（${own.source}）无法判读`, source: own.source };
  if (!calc || calc.value !== null) return null;
  const fills = [...inputs].some((k) => b.own.has(k) && b.values[k]?.status === 'ok');
  const u = (calc.undetermined ?? []).find((x) => x.kind === 'unreadable' || fills);
  return u ? { reason: `无法确定：${u.reason}`, source: u.source } : null;
}
