// 下垫面 and 调蓄设施 tables (docs/reading-sheets.md §2.3; 海绵城市 容积法 inputs): surfaces
// (下垫面 | 面积 | 径流系数) and storage facilities (设施 | 调蓄容积, or 面积 × 调蓄深度), with their
// 合计 rows.
import columnRoles from '../data/column-roles.json';
import notations from '../data/import-notations.json';
import { mustIndicator } from '../model/indicators';
import { type Scope } from './collect';
import { cellAt, covering, type GCell } from './grid';
import { fold, matchLabel, type LabelMatch } from './labels';
import { zoneKeyOf } from './names';
import { headerCore } from './roles';
import { addJob, range, src, textOf, markUsed, type Env, type Sheet } from './sheet';
import { parseUnit } from './units';
import { parseNumberText, readCell } from './values';
import { type Col, type Header, header, isTotal } from './tableHeader';
import { type RowLabel, claimHeader, claimRow, isNoteRow, isRowEmpty, mayBeHeader, titleAbove } from './tableRows';
import { emitValue } from './emitValue';
import { facilityWithdrawal } from './withdrawn';
import { designedTwin } from './twins';
import { takeTable } from './tableRemains';

// ------------------------------------------------------------------ 下垫面 and 调蓄设施 tables

const NOT_AN_AREA = new RegExp(notations.surfaceTable.notAnArea);

/**
 * A 下垫面 table's area and coefficient columns, by what their headers say (import-notations.json
 * surfaceTable): the area is a 面积 that is no share of the site (面积占比 would shrink F); of two
 * coefficients the 雨量径流系数 is the 容积法's, never the 流量径流系数 (docs/domain/runoff.md §4).
 */
export function surfaceColumns(h: Header, key: Col): { area?: Col; coef?: Col } {
  const core = (c: Col) => headerCore(textOf(c.parts.at(-1)?.cell) ?? '').core;
  const area = h.cols.find((c) => c !== key && /面积/.test(core(c)) && !/系数/.test(core(c)) && !NOT_AN_AREA.test(core(c)));
  const coefs = h.cols.filter((c) => core(c).includes('径流系数') && !/面积|[×*]/.test(core(c)));
  const { volumeCoefficientWord: rain, flowCoefficientWord: flow } = notations.surfaceTable;
  // a 流量径流系数 alone (ψm ≥ ψc) only overstates the storage needed: read, it never passes what ψc would not
  const coef = coefs.find((c) => core(c).includes(rain)) ?? coefs.find((c) => !core(c).includes(flow)) ?? coefs[0];
  return { area, coef };
}

export function surfaceTable(s: Sheet, h: Header, type: Col, area: Col, coef: Col, env: Env): number {
  const areaDef = mustIndicator('catchment_area');
  const coefDef = mustIndicator('runoff_coefficient');
  const areaCell = area.parts.at(-1)!.cell;
  const coefCell = coef.parts.at(-1)!.cell;
  const areaUnit = area.unitRaw ?? headerCore(textOf(areaCell) ?? '').groups.find((x) => parseUnit(x));
  const areaMatch: LabelMatch = matchLabel(textOf(areaCell)!) ?? { key: '', ids: ['catchment_area'], how: 'exact' };
  const coefMatch: LabelMatch = { key: '', ids: ['runoff_coefficient'], how: 'exact' };
  const zoneCol = h.cols.find((c) => c.key === 'zone');
  let provided = providedColumn(h, [type, area, coef]);
  /** The provided storage's cells by zone: one each (merged over the zone's rows) or the figure is unclear. */
  const storageCells = new Map<string, string[]>();
  claimHeader(s, h);
  const id = `${s.g.name}#T${s.tables}`;
  let last = h.bottom;
  for (let r = h.bottom + 1; r <= s.g.maxRow; r++) {
    if (!s.g.rows[r]) break;
    const nc = cellAt(s.g, r, type.c);
    if (!nc) break;
    if (r > h.bottom + 1 && !isTotal(nc.raw) && mayBeHeader(nc) && header(s, r, env, h.context)) break;
    const nm = nc.kind === 'string' ? matchLabel(nc.str!) : null;
    if (nm && nm.how === 'exact') break;
    const name = nc.raw.trim();
    const a = cellAt(s.g, r, area.c);
    const k = cellAt(s.g, r, coef.c);
    const zc = zoneCol ? cellAt(s.g, r, zoneCol.c) ?? covering(s.g, r, zoneCol.c) : undefined;
    claimRow(s, r, h.left, h.right);
    last = r;
    const pc = provided ? cellAt(s.g, r, provided.col.c) : undefined;
    if (pc && !isTotal(name)) storageCells.set(zc?.raw.trim() ?? '', [...(storageCells.get(zc?.raw.trim() ?? '') ?? []), src(s, pc)]);
    addJob(s, r, (scope) => {
      const sc: Scope = { ...scope };
      if (zc && zc.r <= r) {
        const z = zoneKeyOf(zc.raw);
        if (z) sc.zone = { ...z, source: src(s, zc) };
        markUsed(s, zc);
      }
      markUsed(s, nc);
      if (provided) zoneStorage(s, env, sc, id, r, name, provided, isTotal(name));
      if (isTotal(name)) {
        const label = (c: GCell, m: LabelMatch): RowLabel => ({ cell: c, match: m, text: c.raw.trim() });
        if (a) emitValue(s, env, sc, id, label(areaCell, { ...areaMatch, ids: ['catchment_area'], role: undefined }), areaDef, a, { unitRaw: areaUnit, total: 'whole' })!.interpretation = `取自下垫面表合计行 ${src(s, nc)}`;
        if (k) {
          const iv = emitValue(s, env, sc, id, label(coefCell, coefMatch), coefDef, k, { total: 'whole' });
          if (iv) iv.interpretation = `取自下垫面表合计行 ${src(s, nc)}：${iv.interpretation}`;
        }
        return;
      }
      const av = a ? readCell(a, areaDef, { unitRaw: areaUnit }) : null;
      const kv = k ? readCell(k, coefDef) : null;
      if (av?.warning) env.out.warn(`${src(s, a!)}：下垫面“${name}”${av.warning}`, src(s, a!), 'catchment_area');
      if (kv?.warning) env.out.warn(`${src(s, k!)}：下垫面“${name}”${kv.warning}`, src(s, k!), 'runoff_coefficient');
      markUsed(s, a);
      markUsed(s, k);
      env.out.surface(sc, {
        name,
        area: av && av.status === 'ok' && typeof av.value === 'number' ? av.value : null,
        coefficient: kv && kv.status === 'ok' && typeof kv.value === 'number' ? kv.value : null,
        source: src(s, nc),
      });
    });
  }
  // a storage figure on several rows of one zone, not merged: each row's own, or the zone's
  // written again? Unclear, so the table is unread rather than summed or guessed
  const repeated = [...storageCells.values()].find((cells) => cells.length > 1);
  if (repeated) {
    env.unread.push({
      sheet: s.g.name,
      range: range(h.top, h.left, last, h.right),
      title: titleAbove(s, h.top) ?? '下垫面',
      indicators: ['runoff_capture', 'storage_provided'],
      reason: `下垫面表中调蓄容积按行填写（${repeated.slice(0, 3).join('、')}），无法确定是各行之和还是分区的数值`,
    });
    provided = null;
  }
  // figures under a storage header the table does not read (调蓄量, 有效容积 …; 需调蓄容积 is the
  // need, which the recomputation redoes): unread
  const used = new Set([type.c, area.c, coef.c, zoneCol?.c]);
  const other = repeated ? [] : h.cols.filter((c) => !used.has(c.c) && !(c.ind && STORAGE.has(c.ind.def.id)) && STORAGE_WORDS.test(textOf(c.parts.at(-1)?.cell) ?? ''));
  const figures = other.flatMap((c) => {
    const out: string[] = [];
    for (let r = h.bottom + 1; r <= last; r++) {
      const x = cellAt(s.g, r, c.c);
      if (x && (x.kind === 'number' || (x.kind === 'string' && parseNumberText(fold(x.str!))))) out.push(`${src(s, x)}（${x.raw.trim()}）`);
    }
    return out;
  });
  if (figures.length) {
    env.unread.push({
      sheet: s.g.name,
      range: range(h.top, h.left, last, h.right),
      title: titleAbove(s, h.top) ?? '下垫面',
      indicators: ['runoff_capture', 'storage_provided'],
      reason: `下垫面表中有无法识别的数值列：${figures.slice(0, 3).join('、')}${figures.length > 3 ? ' 等' : ''}`,
    });
  }
  return last;
}

const STORAGE = new Set(['storage_provided', 'storage_required']);
const STORAGE_WORDS = /调蓄|容积|蓄水|滞蓄/;
const EFFECTIVE = new RegExp(columnRoles.facilityTable.effectiveVolumeWords.join('|'));

/**
 * A 下垫面 table's column of the storage the design provides (设计调蓄容积 beside 需调蓄容积, or
 * 实际调蓄容积), per 汇水分区 when merged down over the zone's rows: null without one.
 */
function providedColumn(h: Header, taken: Col[]): { col: Col; unitRaw: string } | null {
  const cols = h.cols.filter((c) => !taken.includes(c) && c.ind && STORAGE.has(c.ind.def.id));
  const head = (c: Col) => textOf(c.parts.at(-1)?.cell)?.trim() ?? '';
  const designed = designedTwin(cols.map(head));
  const col = cols.find((c) => c.ind!.def.id === 'storage_provided') ?? cols.find((c) => head(c) === designed?.label);
  return col ? { col, unitRaw: col.unitRaw ?? 'm³' } : null;
}

/**
 * The provided storage in a 下垫面 row: once per merged cell (the zone's storage over its rows) as
 * a facility of the row's zone, so each zone is checked against its own V; a 合计 row's is the site's.
 */
function zoneStorage(s: Sheet, env: Env, sc: Scope, block: string, r: number, name: string, p: { col: Col; unitRaw: string }, total: boolean): void {
  const cell = cellAt(s.g, r, p.col.c);
  if (!cell || cell.r !== r) return;
  markUsed(s, cell);
  const def = mustIndicator('storage_provided');
  if (total) {
    const label = p.col.parts.at(-1)!.cell;
    const iv = emitValue(s, env, sc, block, { cell: label, match: { key: '', ids: ['storage_provided'], how: 'exact' }, text: textOf(label)?.trim() ?? '调蓄容积' }, def, cell, { unitRaw: p.unitRaw, total: 'whole' });
    if (iv) iv.interpretation = `取自下垫面表合计行：${iv.interpretation}`;
    return;
  }
  const rd = readCell(cell, def, { unitRaw: p.unitRaw });
  const volume = rd.status === 'ok' && typeof rd.value === 'number' ? rd.value : null;
  env.out.facility(sc, { name: `${sc.zone?.name ?? name}调蓄设施`, volume, source: src(s, cell) });
}

/** The row's name cell is an indicator's label (not a facility, not a 合计). */
function namesIndicator(s: Sheet, r: number, nameCol: Col): boolean {
  const t = textOf(cellAt(s.g, r, nameCol.c))?.trim();
  return !!t && !isTotal(t) && matchLabel(t) !== null;
}

export function facilityTable(s: Sheet, h: Header, nameCol: Col, env: Env): number {
  const volumes = h.cols.filter((c) => c.measure === 'volume');
  // 调蓄容积 | 有效调蓄容积: the effective one is the storage provided; two of a kind are unclear
  // and the one not taken is reported unread (tableRemains.ts)
  const effective = volumes.filter((c) => EFFECTIVE.test(headerCore(textOf(c.parts.at(-1)?.cell) ?? '').core));
  const volume = volumes.length > 1 && effective.length === 1 ? effective[0] : volumes[0];
  const gross = volumes.length > 1 && effective.length === 1 ? volumes.filter((c) => c !== volume).map((c) => c.c) : [];
  const areaCol = h.cols.find((c) => c.measure === 'area');
  const depthCol = h.cols.find((c) => c.measure === 'depth');
  const zoneCol = h.cols.find((c) => c.key === 'zone');
  // rows of the table: until an empty row, or a row that names an indicator (年径流总量控制率 | 75%
  // under the last facility): a summary line after the table, read as such, not a facility
  let last = h.bottom;
  for (let r = h.bottom + 1; r <= s.g.maxRow && !isRowEmpty(s, r, h.left, h.right) && !isNoteRow(s, r) && !namesIndicator(s, r, nameCol); r++) last = r;
  if (last === h.bottom) return 0;
  claimHeader(s, h);
  for (let r = h.bottom + 1; r <= last; r++) claimRow(s, r, h.left, h.right);
  const title = titleAbove(s, h.top) ?? textOf(nameCol.keyCell) ?? '调蓄设施';
  if (!volume && !(areaCol && depthCol)) {
    env.unread.push({
      sheet: s.g.name,
      range: range(h.top, h.left, last, h.right),
      title,
      indicators: ['storage_provided', 'runoff_capture'],
      reason: '调蓄设施表中没有可识别的调蓄容积列（也没有面积和调蓄深度列），无法得到实际调蓄容积',
    });
    return last;
  }
  const volDef = mustIndicator('storage_provided');
  const volUnit = volume?.unitRaw ?? 'm³';
  const volLabel = volume ? volume.parts.at(-1)!.cell : nameCol.keyCell!;
  const depthUnit = depthCol?.unitRaw ?? 'm';
  const depthFactor = (() => {
    const u = parseUnit(depthUnit);
    return u && u.dimension === 'length' ? u.factor : 1;
  })();
  const areaUnit = areaCol?.unitRaw;
  const areaFactor = (() => {
    const u = areaUnit ? parseUnit(areaUnit) : null;
    return u && u.dimension === 'area' ? u.factor : 1;
  })();
  const id = `${s.g.name}#T${s.tables}`;
  const unreadable: string[] = [];
  for (let r = h.bottom + 1; r <= last; r++) {
    const nc = cellAt(s.g, r, nameCol.c) ?? covering(s.g, r, nameCol.c);
    const zc = zoneCol ? cellAt(s.g, r, zoneCol.c) ?? covering(s.g, r, zoneCol.c) : undefined;
    const row = r;
    addJob(s, r, (scope) => {
      const sc: Scope = { ...scope };
      if (zc) {
        const z = zoneKeyOf(zc.raw);
        if (z) sc.zone = { ...z, source: src(s, zc) };
        markUsed(s, zc);
      }
      const name = nc?.raw.trim() ?? '';
      const vc = volume ? cellAt(s.g, row, volume.c) : undefined;
      if (nc && isTotal(name)) {
        markUsed(s, nc);
        if (vc) {
          const iv = emitValue(s, env, sc, id, { cell: volLabel, match: { key: '', ids: ['storage_provided'], how: 'exact' }, text: textOf(volLabel)?.trim() ?? '调蓄容积' }, volDef, vc, { unitRaw: volUnit, total: 'whole' });
          if (iv) iv.interpretation = `取自调蓄设施表合计行 ${src(s, nc)}：${iv.interpretation}`;
        }
        return;
      }
      if (!nc || !name) return;
      markUsed(s, nc);
      let volumeValue: number | null = null;
      let source = src(s, nc);
      if (vc) {
        const rd = readCell(vc, volDef, { unitRaw: volUnit });
        markUsed(s, vc);
        if (rd.status === 'ok' && typeof rd.value === 'number') volumeValue = rd.value;
        else if (rd.status !== 'placeholder') unreadable.push(`${src(s, vc)}（${vc.raw}）`);
      } else if (areaCol && depthCol) {
        const ac = cellAt(s.g, row, areaCol.c);
        const dc = cellAt(s.g, row, depthCol.c);
        const an = measureOf(ac, 'area', areaFactor);
        const dn = measureOf(dc, 'length', depthFactor);
        markUsed(s, ac);
        markUsed(s, dc);
        if (an !== null && dn !== null) volumeValue = Number((an * dn).toPrecision(12));
        // a depth or area written but not readable: the facility's storage is unknown, never 0
        for (const [c, n] of [[ac, an], [dc, dn]] as const) if (c && c.kind !== 'none' && n === null) unreadable.push(`${src(s, c)}（${c.raw}）`);
        source = ac ? src(s, ac) : source;
      }
      const gone = facilityWithdrawal(s, nc, vc);
      if (gone) env.out.warn(`${src(s, nc)}：调蓄设施“${name}”的${gone}表示已取消或不计入，其调蓄容积未计入合计`, src(s, nc), 'storage_provided');
      else env.out.facility(sc, { name, volume: volumeValue, source: vc ? src(s, vc) : source });
    });
  }
  takeTable(s, { h, keyC: nameCol.c, last, indicators: ['storage_provided'], title, passed: gross });
  addJob(s, last, () => {
    if (unreadable.length) env.out.warn(`${s.g.name}：调蓄设施表有 ${unreadable.length} 个调蓄容积无法读取：${unreadable.slice(0, 3).join('、')}`, undefined, 'storage_provided');
  });
  return last;
}

/**
 * An area (m²) or a depth (m) of a facility row: a number in the column's unit (`factor`), or a
 * text with its own unit ("15cm", "0.2 m", "1500㎡"); null when the cell holds neither.
 */
function measureOf(c: GCell | undefined, dimension: 'area' | 'length', factor: number): number | null {
  if (!c) return null;
  if (c.kind === 'number') return c.num! * factor;
  if (c.kind !== 'string') return null;
  const n = parseNumberText(fold(c.str!));
  if (!n || n.pct || n.mult || n.bound) return null;
  if (!n.unitText) return n.n * factor;
  const u = parseUnit(n.unitText);
  return u && u.dimension === dimension ? n.n * u.factor : null;
}
