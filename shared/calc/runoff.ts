// 年径流总量控制率 by the 容积法 V = 10·H·φ·F (runoff.md §3; 《海绵城市建设技术指南》).
import coeffs from '../data/standards/runoff-coefficients.json';
import type { Calculation, ImportedSurface } from '../model/types';
import type { CalcContext } from './context';
import { CalcBuilder, fmt, getNumber, round } from './inputs';
import { alphaForDepth, depthForAlpha, rainfallTableFor, type RainfallPoint, type RainfallTable } from './rainfall';

const CLAUSE = '《海绵城市建设技术指南》容积法 V = 10·H·φ·F；GB 50014-2021 附录A';
const FORMULA = 'V = 10·H·φ·F（F 以 hm² 计，即 V[m³] = H[mm] × φ × F[m²] / 1000）；H_eff = V_provided / (10·φ·F)';

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

/** Σψ·A / ΣA over the surface rows; null when a row's coefficient cannot be determined. */
function phiFromSurfaces(b: CalcBuilder, surfaces: ImportedSurface[]): { phi: number; area: number } | null {
  const terms: string[] = [];
  let sumPsiA = 0;
  let sumA = 0;
  for (const s of surfaces) {
    if (s.area === null || !Number.isFinite(s.area) || s.area < 0) {
      b.note(`下垫面“${s.name}”（${s.source}）面积缺失或无效，未计入`);
      continue;
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
  b.step(`φ = Σψ·A / ΣA = (${terms.join(' + ')}) / ${fmt(sumA)} = ${fmt(phi, 3)}`);
  return { phi, area: sumA };
}

function usePoints(b: CalcBuilder, pts: RainfallPoint[]): void {
  for (const p of pts) b.status(p.status);
}

export function computeRunoff(ctx: CalcContext): Calculation | null {
  const b = new CalcBuilder('runoff', 'runoff_capture', ctx);
  const v = ctx.values;
  const gVp = getNumber(v, 'storage_provided');
  const gVr = getNumber(v, 'storage_required');
  const gH = getNumber(v, 'design_rainfall');
  const gAlpha = getNumber(v, 'runoff_capture');
  const gF = getNumber(v, 'catchment_area');
  const gPhi = getNumber(v, 'runoff_coefficient');
  if (gVp.kind === 'absent' && gVr.kind === 'absent') return null;
  if (ctx.surfaces.length === 0 && gF.kind === 'absent' && gPhi.kind === 'absent') return null;

  // φ
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
    if (phi === null) {
      b.use(gPhi.iv);
      phi = gPhi.value;
      b.step(`φ = ${fmt(phi, 3)}（表格所填综合雨量径流系数，${gPhi.iv.source}）`);
    } else if (Math.abs(gPhi.value - phi) > 0.01) {
      b.use(gPhi.iv);
      b.note(`表格所填综合雨量径流系数 ${fmt(gPhi.value, 3)}（${gPhi.iv.source}）与按下垫面复算的 ${fmt(phi, 3)} 不一致，按复算值计`);
    }
  } else if (phi === null) b.noteBad(gPhi);

  // F
  let F: number | null = null;
  if (gF.kind === 'ok') {
    b.use(gF.iv);
    F = gF.value;
    b.step(`F = ${fmt(F)} m²（汇水面积，${gF.iv.source}）`);
    if (surfaceArea !== null && Math.abs(surfaceArea - F) / F > 0.01)
      b.note(`下垫面面积合计 ${fmt(surfaceArea)} m² 与汇水面积 ${fmt(F)} m²（${gF.iv.source}）不一致`);
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
  let alphaDecl: number | null = null;
  if (gAlpha.kind === 'ok') {
    alphaDecl = gAlpha.value;
    b.use(gAlpha.iv);
  }
  if (gH.kind === 'ok') {
    b.use(gH.iv);
    H = gH.value;
    b.step(`H = ${fmt(H)} mm（表格所填设计降雨量，${gH.iv.source}）`);
    const d = alphaDecl !== null && table ? depthForAlpha(table, alphaDecl) : null;
    if (d && table && Math.abs(d.H - H) > 0.5) {
      usePoints(b, [d.lo, d.hi]);
      b.note(`表格所填设计降雨量 ${fmt(H)} mm（${gH.iv.source}）与${table.city}降雨量表中 ${fmt(alphaDecl!)}% 对应的 ${fmt(d.H)} mm 不一致`);
    }
  } else {
    b.noteBad(gH);
    if (alphaDecl !== null && table) {
      const d = depthForAlpha(table, alphaDecl);
      if (d) {
        usePoints(b, [d.lo, d.hi]);
        H = round(d.H, 2);
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

  const details: Record<string, unknown> = { H, phi, F };
  if (phi === null || F === null || F <= 0) {
    if (phi === null) b.note('无法确定综合雨量径流系数 φ');
    if (F === null || F <= 0) b.note('无法确定汇水面积 F');
    return b.build(null, CLAUSE, FORMULA, details);
  }

  let Vreq: number | null = null;
  if (H !== null) {
    Vreq = round((H * phi * F) / 1000, 2);
    details.V_required = Vreq;
    b.step(`V_required = 10 × ${fmt(H)} × ${fmt(phi, 3)} × ${fmt(F / 10000, 4)} hm² = ${fmt(Vreq, 1)} m³`);
    if (gVr.kind === 'ok') {
      b.use(gVr.iv);
      details.V_required_declared = gVr.value;
      if (Vreq > 0 && Math.abs(gVr.value - Vreq) / Vreq > 0.01)
        b.note(`表格所填需调蓄容积 ${fmt(gVr.value, 1)} m³（${gVr.iv.source}）与复算的 ${fmt(Vreq, 1)} m³ 相差超过 1%`);
    }
  }

  if (gVp.kind !== 'ok') {
    if (!b.noteBad(gVp)) b.note('未提供实际调蓄容积，无法复核年径流总量控制率');
    return b.build(null, CLAUSE, FORMULA, details);
  }
  b.use(gVp.iv);
  const Vp = gVp.value;
  details.V_provided = Vp;
  const Heff = round((Vp * 1000) / (phi * F), 2);
  details.H_eff = Heff;
  b.step(`H_eff = V_provided / (10·φ·F) = ${fmt(Vp, 1)} / (10 × ${fmt(phi, 3)} × ${fmt(F / 10000, 4)}) = ${fmt(Heff)} mm`);

  const supports = Vreq !== null ? Vp >= Vreq - 1e-9 : undefined;
  if (Vreq !== null)
    b.step(`实际调蓄容积 ${fmt(Vp, 1)} m³ ${supports ? '≥' : '<'} 需调蓄容积 ${fmt(Vreq, 1)} m³，${supports ? '满足' : '不满足'}设计降雨量 ${fmt(H!)} mm 的控制要求`);

  if (table) {
    const a = alphaForDepth(table, Heff);
    if (a) {
      usePoints(b, [a.lo, a.hi]);
      const alpha = Math.floor(a.alpha * 10 + 1e-9) / 10; // rounded down (runoff.md §3.1)
      details.alpha_eff = alpha;
      b.step(
        a.lo === a.hi
          ? `α_eff = ${fmt(alpha, 1)}%（${table.city}表：H = ${a.lo.H} mm 对应 ${a.lo.alpha}%）`
          : `α_eff = ${a.lo.alpha} + (${fmt(Heff)} − ${a.lo.H}) / (${a.hi.H} − ${a.lo.H}) × (${a.hi.alpha} − ${a.lo.alpha}) = ${fmt(alpha, 1)}%（${table.city}表插值，向下取至 0.1%）`,
      );
      return b.build(alpha, CLAUSE, FORMULA, details);
    }
    const pts = [...table.points].sort((x, y) => x.H - y.H);
    const below = pts.filter((p) => p.H <= Heff).pop();
    if (below) {
      details.alphaAtLeast = below.alpha;
      usePoints(b, [below]);
      b.step(`${table.city}表中 H_eff = ${fmt(Heff)} mm 超出表列范围，只能判断 α_eff ≥ ${below.alpha}%（H = ${below.H} mm）`);
    } else {
      b.note(`${table.city}降雨量表无可用于 H_eff = ${fmt(Heff)} mm 插值的数据点${table.note ? `（${table.note}）` : ''}`);
    }
  } else {
    b.note(`没有${ctx.city ?? '本市'}的年径流总量控制率—设计降雨量对照表，无法由 H_eff 反算控制率`);
  }
  if (supports === false)
    b.leadNote(`实际调蓄容积 ${fmt(Vp, 1)} m³（${gVp.iv.source}）小于设计降雨量 ${fmt(H!)} mm 所需的 ${fmt(Vreq!, 1)} m³（V = 10·H·φ·F）`);
  return b.build(null, CLAUSE, FORMULA, details, supports);
}
