// The committed samples are what the script builds (bytes and cell contents), and their numbers
// are internally consistent (areas add up, ratios match their parts, V = 10·H·φ·F, scores).
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES, buildSamples } from '../../seeds/scripts/build-samples';
import { fixZipTimestamps } from '../../seeds/scripts/sheet-kit';
import { dump, kvNum, num, readWorkbook, table, text, valueCell } from './helpers';
import type ExcelJS from 'exceljs';

const COMMITTED = fileURLToPath(new URL('../../seeds/samples/', import.meta.url));
let tmp: string;
let built: string[];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'landcheck-seeds-'));
  built = await buildSamples(tmp);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const committed = (name: string) => readWorkbook(path.join(COMMITTED, name));

describe('build-samples', () => {
  it('writes xlsx, conditions and expected for every sample, and all are committed', async () => {
    expect(SAMPLES.length).toBeGreaterThanOrEqual(3);
    const names = built.map((p) => path.basename(p)).sort();
    expect(names).toHaveLength(SAMPLES.length * 3);
    const have = await readdir(COMMITTED);
    for (const n of names) expect(have, n).toContain(n);
  });

  it('rebuilt workbooks have the same sheets, merges, values, cached results and formats as the committed ones', async () => {
    for (const s of SAMPLES) {
      const a = dump(await readWorkbook(path.join(tmp, `${s.name}.xlsx`)));
      const b = dump(await committed(`${s.name}.xlsx`));
      expect(a, s.name).toEqual(b);
    }
  });

  it('rebuilding is byte-for-byte deterministic (fixed dates and zip timestamps)', async () => {
    for (const p of built) {
      const mine = await readFile(p);
      const theirs = await readFile(path.join(COMMITTED, path.basename(p)));
      expect(mine.equals(theirs), path.basename(p)).toBe(true);
    }
  });

  it('fixZipTimestamps rewrites every entry time and leaves a readable archive', async () => {
    const buf = await readFile(path.join(COMMITTED, `${SAMPLES[0].name}.xlsx`));
    const other = fixZipTimestamps(buf, new Date(Date.UTC(2030, 0, 2, 3, 4, 6)));
    expect(other.equals(buf)).toBe(false);
    const back = fixZipTimestamps(other, new Date(Date.UTC(2025, 2, 10, 1, 0, 0)));
    expect(back.equals(buf)).toBe(true);
    expect(() => fixZipTimestamps(Buffer.from('not a zip at all, just some bytes here'), new Date())).toThrow(/not a zip/);
  });
});

// ---------------------------------------------------------------- internal consistency

const close = (a: number, b: number, eps = 1e-6) => expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(eps);

function surfaces(ws: ExcelJS.Worksheet) {
  const rows = table(ws, '序号').filter((r) => text(r['下垫面']) !== '合计');
  return rows.map((r) => ({ area: num(r['面积（㎡）'])!, psi: num(r['雨量径流系数'])! }));
}

/** Checks a 海绵城市 sheet; returns [V required, V provided]. */
function checkRunoff(ws: ExcelJS.Worksheet, site: number): [number, number] {
  const rows = surfaces(ws);
  const F = rows.reduce((s, r) => s + r.area, 0);
  close(F, site, 1e-6);
  close(kvNum(ws, '汇水面积F'), site);
  for (const r of rows) {
    expect(r.psi).toBeGreaterThan(0);
    expect(r.psi).toBeLessThanOrEqual(1);
  }
  const phi = rows.reduce((s, r) => s + r.area * r.psi, 0) / F;
  close(kvNum(ws, '综合雨量径流系数φ'), phi, 1e-9);
  const H = kvNum(ws, '设计降雨量');
  const V = (H * phi * F) / 1000; // V = 10·H·φ·F with F in hm²
  close(kvNum(ws, '需调蓄容积'), V, 1e-6);
  const provided = kvNum(ws, '实际调蓄容积');
  close(provided, kvNum(ws, '雨水调蓄池容积') + num(ws.getCell(Number(valueCell(ws, '实际调蓄容积').row) - 1, 3))!);
  return [V, provided];
}

function checkRenewable(ws: ExcelJS.Worksheet) {
  const pv = kvNum(ws, '光伏年发电量') * 10000; // 万kWh/a
  let other = 0;
  for (const l of ['太阳能热水年供热量', '热泵可再生能源利用量']) {
    try {
      other += kvNum(ws, l);
    } catch {
      /* not on this sheet */
    }
  }
  close(kvNum(ws, '可再生能源年利用总量'), pv + other);
  const ratio = (pv + other) / kvNum(ws, '建筑年总能耗');
  close(kvNum(ws, '可再生能源替代率'), ratio, 1e-12);
  return ratio;
}

/** GB/T 50378-2019 §3.2.5 total and the 30 % floors (预评价: 生活便利 max 70). */
function greenScore(ws: ExcelJS.Worksheet) {
  const rows = table(ws, '指标类别').filter((r) => text(r['指标类别']) !== '总得分');
  let sum = 400;
  let floorsMet = true;
  for (const r of rows) {
    const score = num(r['自评得分'])!;
    sum += score;
    const max = num(r['评分项满分值'])!;
    if (text(r['指标类别']) !== '提高与创新') floorsMet &&= score >= 0.3 * max;
    if (text(r['指标类别']) === '生活便利') expect(max).toBe(text(valueCell(ws, '评价阶段')) === '预评价' ? 70 : 100);
  }
  const q = sum / 10;
  close(kvNum(ws, '总得分'), q, 1e-9);
  return { q, floorsMet };
}

describe('residential-jiading numbers', () => {
  it('areas, ratios, sponge, renewable and the 二星级 score are consistent', async () => {
    const wb = await committed('residential-jiading.xlsx');
    const ws = wb.getWorksheet('主要技术经济指标')!;
    const site = kvNum(ws, '总用地面积');
    const above = kvNum(ws, '地上建筑面积');
    close(kvNum(ws, '总建筑面积'), above + kvNum(ws, '地下建筑面积'));
    close(kvNum(ws, '容积率'), kvNum(ws, '计容建筑面积') / site, 1e-12);
    close(kvNum(ws, '绿地率'), kvNum(ws, '绿地面积') / site, 1e-12);
    close(kvNum(ws, '建筑密度'), kvNum(ws, '建筑基底面积') / site, 5e-5);
    expect(valueCell(ws, '绿地率').numFmt).toMatch(/%/);

    const bs = table(wb.getWorksheet('单体指标')!, '楼号');
    const buildings = bs.filter((r) => text(r['楼号']) !== '合计');
    const total = bs.find((r) => text(r['楼号']) === '合计')!;
    const areaOf = (r: Record<string, ExcelJS.Cell>) => num(r['建筑面积（㎡）'])!;
    close(buildings.filter((r) => text(r['建筑功能']) !== '地下车库').reduce((s, r) => s + areaOf(r), 0), above, 1e-6);
    close(num(total['建筑面积（㎡）'])!, kvNum(ws, '总建筑面积'), 1e-6);
    expect(buildings.map((r) => text(r['楼号']))).toEqual(['1#楼', '2#楼', '3#楼', '4#楼', '5#楼', '6#楼', '7#楼', '地下车库']);
    close(Math.max(...buildings.map((r) => num(r['建筑高度（m）']) ?? 0)), kvNum(ws, '建筑高度'));

    const [V, provided] = checkRunoff(wb.getWorksheet('海绵城市')!, site);
    expect(provided).toBeGreaterThanOrEqual(V);
    const ratio = checkRenewable(wb.getWorksheet('可再生能源')!);
    close(kvNum(ws, '可再生能源替代率'), ratio, 5e-5);

    const { q, floorsMet } = greenScore(wb.getWorksheet('绿色建筑')!);
    expect(floorsMet).toBe(true);
    expect(q).toBeGreaterThanOrEqual(70);
    expect(q).toBeLessThan(85);
  });
});

describe('public-mixed-songjiang numbers', () => {
  it('C酒店 scores give Q in [60,70), A办公楼 components give ≈52 % against 65 % declared, storage < V', async () => {
    const wb = await committed('public-mixed-songjiang.xlsx');
    const ws = wb.getWorksheet('主要技术经济指标')!;
    const site = kvNum(ws, '总用地面积');
    close(kvNum(ws, '容积率'), kvNum(ws, '计容建筑面积') / site, 1e-12);

    const bs = table(wb.getWorksheet('单体指标')!, '单体名称').filter((r) => text(r['单体名称']) !== '合计');
    const area = Object.fromEntries(bs.map((r) => [text(r['单体名称']), num(r['建筑面积（㎡）'])!]));
    expect(area).toEqual({ A办公楼: 32000, B商业: 18000, C酒店: 24000, 地下车库: 29500 });
    const star = Object.fromEntries(bs.map((r) => [text(r['单体名称']), text(r['绿色建筑星级'])]));
    expect(star.C酒店).toBe('二星级');

    const g = wb.getWorksheet('绿色建筑-C酒店')!;
    expect(text(valueCell(g, '单体名称'))).toBe('C酒店');
    const { q, floorsMet } = greenScore(g);
    expect(floorsMet).toBe(true);
    expect(q).toBeGreaterThanOrEqual(60);
    expect(q).toBeLessThan(70);

    const a = wb.getWorksheet('装配率计算表-A办公楼')!;
    const rows = table(a, '评价项');
    expect(rows.map((r) => text(r['评价项']))).toContain('管线分离');
    const q1 = kvNum(a, '主体结构得分');
    const q2 = kvNum(a, '围护墙和内隔墙得分');
    const q3 = kvNum(a, '装修和设备管线得分');
    const q4 = kvNum(a, '缺少的评价项分值');
    const scores = rows.map((r) => num(r['得分']) ?? 0);
    close(q1 + q2 + q3, scores.reduce((s, x) => s + x, 0), 1e-9);
    const p = ((q1 + q2 + q3) / (100 - q4)) * 100;
    expect(p).toBeGreaterThan(50);
    expect(p).toBeLessThan(55);
    expect(kvNum(a, '装配率')).toBeCloseTo(0.65, 12);

    const [V, provided] = checkRunoff(wb.getWorksheet('海绵城市')!, site);
    expect(provided).toBeLessThan(V);
    const r = wb.getWorksheet('可再生能源')!;
    checkRenewable(r);
    close(kvNum(r, '屋顶光伏覆盖率'), kvNum(r, '光伏安装面积') / kvNum(r, '屋顶总面积'), 1e-12);
  });
});

describe('messy-renovation contents', () => {
  it('keeps the messy notations a real sheet has', async () => {
    const wb = await committed('messy-renovation.xlsx');
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0];
    const cells = new Map<string, unknown>();
    ws.eachRow((row) => row.eachCell((c) => void cells.set(c.address, c.value)));
    const values = [...cells.values()];
    for (const t of ['18,600', '61.5％', ' 1.85 ', '1.2万', '4.65万', '★★', '√', '/', '详见海绵专项设计', '23.80m']) {
      expect(values, t).toContain(t);
    }
    const labels = values.filter((v): v is string => typeof v === 'string');
    expect(labels).toContain('13、装 配 率');
    expect(labels).toContain('9、绿地率：');
    // The ambiguous percent: a bare 0.35 in General format with an empty unit cell.
    const green = valueCell(ws, '9、绿地率');
    expect(green.value).toBe(0.35);
    expect(green.numFmt ?? 'General').not.toMatch(/%/);
    expect(text(ws.getCell(Number(green.row), Number(green.col) + 1))).toBe('');
    // Merges: title, merged value cells.
    const merges = ws.model.merges ?? [];
    expect(merges).toContain('A1:D1');
    expect(merges.some((m) => m.startsWith(`${valueCell(ws, '10、建筑高度').address}:`))).toBe(true);
    // Formula with cached result = sum of the transposed block's areas = 4.65万 − 1.2万.
    const above = valueCell(ws, '4、地上建筑面积');
    expect(above.formula).toMatch(/^SUM\(/);
    expect(num(above)).toBe(46500 - 12000);
    // Transposed block: buildings are columns.
    const headerRow = [...cells.entries()].find(([, v]) => v === '单体名称')![0].replace(/^[A-Z]+/, '');
    expect([2, 3, 4].map((c) => text(ws.getCell(Number(headerRow), c)))).toEqual(['1#楼', '2#楼', '3#楼']);
    const blockAreas = [2, 3, 4].map((c) => num(ws.getCell(Number(headerRow) + 2, c))!);
    expect(blockAreas.reduce((s, x) => s + x, 0)).toBe(34500);
  });
});

describe('industrial-lingang numbers', () => {
  it('per-building roof PV coverage is pv area ÷ roof area, and 2#厂房 is below 50 %', async () => {
    const wb = await committed('industrial-lingang.xlsx');
    const rows = table(wb.getWorksheet('单体指标')!, '单体名称');
    const cov: Record<string, number> = {};
    for (const r of rows) {
      const c = num(r['屋顶光伏覆盖率（%）'])!;
      close(c, num(r['光伏安装面积（㎡）'])! / num(r['屋顶面积（㎡）'])!, 1e-12);
      cov[text(r['单体名称'])] = c;
    }
    expect(cov['1#厂房']).toBeGreaterThanOrEqual(0.5);
    expect(cov['2#厂房']).toBeLessThan(0.5);
    expect(cov['3#综合楼']).toBeGreaterThanOrEqual(0.3);
  });
});
