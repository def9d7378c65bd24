// Reads the indicator values of a workbook the way a reviewer reads them (docs/reading-sheets.md):
// 1. hygiene: hidden and very hidden sheets, hidden rows and columns and sheets marked void are not
//    read (stale copies), only reported (hygiene.ts);
// 2. phase 1 (tables.ts): tables are found by their headers and every column gets a role;
// 3. phase 2 (blocks.ts): each sheet is walked in reading order with the scope of its blocks
//    (building, parcel, 汇水分区); table rows and key/value pairs are read in that scope;
// 4. coverage.ts: blocks of numbers near indicator words that nothing understood → unread;
// 5. collect.ts: conflicts, line items, totals, requirements, stand-ins, parcels, sole building.
import type { ImportedBuilding, ImportedFacility, ImportedLineItem, ImportedParcel, ImportedSurface, ImportedValue, ImportedVolumeRow, ImportIssue, SheetCoverage, SheetStatement, UnreadBlock } from '../model/types';
import { buildingIn, contextOf, readBlocks } from './blocks';
import { Collector, lineItemsOf } from './collect';
import { markHeatOutput } from './heatPump';
import { scanUnread, scanUnreadRows, sheetCoverage } from './coverage';
import type { Grid } from './grid';
import { buildingKey, buildingTokens } from './names';
import { newSheet, type Env, type Sheet } from './sheet';
import { combinedUnread } from './combined';
import { contentsSheet, hiddenUnread, invisibleUnread, sheetStage, voidSheet } from './hygiene';
import { findTables } from './tables';
import { tableRemains } from './tableRemains';
import { facilityRows } from './facilityRows';
import { sheetStatements } from './statements';
import { readProse } from './prose';
import { inferUnmarked, linesOf, unreadUseColumns, withUnusedCells } from './useColumns';

export interface Extracted {
  project: Record<string, ImportedValue>;
  buildings: ImportedBuilding[];
  surfaces: ImportedSurface[];
  facilities: ImportedFacility[];
  lineItems: ImportedLineItem[];
  prefabVolumes?: ImportedVolumeRow[];
  issues: ImportIssue[];
  unread: UnreadBlock[];
  coverage: SheetCoverage[];
  parcels?: ImportedParcel[];
  soleBuilding?: string;
  statements?: SheetStatement[];
}

export function extract(grids: Grid[]): Extracted {
  const out = new Collector();
  const env: Env = { out, unread: [], knownNames: new Map() };
  const sheets: Sheet[] = [];
  const bySheet = new Map<Grid, Sheet>();
  for (const g of grids) {
    if (g.state !== 'visible') {
      if (g.cells > 0) {
        out.warn(`工作表“${g.name}”是${g.state === 'veryHidden' ? '深度隐藏' : '隐藏'}工作表，未读取（隐藏的工作表常是旧版本副本；如需审查，请在 Excel 中取消隐藏后重新导入）`, `${g.name}!A1`);
      }
      continue;
    }
    // hidden rows and columns, and sheets that call themselves void: reported, not read
    env.unread.push(...hiddenUnread(g), ...invisibleUnread(g));
    const voided = voidSheet(g) ?? contentsSheet(g);
    if (voided) {
      env.unread.push(voided);
      continue;
    }
    const s = newSheet(g);
    s.context = contextOf(g.name);
    sheets.push(s);
    bySheet.set(g, s);
  }
  for (const s of sheets) findTables(s, env);
  for (const s of sheets) readBlocks(s, env);
  // figures in 设计说明 sentences, under a tight grammar (prose.ts)
  for (const s of sheets) readProse(s, env);
  // 调蓄设施 as key/value rows, where no table gave any (facilityRows.ts)
  if (!out.hasFacilities()) for (const s of sheets) facilityRows(s, env);
  for (const s of sheets) tableRemains(s, env);
  for (const s of sheets) scanUnread(s, env);
  for (const s of sheets) scanUnreadRows(s, env);
  for (const s of sheets) env.unread.push(...combinedUnread(s, (n) => out.hasBuilding(n)));
  const stages = new Map(sheets.map((s) => [s.g.name, sheetStage(s.g)]));
  const r = out.finish({ mayBeSole: (names) => mayBeSole(names, sheets, env), stageOf: (sheet) => stages.get(sheet) });
  // heat pumps given as heat output (heatPump.ts): marked once everything is read
  const stores = [r.project, ...r.buildings.map((b) => b.values), ...(r.parcels ?? []).flatMap((p) => [p.project, ...p.buildings.map((b) => b.values)])];
  markHeatOutput(grids, stores);
  r.lineItems = lineItemsOf(r.project);
  for (const p of r.parcels ?? []) p.lineItems = lineItemsOf(p.project);
  // use columns none of whose values could be read: unread, not used (useColumns.ts)
  const useLines = linesOf(out.useReadings);
  inferUnmarked(useLines);
  const useCols = unreadUseColumns(useLines, grids);
  env.unread.push(...useCols.blocks);
  const coverage = withUnusedCells(
    grids.map((g) => sheetCoverage(g, bySheet.get(g) ?? null)),
    useCols.unused,
  );
  for (const u of env.unread) {
    out.warn(`${u.sheet}!${u.range}：${u.title ? `“${u.title}”` : '表格'}未能读取：${u.reason}`, `${u.sheet}!${u.range.split(':')[0]}`);
  }
  const x: Extracted = {
    project: r.project,
    buildings: r.buildings,
    surfaces: r.surfaces,
    facilities: r.facilities,
    lineItems: r.lineItems,
    issues: out.issues,
    unread: env.unread,
    coverage,
  };
  if (r.prefabVolumes.length) x.prefabVolumes = r.prefabVolumes;
  if (r.parcels) x.parcels = r.parcels;
  if (r.soleBuilding) x.soleBuilding = r.soleBuilding;
  const statements = sheets.flatMap(sheetStatements);
  if (statements.length) x.statements = statements;
  return x;
}

/**
 * The one building found is the whole workbook's subject: no table lists several buildings, no
 * unread block seems to list buildings, and no text of a visible sheet names another building.
 */
function mayBeSole(names: string[], sheets: Sheet[], env: Env): boolean {
  if (env.unread.some((u) => u.indicators.includes('building_name'))) return false;
  if (env.knownNames.size > 1) return false;
  const keys = new Set(names.map((n) => buildingKey(n).key));
  const codes = new Set(names.map((n) => buildingKey(n).code).filter(Boolean));
  for (const s of sheets) {
    for (const t of [s.g.name]) for (const tok of buildingTokens(t)) if (!sameBuilding(tok, keys, codes)) return false;
    for (const line of s.g.rows) {
      if (!line) continue;
      for (const c of line) {
        if (!c || c.kind !== 'string' || c.str!.length > 400) continue;
        for (const tok of buildingTokens(c.str!)) if (!sameBuilding(tok, keys, codes)) return false;
      }
    }
  }
  void buildingIn;
  return true;
}

function sameBuilding(tok: string, keys: Set<string>, codes: Set<string | null>): boolean {
  const k = buildingKey(tok);
  return keys.has(k.key) || (!!k.code && codes.has(k.code));
}
