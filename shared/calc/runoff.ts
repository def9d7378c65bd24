// 年径流总量控制率 by the 容积法 V = 10·H·φ·F (docs/domain/runoff.md §3; 《海绵城市建设技术指南》), checked zone by
// zone when the sheet splits the site into 汇水分区: storage is not pooled across zones
// (docs/evidence-policy.md, “Runoff by 汇水分区”).
import coeffs from '../data/standards/runoff-coefficients.json';
import type { Calculation, ImportedFacility, ImportedSurface } from '../model/types';
import type { CalcContext } from './context';
import { CalcBuilder, fmt, getNumber, round } from './inputs';
import { alphaForDepth, depthForAlpha, rainfallTableFor, type RainfallPoint, type RainfallTable } from './rainfall';

const CLAUSE = '《海绵城市建设技术指南》容积法 V = 10·H·φ·F；GB 50014-2021 附录A';
const FORMULA = 'V = 10·H·φ·F（F 以 hm² 计，即 V[m³] = H[mm] × φ × F[m²] / 1000）；H_eff = V_provided / (10·φ·F)；分区校核：各汇水分区 V_provided,i ≥ 10·H·φ_i·F_i';

/** Relative difference above which a stated total and the sum of its parts disagree. */
const REL_TOL = 0.01;

/** Indicator ids this calculator reads (an unread table holding any of them leaves the result open). */
export const RUNOFF_INPUTS: readonly string[] = [
  'runoff_capture',
  'design_rainfall',
  'catchment_area',
  'runoff_coefficient',
  'storage_required',
  'storage_provided',
];

interface CoeffEntry {
  name: string;
  synonyms: string[];
  psi: [number, number];
  status: string;
  source: string;
}
const COEFFS = coeffs.surfaces as unknown as CoeffEntry[];

const norm = (s: string) =>
  s
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/＜/g, '<')
    .replace(/＞/g, '>')
    .replace(/≧/g, '≥');

const zoneKey = (z: string | undefined) => (z ? z.normalize('NFKC').replace(/\s+/g, '') : '');
const zoneName = (key: string) => (key ? `汇水分区“${key}”` : '未标明分区的部分');

/** The coefficient-table entry whose name or synonym is the longest match inside a surface name. */
export function lookupCoefficient(surfaceName: string): CoeffEntry | undefined {
  const n = norm(surfaceName);
  let best: { e: CoeffEntry; len: number } | undefined;
  for (const e of COEFFS) {
    for (const key of [e.name, ...e.synonyms].map(norm)) {
      if (n.includes(key) && (!best || key.length > best.len)) best = { e, len: key.length };
    }
  }
  return best?.e;
}

/**
 * Σψ·A / ΣA over the surface rows; null when a row's coefficient cannot be determined, or a row's
 * area cannot be read: leaving a surface out changes φ and F in either direction (a roof left out
 * lowers both), so nothing is recomputed from the rest.
 */
function phiFromSurfaces(b: CalcBuilder, surfaces: ImportedSurface[], prefix = ''): { phi: number; area: number } | null {
  const terms: string[] = [];
  let sumPsiA = 0;
  let sumA = 0;
  for (const s of surfaces) {
    if (s.area === null || !Number.isFinite(s.area) || s.area < 0) {
      b.note(`下垫面“${s.name}”（${s.source}）面积缺失或无法识别，无法由下垫面计算综合径流系数`);
      return null;
    }
    if (s.area === 0) continue;
    let psi = s.coefficient;
    if (psi === null || !Number.isFinite(psi) || psi < 0 || psi > 1) {
      if (psi !== null) b.note(`下垫面“${s.name}”（${s.source}）径流系数 ${psi} 不在 0–1 之间，改按系数表取值`);
      const e = lookupCoefficient(s.name);
      if (!e) {
        b.note(`下垫面“${s.name}”（${s.source}）未给出径流系数，且系数表中无此下垫面，无法由下垫面计算综合径流系数`);
        return null;
      }
      b.status(e.status);
      psi = e.psi[1];
      const extra = [e.psi[0] === e.psi[1] ? '' : `系数范围 ${e.psi[0]}–${e.psi[1]}，取上限`, e.status !== 'CONFIRMED' ? '该系数未核实' : '']
        .filter(Boolean)
        .join('；');
      b.note(`下垫面“${s.name}”（${s.source}）未给出径流系数，按系数表“${e.name}”取 ${psi}${extra ? `（${extra}）` : ''}`);
    }
    b.useRaw({ label: `下垫面：${s.name}`, value: s.area, unit: 'm²', source: s.source });
    sumPsiA += psi * s.area;
    sumA += s.area;
    terms.push(`${fmt(psi, 3)}×${fmt(s.area)}`);
  }
  if (sumA <= 0) return null;
  const phi = round(sumPsiA / sumA, 3); // φ to 3 decimals, as used in every later step
  b.step(`${prefix}φ = Σψ·A / ΣA = (${terms.join(' + ')}) / ${fmt(sumA)} = ${fmt(phi, 3)}`);
  return { phi, area: sumA };
}

/** The facility rows whose volume is missing, unreadable or negative. */
const unreadableFacilities = (facilities: ImportedFacility[]) =>
  facilities.filter((f) => f.volume === null || !Number.isFinite(f.volume) || f.volume < 0);

/**
 * Σ effective volume of facility rows. Unreadable volumes are left out of the sum and returned:
 * the sum is then only a lower bound on the storage, which the caller must not use to refute.
 */
function storageOf(b: CalcBuilder, facilities: ImportedFacility[]): { sum: number; terms: string[]; unreadable: ImportedFacility[] } {
  const unreadable = unreadableFacilities(facilities);
  let sum = 0;
  const terms: string[] = [];
  for (const f of facilities) {
    if (unreadable.includes(f)) {
      b.note(`调蓄设施“${f.name}”（${f.source}）调蓄容积缺失或无法识别，未计入`);
      continue;
    }
    b.useRaw({ label: `调蓄设施：${f.name}`, value: f.volume, unit: 'm³', source: f.source });
    sum += f.volume as number;
    terms.push(fmt(f.volume as number, 1));
  }
  return { sum: round(sum, 2), terms, unreadable };
}

/**
 * Without φ or F the engine cannot recompute V, but the sheet's own needed volume (需调蓄容积) and
 * its own provided storage (实际/设计提供的调蓄容积, or the facility rows) can still refute it: storage
 * short of the sheet's own need at a design rainfall no higher than the contract's never supports
 * the declared rate. Never a support: false or undefined.
 */
function ownShortfall(
  b: CalcBuilder,
  gVr: ReturnType<typeof getNumber>,
  gVp: ReturnType<typeof getNumber>,
  facilities: ImportedFacility[],
  Hc: number | undefined,
  Hsheet: number | null,
): false | undefined {
  if (gVr.kind !== 'ok') return undefined;
  // the sheet's need at a higher H than the contract asks overstates the contract's need
  if (Hc !== undefined && Hsheet !== null && Hsheet > Hc + 0.05) return undefined;
  let Vp: number;
  let src: string;
  if (gVp.kind === 'ok') {
    Vp = gVp.value;
    src = gVp.iv.source;
  } else if (facilities.length && unreadableFacilities(facilities).length === 0) {
    Vp = round(facilities.reduce((s, f) => s + (f.volume as number), 0), 2);
    src = facilities[0].source;
  } else return undefined;
  if (Vp >= gVr.value - 1e-9) return undefined;
  b.use(gVr.iv);
  if (gVp.kind === 'ok') b.use(gVp.iv);
  b.leadNote(`调蓄容积 ${fmt(Vp, 1)} m³（${src}）小于表格自列的需调蓄容积 ${fmt(gVr.value, 1)} m³（${gVr.iv.source}）`);
  return false;
}

function takePoints(b: CalcBuilder, pts: RainfallPoint[]): void {
  for (const p of pts) b.status(p.status);
}

/** α_eff for an effective depth, rounded down to 0.1 % (docs/domain/runoff.md §3.1), with its step. */
function alphaEff(b: CalcBuilder, table: RainfallTable, Heff: number, prefix: string): number | null {
  const a = alphaForDepth(table, Heff);
  if (!a) return null;
  takePoints(b, [a.lo, a.hi]);
  const alpha = Math.floor(a.alpha * 10 + 1e-9) / 10;
  b.step(
    a.lo === a.hi
      ? `${prefix}α_eff = ${fmt(alpha, 1)}%（${table.city}表：H = ${a.lo.H} mm 对应 ${a.lo.alpha}%）`
      : `${prefix}α_eff = ${a.lo.alpha} + (${fmt(Heff)} − ${a.lo.H}) / (${a.hi.H} − ${a.lo.H}) × (${a.hi.alpha} − ${a.lo.alpha}) = ${fmt(alpha, 1)}%（${table.city}表插值，向下取至 0.1%）`,
  );
  return alpha;
}

interface ZoneResult {
  zone: string;
  F: number;
  phi: number;
  V_required: number;
  V_provided: number;
  H_eff: number;
  alpha_eff: number | null;
  short: boolean;
}

export function computeRunoff(ctx: CalcContext): Calculation | null {
  const b = new CalcBuilder('runoff', 'runoff_capture', ctx);
  const v = ctx.values;
  const facilities = ctx.facilities ?? [];
  const gVp = getNumber(v, 'storage_provided');
  const gVr = getNumber(v, 'storage_required');
  const gH = getNumber(v, 'design_rainfall');
  const gAlpha = getNumber(v, 'runoff_capture');
  const gF = getNumber(v, 'catchment_area');
  const gPhi = getNumber(v, 'runoff_coefficient');
  if (gVp.kind === 'absent' && gVr.kind === 'absent' && facilities.length === 0) return null;
  if (ctx.surfaces.length === 0 && gF.kind === 'absent' && gPhi.kind === 'absent') {
    // no φ and no F (所需调蓄容积 352 | 调蓄容积合计 310): only the sheet's own need against its storage
    const Hsheet = gH.kind === 'ok' ? gH.value : null;
    const short = ownShortfall(b, gVr, gVp, facilities, ctx.companion?.design_rainfall, Hsheet);
    return short === false ? b.build(null, CLAUSE, FORMULA, { H: Hsheet }, false) : null;
  }

  // φ over the whole site
  let phi: number | null = null;
  let surfaceArea: number | null = null;
  if (ctx.surfaces.length) {
    const r = phiFromSurfaces(b, ctx.surfaces);
    if (r) {
      phi = r.phi;
      surfaceArea = r.area;
    }
  }
  if (gPhi.kind === 'ok') {
    b.use(gPhi.iv);
    if (phi === null) {
      phi = gPhi.value;
      b.step(`φ = ${fmt(phi, 3)}（表格所填综合雨量径流系数，${gPhi.iv.source}）`);
    } else if (Math.abs(gPhi.value - phi) > 0.01) {
      b.contradict('综合雨量径流系数', gPhi.value, phi, gPhi.iv.source, 3);
    }
  } else if (phi === null && !b.noteBad(gPhi)) {
    // a surface table with a row nobody could read: φ and F are stated there but unknown
    for (const s of ctx.surfaces.filter((x) => x.area === null || !Number.isFinite(x.area) || x.area < 0))
      b.undetermine('unreadable', s.source, `下垫面“${s.name}”（${s.source}）面积缺失或无法识别，无法确定综合径流系数`);
  }

  // F
  let F: number | null = null;
  if (gF.kind === 'ok') {
    b.use(gF.iv);
    F = gF.value;
    b.step(`F = ${fmt(F)} m²（汇水面积，${gF.iv.source}）`);
    if (surfaceArea !== null && F > 0 && Math.abs(surfaceArea - F) / F > REL_TOL) b.contradict('汇水面积', F, surfaceArea, gF.iv.source, 0);
  } else {
    b.noteBad(gF);
    if (surfaceArea !== null) {
      F = surfaceArea;
      b.step(`F = ${fmt(F)} m²（各下垫面面积之和）`);
    }
  }

  // H for the declared target
  const table: RainfallTable | undefined = ctx.options?.rainfallTable ?? rainfallTableFor(ctx.city);
  let H: number | null = null;
  // where H came from (details.H_from): the sheet, the city table, or the contract (companion)
  let Hfrom: 'sheet' | 'table' | 'contract' | null = null;
  let alphaDecl: number | null = null;
  if (gAlpha.kind === 'ok') {
    alphaDecl = gAlpha.value;
    b.use(gAlpha.iv);
  }
  if (gH.kind === 'ok') {
    b.use(gH.iv);
    H = gH.value;
    Hfrom = 'sheet';
    b.step(`H = ${fmt(H)} mm（表格所填设计降雨量，${gH.iv.source}）`);
    const d = alphaDecl !== null && table ? depthForAlpha(table, alphaDecl) : null;
    if (d && table && Math.abs(d.H - H) > 0.5) {
      takePoints(b, [d.lo, d.hi]);
      // A stated H that disagrees with a confirmed city table is a contradiction; with table
      // points not yet confirmed it is only a note.
      if ([d.lo, d.hi].every((p) => p.status === 'CONFIRMED')) b.contradict('设计降雨量', H, round(d.H, 2), gH.iv.source, 1, `${table.city}降雨量表中 ${fmt(alphaDecl!)}% 对应的`);
      else b.note(`表格所填设计降雨量 ${fmt(H)} mm（${gH.iv.source}）与${table.city}降雨量表中 ${fmt(alphaDecl!)}% 对应的 ${fmt(d.H)} mm 不一致`);
    }
  } else {
    b.noteBad(gH);
    if (alphaDecl !== null && table) {
      const d = depthForAlpha(table, alphaDecl);
      if (d) {
        takePoints(b, [d.lo, d.hi]);
        H = round(d.H, 2);
        Hfrom = 'table';
        b.step(
          d.lo === d.hi
            ? `H = ${fmt(H)} mm（${table.city}：年径流总量控制率 ${fmt(alphaDecl)}% 对应设计降雨量；${d.lo.source}）`
            : `H = ${d.lo.H} + (${fmt(alphaDecl)} − ${d.lo.alpha}) / (${d.hi.alpha} − ${d.lo.alpha}) × (${d.hi.H} − ${d.lo.H}) = ${fmt(H)} mm（${table.city} α→H 表插值）`,
        );
      } else {
        b.note(`${table.city}降雨量表中无法查得 ${fmt(alphaDecl)}% 对应的设计降雨量${table.note ? `（${table.note}）` : ''}`);
      }
    } else if (alphaDecl !== null) {
      b.note(`未提供设计降雨量，且没有${ctx.city ?? '本市'}的年径流总量控制率—设计降雨量对照表`);
    }
  }

  // The contract's own 设计降雨量 (对应设计降雨量22.2mm, stated with the requirement) decides how
  // much storage the requirement needs; the sheet's H or the city table only stand in without it.
  const Hc = ctx.companion?.design_rainfall;
  const Hsheet = H;
  if (Hc !== undefined && Number.isFinite(Hc) && Hc > 0) {
    if (H !== null && Math.abs(H - Hc) > 0.05)
      b.note(`${H < Hc ? '表格所填（或查表所得）设计降雨量' : '表格所填设计降雨量'} ${fmt(H)} mm 与合同所列设计降雨量 ${fmt(Hc)} mm 不同，按合同所列数值校核调蓄容积`);
    H = Hc;
    Hfrom = 'contract';
    b.step(`H = ${fmt(H)} mm（合同所列设计降雨量）`);
  }

  const details: Record<string, unknown> = { H, H_from: Hfrom, phi, F };
  if (phi === null || F === null || F <= 0) {
    if (phi === null) b.note('无法确定综合雨量径流系数 φ');
    if (F === null || F <= 0) b.note('无法确定汇水面积 F');
    return b.build(null, CLAUSE, FORMULA, details, ownShortfall(b, gVr, gVp, facilities, Hc, Hsheet));
  }

  let Vreq: number | null = null;
  if (H !== null) {
    Vreq = round((H * phi * F) / 1000, 2);
    details.V_required = Vreq;
    b.step(`V_required = 10 × ${fmt(H)} × ${fmt(phi, 3)} × ${fmt(F / 10000, 4)} hm² = ${fmt(Vreq, 1)} m³`);
    if (gVr.kind === 'ok') {
      b.use(gVr.iv);
      details.V_required_declared = gVr.value;
      // the sheet's 需调蓄容积 follows the sheet's own H: a contradiction only against that
      const own = Hsheet !== null ? round((Hsheet * phi * F) / 1000, 2) : null;
      if (own !== null && own > 0 && Math.abs(gVr.value - own) / own > REL_TOL) b.contradict('需调蓄容积', gVr.value, own, gVr.iv.source, 1);
    }
  }

  // V_provided: the stated total, or the sum of the facility rows; both → they must agree.
  let Vp: number | null = null;
  let VpSource: string | undefined;
  const facSum = facilities.length ? storageOf(b, facilities) : null;
  if (facSum) {
    details.V_facilities = facSum.sum;
    b.step(`调蓄设施容积合计 = ${facSum.terms.length ? facSum.terms.join(' + ') : '0'} = ${fmt(facSum.sum, 1)} m³`);
  }
  if (gVp.kind === 'ok') {
    b.use(gVp.iv);
    Vp = gVp.value;
    VpSource = gVp.iv.source;
    if (facSum && facSum.unreadable.length === 0 && Math.abs(gVp.value - facSum.sum) > REL_TOL * Math.max(gVp.value, facSum.sum))
      b.contradict('实际调蓄容积', gVp.value, facSum.sum, gVp.iv.source, 1);
  } else if (facSum) {
    b.noteBad(gVp);
    if (facSum.unreadable.length) {
      // The storage is then unknown: its readable part can neither support nor refute the rate.
      for (const f of facSum.unreadable) b.undetermine('unreadable', f.source, `调蓄设施“${f.name}”（${f.source}）调蓄容积缺失或无法识别，无法确定实际调蓄容积`);
      return b.build(null, CLAUSE, FORMULA, details);
    }
    Vp = facSum.sum;
    VpSource = facilities[0]?.source;
  }
  if (Vp === null) {
    if (!b.noteBad(gVp)) b.note('未提供实际调蓄容积，无法复核年径流总量控制率');
    return b.build(null, CLAUSE, FORMULA, details);
  }
  details.V_provided = Vp;

  // Zones: each zone's storage against its own V; no pooling (docs/evidence-policy.md).
  const zoned = ctx.surfaces.some((s) => zoneKey(s.zone) !== '');
  if (zoned && H !== null) {
    const zr = checkZones(b, ctx.surfaces, facilities, H, table);
    if (zr) {
      details.zones = zr.zones;
      const shortZones = zr.zones.filter((z) => z.short);
      if (shortZones.length) {
        const z = shortZones[0];
        b.leadNote(
          `${zoneName(z.zone)}的调蓄容积 ${fmt(z.V_provided, 1)} m³ 小于该分区设计降雨量 ${fmt(H)} mm 所需的 ${fmt(z.V_required, 1)} m³（V = 10·H·φ·F，各分区调蓄容积不能互相调剂）` +
            (shortZones.length > 1 ? `；另有 ${shortZones.length - 1} 个分区不足` : ''),
        );
        return b.build(null, CLAUSE, FORMULA, details, false);
      }
      const alphas = zr.zones.map((z) => z.alpha_eff);
      if (alphas.length && alphas.every((a): a is number => a !== null)) {
        const alpha = Math.min(...alphas);
        details.alpha_eff = alpha;
        b.unconfirmed = true;
        b.note('场地年径流总量控制率取各汇水分区达到的控制率中的最小值（保守估计，标准未规定分区合成方法）');
        b.step(`α_eff = min(${alphas.map((a) => fmt(a, 1)).join('，')}) = ${fmt(alpha, 1)}%`);
        return b.build(alpha, CLAUSE, FORMULA, details);
      }
      return b.build(null, CLAUSE, FORMULA, details, true);
    }
    // Not attributable zone by zone: check the pooled total, which can only refute.
    b.unconfirmed = true;
  }

  const Heff = round((Vp * 1000) / (phi * F), 2);
  details.H_eff = Heff;
  b.step(`H_eff = V_provided / (10·φ·F) = ${fmt(Vp, 1)} / (10 × ${fmt(phi, 3)} × ${fmt(F / 10000, 4)}) = ${fmt(Heff)} mm`);

  let supports = Vreq !== null ? Vp >= Vreq - 1e-9 : undefined;
  if (Vreq !== null)
    b.step(`实际调蓄容积 ${fmt(Vp, 1)} m³ ${supports ? '≥' : '<'} 需调蓄容积 ${fmt(Vreq, 1)} m³，${supports ? '满足' : '不满足'}设计降雨量 ${fmt(H!)} mm 的控制要求`);
  // Pooled storage of a zoned site that could not be checked zone by zone cannot confirm anything.
  if (zoned && supports) supports = undefined;

  if (supports === false)
    b.leadNote(`实际调蓄容积 ${fmt(Vp, 1)} m³（${VpSource ?? '调蓄设施表'}）小于设计降雨量 ${fmt(H!)} mm 所需的 ${fmt(Vreq!, 1)} m³（V = 10·H·φ·F）`);

  if (table && !zoned) {
    const alpha = alphaEff(b, table, Heff, '');
    if (alpha !== null) {
      details.alpha_eff = alpha;
      return b.build(alpha, CLAUSE, FORMULA, details);
    }
    const pts = [...table.points].sort((x, y) => x.H - y.H);
    const below = pts.filter((p) => p.H <= Heff).pop();
    if (below) {
      details.alphaAtLeast = below.alpha;
      takePoints(b, [below]);
      b.step(`${table.city}表中 H_eff = ${fmt(Heff)} mm 超出表列范围，只能判断 α_eff ≥ ${below.alpha}%（H = ${below.H} mm）`);
    } else {
      b.note(`${table.city}降雨量表无可用于 H_eff = ${fmt(Heff)} mm 插值的数据点${table.note ? `（${table.note}）` : ''}`);
    }
  } else if (!table) {
    b.note(`没有${ctx.city ?? '本市'}的年径流总量控制率—设计降雨量对照表，无法由 H_eff 反算控制率`);
  }
  return b.build(null, CLAUSE, FORMULA, details, supports);
}

/**
 * Zone-by-zone check: V_required,i = 10·H·φ_i·F_i against the storage of the facilities of zone i.
 * Null when the facilities cannot be attributed to zones (no facility table, or rows without a zone).
 */
function checkZones(
  b: CalcBuilder,
  surfaces: ImportedSurface[],
  facilities: ImportedFacility[],
  H: number,
  table: RainfallTable | undefined,
): { zones: ZoneResult[] } | null {
  if (facilities.length === 0) {
    b.note('下垫面按汇水分区列出，但表格未按分区列出调蓄设施，无法逐区校核（各分区调蓄容积不能互相调剂），仅按全场合计校核');
    return null;
  }
  const unzoned = facilities.filter((f) => zoneKey(f.zone) === '');
  if (unzoned.length) {
    b.note(`调蓄设施“${unzoned.map((f) => f.name).join('”“')}”未标明所属汇水分区，无法逐区校核，仅按全场合计校核`);
    return null;
  }
  const unreadable = unreadableFacilities(facilities);
  if (unreadable.length) {
    b.note(`调蓄设施“${unreadable.map((f) => f.name).join('”“')}”调蓄容积无法识别，无法逐区校核，仅按全场合计校核`);
    return null;
  }
  const keys = [...new Set(surfaces.map((s) => zoneKey(s.zone)))];
  for (const f of facilities) {
    if (!keys.includes(zoneKey(f.zone)))
      b.note(`调蓄设施“${f.name}”（${f.source}）所属的汇水分区“${f.zone}”在下垫面表中没有，其容积未计入任何分区`);
  }
  const zones: ZoneResult[] = [];
  for (const key of keys) {
    const name = zoneName(key);
    const r = phiFromSurfaces(
      b,
      surfaces.filter((s) => zoneKey(s.zone) === key),
      `${name}：`,
    );
    if (!r) {
      b.note(`${name}无法确定综合径流系数，无法逐区校核`);
      return null;
    }
    const st = storageOf(b, facilities.filter((f) => zoneKey(f.zone) === key));
    const Vreq = round((H * r.phi * r.area) / 1000, 2);
    const Heff = round((st.sum * 1000) / (r.phi * r.area), 2);
    const short = st.sum < Vreq - 1e-9;
    b.step(
      `${name}：V_required = 10 × ${fmt(H)} × ${fmt(r.phi, 3)} × ${fmt(r.area / 10000, 4)} hm² = ${fmt(Vreq, 1)} m³；调蓄容积 ${st.terms.length ? st.terms.join(' + ') : '0'} = ${fmt(st.sum, 1)} m³ ${short ? '<' : '≥'} ${fmt(Vreq, 1)} m³，${short ? '不满足' : '满足'}`,
    );
    const alpha = table ? alphaEff(b, table, Heff, `${name}：H_eff = ${fmt(Heff)} mm，`) : null;
    zones.push({ zone: key, F: r.area, phi: r.phi, V_required: Vreq, V_provided: st.sum, H_eff: Heff, alpha_eff: alpha, short });
  }
  return { zones };
}
