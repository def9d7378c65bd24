// Random workbooks built from the words real sheets use (labels, role headers, building names,
// totals, numbers, notes, merges): the reader never throws, every value cites a cell of a visible
// sheet that holds its raw text, and no value comes from a column whose header is not a value role.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importWorkbookBuffer } from '../../shared/import/index';
import type { ImportedValue } from '../../shared/model/types';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS: ExcelJS.CellValue[] = [
  '容积率', '绿地率', '绿化率', '建筑面积', '地上', '地下', '总建筑面积', '装配率', '单体名称', '楼号', '指标', '项目', '设计值', '规划条件',
  '满分', '自评得分', '得分', '备注', '单位', '合计', '小计', '1#楼', '2#楼', '一号楼', 'A栋', '地下车库', '住宅', '办公', '调蓄设施', '调蓄容积(m³)',
  '汇水分区1', '下垫面', '面积', '径流系数', '08-03地块', '修改前', '修改后', '是否满足', '安全耐久', '生活便利', '光伏', '合计', '二星级（预评价）',
  '≥35%', '约2.1', '#DIV/0!', '/', '—', '单体名称：3#楼', 'Green Ratio 绿地率', '其中：人防', '注：见专篇', '是', '否', '㎡', '%', '万㎡',
  { error: '#REF!' } as ExcelJS.CellErrorValue, { formula: 'A1+1', result: 12 } as ExcelJS.CellFormulaValue, { formula: 'B2' } as ExcelJS.CellFormulaValue,
];

const LABELS = ['容积率', '绿地率', '建筑密度', '总建筑面积', '装配率', '安全耐久', '健康舒适', '年径流总量控制率', '绿色建筑星级', '可再生能源替代率'];

async function randomBook(seed: number): Promise<Buffer> {
  const rnd = prng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const wb = new ExcelJS.Workbook();
  const sheets = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < sheets; i++) {
    const ws = wb.addWorksheet(pick(['指标', '单体', '海绵城市', '可再生能源', '2#楼', '08-04地块', '绿建']) + i);
    if (rnd() < 0.15) ws.state = 'hidden';
    const rows = 3 + Math.floor(rnd() * 14);
    const cols = 2 + Math.floor(rnd() * 6);
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= cols; c++) {
        const x = rnd();
        if (x < 0.25) continue;
        ws.getCell(r, c).value = x < 0.55 ? pick(WORDS) : x < 0.8 ? Math.round(rnd() * 100000) / 100 : `${Math.round(rnd() * 1000) / 10}%`;
        if (rnd() < 0.1) ws.getCell(r, c).numFmt = '0.0%';
      }
    }
    if (rnd() < 0.6) {
      // a header row of role words over label rows: the reader must take only the value roles
      const heads = ['设计值', '规划条件', '满分', '自评得分', '备注', '修改前', '修改后', '单位', '是否满足', '现状', '得分'];
      ws.getCell(1, 1).value = pick(['指标', '项目', '指标名称', '评价项']);
      for (let c = 2; c <= cols; c++) ws.getCell(1, c).value = pick(heads);
      for (let r = 2; r <= rows; r++) ws.getCell(r, 1).value = pick(LABELS);
    }
    for (let m = 0; m < 3; m++) {
      if (rnd() < 0.5) continue;
      const r = 1 + Math.floor(rnd() * rows);
      const c = 1 + Math.floor(rnd() * cols);
      try {
        ws.mergeCells(r, c, r + Math.floor(rnd() * 2), c + Math.floor(rnd() * 2));
      } catch {
        // overlapping merge: skip
      }
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('random workbooks', () => {
  it('never throw; every value cites a visible cell holding its text', async () => {
    let checked = 0;
    let withRole = 0;
    for (let seed = 1; seed <= 80; seed++) {
      const buf = await randomBook(seed);
      const r = await importWorkbookBuffer(buf, `random-${seed}.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
      const visible = new Set(wb.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name));
      const all: ImportedValue[] = [...Object.values(r.project), ...r.buildings.flatMap((b) => Object.values(b.values)), ...(r.parcels ?? []).flatMap((p) => [...Object.values(p.project), ...p.buildings.flatMap((b) => Object.values(b.values))])];
      for (const v of all) {
        checked++;
        if (v.roleSource) withRole++;
        const [sheet, addr] = v.source.split('!');
        expect(visible.has(sheet), `${seed}: ${v.source}`).toBe(true);
        expect(addr, `${seed}: ${v.source}`).toMatch(/^[A-Z]+\d+$/);
        if (v.parts) continue;
        const cell = wb.getWorksheet(sheet)!.getCell(addr);
        const text = typeof cell.value === 'string' ? cell.value : JSON.stringify(cell.value);
        if (typeof cell.value === 'string') expect(text.includes(v.raw.trim()) || v.raw.includes(text.split(/[:：]/).pop()!.trim()), `${seed}: ${v.source} ${v.raw} vs ${text}`).toBe(true);
        if (v.roleSource) {
          const [hs, ha] = v.roleSource.split('!');
          const headValue = wb.getWorksheet(hs)!.getCell(ha).value;
          const head = typeof headValue === 'string' ? headValue : headValue == null ? '' : JSON.stringify(headValue);
          expect(/满分|分值|规划|要求|备注|说明|修改前|现状|拆除|是否|单位|序号/.test(head) && !/得分|设计|修改后|改扩建后/.test(head), `${seed}: ${v.indicator} from ${v.source} under “${head}”`).toBe(false);
        }
      }
      for (const c of r.coverage ?? []) expect(c.used).toBeLessThanOrEqual(c.cells);
    }
    // the generator does produce values and table columns with roles
    expect(checked).toBeGreaterThan(100);
    expect(withRole).toBeGreaterThan(3);
  }, 60_000);
});
