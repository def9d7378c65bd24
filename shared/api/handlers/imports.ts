// Imports: read a workbook into a project (with the corrections remembered for its layout), and
// correct one reading.
import type { ImportResult } from '../../model/types';
import type { Handlers } from '../contract';
import { ApiError } from '../dispatch';
import { importWorkbookBuffer } from '../../import/index';
import { applyCorrections, templateKey, correctionValue } from '../corrections';
import type { ApiContext } from './context';
import { fromB64 } from './context';

type ImportHandlers = Pick<Handlers, 'import.workbook' | 'import.correct'>;

/** Import bytes for a project: interpret, apply the corrections remembered for this layout, store. */
export async function importInto(ctx: ApiContext, projectId: number, fileName: string, bytes: Uint8Array, read?: ImportResult) {
  const raw = read ?? (await importWorkbookBuffer(bytes, fileName));
  const key = templateKey(raw);
  const memories = ctx.db().mappingsFor(key);
  const imported = await applyCorrections(raw, memories, bytes);
  const importId = ctx.db().recordImport(projectId, imported, fileName, bytes);
  return { importId, imported, corrections: memories.length };
}

export function importHandlers(ctx: ApiContext): ImportHandlers {
  const { db, mustProject } = ctx;
  return {
    'import.workbook': async ({ projectId, fileName, dataBase64 }) => {
      mustProject(projectId);
      return importInto(ctx, projectId, fileName, fromB64(dataBase64));
    },
    'import.correct': async ({ projectId, indicator, building, cell, value, reason }) => {
      mustProject(projectId);
      const last = db().importsForProject(projectId)[0];
      if (!last) throw new ApiError('该项目尚未导入指标表');
      const bytes = db().importBytes(last.id);
      if (!bytes) throw new ApiError('本次导入未保存工作簿文件，无法修正：请重新导入指标表');
      const memory = { indicator, building, cell, value, reason };
      // Validate the correction against the workbook before remembering it.
      await correctionValue(memory, bytes);
      const raw = await importWorkbookBuffer(bytes, last.fileName);
      db().rememberMapping(templateKey(raw), memory);
      const { importId, imported } = await importInto(ctx, projectId, last.fileName, bytes, raw);
      return { importId, imported };
    },
  };
}
