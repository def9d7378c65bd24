// Cell mappings of workbook layouts: "in this layout the 绿地率 is in 指标!C9", as confirmed by a
// user. A mapping remembers only which cell to read, never a value: every workbook of the layout
// is read from its own cell (a value typed by hand belongs to one import, see imports.ts).

import { StoreError } from './errors.js';
import { nonEmpty, textOrNull, type StoreContext } from './context.js';
import type { MappingMemory } from './types.js';

export interface MappingInput {
  indicator: string;
  /** null: a project-level value. */
  building: string | null;
  /** `Sheet!A1`. */
  cell: string;
  reason: string;
  user?: string;
  /** The workbook the mapping was set on (shows the layout to a person). */
  fileName?: string;
}

export interface MappingRecords {
  rememberMapping(layoutKey: string, m: MappingInput): void;
  /** The mappings of one layout (indicator order, then building). */
  mappingsFor(layoutKey: string): MappingMemory[];
  /** Every remembered mapping of every layout. */
  allMappings(): MappingMemory[];
  /** Removes one mapping; false when there was none. */
  forgetMapping(layoutKey: string, indicator: string, building: string | null): boolean;
}

interface MappingRow {
  template_key: string;
  indicator: string;
  building: string | null;
  cell: string;
  reason: string;
  user: string | null;
  file_name: string | null;
  created_at: string;
  updated_at: string;
}

function toMapping(r: MappingRow): MappingMemory {
  return {
    layoutKey: r.template_key,
    indicator: r.indicator,
    building: r.building,
    cell: r.cell,
    reason: r.reason,
    ...(r.user ? { user: r.user } : {}),
    ...(r.file_name ? { fileName: r.file_name } : {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const CELL = /^.+!\$?[A-Za-z]{1,3}\$?\d{1,7}$/;

export function mappingRecords(ctx: StoreContext): MappingRecords {
  const { db } = ctx;
  const SELECT = 'SELECT template_key, indicator, building, cell, reason, user, file_name, created_at, updated_at FROM mapping_memories';
  return {
    rememberMapping(layoutKey, m) {
      const key = nonEmpty(layoutKey, '表格格式标识');
      const indicator = nonEmpty(m?.indicator, '指标');
      const reason = nonEmpty(m.reason, `指标 ${indicator} 的对应关系说明`);
      const cell = typeof m.cell === 'string' ? m.cell.trim() : '';
      if (!CELL.test(cell)) throw new StoreError(`记住的对应关系必须指向一个单元格（如“单体指标!G4”），不能是“${String(m.cell ?? '')}”。`, 'invalid');
      const building = m.building ?? null;
      ctx.write((at) => {
        const user = textOrNull(m.user) ?? ctx.user();
        const fileName = textOrNull(m.fileName);
        const old = db
          .prepare("SELECT id FROM mapping_memories WHERE template_key = ? AND indicator = ? AND ifnull(building, '') = ifnull(?, '')")
          .pluck()
          .get(key, indicator, building) as number | undefined;
        if (old !== undefined) {
          db.prepare('UPDATE mapping_memories SET building = ?, cell = ?, reason = ?, user = ?, file_name = ?, updated_at = ? WHERE id = ?').run(
            building,
            cell,
            reason,
            user,
            fileName,
            at,
            old,
          );
        } else {
          db.prepare(
            'INSERT INTO mapping_memories (template_key, indicator, building, cell, reason, user, file_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          ).run(key, indicator, building, cell, reason, user, fileName, at, at);
        }
        ctx.audit(at, 'mapping.remember', null, { templateKey: key, indicator, building, cell, reason, fileName, user });
      });
    },

    mappingsFor(layoutKey) {
      const rows = db.prepare(`${SELECT} WHERE template_key = ? ORDER BY indicator, building`).all(layoutKey) as unknown as MappingRow[];
      return rows.map(toMapping);
    },

    allMappings() {
      const rows = db.prepare(`${SELECT} ORDER BY template_key, indicator, building`).all() as unknown as MappingRow[];
      return rows.map(toMapping);
    },

    forgetMapping(layoutKey, indicator, building) {
      return ctx.write((at) => {
        const old = db
          .prepare(`${SELECT} WHERE template_key = ? AND indicator = ? AND ifnull(building, '') = ifnull(?, '')`)
          .get(layoutKey, indicator, building) as MappingRow | undefined;
        if (!old) return false;
        db.prepare("DELETE FROM mapping_memories WHERE template_key = ? AND indicator = ? AND ifnull(building, '') = ifnull(?, '')").run(
          layoutKey,
          indicator,
          building,
        );
        ctx.audit(at, 'mapping.forget', null, { templateKey: layoutKey, indicator, building, cell: old.cell, setBy: old.user, reason: old.reason });
        return true;
      });
    },
  };
}
