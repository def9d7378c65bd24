// Phase 2: walks each sheet in reading order, keeps the scope of the current block (the building,
// parcel or 汇水分区 a title, a sheet name or a "单体名称 | 2#楼" row names), runs the table rows
// found in phase 1 with that scope, and reads the key/value pairs no table claimed. A key/value
// row is the degenerate table: when it holds several candidate values and nothing says which one
// the project declares, the value is marked ambiguous, never guessed.
import { mustIndicator } from '../model/indicators';
import type { IndicatorDef } from '../model/types';
import type { GCell } from './grid';
import { cellAt, covering } from './grid';
import { fold, matchLabel, splitInline, type LabelMatch } from './labels';
import { buildingKey, buildingTokens, looksLikeBuilding, parcelIn, parcelKeyOf, zoneIn, zoneKeyOf } from './names';
import { affixRole, contextOf, exactRole, isCalculationTitle, isReferenceTitle, isRequirementText, keyHeader } from './roles';

export { contextOf } from './roles';
import { key, range, src, textOf, unusedLabel, markUsed, type BlockScope, type Env, type Sheet } from './sheet';
import { isRequirementTag, isRequirementTitle, REQUIREMENT_ROLE } from './requirements';
import { emitValue } from './emitValue';
import { isTotal, joined } from './tableHeader';
import { unitCells } from './tableRows';
import { isUnitText } from './units';
import { isNumericLike, parseNumberText, readCell, statesInOwnWords } from './values';
import { sameValue } from './collect';

const BUILDING_NAME = 'building_name';
const BUILDING_USE = 'building_use';
/** The one building a text names (tokens like 2#楼, or a name seen in a table), if exactly one. */
export function buildingIn(text: string, env: Env): string | null {
  const found = new Map<string, string>();
  for (const t of buildingTokens(text)) found.set(buildingKey(t).key, t);
  if (env.knownNames.size && text.length <= 200) {
    const f = fold(text);
    for (const n of env.knownNames.keys()) {
      if (n.length > text.length) continue;
      const fn = fold(n);
      if (fn.length < 2 || !f.includes(fn)) continue;
      // a known name inside a longer token (1#楼 inside 11#楼) does not count
      const at = f.indexOf(fn);
      const before = f[at - 1];
      const compound = before === '-' && /[0-9a-z]/.test(f[at - 2] ?? '');
      if (before && (/[0-9a-z#]/.test(before) || compound) && /^[0-9a-z]/.test(fn)) continue;
      const k = buildingKey(n).key;
      // a token that is part of this name ("A栋" in "A栋办公") or another spelling of it
      for (const [tk, tn] of found) if (tk !== k && (fn.includes(fold(tn)) || (buildingKey(n).code && tk === buildingKey(n).code))) found.delete(tk);
      found.set(k, n);
    }
  }
  if (found.size !== 1) return null;
  return [...found.values()][0];
}

function sheetScope(s: Sheet, env: Env): BlockScope {
  const name = s.g.name;
  const scope: BlockScope = { block: `${name}#K0` };
  const b = buildingIn(name, env);
  const at = `${name}!A1`;
  if (b) scope.building = { name: b, source: at };
  const p = parcelIn(name);
  if (p) scope.parcel = { ...p, source: at };
  const z = zoneIn(name);
  if (z) scope.zone = { ...z, source: at };
  const ctx = contextOf(name);
  if (ctx) scope.context = ctx;
  if (isReferenceTitle(name)) scope.reference = true;
  if (isCalculationTitle(name)) scope.calc = true;
  if (isRequirementTitle(name)) scope.requirements = true;
  return scope;
}

export function readBlocks(s: Sheet, env: Env): void {
  const { g } = s;
  const base = sheetScope(s, env);
  s.context = base.context;
  let scope: BlockScope = { ...base };
  if (scope.building) env.out.building(scope);
  let blockN = 0;
  const newBlock = () => {
    scope = { ...scope, block: `${g.name}#K${++blockN}` };
  };
  let prev = 0;
  for (let r = 1; r <= g.maxRow; r++) {
    const line = g.rows[r];
    if (!line) continue;
    if (r - prev > 1) newBlock();
    prev = r;
    const jobs = s.jobs[r];
    if (jobs) for (let j = 0; j < jobs.length; j++) jobs[j](scope);
    if (s.done[r]) continue;
    const cells: GCell[] = [];
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c && !s.claimed.has(key(r, c.c))) cells.push(c);
    }
    if (!cells.length) continue;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (s.claimed.has(key(r, c.c))) continue;
      const t = textOf(c);
      if (t === null) continue;
      // "单体名称：2#楼", "容积率：2.1": label and value in one cell.
      const inline = splitInline(t);
      if (inline && !(inline.match.ids[0] !== BUILDING_NAME && !inline.value)) {
        if (inlinePair(s, env, scope, c, inline, (next) => (scope = next))) continue;
      }
      const kh = keyHeader(t);
      if (kh === 'parcel' || kh === 'zone') {
        const v = valueRight(s, c);
        if (v) {
          markUsed(s, c);
          markUsed(s, v);
          if (kh === 'parcel') {
            const p = parcelKeyOf(v.raw);
            if (p) scope = { ...scope, parcel: { ...p, name: v.raw.trim(), source: src(s, v) }, building: base.building };
          } else {
            const z = zoneKeyOf(v.raw);
            if (z) scope = { ...scope, zone: { ...z, source: src(s, v) } };
          }
          newBlock();
          continue;
        }
      }
      const m = matchLabel(t, scope.context);
      if (!m) {
        // "地下" under a 建筑面积 merged over two rows: the sub-label joined with its parent.
        const sub = parentJoin(s, c, t, scope.context);
        if (sub) {
          pair(s, env, scope, c, sub.match, (next) => (scope = next), sub.text);
          continue;
        }
        if (c === cells[0] && cells.length <= 2) {
          const next = title(s, env, c, t, cells.length, scope, base);
          if (next) {
            scope = next;
            newBlock();
          }
        }
        continue;
      }
      const read = pair(s, env, scope, c, m, (next) => (scope = next));
      if (!read && c === cells[0] && cells.length === 1 && m.how === 'affix') {
        // "装配率计算表", "2#楼装配率汇总": a title that happens to contain a label.
        const next = title(s, env, c, t, 1, scope, base);
        if (next) {
          scope = next;
          newBlock();
        }
      }
    }
  }
  // Runs of key/value rows with several values and nothing to say which is declared (a score
  // table without its column titles): an unread table, besides each value's 'ambiguous'.
  const amb = s.ambiguousRows ?? [];
  for (let k = 0; k < amb.length; ) {
    let e = k;
    while (e + 1 < amb.length && amb[e + 1].r - amb[e].r <= 2) e++;
    const run = amb.slice(k, e + 1);
    const top = run[0].r;
    const bottom = run[run.length - 1].r;
    env.unread.push({
      sheet: g.name,
      range: range(top, Math.min(...run.map((x) => x.left)), bottom, Math.max(...run.map((x) => x.right))),
      title: nearTitle(s, top) ?? g.name,
      indicators: [...new Set(run.map((x) => x.id))],
      reason: '这些行各有多个数值，但没有表头说明哪一个是设计值（或自评得分），无法确定采用哪一个',
    });
    k = e + 1;
  }
}

/** The text of the nearest title above row r (one or two rows up), if any. */
function nearTitle(s: Sheet, r: number): string | undefined {
  for (let x = r - 1; x >= Math.max(1, r - 2); x--) {
    const line = s.g.rows[x];
    if (!line) continue;
    const cells = line.filter((c): c is GCell => !!c);
    if (cells.length <= 2 && cells[0]?.kind === 'string') return cells[0].str!.trim();
  }
  return undefined;
}

/** A numbered section title: 一、 / （一） / 1、 / 2. / 第三节. */
const SECTION_NUMBER = /^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十0-9]{1,3}[)）]|[0-9]{1,2}[、.．](?![0-9])|第[一二三四五六七八九十0-9]{1,3}[节章部分])/;

/** A title row: names a building, parcel or zone (and a context), or resets to the sheet's scope. */
function title(s: Sheet, env: Env, c: GCell, t: string, n: number, scope: BlockScope, base: BlockScope): BlockScope | null {
  if (/^\s*(注|备注|说明)/.test(t) || isPlainNumber(c)) return null;
  const next: BlockScope = { ...scope };
  const b = buildingIn(t, env);
  const p = parcelIn(t);
  const z = zoneIn(t);
  const ctx = contextOf(t);
  const reference = isReferenceTitle(t);
  const calc = isCalculationTitle(t);
  const req = isRequirementTitle(t);
  let changed = false;
  if (p) {
    next.parcel = { ...p, source: src(s, c) };
    next.building = base.building;
    changed = true;
  }
  const numbered = SECTION_NUMBER.test(t);
  if (b) {
    next.building = { name: b, source: src(s, c) };
    markUsed(s, c);
    env.out.building(next);
    changed = true;
  }
  if (z) {
    next.zone = { ...z, source: src(s, c) };
    changed = true;
  }
  if (b || z) next.titled = !numbered;
  if (!changed && (n === 1 || (c.mergeRight ?? c.c) > c.c)) {
    // a numbered section (一、下垫面分析) of a block titled for its building or zone stays in it
    if (!(numbered && scope.titled)) {
      next.building = base.building;
      next.zone = base.zone;
      next.titled = undefined;
    }
    changed = true;
  }
  // a context only from a real title (one cell, or merged across), not from "热泵 | 是"
  const realTitle = n === 1 || (c.mergeRight ?? c.c) > c.c;
  if (!changed && !((ctx || reference || calc || req) && realTitle)) return null;
  next.context = realTitle ? ctx ?? base.context : scope.context;
  if (realTitle) {
    next.reference = reference || base.reference || undefined;
    next.calc = isCalculationTitle(t) || base.calc || undefined;
    next.requirements = req || base.requirements || undefined;
  }
  return next;
}

/** A cell that is a number, with at most a unit ("12000", "35%", "2.5万㎡"). */
function isPlainNumber(c: GCell): boolean {
  if (c.kind === 'number') return true;
  if (c.kind !== 'string') return false;
  const n = parseNumberText(fold(c.str!));
  return !!n && (!n.unitText || isUnitText(n.unitText));
}

/** The first non-empty unclaimed cell right of c. */
function valueRight(s: Sheet, c: GCell): GCell | undefined {
  const line = s.g.rows[c.r]!;
  for (let i = (c.mergeRight ?? c.c) + 1; i < line.length; i++) {
    const v = line[i];
    if (!v) continue;
    if (s.claimed.has(key(c.r, i))) return undefined;
    return v;
  }
  return undefined;
}

function inlinePair(s: Sheet, env: Env, scope: BlockScope, c: GCell, inline: { label: string; value: string; match: LabelMatch }, set: (n: BlockScope) => void): boolean {
  const def = mustIndicator(inline.match.ids[0]);
  markUsed(s, c);
  if (def.id === BUILDING_NAME) {
    const name = inline.value.trim();
    if (!name || isTotal(name)) return true;
    const next = { ...scope, building: { name, source: src(s, c) } };
    env.out.building(next);
    set(next);
    return true;
  }
  const cell: GCell = { r: c.r, c: c.c, addr: c.addr, kind: 'string', str: inline.value, raw: inline.value };
  const sc = def.id === BUILDING_USE ? scope : scope;
  if (def.id === BUILDING_USE) {
    if (scope.building) env.out.use(scope, inline.value, src(s, c));
    return true;
  }
  emitValue(s, env, sc, scope.block, { cell: c, match: inline.match, text: inline.label }, def, cell);
  return true;
}

interface Found {
  value: GCell;
  /** A sub-label right of the label ("地上", "其中：人防"): the label is a group, not the value's label. */
  sub?: GCell;
  /** Every candidate cell looked at (claimed: not read again, not an unread block). */
  considered: GCell[];
  unitRaw?: string;
  requirement?: GCell;
  ambiguous?: string;
}

/** Reads one key/value pair; false when the label has no value. */
/** The parent label left of a sub-label (merged down over its rows, or the last one above), joined with it. */
function parentJoin(s: Sheet, c: GCell, t: string, context?: string): { match: LabelMatch; text: string } | null {
  if (c.c <= 1 || t.length > 20) return null;
  const { g } = s;
  let parent = covering(g, c.r, c.c - 1);
  if (!parent) {
    // not merged: the nearest cell above in the column to the left, with nothing in between
    for (let r = c.r - 1; r >= Math.max(1, c.r - 3) && !parent; r--) {
      const p = cellAt(g, r, c.c - 1);
      if (p) parent = p;
      else if (!cellAt(g, r, c.c)) break;
    }
  }
  if (!parent || parent.kind !== 'string' || parent.r > c.r || !matchLabel(parent.str!)) return null;
  return joined(parent.str!.trim(), t.trim().replace(/^(其中|含)[:：]?/, ''), context);
}

function pair(s: Sheet, env: Env, scope: BlockScope, label: GCell, m: LabelMatch, set: (n: BlockScope) => void, labelText?: string): boolean {
  const def = mustIndicator(m.ids[0]);
  const f = findValue(s, label, m, def);
  if (f?.sub) {
    // "建筑面积 | 地上 | 36000": the label is a group; its sub-label says which indicator.
    markUsed(s, label);
    const subText = f.sub.raw.trim().replace(/^(其中|含)[:：]?/, '');
    const j = joined((labelText ?? label.raw).trim(), subText, scope.context);
    if (j) return pair(s, env, scope, f.sub, j.match, set, j.text);
    // A qualifier that says what the value is ("设计 | 2.1", "规划 | 2.2") on a row of its own.
    const q = affixRole(subText);
    if (q && !/^(其中|含)/.test(f.sub.raw.trim())) {
      const role = { ...m, role: q };
      return pair(s, env, scope, f.sub, role, set, `${(labelText ?? label.raw).trim()}（${subText}）`);
    }
    unusedLabel(s, label, label.raw, def.id, `标签后是未识别的子项“${f.sub.raw.trim()}”，不是${def.name}本身`);
    for (const c of f.considered) s.claimed.add(key(c.r, c.c));
    return true;
  }
  if (!f) {
    if (def.id !== BUILDING_NAME && def.id !== 'project_name') {
      // A label followed only by notes, or alone in its row: recognised but not read.
      const line = s.g.rows[label.r]!;
      const lone = line.filter(Boolean).length === 1;
      if (!lone || (def.role === 'condition' && m.how === 'exact')) unusedLabel(s, label, label.raw, def.id, '标签旁没有找到数值');
    }
    return false;
  }
  // "项目 | 内容", "楼号 | 数值": a header row, whose second cell is no project's or building's name
  // "单体 | 装配式建筑评价等级" over "1# | A级": a header row too, not a building named by its column title
  if (def.type === 'text' && (exactRole(f.value.raw) || (def.id === BUILDING_NAME && columnTitle(s, label, f.value)))) {
    unusedLabel(s, label, label.raw, def.id, `标签后是表头“${f.value.raw.trim()}”，不是${def.name}`);
    return false;
  }
  markUsed(s, label);
  if (def.id === BUILDING_NAME) {
    markUsed(s, f.value);
    const name = f.value.raw.trim();
    if (name && !isTotal(name)) {
      const next = { ...scope, building: { name, source: src(s, f.value) } };
      env.out.building(next);
      set(next);
    }
    return true;
  }
  // "1#楼装配率": the label names its building; "实际调蓄容积合计" inside a 汇水分区 block is the site's,
  // unless it closes the zone's own 调蓄设施 table (1#汇水分区 … 三、调蓄设施 … 实际调蓄容积合计: the zone's)
  let sc = scope as import('./collect').Scope;
  const closesFacilities = !!scope.titled && !!s.taken?.some((t) => t.last === label.r - 1 && t.indicators.includes('storage_provided'));
  if (scope.zone && !closesFacilities && /合计|总计|汇总|全场|场地|总调蓄/.test(labelText ?? label.raw)) sc = { ...scope, zone: undefined };
  if (m.how === 'affix' && m.extra) {
    const toks = buildingTokens(m.extra);
    if (toks.length === 1) {
      sc = { ...scope, building: { name: toks[0], source: src(s, label) } };
      env.out.building(sc);
    }
  }
  if (def.id === BUILDING_USE) {
    markUsed(s, f.value);
    if (sc.building) env.out.use(sc, f.value.raw.trim(), src(s, f.value));
    return true;
  }
  if (f.unitRaw) {
    const line = s.g.rows[label.r]!;
    for (const c of line) if (c && c.kind === 'string' && c.str!.trim() === f.unitRaw && c.r === label.r) markUsed(s, c);
  }
  for (const c of f.considered) s.claimed.add(key(c.r, c.c));
  // "绿地率 | 35% | 规划要求": the cell after the number says the number is the requirement.
  if (f.requirement && f.requirement.c > f.value.c && isRequirementTag(f.requirement)) {
    markUsed(s, f.requirement);
    m = { ...m, role: REQUIREMENT_ROLE };
  }
  emitValue(s, env, sc, scope.block, { cell: label, match: m, text: labelText ?? label.raw }, def, f.value, { unitRaw: f.unitRaw ?? m.unitRaw, requirement: f.requirement, ambiguous: f.ambiguous });
  if (f.ambiguous) {
    let right = label.c;
    for (const c of f.considered) right = Math.max(right, c.c);
    (s.ambiguousRows ??= []).push({ r: label.r, left: label.c, right, id: def.id });
  }
  return true;
}

/**
 * The value of a key/value label: the cells right of it up to the next label. Units are units;
 * requirement texts ("规划条件：≥80%") are requirements; one value is the value; several different
 * values — unless all but one are written as bounds ("≥80%" beside "82%") — are ambiguous.
 * Nothing right of the label: the value directly below it (a label row above a value row).
 */
function findValue(s: Sheet, label: GCell, m: LabelMatch, def: IndicatorDef): Found | null {
  const { g } = s;
  const line = g.rows[label.r]!;
  let unitRaw: string | undefined;
  let header = false;
  const cands: GCell[] = [];
  for (let c = (label.mergeRight ?? label.c) + 1; c < line.length; c++) {
    const cell = line[c];
    if (!cell) continue;
    const uc = s.unitCols.get(c);
    if (uc !== undefined && uc <= label.r) {
      if (cell.kind === 'string') unitRaw = cell.str!.trim();
      continue;
    }
    if (s.claimed.has(key(label.r, c))) break;
    if (cell.kind === 'string') {
      if (matchLabel(cell.str!) && !splitInline(cell.str!) && !statesInOwnWords(cell, def)) {
        header = true;
        break;
      }
      if (isUnitText(cell.str!) && !unitRaw && !cands.length) {
        unitRaw = cell.str!.trim();
        continue;
      }
      if (isUnitText(cell.str!) && cands.length && !unitRaw) {
        unitRaw = cell.str!.trim();
        continue;
      }
    }
    cands.push(cell);
  }
  const unit = unitRaw ?? m.unitRaw;
  if (cands.length) {
    if (def.type === 'text') return { value: cands[0], unitRaw, considered: cands };
    const rd = cands.map((c) => ({ c, r: readCell(c, def, { unitRaw: unit }) }));
    const head = rd[0];
    if (rd.length > 1 && head.c.kind === 'string' && head.r.status === 'invalid' && !isRequirementText(head.c.str!) && rd.slice(1).some((x) => x.r.value !== null)) {
      return { value: head.c, sub: head.c, considered: cands };
    }
    const vals = rd.filter((x) => x.r.value !== null && (x.r.status === 'ok' || x.r.status === 'ambiguous'));
    const reqs = rd.filter((x) => !vals.includes(x) && x.c.kind === 'string' && isRequirementText(x.c.str!));
    const requirement = reqs[0]?.c;
    if (!vals.length) {
      const first = rd.find((x) => !reqs.includes(x));
      if (first && rd.indexOf(first) === 0) return { value: first.c, unitRaw, requirement, considered: cands };
      if (first && first.r.status === 'placeholder') return { value: first.c, unitRaw, requirement, considered: cands };
      if (!first && requirement) return { value: requirement, unitRaw, considered: cands };
    } else if (vals.length === 1) {
      return { value: vals[0].c, unitRaw, requirement, considered: cands };
    } else {
      const plain = vals.filter((x) => !x.r.bound || x.r.bound === 'about');
      const bounded = vals.filter((x) => x.r.bound && x.r.bound !== 'about');
      if (plain.length === 1 && bounded.length) return { value: plain[0].c, unitRaw, requirement: requirement ?? bounded[0].c, considered: cands };
      if (vals.every((x) => sameValue(def, x.r.value, vals[0].r.value))) return { value: vals[0].c, unitRaw, requirement, considered: cands };
      return { value: vals[0].c, unitRaw, requirement, ambiguous: vals.map((x) => `${src(s, x.c)}（${x.c.raw.trim()}）`).join('、'), considered: cands };
    }
  }
  // Vertical: the value directly below the label (not part of a table); a row of units between
  // the labels and the values (用地面积 | 容积率 over ㎡ | (blank), then 31200 | 2.2) gives its units
  let br = (label.mergeBottom ?? label.r) + 1;
  let vUnit = m.unitRaw;
  // a row of units (at least two) under a row of labels
  if (unitCells(g.rows[br] ?? []) >= 2) {
    const u = cellAt(g, br, label.c);
    if (u && u.kind === 'string') vUnit = u.str!.trim();
    markUsed(s, u);
    br++;
  }
  const below = cellAt(g, br, label.c);
  if (below && !s.claimed.has(key(br, label.c)) && !(below.kind === 'string' && matchLabel(below.str!)) && (header || isNumericLike(below))) {
    // A column of numbers below (集中绿地 6200, 宅间绿地 5800, …, 合计 15330): the label heads a
    // data column, and its first item is not the quantity.
    const next = cellAt(g, br + 1, label.c);
    if (next && isNumericLike(next) && isNumericLike(below)) return null;
    return { value: below, unitRaw: vUnit, considered: [below] };
  }
  return null;
}

/**
 * The cell right of a building-name label is another column's title, not a name, when it is not
 * itself a building name and the label has building names below it, or the cell is an indicator's
 * label ("楼号 | 建筑面积").
 */
function columnTitle(s: Sheet, label: GCell, c: GCell): boolean {
  if (c.kind !== 'string' || looksLikeBuilding(c.raw.trim())) return false;
  const m = matchLabel(c.raw.trim());
  if (m && m.ids[0] !== BUILDING_NAME) return true;
  const below = cellAt(s.g, (label.mergeBottom ?? label.r) + 1, label.c);
  return !!below && below.kind === 'string' && looksLikeBuilding(below.raw.trim());
}
