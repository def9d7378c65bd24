// A generated indicator sheet of N buildings and the contract that goes with it, for the
// benchmark (and for tests that need a large sheet). Layout: a key/value sheet, a per-building
// table, a GB/T 50378 score block, a runoff surface table and renewable quantities.
import ExcelJS from 'exceljs';
import type { ConditionsDoc } from '../shared/model/types';

const USES = ['住宅', '住宅', '住宅', '办公', '商业', '配套用房'];

export async function buildSheet(buildings: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'LandCheck bench';
  wb.created = new Date('2025-01-01T00:00:00Z');
  const kv = wb.addWorksheet('主要技术经济指标');
  kv.mergeCells('A1:C1');
  kv.getCell('A1').value = '主要技术经济指标表';
  const totalArea = buildings * 12_000;
  const rows: Array<[string, ExcelJS.CellValue, string]> = [
    ['项目名称', `基准测试项目（${buildings} 栋）`, ''],
    ['总用地面积', totalArea / 2.2, '㎡'],
    ['总建筑面积', totalArea, '㎡'],
    ['计容建筑面积', totalArea * 0.8, '㎡'],
    ['容积率', { formula: 'B6/B3', result: (totalArea * 0.8) / (totalArea / 2.2) }, ''],
    ['绿地率', 0.355, '%'],
    ['绿色建筑星级', '二星级', ''],
    ['全装修', '是', ''],
    ['可再生能源替代率', '12.5%', ''],
    ['年径流总量控制率', 0.8, '%'],
    ['设计降雨量', 26.7, 'mm'],
    ['汇水面积', totalArea / 2.2, '㎡'],
    ['综合雨量径流系数', 0.55, ''],
    ['实际调蓄容积', Math.ceil(((26.7 * 0.55 * totalArea) / 2.2 / 1000) * 1.05), 'm³'],
    ['光伏年发电量', 0.08 * totalArea, 'kWh/a'],
    ['建筑年总能耗', 0.8 * totalArea, 'kWh/a'],
  ];
  rows.forEach(([label, value, unit], i) => {
    const r = kv.getRow(i + 2);
    r.getCell(1).value = label;
    r.getCell(2).value = value;
    r.getCell(3).value = unit;
    if (label === '绿地率' || label === '年径流总量控制率') r.getCell(2).numFmt = '0.0%';
  });

  const table = wb.addWorksheet('单体指标');
  table.addRow(['楼号', '建筑功能', '建筑面积（㎡）', '层数', '单体预制率（%）', '单体装配率（%）', '绿色建筑星级']);
  for (let i = 1; i <= buildings; i++) {
    table.addRow([`${i}#楼`, USES[i % USES.length], 12_000, 18, 40 + (i % 7), 60 + (i % 11), i % 13 === 0 ? '一星级' : '二星级']);
  }
  table.addRow(['合计', '', totalArea, '', '', '', '']);

  const green = wb.addWorksheet('绿色建筑');
  const scores: Array<[string, ExcelJS.CellValue]> = [
    ['评价阶段', '预评价'],
    ['控制项', '满足'],
    ['控制项基础分值', 400],
    ['安全耐久', 62],
    ['健康舒适', 66],
    ['生活便利', 48],
    ['资源节约', 128],
    ['环境宜居', 64],
    ['提高与创新加分', 10],
    ['围护结构热工性能提高比例', '10%'],
    ['节水器具用水效率等级', 2],
    ['室内主要空气污染物浓度降低比例', '20%'],
  ];
  scores.forEach(([k, v]) => green.addRow([k, v]));

  const sponge = wb.addWorksheet('海绵城市');
  sponge.addRow(['下垫面', '面积（㎡）', '雨量径流系数']);
  const site = totalArea / 2.2;
  sponge.addRow(['硬屋面', site * 0.3, 0.85]);
  sponge.addRow(['混凝土和沥青路面', site * 0.25, 0.85]);
  sponge.addRow(['绿地', site * 0.45, 0.15]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function benchConditions(): ConditionsDoc {
  return {
    format: 'landcheck.conditions/v1',
    contract: { number: '沪规土(2025)第000号', parcel: '基准测试地块', city: '上海市', signedOn: '2025-03-01' },
    conditions: [
      { id: 'G1', clause: '第十二条(一)', text: '新建建筑应达到绿色建筑二星级及以上', indicator: 'green_building_star', op: '>=', value: 2, scope: 'building', appliesTo: { use: ['residential', 'public'] } },
      { id: 'A1', clause: '第十三条', text: '单体预制率不低于40%或单体装配率不低于60%', anyOf: [ { indicator: 'prefab_ratio', op: '>=', value: 40 }, { indicator: 'assembly_ratio', op: '>=', value: 60 } ], scope: 'building' },
      { id: 'R1', clause: '第十四条', text: '可再生能源替代率不低于10%', indicator: 'renewable_substitution', op: '>=', value: 10 },
      { id: 'S1', clause: '第十五条', text: '年径流总量控制率不低于75%', indicator: 'runoff_capture', op: '>=', value: 75 },
      { id: 'L1', clause: '第十六条', text: '绿地率不低于35%', indicator: 'green_ratio', op: '>=', value: 35 },
    ],
  };
}
