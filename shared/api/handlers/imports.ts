// Imports: read a workbook into a project (with the cell mappings remembered for its layout),
// correct one reading (a cell, remembered for the layout; or a value typed for this import only),
// the imported versions of a project's sheet (复审), and the remembered mappings themselves.
import type { ImportResult } from '../../model/types';
import { indicatorName, INDICATORS } from '../../model/indicators';
import type { Handlers, LayoutMappings } from '../contract';
import { ApiError } from '../dispatch';
import { layoutKey, typedValue, type TypedCorrection } from '../corrections';
// Reading workbooks runs in memory-limited worker threads (docs/security.md).
import { applyCorrections, importWorkbookBuffer, mappedValue } from '../../work/isolated';
import { fromB64, type ApiContext } from './context';

type ImportHandlers = Pick<Handlers, 'import.workbook' | 'import.correct' | 'import.versions' | 'mappings.list' | 'mappings.remove'>;

/**
 * A workbook read as a project would read it: the importer's reading, then the cell mappings
 * remembered for its layout. Projects and batches both import through this, so the same file gives
 * the same values in both.
 */
export async function readWithMappings(ctx: ApiContext, fileName: string, bytes: Uint8Array, typed: readonly TypedCorrection[] = [], raw?: ImportResult) {
  const read = raw ?? (await importWorkbookBuffer(bytes, fileName));
  const key = layoutKey(read);
  const mappings = ctx.db().mappingsFor(key);
  const { result, mappingsApplied } = await applyCorrections(read, mappings, typed, bytes, fileName);
  return { raw: read, key, imported: result, mappingsApplied };
}

/** Import bytes into a project as a new version of its sheet. */
export async function importInto(ctx: ApiContext, projectId: number, fileName: string, bytes: Uint8Array) {
  const db = ctx.db();
  const previous = db.importsForProject(projectId)[0];
  const { key, imported, mappingsApplied } = await readWithMappings(ctx, fileName, bytes);
  const importId = db.recordImport(projectId, imported, fileName, bytes, { layoutKey: key });
  const version = db.getImport(importId)!.summary.version;
  const typedNotCarried = previous ? db.typedValuesFor(previous.id).length : 0;
  return { importId, imported, version, mappingsApplied, typedNotCarried };
}

const sameTarget = (a: { indicator: string; building: string | null }, b: { indicator: string; building: string | null }) =>
  a.indicator === b.indicator && (a.building ?? null) === (b.building ?? null);

export function importHandlers(ctx: ApiContext): ImportHandlers {
  const { db, mustProject } = ctx;
  return {
    'import.workbook': async ({ projectId, fileName, dataBase64 }) => {
      mustProject(projectId);
      return importInto(ctx, projectId, fileName, fromB64(dataBase64));
    },

    'import.correct': async ({ projectId, indicator, building, cell, value, reason }) => {
      mustProject(projectId);
      const user = ctx.requireUser('更正指标读取');
      if (!cell?.trim() === !value?.trim()) throw new ApiError('更正需要指定一个单元格，或填写一个数值（二者选一）');
      const last = db().importsForProject(projectId)[0];
      if (!last) throw new ApiError('该项目尚未导入指标表');
      const bytes = db().importBytes(last.id);
      if (!bytes) throw new ApiError('本次导入未保存工作簿文件，无法修正：请重新导入指标表');
      const target = { indicator, building };
      const raw = await importWorkbookBuffer(bytes, last.fileName);
      let typed: TypedCorrection[] = db()
        .typedValuesFor(last.id)
        .filter((t) => !sameTarget(t, target));
      if (cell?.trim()) {
        // Read the cell before remembering it: a mapping that cannot be read is refused here.
        const mapping = { indicator, building, cell: cell.trim(), reason, user };
        await mappedValue(mapping, bytes, last.fileName);
        db().rememberMapping(layoutKey(raw), { ...mapping, fileName: last.fileName });
      } else {
        const t = { indicator, building, value: value!.trim(), reason, user };
        typedValue(t); // refuses text that is not a value of the indicator, naming it
        typed = [...typed, t];
      }
      const { key, imported } = await readWithMappings(ctx, last.fileName, bytes, typed, raw);
      const importId = db().recordImport(projectId, imported, last.fileName, bytes, { corrects: last.id, typed, layoutKey: key });
      return { importId, imported, remembered: !!cell?.trim() };
    },

    'import.versions': async ({ projectId }) => {
      mustProject(projectId);
      const all = db().importsForProject(projectId); // newest first
      const byVersion = new Map<number, typeof all>();
      for (const i of all) byVersion.set(i.version, [...(byVersion.get(i.version) ?? []), i]);
      return [...byVersion.entries()].map(([version, list]) => {
        const latest = list[0]!;
        const first = list[list.length - 1]!;
        return {
          version,
          importId: latest.id,
          fileName: first.fileName,
          workbookSha256: first.workbookSha256,
          createdAt: first.createdAt,
          corrections: list.length - 1,
          typedValues: db().typedValuesFor(latest.id).length,
        };
      });
    },

    'mappings.list': async () => {
      const order = new Map(INDICATORS.map((d, i) => [d.id, i]));
      const layouts = new Map<string, LayoutMappings>();
      for (const m of db().allMappings()) {
        let l = layouts.get(m.layoutKey);
        if (!l) layouts.set(m.layoutKey, (l = { layoutKey: m.layoutKey, sheets: [], fileNames: [], mappings: [] }));
        const sheet = m.cell.replace(/!.*$/, '').replace(/^'(.*)'$/, '$1');
        if (!l.sheets.includes(sheet)) l.sheets.push(sheet);
        if (m.fileName && !l.fileNames.includes(m.fileName)) l.fileNames.push(m.fileName);
        l.mappings.push({ ...m, indicatorName: indicatorName(m.indicator) });
      }
      const list = [...layouts.values()];
      for (const l of list) l.mappings.sort((a, b) => (order.get(a.indicator) ?? 1e9) - (order.get(b.indicator) ?? 1e9) || (a.building ?? '').localeCompare(b.building ?? ''));
      // Most recently used layouts first.
      const last = (l: LayoutMappings) => l.mappings.reduce((t, m) => (m.updatedAt > t ? m.updatedAt : t), '');
      return list.sort((a, b) => (last(a) < last(b) ? 1 : -1));
    },

    'mappings.remove': async ({ layoutKey: key, indicator, building }) => {
      ctx.requireUser('删除记住的对应关系');
      return { removed: db().forgetMapping(key, indicator, building) };
    },
  };
}
