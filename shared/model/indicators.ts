// The indicator catalogue (shared/data/indicators.json): ids, Chinese names, labels, units.
import catalogue from '../data/indicators.json';
import type { IndicatorDef } from './types';

export const INDICATORS: readonly IndicatorDef[] = catalogue.indicators as IndicatorDef[];

const byId = new Map<string, IndicatorDef>(INDICATORS.map((d) => [d.id, d]));

export function indicator(id: string): IndicatorDef | undefined {
  return byId.get(id);
}

/** The indicator definition, or throws: use only with ids that come from the catalogue itself. */
export function mustIndicator(id: string): IndicatorDef {
  const d = byId.get(id);
  if (!d) throw new Error(`unknown indicator id ${id}`);
  return d;
}

export function isConditionIndicator(id: string): boolean {
  return byId.get(id)?.role === 'condition';
}

/** Chinese display name, falling back to the id. */
export function indicatorName(id: string): string {
  return byId.get(id)?.name ?? id;
}

export const STAR_NAMES = ['基本级', '一星级', '二星级', '三星级'] as const;

/** Star level 0..3, or -1 = 未达到基本级 (控制项 not all met), in words. */
export function starName(level: number): string | undefined {
  return level === -1 ? '未达到基本级' : STAR_NAMES[level];
}

/** A value in its indicator's unit, for messages: "61.5%", "二星级", "是", "18600 m²". */
export function formatValue(id: string, v: unknown): string {
  if (v === null || v === undefined) return '无';
  const d = byId.get(id);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') {
    if (d?.type === 'star' && Number.isInteger(v) && starName(v)) return starName(v)!;
    const n = Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
    if (!d || !d.unit) return n;
    return d.unit === '%' ? `${n}%` : `${n} ${d.unit}`;
  }
  return typeof v === 'string' ? v : JSON.stringify(v);
}
