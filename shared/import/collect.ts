// Everything the readers found, in reading order, turned into the ImportResult's stores: scopes
// (project / building, per parcel when the workbook names several), conflicts, line items,
// totals, requirements, stand-ins (绿化率 is not 绿地率), 汇水分区 and the sole building.
import { indicator } from '../model/indicators';
import type { CellRef, ImportedBuilding, ImportedFacility, ImportedVolumeRow, ImportedLineItem, ImportedParcel, ImportedSurface, ImportedValue, ImportIssue } from '../model/types';
import { CALCULATOR_INPUTS, recompute } from '../calc/index';
import { buildingKey, canonicalBuildings, nameNote, type NameRef } from './names';
import { fmt, isOkNumber, lineItemsOf, sameValue, usable } from './readings';

export { lineItemsOf, sameValue } from './readings';
import { mapUse } from './uses';
import { levelReading, type UseReading } from './useColumns';
import { standIns } from './standIns';
import { readTwins } from './twins';
import { sheetOf } from './grid';
import { keepShapes } from '../model/shapes';

export interface NameAt {
  name: string;
  source: CellRef;
}
export interface KeyedName extends NameRef {
  source: CellRef;
}

/** Where a reading belongs. */
export interface Scope {
  parcel?: KeyedName;
  building?: NameAt;
  zone?: KeyedName;
}

/** A value as read, before it is stored. */
/** What a declared column of each rank says it is (docs/reading-sheets.md §2.2). */
const RANK_WORDS: Record<number, string> = { 3: '施工图阶段', 2: '修改后/改扩建后或较后的设计阶段', 1: '设计值' };

export interface ValueCand {
  kind: 'value';
  scope: Scope;
  iv: ImportedValue;
  /** Block the value was read in (a table or a run of key/value rows): line items are summed per block. */
  block: string;
  /** 3 施工图 stage, 2 after-state (修改后) or 初步设计, 1 declared, 0 a part (新建): a higher rank supersedes a lower one. */
  rank: number;
  /**
   * A 合计 row or column: 'fallback' gives the value only where the scope has none (a building
   * table may list only some buildings); 'whole' (surface and facility tables list the whole
   * site) also records a differing stated value as a conflict.
   */
  total?: 'fallback' | 'whole';
  /** Cells a formula value is computed from (`Sheet!A1`), to tell the sheet's own recomputation from a second statement. */
  refs?: string[];
  /** Read on a calculation sheet or block (计算表, 计算书). */
  calc?: boolean;
  /** A further row of one record (地下 under 地上, the name merged over both): adds to the record's quantity. */
  part?: boolean;
  /** Read from a sentence of a 设计说明 (prose.ts): never stands in for a table cell that could not be read. */
  prose?: boolean;
}

type Cand =
  | ValueCand
  | { kind: 'building'; scope: Scope }
  | { kind: 'use'; scope: Scope; text: string; source: CellRef }
  | { kind: 'surface'; scope: Scope; surface: ImportedSurface }
  | { kind: 'facility'; scope: Scope; facility: ImportedFacility }
  | { kind: 'volume'; scope: Scope; row: ImportedVolumeRow }
  | { kind: 'requirement'; scope: Scope; id: string; text: string; source: CellRef };

interface Target {
  project: Record<string, ImportedValue>;
  buildings: ImportedBuilding[];
  byKey: Map<string, ImportedBuilding>;
  surfaces: ImportedSurface[];
  facilities: ImportedFacility[];
  /** 预制率 volume rows that name no building. */
  volumes: ImportedVolumeRow[];
  /** 汇水分区 totals read as key/value pairs or zone-table rows: F, φ, V. */
  zones: Map<string, { name: string; values: Record<string, ImportedValue> }>;
  totals: ValueCand[];
  requirements: Array<{ building?: string; id: string; text: string; source: CellRef }>;
  /** Values that received a conflict: settled (and reported) once everything is read. */
  pending: Array<{ store: Record<string, ImportedValue>; id: string; where: string }>;
  /** The reading behind each conflict entry. */
  conflictCands: Map<object, ValueCand>;
  /** Per store, the reading each stored value came from (its block and rank). */
  meta: Map<Record<string, ImportedValue>, Record<string, ValueCand>>;
}

function newTarget(): Target {
  return { project: {}, buildings: [], byKey: new Map(), surfaces: [], facilities: [], volumes: [], zones: new Map(), totals: [], requirements: [], pending: [], conflictCands: new Map(), meta: new Map() };
}

const BUILDING_USE = 'building_use';

/** Inputs that describe one 汇水分区 when read inside a zone block. */
const ZONE_INPUTS = new Set(['catchment_area', 'runoff_coefficient', 'storage_provided', 'storage_required']);

export interface Collected {
  project: Record<string, ImportedValue>;
  buildings: ImportedBuilding[];
  surfaces: ImportedSurface[];
  facilities: ImportedFacility[];
  lineItems: ImportedLineItem[];
  prefabVolumes: ImportedVolumeRow[];
  parcels?: ImportedParcel[];
  soleBuilding?: string;
}

export class Collector {
  private cands: Cand[] = [];
  /** Building names in reading order. */
  private names = new Set<string>();
  readonly issues: ImportIssue[] = [];
  /** Every cell read in a building-use column, and whether it named a use or an energy level (useColumns.ts). */
  readonly useReadings: UseReading[] = [];

  warn(message: string, source?: CellRef, indicatorId?: string): void {
    const i: ImportIssue = { level: 'warning', message };
    if (source) i.source = source;
    if (indicatorId) i.indicator = indicatorId;
    this.issues.push(i);
  }

  value(c: ValueCand): void {
    if (c.scope.building) this.names.add(c.scope.building.name);
    this.cands.push(c);
  }
  /** Whether a reader gave any 调蓄设施 (a table or a 下垫面 table's storage column). */
  hasFacilities = (): boolean => this.cands.some((c) => c.kind === 'facility');
  /** True when a building of this name was read (a record under this name exists). */
  hasBuilding(name: string): boolean {
    return this.names.has(name);
  }
  building(scope: Scope): void {
    if (!scope.building) return;
    // "1#楼(住宅)": the use written with the name, taken when the name is first seen
    const note = this.names.has(scope.building.name) ? null : nameNote(scope.building.name);
    this.names.add(scope.building.name);
    this.cands.push({ kind: 'building', scope });
    if (note && mapUse(note).use) this.cands.push({ kind: 'use', scope, text: note, source: scope.building.source });
  }
  use(scope: Scope, text: string, source: CellRef): void {
    if (!scope.building) return;
    this.names.add(scope.building.name);
    this.cands.push({ kind: 'use', scope, text, source });
  }
  surface(scope: Scope, surface: ImportedSurface): void {
    this.cands.push({ kind: 'surface', scope, surface });
  }
  facility(scope: Scope, facility: ImportedFacility): void {
    this.cands.push({ kind: 'facility', scope, facility });
  }
  /** A row of a 预制率 volume table (prefabTables.ts): the building's own, else the project's. */
  volumeRow(scope: Scope, row: ImportedVolumeRow): void {
    if (scope.building) this.names.add(scope.building.name);
    this.cands.push({ kind: 'volume', scope, row });
  }
  requirement(scope: Scope, id: string, text: string, source: CellRef): void {
    if (scope.building) this.names.add(scope.building.name);
    this.cands.push({ kind: 'requirement', scope, id, text, source });
  }

  /** The design stage a sheet names (施工图 3 … 方案 1), when it names one. */
  private stageOf: (sheet: string) => number | undefined = () => undefined;

  /**
   * True when `a` was read on a sheet of a later design stage than `b` (施工图阶段指标 after
   * 方案阶段指标): an earlier stage's figure never fills the current stage's blank.
   */
  private laterStage(a: ImportedValue, b: ImportedValue): boolean {
    const sa = this.stageOf(sheetOf(a.source));
    const sb = this.stageOf(sheetOf(b.source));
    return sa !== undefined && sb !== undefined && sa > sb;
  }

  finish(opts: { mayBeSole: (names: string[]) => boolean; stageOf?: (sheet: string) => number | undefined }): Collected {
    if (opts.stageOf) this.stageOf = opts.stageOf;
    const parcelKeys = new Map<string, KeyedName>();
    const cands = this.cands;
    // 设计调蓄容积 beside 需调蓄容积 is the provided storage (twins.ts), before any two readings meet
    readTwins(cands);
    for (let i = 0; i < cands.length; i++) {
      const p = cands[i].scope.parcel;
      if (p && !parcelKeys.has(p.key)) parcelKeys.set(p.key, p);
    }
    const byParcel = parcelKeys.size >= 2;
    const canon = canonicalBuildings([...this.names]);
    const top = newTarget();
    const parcels = new Map<string, { ref: KeyedName; t: Target }>();
    const targetOf = (scope: Scope): Target => {
      if (!byParcel || !scope.parcel) return top;
      let p = parcels.get(scope.parcel.key);
      if (!p) parcels.set(scope.parcel.key, (p = { ref: parcelKeys.get(scope.parcel.key)!, t: newTarget() }));
      return p.t;
    };
    for (let i = 0; i < cands.length; i++) {
      const c = cands[i];
      const t = targetOf(c.scope);
      const b = c.scope.building ? this.ensureBuilding(t, c.scope.building, canon) : null;
      switch (c.kind) {
        case 'building':
          break;
        case 'use': {
          if (!b) break;
          // A value that names an energy standard level (被动式超低能耗建筑, 常规节能建筑) is the
          // building's 超低能耗 status, not its use (shared/data/energy-levels.json).
          const level = levelReading(c.text, c.source);
          if (level) this.put(t, b.values, { kind: 'value', scope: c.scope, iv: level, block: `level:${c.source}`, rank: 1 }, `${b.name} 的`);
          const r = mapUse(c.text);
          this.useReadings.push({ source: c.source, text: c.text, read: r.use !== null || !!level, level: !!level, values: b.values });
          if (b.useSource || (level && r.use === null)) break;
          b.use = r.use;
          b.useRaw = c.text;
          b.useSource = c.source;
          if (r.mixed) b.mixedUses = r.mixed;
          if (r.warning) this.warn(`${c.source}：${b.name} ${r.warning}`, c.source, BUILDING_USE);
          break;
        }
        case 'surface':
          t.surfaces.push(c.scope.zone ? { ...c.surface, zone: c.scope.zone.name } : c.surface);
          break;
        case 'facility':
          t.facilities.push(c.scope.zone ? { ...c.facility, zone: c.scope.zone.name } : c.facility);
          break;
        case 'volume':
          if (b) (b.prefabVolumes ??= []).push(c.row);
          else t.volumes.push(c.row);
          break;
        case 'requirement':
          t.requirements.push({ building: b?.name, id: c.id, text: c.text, source: c.source });
          break;
        case 'value': {
          const v = c;
          if (v.total) {
            t.totals.push(v);
            break;
          }
          if (v.scope.zone && !b && ZONE_INPUTS.has(v.iv.indicator)) {
            let z = t.zones.get(v.scope.zone.key);
            if (!z) t.zones.set(v.scope.zone.key, (z = { name: v.scope.zone.name, values: {} }));
            this.put(t, z.values, v, `汇水分区“${z.name}”的`);
            break;
          }
          if (b) this.put(t, b.values, v, `${b.name} 的`);
          else this.put(t, t.project, v, '');
          break;
        }
      }
    }
    const all = [top, ...[...parcels.values()].map((p) => p.t)];
    for (const t of all) this.settle(t);
    const out: Collected = { project: top.project, buildings: top.buildings, surfaces: top.surfaces, facilities: top.facilities, lineItems: lineItemsOf(top.project), prefabVolumes: top.volumes };
    if (byParcel) {
      out.parcels = [...parcels.values()].map(({ ref, t }) => ({
        name: ref.name,
        nameSource: ref.source,
        project: t.project,
        buildings: t.buildings,
        surfaces: t.surfaces,
        facilities: t.facilities,
        lineItems: lineItemsOf(t.project),
      }));
      const names = out.parcels.map((p) => p.name).join('、');
      this.warn(`工作簿含 ${out.parcels.length} 个地块（${names}），各地块的指标分别读取，未合并为一个项目`);
    } else if (top.buildings.length === 1 && opts.mayBeSole(top.buildings.map((b) => b.name))) {
      const b = top.buildings[0];
      const gfa = top.project.gross_floor_area;
      const bArea = b.values.gross_floor_area;
      const differs = gfa && bArea && typeof gfa.value === 'number' && typeof bArea.value === 'number' && Math.abs(gfa.value - bArea.value) > Math.max(1, gfa.value * 0.001);
      if (!differs) out.soleBuilding = b.name;
    }
    return out;
  }

  // ------------------------------------------------------------ buildings

  /** The building of a name reference, per target (one reference object is shared by a row's values). */
  private resolved = new Map<NameAt, { t: Target; b: ImportedBuilding }>();

  private ensureBuilding(t: Target, at: NameAt, canon: Map<string, string>): ImportedBuilding {
    const hit = this.resolved.get(at);
    if (hit && hit.t === t) return hit.b;
    const b = this.findOrAdd(t, at, canon);
    this.resolved.set(at, { t, b });
    return b;
  }

  private findOrAdd(t: Target, at: NameAt, canon: Map<string, string>): ImportedBuilding {
    const key = canon.get(at.name) ?? buildingKey(at.name).key;
    let b = t.byKey.get(key);
    if (!b) {
      b = { name: at.name, nameSource: at.source, use: null, floorArea: null, values: {} };
      t.byKey.set(key, b);
      t.buildings.push(b);
    } else if (b.name !== at.name && !(b.aliases ?? []).some((a) => a.name === at.name)) {
      (b.aliases ??= []).push({ name: at.name, source: at.source });
    }
    return b;
  }

  // ------------------------------------------------------------ values

  /** Stores a value: the first stays; a differing reading becomes a conflict (never silently dropped). */
  private put(t: Target, store: Record<string, ImportedValue>, c: ValueCand, where: string): void {
    const iv = c.iv;
    const id = iv.indicator;
    let meta = t.meta.get(store);
    if (!meta) t.meta.set(store, (meta = {}));
    const prev = Object.prototype.hasOwnProperty.call(store, id) ? store[id] : undefined;
    if (!prev) {
      store[id] = iv;
      meta[id] = c;
      return;
    }
    if (prev.source === iv.source) return;
    const def = indicator(id);
    const name = def?.name ?? id;
    const pm = meta[id] ?? { block: '', rank: 1 };
    // A higher-ranked column supersedes a lower one of the same table (修改前 | 修改后, 方案 | 施工图);
    // a different value stated in another table stays a conflict, whatever its column says.
    if (c.rank !== pm.rank && pm.block === c.block && usable(iv) && usable(prev)) {
      if (c.rank > pm.rank) {
        iv.interpretation += `；取代 ${prev.source}（${prev.raw}），因本单元格所在列/行注明为${RANK_WORDS[c.rank] ?? '设计值'}`;
        store[id] = iv;
        meta[id] = c;
      }
      return;
    }
    // Line items of one kind in one block (两套光伏、两种热泵): summed, each kept in `parts`.
    if ((def?.additive || c.part) && pm.block === c.block && prev.label !== iv.label && isOkNumber(prev) && isOkNumber(iv)) {
      prev.parts ??= [{ value: prev.value as number, raw: prev.raw, source: prev.source, label: prev.label }];
      prev.parts.push({ value: iv.value as number, raw: iv.raw, source: iv.source, label: iv.label });
      const sum = prev.parts.reduce((s, p) => s + p.value, 0);
      prev.value = Number(sum.toPrecision(12));
      prev.interpretation = `${prev.parts.map((p) => `“${p.label}” ${p.raw}（${p.source}）`).join(' + ')} = ${fmt(prev.value)} ${def?.unit ?? ''}（${c.part ? '同一记录的各行合计' : '同一表内同类分项合计'}）`;
      return;
    }
    // the current stage says "详见总图" or "待定" where an earlier stage's sheet has a figure
    const staleFill = iv.status === 'placeholder' && usable(prev) ? this.laterStage(iv, prev) : prev.status === 'placeholder' && usable(iv) && this.laterStage(prev, iv);
    if (staleFill) {
      const [blank, filled] = usable(iv) ? [prev, iv] : [iv, prev];
      if (filled === iv) {
        store[id] = iv;
        meta[id] = c;
      }
      (filled.conflicts ??= []).push({ value: blank.value, raw: blank.raw, source: blank.source, label: blank.label, status: blank.status });
      this.warn(`${where}${name}在较后设计阶段的 ${blank.source} 未填数值（${blank.raw}），较早阶段的 ${filled.source}（${filled.raw}）不能代替，需复核`, blank.source, id);
      return;
    }
    if (!usable(iv)) {
      if (iv.status === 'invalid' && usable(prev)) {
        this.warn(`${where}${name}另有一处无法读取：${iv.source}（${iv.raw}）：${iv.interpretation}；采用 ${prev.source}`, iv.source, id);
      }
      return;
    }
    if (!usable(prev)) {
      // a sentence does not fill a table cell that holds an error, unreadable text or a placeholder (/、待定): both stand, to be reviewed
      if (c.prose) {
        (prev.conflicts ??= []).push({ value: iv.value, raw: iv.raw, source: iv.source, label: iv.label, status: iv.status });
        this.warn(`${where}${name}在表格 ${prev.source} 未给出可用数值（${prev.raw}），设计说明 ${iv.source} 写为“${iv.raw}”，不能以文字代替表格数值，需复核`, prev.source, id);
        return;
      }
      store[id] = iv;
      meta[id] = c;
      this.warn(`${where}${name}出现两次：${prev.source}（${prev.raw}，不可用）与 ${iv.source}（${iv.raw}），采用 ${iv.source}`, iv.source, id);
      return;
    }
    if (sameValue(def, prev.value, iv.value)) {
      // a sentence repeating a table's doubtful figure does not make it certain
      if (prev.status !== 'ok' && iv.status === 'ok' && !c.prose) {
        store[id] = iv;
        meta[id] = c;
      }
      return;
    }
    const entry = { value: iv.value, raw: iv.raw, source: iv.source, label: iv.label, status: iv.status };
    (prev.conflicts ??= []).push(entry);
    t.conflictCands.set(entry, c);
    t.pending.push({ store, id, where });
  }

  /**
   * Conflicts, once everything is read. The first reading is the declared value. A later formula
   * reading computed only from cells that are the indicator's own calculator inputs (替代率 = E6/C8
   * on the calculation sheet, beside its line items and 建筑年总能耗) is the sheet's recomputation,
   * not a second statement: the engine recomputes from the same inputs and compares. Every other
   * differing reading stays a conflict and is reported.
   */
  private settleConflicts(t: Target): void {
    const seen = new Set<ImportedValue>();
    for (const { store, id, where } of t.pending) {
      const kept = store[id];
      if (!kept || seen.has(kept) || !kept.conflicts) continue;
      seen.add(kept);
      const def = indicator(id);
      const inputs = new Set<string>();
      for (const i of CALCULATOR_INPUTS[id] ?? []) {
        for (const st of [store, t.project]) {
          const v = st[i];
          if (!v) continue;
          inputs.add(v.source);
          for (const p of v.parts ?? []) inputs.add(p.source);
          for (const cf of v.conflicts ?? []) inputs.add(cf.source);
        }
      }
      const stated = kept.conflicts.filter((e) => {
        const cand = t.conflictCands.get(e);
        const refs = cand?.refs;
        const derived = (!!refs && refs.length > 0 && refs.every((r) => inputs.has(r))) || (!!cand && this.resultOfCalculation(cand, id, t, store));
        if (derived) this.warn(`${e.source} 的${def?.name ?? id} ${e.raw} 是按本表数据（计算输入）算出的结果，由引擎按同一数据复核，不作为另一申报值`, e.source, id);
        return !derived;
      });
      if (stated.length) kept.conflicts = stated;
      else delete kept.conflicts;
      for (const o of stated) {
        this.warn(`${where}${def?.name ?? id}出现两次且数值不同：${kept.source}（${kept.raw}）与 ${o.source}（${o.raw}），两处不一致，需复核（结果按先出现的 ${kept.source} 列示）`, kept.source, id);
      }
    }
  }

  /**
   * A reading on a calculation sheet (计算表) stated after at least two of its calculator's inputs
   * read on the same sheet: the sheet's result of the calculation the engine repeats.
   */
  private resultOfCalculation(c: ValueCand, id: string, t: Target, store: Record<string, ImportedValue>): boolean {
    if (!c.calc || typeof c.iv.value !== 'number') return false;
    const inputs = CALCULATOR_INPUTS[id];
    if (!inputs) return false;
    const sheet = sheetOf(c.iv.source);
    let n = 0;
    for (let i = this.cands.indexOf(c) - 1; i >= 0 && n < 2; i--) {
      const x = this.cands[i];
      if (x.kind !== 'value' || !inputs.includes(x.iv.indicator)) continue;
      if (sheetOf(x.iv.source) === sheet) n++;
    }
    if (n < 2) return false;
    // ... and only when the engine, repeating it from the same inputs, gets the same figure
    const values = store === t.project ? t.project : Object.assign(Object.create(t.project) as Record<string, ImportedValue>, store);
    const calc = recompute(id, { values, surfaces: t.surfaces, facilities: t.facilities, buildings: t.buildings, lineItems: lineItemsOf(t.project), scopeLabel: '' });
    return !!calc && typeof calc.value === 'number' && sameValue(indicator(id), calc.value, c.iv.value);
  }

  /** Totals, requirements, stand-ins, floor areas and 汇水分区 of one target. */
  private settle(t: Target): void {
    this.settleConflicts(t);
    for (const c of t.totals) {
      const id = c.iv.indicator;
      const b = c.scope.building ? t.byKey.get(buildingKey(c.scope.building.name).key) : undefined;
      const zoneKey = c.scope.zone && !b && ZONE_INPUTS.has(id) ? c.scope.zone.key : undefined;
      const store = zoneKey ? t.zones.get(zoneKey)?.values ?? this.zoneStore(t, c.scope.zone!) : b ? b.values : t.project;
      const prev = store[id];
      if (!prev) {
        store[id] = c.iv;
        continue;
      }
      if (!usable(prev) || !usable(c.iv) || sameValue(indicator(id), prev.value, c.iv.value)) continue;
      const name = indicator(id)?.name ?? id;
      if (c.total === 'whole') {
        (prev.conflicts ??= []).push({ value: c.iv.value, raw: c.iv.raw, source: c.iv.source, label: c.iv.label, status: c.iv.status });
        this.warn(`${name}：${prev.source}（${prev.raw}）与表格合计 ${c.iv.source}（${c.iv.raw}）不一致，需复核`, prev.source, id);
      } else {
        this.warn(`${name}：${prev.source}（${prev.raw}）与表格合计 ${c.iv.source}（${c.iv.raw}）不同（表格可能只列出部分单体），采用 ${prev.source}`, prev.source, id);
      }
    }
    const byName = new Map(t.buildings.map((b) => [b.name, b]));
    for (const r of t.requirements) {
      const store = r.building ? byName.get(r.building)?.values : t.project;
      const iv = store?.[r.id];
      if (iv && !iv.requirement) iv.requirement = { text: r.text, source: r.source };
    }
    standIns(t.project);
    for (let i = 0; i < t.buildings.length; i++) {
      const b = t.buildings[i];
      standIns(b.values);
      const a = b.values.gross_floor_area;
      if (a && a.status === 'ok' && typeof a.value === 'number') b.floorArea = a.value;
    }
    for (const [, z] of t.zones) {
      const v = z.values;
      const num = (id: string) => (v[id] && v[id].status === 'ok' && typeof v[id].value === 'number' ? (v[id].value as number) : null);
      if (!t.surfaces.some((s) => s.zone === z.name) && v.catchment_area) {
        t.surfaces.push({ name: `${z.name}（汇水分区合计）`, area: num('catchment_area'), coefficient: num('runoff_coefficient'), source: v.catchment_area.source, zone: z.name });
      }
      if (!t.facilities.some((f) => f.zone === z.name) && v.storage_provided) {
        t.facilities.push({ name: `${z.name}调蓄设施合计`, volume: num('storage_provided'), source: v.storage_provided.source, zone: z.name });
      }
    }
  }

  private zoneStore(t: Target, zone: KeyedName): Record<string, ImportedValue> {
    const z = { name: zone.name, values: {} as Record<string, ImportedValue> };
    t.zones.set(zone.key, z);
    return z.values;
  }
}

// one instance for the life of the process keeps the class's shape (model/shapes.ts)
keepShapes('Collector', [], new Collector());
