// Appending conditions read from pasted text to the current ones: ids kept unique (a clash gets a
// suffix, "G1" → "G1-2"), with the renamings, so the reading can still point at its conditions.
import type { ConditionsDoc } from '../../../shared/model/types';

export function mergeConditions(doc: ConditionsDoc, more: ConditionsDoc): { doc: ConditionsDoc; renamed: Record<string, string> } {
  const used = new Set(doc.conditions.map((c) => c.id));
  const renamed: Record<string, string> = {};
  const added = more.conditions.map((c) => {
    let id = c.id;
    for (let k = 2; used.has(id); k++) id = `${c.id}-${k}`;
    used.add(id);
    if (id !== c.id) renamed[c.id] = id;
    return { ...c, id };
  });
  return { doc: { ...doc, conditions: [...doc.conditions, ...added] }, renamed };
}
