// 宝山 residential 主要技术经济指标表 tracked through the design stages: a two-level header whose
// "设计指标" group spans 方案 | 初步设计 | 施工图 columns, with 规划控制指标 before them, on a sheet
// still called "Sheet1" and starting at column C under a merged title. The figures change from
// stage to stage: the 方案 column passes every condition, the 施工图 column (the stage under
// review) fails 容积率 and 绿地率. Read from the first declared-looking column (方案), both pass.
// Layout: docs/domain/indicator-sheet-layout.md §2 and §6.1 (规划指标 | 设计指标 columns; columns that are not
// the current design value); practice of design-stage comparison tables (方案/初设/施工图).
import { FMT, header, newWorkbook, note, put, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, r, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';

const SITE = 20000;
/** Per stage: 方案, 初步设计, 施工图 (the stage under review is the last). */
const FAR_AREA = [39000, 39600, 40800];
const GREEN = [7200, 7100, 6840];
const FOOT = [5600, 5600, 5700];
const HEIGHT = [59.0, 59.0, 59.4];

function workbook() {
  const wb = newWorkbook('上海某建筑设计院有限公司');
  const ws = sheet(wb, 'Sheet1', [3, 3, 7, 26, 8, 14, 12, 12, 12, 24]);
  title(ws, 2, '宝山区BS-0412地块住宅项目 主要技术经济指标对照表', 3, 10, 12);
  header(ws, 4, 3, ['序号', '指标名称', '单位', '规划控制指标', '设计指标', '', '', '备注']);
  header(ws, 5, 3, ['', '', '', '', '方案', '初步设计', '施工图', '']);
  for (const c of [3, 4, 5, 6, 10]) ws.mergeCells(4, c, 5, c);
  ws.mergeCells(4, 7, 4, 9);
  let row = 6;
  const line = (no: string, label: string, unit: string, req: string, v: number[], fmt: string, remark = '') => {
    rowOf(ws, row, 3, [no, label, unit, req, ...v, remark], [undefined, undefined, undefined, undefined, fmt, fmt, fmt]);
    return row++;
  };
  line('1', '总用地面积', '㎡', '20000', [SITE, SITE, SITE], FMT.area);
  line('2', '计容建筑面积', '㎡', '≤40000', FAR_AREA, FMT.area);
  line('3', '容积率', '', '≤2.0', FAR_AREA.map((a) => a / SITE), FMT.dec2);
  line('4', '建筑基底面积', '㎡', '/', FOOT, FMT.area);
  line('5', '建筑密度', '%', '≤30%', FOOT.map((a) => a / SITE), FMT.pct2);
  line('6', '绿地面积', '㎡', '/', GREEN, FMT.area);
  line('7', '绿地率', '%', '≥35%', GREEN.map((a) => a / SITE), FMT.pct2, '施工图阶段增设消防登高场地');
  line('8', '建筑高度', 'm', '≤60', HEIGHT, FMT.dec1, '室外地坪至屋面面层');
  put(ws, row + 1, 3, null);
  note(ws, row + 1, '注：施工图阶段指标以本次送审图纸为准；方案及初步设计阶段指标仅供对照。', 3, 10);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪宝规土(2024)第033号', parcel: '宝山区BS-0412地块', city: '上海市', signedOn: '2024-05-08', district: '宝山区' },
  conditions: [
    { id: 'P1', clause: '第五条', text: '容积率不大于2.0', indicator: 'far', op: '<=', value: 2.0 },
    { id: 'P2', clause: '第五条', text: '绿地率不低于35%', indicator: 'green_ratio', op: '>=', value: 35 },
    { id: 'P3', clause: '第五条', text: '建筑密度不大于30%', indicator: 'building_density', op: '<=', value: 30 },
    { id: 'P4', clause: '第五条', text: '建筑高度不大于60米', indicator: 'building_height', op: '<=', value: 60 },
  ],
};

const expected = corpusExpected('design-stages-baoshan', [
  {
    conditionId: 'P1',
    building: null,
    verdict: 'fail',
    alsoAccept: ['review'],
    why: `施工图列：计容建筑面积${FAR_AREA[2]}÷用地${SITE}=${r(FAR_AREA[2]! / SITE, 3)}>2.0 → 不符合；方案列${r(FAR_AREA[0]! / SITE, 3)}只是对照值；无法确定阶段时至少需复核，绝不能按方案列判符合`,
  },
  {
    conditionId: 'P2',
    building: null,
    verdict: 'fail',
    alsoAccept: ['review'],
    why: `施工图列：绿地面积${GREEN[2]}÷${SITE}=${r((GREEN[2]! / SITE) * 100, 2)}%<35% → 不符合；方案列36%不是送审值`,
  },
  { conditionId: 'P3', building: null, verdict: 'pass', alsoAccept: ['review'], why: `施工图列：基底面积${FOOT[2]}÷${SITE}=${r((FOOT[2]! / SITE) * 100, 2)}%≤30%（各阶段均满足）` },
  { conditionId: 'P4', building: null, verdict: 'pass', alsoAccept: ['review'], why: `施工图列${HEIGHT[2]}m≤60m（各阶段均满足）` },
]);

export const designStagesBaoshan: CorpusSample = {
  name: 'design-stages-baoshan',
  title: '宝山住宅方案/初设/施工图三阶段指标对照表（Sheet1，表格从C列起）',
  traps: ['“设计指标”两级表头下分方案/初步设计/施工图三列：方案列满足而施工图列不满足', '规划控制指标列在设计值之前', '工作表名为Sheet1，表格从C列、第4行起'],
  sources: ['docs: docs/domain/indicator-sheet-layout.md §2、§6.1（规划指标/设计指标列；不是现行设计值的列）'],
  workbook,
  conditions,
  expected,
};
