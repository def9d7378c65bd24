// The land of a parcel stated in parts (docs/reading-sheets.md §6, shared/data/site-area-parts.json):
// 总用地面积 30000 / 其中：代征道路用地面积 4000 / 净用地面积 26000 are not three statements of one
// 用地面积 but a total, a part handed over to the city and the net land the parcel's ratios are
// taken over (GB 50180-2018 附录A). When the parts add up (30000 − 4000 = 26000) the net land
// is the 用地面积 and the readings no longer conflict; when they do not, the conflict stays and a
// warning names the cells and the sum.
import parts from '../data/site-area-parts.json';
import sums from '../data/area-sums.json';
import type { ImportedValue, ImportIssue } from '../model/types';
import { fold } from './text';
import { parseRef } from './formulas';

const SITE = 'site_area';
const CEDED = 'ceded_land_area';
/** How many rows below (or columns right of) the total its parts may be written. */
const NEAR = 6;
type Kind = 'ceded' | 'net' | 'gross' | 'plain';
type Reading = Pick<ImportedValue, 'value' | 'raw' | 'source' | 'label' | 'status'>;

const WORDS: Array<[Kind, string[]]> = [
  ['ceded', parts.ceded.map(fold)],
  ['net', parts.net.map(fold)],
  ['gross', parts.gross.map(fold)],
];

/** What a 用地面积 label names: a part handed over, the net land, the total, or it does not say. */
export function siteKind(label: string): Kind {
  const f = fold(label);
  for (const [kind, words] of WORDS) if (words.some((w) => f.includes(w))) return kind;
  return 'plain';
}

const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(sums.tolerance.absolute, sums.tolerance.relative * Math.max(Math.abs(a), Math.abs(b)));
const fmt = (n: number) => String(Number(n.toPrecision(12)));
const cite = (r: Reading) => `${r.label.replace(/^(其中|含)[:：]?/, '')} ${r.raw}（${r.source}）`;

/** The ceded_land_area line items of a store (each row of 代征道路 / 代征绿地), or []. */
function cededItems(store: Record<string, ImportedValue>): Reading[] {
  const c = store[CEDED];
  return c?.status === 'ok' && typeof c.value === 'number' ? (c.parts?.length ? c.parts.map((p) => ({ ...p, status: 'ok' as const })) : [c]) : [];
}

/**
 * Written right after `total`, below it in its column or right of it in a row of keys, with only
 * cells of `chain` (the other parts, the net land) in between.
 */
function after(total: string, r: Reading, chain: readonly Reading[]): boolean {
  const t = parseRef(total);
  const x = parseRef(r.source);
  if (!t || !x || x.sheet !== t.sheet) return false;
  const cells = new Set(chain.map((c) => c.source.replace(/\$/g, '')));
  const at = (rr: number, cc: number) => `${t.sheet}!${colName(cc)}${rr}`;
  for (const [dr, dc] of [[1, 0], [0, 1]]) {
    for (let k = 1; k <= NEAR && cells.has(at(t.r + k * dr, t.c + k * dc)); k++) if (x.r === t.r + k * dr && x.c === t.c + k * dc) return true;
  }
  return false;
}

function colName(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Resolves the 用地面积 of each store stated as a total, its 代征 parts and (optionally) the net land.
 * Removes the conflict warnings it settles from `issues` and adds one where the parts do not add up.
 * 代征 rows written elsewhere are never dropped: under 绿地面积 they are a remark on it (the green
 * then includes land that is not the parcel's), else a conflict of the 用地面积, both 需复核.
 */
export function resolveSiteParts(stores: Iterable<Record<string, ImportedValue>>, issues: ImportIssue[]): void {
  for (const store of stores) if (!resolveOne(store, issues)) keepCeded(store, issues);
}

/** False when the store's 代征 line items were not taken as parts of its 用地面积. */
function resolveOne(store: Record<string, ImportedValue>, issues: ImportIssue[]): boolean {
  const kept = store[SITE];
  if (!kept || kept.status !== 'ok') return false;
  const all: Reading[] = [kept, ...(kept.conflicts ?? [])];
  if (all.some((r) => r.status !== 'ok' || typeof r.value !== 'number')) return false;
  const by = (k: Kind) => all.filter((r) => siteKind(r.label) === k);
  const net = by('net');
  const gross = by('gross');
  const totals = [...gross, ...by('plain')];
  // one total; at most one net figure; the 代征 rows written right after the total
  if (totals.length !== 1 || net.length > 1) return false;
  const items = cededItems(store);
  const own = items.length && items.every((r) => after(totals[0].source, r, [...items, ...all])) ? items : [];
  const ceded = [...own, ...by('ceded')];
  if (!ceded.length) return false;
  const total = totals[0].value as number;
  const rest = total - ceded.reduce((s, r) => s + (r.value as number), 0);
  const sum = `${cite(totals[0])} − ${ceded.map(cite).join(' − ')} = ${fmt(rest)} m²`;
  if (net.length && !close(rest, net[0].value as number)) {
    issues.push({ level: 'warning', message: `用地面积的组成不相符：${sum}，与${cite(net[0])}不一致，需复核`, source: net[0].source, indicator: SITE });
    (kept.conflicts ??= []).push(...own);
    return own.length > 0;
  }
  if (!net.length && !gross.length) {
    // "用地面积" does not say whether it is the total or the net land: both stand, to be reviewed
    (kept.conflicts ??= []).push({ value: Number(rest.toPrecision(12)), raw: `${totals[0].raw} − ${ceded.map((r) => r.raw).join(' − ')}`, source: ceded[0].source, label: '扣除代征部分后的用地面积', status: 'ok' });
    issues.push({ level: 'warning', message: `${cite(totals[0])}之外另列有代征部分，未说明是总用地面积还是净用地面积：${sum}，需复核`, source: totals[0].source, indicator: SITE });
    return own.length > 0;
  }
  const settled = new Set(all.map((r) => r.source));
  for (let i = issues.length - 1; i >= 0; i--) {
    const x = issues[i];
    if (x.indicator === SITE && x.source && settled.has(x.source) && /出现两次且数值不同/.test(x.message)) issues.splice(i, 1);
  }
  const from = net[0];
  const interpretation = from
    ? `${cite(from)}；${sum}，与之相符：代征部分不属于建设用地，容积率、绿地率、建筑密度以净用地面积为基数（GB 50180-2018 附录A）`
    : `${sum}：代征部分不属于建设用地，净用地面积按总用地面积减去代征部分计，容积率、绿地率、建筑密度以净用地面积为基数（GB 50180-2018 附录A）`;
  store[SITE] = {
    indicator: SITE,
    value: from ? (from.value as number) : Number(rest.toPrecision(12)),
    raw: from ? from.raw : `${totals[0].raw} − ${ceded.map((r) => r.raw).join(' − ')}`,
    source: from ? from.source : totals[0].source,
    label: from ? from.label : `${totals[0].label}（扣除代征部分）`,
    interpretation,
    status: 'ok',
    remark: parts.basisRemark,
  };
  return own.length > 0;
}

/** 代征 rows not taken as parts of the 用地面积: a remark on 绿地面积 when written under it, else a conflict of the 用地面积. */
function keepCeded(store: Record<string, ImportedValue>, issues: ImportIssue[]): void {
  const items = cededItems(store);
  if (!items.length) return;
  const words = items.map((r) => `${r.label.replace(/^(其中|含)[:：]?/, '')}${r.raw}`).join('、');
  const green = store.green_area;
  if (green && items.every((r) => after(green.source, r, items))) {
    green.remark = green.remark ? `${green.remark}；含${words}` : `含${words}`;
    green.interpretation += `；其下列有${words}（${items.map((r) => r.source).join('、')}），代征绿地不属于本宗地的绿地`;
    return;
  }
  const site = store[SITE];
  if (!site) return;
  (site.conflicts ??= []).push(...items);
  issues.push({ level: 'warning', message: `${words}（${items.map((r) => r.source).join('、')}）未写在用地面积之下，不能确定用地面积是否已扣除代征部分，需复核`, source: items[0].source, indicator: SITE });
}
