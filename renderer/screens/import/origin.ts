// Where an imported value came from, for the status column: read by the importer, read from a
// remembered cell, or typed by hand for this import.
import type { ImportedValue } from '../../../shared/model/types';

export type Origin = 'read' | 'mapped' | 'typed';

export function originOf(v: ImportedValue): Origin {
  if (v.source === '人工录入') return 'typed';
  if (v.interpretation.startsWith('按记住的单元格对应关系')) return 'mapped';
  return 'read';
}

export const STATUS_LABEL: Record<ImportedValue['status'], string> = {
  ok: '已读取',
  placeholder: '无数值',
  ambiguous: '含义不确定',
  invalid: '无法识别',
};

/** The status word of a value: typed and remembered-cell values say so instead of "已读取". */
export function statusWord(v: ImportedValue): { text: string; cls: string } {
  const o = originOf(v);
  if (o === 'typed') return { text: '手工填写', cls: 'st-typed' };
  if (o === 'mapped' && v.status === 'ok') return { text: '按记住的单元格', cls: 'st-mapped' };
  return { text: STATUS_LABEL[v.status], cls: `st-${v.status}` };
}
