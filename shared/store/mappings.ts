// Mapping memories: how a recurring workbook layout's cells map to indicators, as confirmed by a
// user ("in this layout the 绿地率 is in 指标!C9").

import { nonEmpty, type StoreContext } from './context.js';
import type { MappingMemory } from './types.js';

export interface MappingRecords {
  rememberMapping(templateKey: string, m: { indicator: string; building: string | null; cell?: string; value?: string; reason: string }): void;
  mappingsFor(templateKey: string): MappingMemory[];
}

export function mappingRecords(ctx: StoreContext): MappingRecords {
  const { db } = ctx;
  return {
    rememberMapping(templateKey, m) {
      const key = nonEmpty(templateKey, '模板标识');
      const indicator = nonEmpty(m?.indicator, '指标');
      const reason = nonEmpty(m.reason, `指标 ${indicator} 的对应关系说明`);
      const building = m.building ?? null;
      ctx.write((at) => {
        const old = db
          .prepare("SELECT id FROM mapping_memories WHERE template_key = ? AND indicator = ? AND ifnull(building, '') = ifnull(?, '')")
          .pluck()
          .get(key, indicator, building) as number | undefined;
        if (old !== undefined) {
          db.prepare('UPDATE mapping_memories SET building = ?, cell = ?, value = ?, reason = ?, updated_at = ? WHERE id = ?').run(
            building,
            m.cell ?? null,
            m.value ?? null,
            reason,
            at,
            old,
          );
        } else {
          db.prepare(
            'INSERT INTO mapping_memories (template_key, indicator, building, cell, value, reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          ).run(key, indicator, building, m.cell ?? null, m.value ?? null, reason, at, at);
        }
        ctx.audit(at, 'mapping.remember', null, { templateKey: key, indicator, building, cell: m.cell ?? null, value: m.value ?? null, reason });
      });
    },

    mappingsFor(templateKey) {
      const rows = db
        .prepare('SELECT indicator, building, cell, value, reason, updated_at FROM mapping_memories WHERE template_key = ? ORDER BY indicator, building')
        .all(templateKey) as Array<{ indicator: string; building: string | null; cell: string | null; value: string | null; reason: string; updated_at: string }>;
      return rows.map((r) => ({
        indicator: r.indicator,
        building: r.building,
        ...(r.cell != null ? { cell: r.cell } : {}),
        ...(r.value != null ? { value: r.value } : {}),
        reason: r.reason,
        updatedAt: r.updated_at,
      }));
    },
  };
}
