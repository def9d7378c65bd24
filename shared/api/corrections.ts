// A user's corrections of the import ("the 绿地率 is in 指标!C9", "装配率 of 3#楼 is 62%"):
// applied on top of the importer's reading, remembered per workbook template so that the next
// sheet from the same firm imports with no clicks.
import { createHash } from 'node:crypto';
import type { ImportedValue, ImportResult } from '../model/types';
import { indicator } from '../model/indicators';
import { readWorkbookCell } from '../import/index';
import { readCell } from '../import/values';
import { InputError } from '../errors';

export interface Correction {
  indicator: string;
  building: string | null;
  cell?: string;
  value?: string;
  reason: string;
}

/**
 * A key for "the same layout": the sheet names and the label texts the importer recognised
 * (not their values, not the workbook's hash), so a new version of a firm's sheet matches.
 */
export function templateKey(imp: ImportResult): string {
  const labels = new Set<string>();
  const add = (v: ImportedValue) => {
    if (v.labelSource) labels.add(`${v.labelSource.split('!')[0]}|${v.label}`);
  };
  Object.values(imp.project).forEach(add);
  for (const b of imp.buildings) Object.values(b.values).forEach(add);
  const text = `${imp.sheets.join('\n')}\n--\n${[...labels].sort().join('\n')}`;
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** The value a correction stands for; InputError (Chinese) when it cannot be read. */
export async function correctionValue(c: Correction, bytes: Uint8Array | null): Promise<ImportedValue> {
  const def = indicator(c.indicator);
  if (!def) throw new InputError(`未知指标“${c.indicator}”`);
  const why = `人工修正（理由：${c.reason}）`;
  if (c.cell) {
    if (!bytes) throw new InputError('本次导入未保存工作簿文件，无法按单元格修正：请重新导入指标表');
    const v = await readWorkbookCell(bytes, 'workbook.xlsx', c.cell, c.indicator);
    return { ...v, interpretation: `${why}：改取 ${v.source}，${v.interpretation}` };
  }
  if (c.value === undefined || c.value.trim() === '') throw new InputError(`修正 ${def.name} 需要指定单元格或填写数值`);
  const text = c.value.trim();
  const reading = readCell({ r: 0, c: 0, addr: '', kind: 'string', str: text, raw: text }, def);
  if (reading.status === 'invalid') throw new InputError(`“${text}”不是有效的${def.name}：${reading.interpretation}`);
  return {
    indicator: c.indicator,
    value: reading.value,
    raw: text,
    source: '人工录入',
    label: def.name,
    interpretation: `${why}：${reading.interpretation}`,
    status: reading.status,
  };
}

/** The import with the corrections applied (a new object; the input is left as it was). */
export async function applyCorrections(imp: ImportResult, corrections: readonly Correction[], bytes: Uint8Array | null): Promise<ImportResult> {
  if (corrections.length === 0) return imp;
  const out: ImportResult = {
    ...imp,
    project: { ...imp.project },
    buildings: imp.buildings.map((b) => ({ ...b, values: { ...b.values } })),
    issues: [...imp.issues],
  };
  for (const c of corrections) {
    let value: ImportedValue;
    try {
      value = await correctionValue(c, bytes);
    } catch (e) {
      out.issues.push({ level: 'warning', message: `记住的修正未能应用（${c.indicator}${c.building ? `，${c.building}` : ''}）：${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    if (c.building === null) {
      out.project[c.indicator] = value;
      continue;
    }
    const b = out.buildings.find((x) => x.name === c.building);
    if (!b) {
      out.issues.push({ level: 'warning', message: `记住的修正未能应用：本表没有单体“${c.building}”` });
      continue;
    }
    b.values[c.indicator] = value;
    if (c.indicator === 'gross_floor_area' && typeof value.value === 'number') b.floorArea = value.value;
  }
  return out;
}
