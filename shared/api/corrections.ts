// A user's corrections of the import, of two kinds that are kept apart on purpose:
// - a cell mapping ("in this layout the 绿地率 is in 指标!C9") is remembered for the workbook's
//   layout: every later workbook of that layout is read from ITS OWN cell there (projects and
//   batches alike), so the next sheet from the same firm imports with no clicks;
// - a value typed by hand ("装配率 of 3#楼 is 62 %") belongs to the one import it was typed for
//   (and its later corrections), never to another workbook or project.
import { createHash } from 'node:crypto';
import type { ImportedValue, ImportResult } from '../model/types';
import { indicator } from '../model/indicators';
import { readWorkbookCell } from '../import/index';
import { readCell } from '../import/values';
import { InputError } from '../errors';

export interface CellMapping {
  indicator: string;
  building: string | null;
  cell: string;
  reason: string;
  user?: string;
}

export interface TypedCorrection {
  indicator: string;
  building: string | null;
  value: string;
  reason: string;
  user?: string;
}

/**
 * A key for "the same layout": the sheet names and the label texts the importer recognised
 * (not their values, not the workbook's hash), so a new version of a firm's sheet matches.
 * Computed on the importer's own reading, before any correction.
 */
export function layoutKey(imp: ImportResult): string {
  const labels = new Set<string>();
  const add = (v: ImportedValue) => {
    if (v.labelSource) labels.add(`${v.labelSource.split('!')[0]}|${v.label}`);
  };
  Object.values(imp.project).forEach(add);
  for (const b of imp.buildings) Object.values(b.values).forEach(add);
  const text = `${imp.sheets.join('\n')}\n--\n${[...labels].sort().join('\n')}`;
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

const who = (user: string | undefined) => (user ? `${user}，` : '');

/** The value a remembered cell mapping reads in this workbook; InputError (Chinese) when it cannot. */
export async function mappedValue(m: CellMapping, bytes: Uint8Array, fileName: string): Promise<ImportedValue> {
  const def = indicator(m.indicator);
  if (!def) throw new InputError(`未知指标“${m.indicator}”`, fileName);
  const v = await readWorkbookCell(bytes, fileName, m.cell, m.indicator);
  return { ...v, interpretation: `按记住的单元格对应关系读取 ${v.source}（${who(m.user)}理由：${m.reason}）：${v.interpretation}` };
}

/** The value typed by hand, read as the indicator's type; InputError (Chinese) when it is not one. */
export function typedValue(t: TypedCorrection): ImportedValue {
  const def = indicator(t.indicator);
  if (!def) throw new InputError(`未知指标“${t.indicator}”`);
  const text = t.value.trim();
  if (text === '') throw new InputError(`请填写${def.name}的数值`);
  const reading = readCell({ r: 0, c: 0, addr: '', kind: 'string', str: text, raw: text }, def);
  if (reading.status === 'invalid') throw new InputError(`“${text}”不是有效的${def.name}：${reading.interpretation}`);
  return {
    indicator: t.indicator,
    value: reading.value,
    raw: text,
    source: '人工录入',
    label: def.name,
    interpretation: `手工填写，仅用于本次导入（${who(t.user)}理由：${t.reason}）：${reading.interpretation}`,
    status: reading.status,
  };
}

function put(out: ImportResult, building: string | null, value: ImportedValue, what: string): void {
  if (building === null) {
    out.project[value.indicator] = value;
    return;
  }
  const b = out.buildings.find((x) => x.name === building);
  if (!b) {
    out.issues.push({ level: 'warning', message: `${what}未能应用：本表没有单体“${building}”`, indicator: value.indicator });
    return;
  }
  b.values[value.indicator] = value;
  if (value.indicator === 'gross_floor_area' && typeof value.value === 'number') b.floorArea = value.value;
}

/**
 * The import with the layout's cell mappings, then the typed values, applied (a new object; the
 * input is left as it was). A mapping that cannot be read in this workbook is reported as an
 * issue naming the cell, and the importer's own reading stays.
 */
export async function applyCorrections(
  imp: ImportResult,
  mappings: readonly CellMapping[],
  typed: readonly TypedCorrection[],
  bytes: Uint8Array | null,
  fileName: string,
): Promise<{ result: ImportResult; mappingsApplied: number }> {
  if (mappings.length === 0 && typed.length === 0) return { result: imp, mappingsApplied: 0 };
  const out: ImportResult = {
    ...imp,
    project: { ...imp.project },
    buildings: imp.buildings.map((b) => ({ ...b, values: { ...b.values } })),
    issues: [...imp.issues],
  };
  let mappingsApplied = 0;
  for (const m of mappings) {
    const name = indicator(m.indicator)?.name ?? m.indicator;
    const what = `记住的单元格对应关系（${name}${m.building ? `，${m.building}` : ''} → ${m.cell}）`;
    try {
      if (!bytes) throw new InputError('本次导入未保存工作簿文件');
      put(out, m.building, await mappedValue(m, bytes, fileName), what);
      mappingsApplied++;
    } catch (e) {
      out.issues.push({ level: 'warning', message: `${what}未能应用：${e instanceof Error ? e.message : String(e)}`, indicator: m.indicator, source: m.cell });
    }
  }
  for (const t of typed) {
    const name = indicator(t.indicator)?.name ?? t.indicator;
    try {
      put(out, t.building, typedValue(t), `手工填写的${name}`);
    } catch (e) {
      out.issues.push({ level: 'warning', message: `手工填写的${name}未能应用：${e instanceof Error ? e.message : String(e)}`, indicator: t.indicator });
    }
  }
  return { result: out, mappingsApplied };
}
