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

const SITE = 'site_area';
const CEDED = 'ceded_land_area';
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

/** The 代征 parts of a store: the ceded_land_area reading (its line items) and 用地面积 readings labelled as such. */
function cededParts(store: Record<string, ImportedValue>, readings: Reading[]): Reading[] {
  const c = store[CEDED];
  const own = c?.status === 'ok' && typeof c.value === 'number' ? (c.parts?.length ? c.parts.map((p) => ({ ...p, status: 'ok' as const })) : [c]) : [];
  return [...own, ...readings.filter((r) => siteKind(r.label) === 'ceded')];
}

/**
 * Resolves the 用地面积 of each store stated as a total, its 代征 parts and (optionally) the net land.
 * Removes the conflict warnings it settles from `issues` and adds one where the parts do not add up.
 */
export function resolveSiteParts(stores: Iterable<Record<string, ImportedValue>>, issues: ImportIssue[]): void {
  for (const store of stores) {
    const kept = store[SITE];
    if (!kept || kept.status !== 'ok') continue;
    const all: Reading[] = [kept, ...(kept.conflicts ?? [])];
    if (all.some((r) => r.status !== 'ok' || typeof r.value !== 'number')) continue;
    const ceded = cededParts(store, all);
    const by = (k: Kind) => all.filter((r) => siteKind(r.label) === k);
    const net = by('net');
    const gross = by('gross');
    const totals = [...gross, ...by('plain')];
    // a total and at least one part handed over; at most one net figure; nothing else
    if (!ceded.length || totals.length !== 1 || net.length > 1) continue;
    const total = totals[0].value as number;
    const rest = total - ceded.reduce((s, r) => s + (r.value as number), 0);
    const sum = `${cite(totals[0])} − ${ceded.map(cite).join(' − ')} = ${fmt(rest)} m²`;
    if (net.length && !close(rest, net[0].value as number)) {
      issues.push({ level: 'warning', message: `用地面积的组成不相符：${sum}，与${cite(net[0])}不一致，需复核`, source: net[0].source, indicator: SITE });
      (kept.conflicts ??= []).push(...ceded.filter((c) => !all.some((r) => r.source === c.source)).map((c) => ({ ...c, label: c.label })));
      continue;
    }
    if (!net.length && !gross.length) {
      // "用地面积" does not say whether it is the total or the net land: both stand, to be reviewed
      (kept.conflicts ??= []).push({ value: Number(rest.toPrecision(12)), raw: `${totals[0].raw} − ${ceded.map((r) => r.raw).join(' − ')}`, source: ceded[0].source, label: '扣除代征部分后的用地面积', status: 'ok' });
      issues.push({ level: 'warning', message: `${cite(totals[0])}之外另列有代征部分，未说明是总用地面积还是净用地面积：${sum}，需复核`, source: totals[0].source, indicator: SITE });
      continue;
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
    const v: ImportedValue = {
      indicator: SITE,
      value: from ? (from.value as number) : Number(rest.toPrecision(12)),
      raw: from ? from.raw : `${totals[0].raw} − ${ceded.map((r) => r.raw).join(' − ')}`,
      source: from ? from.source : totals[0].source,
      label: from ? from.label : `${totals[0].label}（扣除代征部分）`,
      interpretation,
      status: 'ok',
      remark: parts.basisRemark,
    };
    store[SITE] = v;
  }
}
