// 技术经济指标表 of a 设计方案 (徐汇 住宅+商业): 序号 | 项目 | 单位 | 规划条件 | 设计值 | 备注, with
// 计容/不计容 splits and 其中 sub-rows. The 规划条件 column stands before the design column and
// holds the requirement ("≤2.5", "≥35%"): read as the design value, 容积率 and 绿地率 would pass.
// Layout: docs/domain/indicator-sheet-layout.md §2 and §6.1 (规划条件 vs 设计值 columns, 计容/不计容 by use [L8],
// land-indicator table [L3]).
import { f, FMT, header, newWorkbook, note, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, r, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';

const SITE = 22580;
const FAR_RES = 52310;
const FAR_SHOP = 5650;
const FAR_PM = 420;
const FAR_OTHER = 780;
const FAR_AREA = FAR_RES + FAR_SHOP + FAR_PM + FAR_OTHER; // 59 160
const STILTS = 480; // 架空层, 不计容
const BELOW = 19390; // 地下车库及设备用房, 不计容
const ABOVE = FAR_AREA + STILTS;
const NON_FAR = STILTS + BELOW;
const TOTAL = ABOVE + BELOW;
const FOOTPRINT = 5555;
const GREEN = 7565;
const HEIGHT = 79.9;

function workbook() {
  const wb = newWorkbook('上海某建筑设计有限公司');
  const ws = sheet(wb, '技术经济指标', [7, 30, 8, 14, 16, 30]);
  title(ws, 1, '徐汇区XH128街坊03-01地块住宅及商业项目 主要技术经济指标表（方案设计）', 1, 6, 12);
  header(ws, 2, 1, ['序号', '项目', '单位', '规划条件', '设计值', '备注']);
  let row = 3;
  const line = (no: string, label: string, unit: string, req: string, v: Parameters<typeof rowOf>[3][number], fmt?: string, remark = '') => {
    rowOf(ws, row, 1, [no, label, unit, req, v, remark], [undefined, undefined, undefined, undefined, fmt, undefined]);
    return row++;
  };
  const rSite = line('1', '总用地面积', '㎡', '22580.0', SITE, FMT.area, '以出让合同为准');
  const rTotal = line('2', '总建筑面积', '㎡', '/', f(`E${row + 1}+E${row + 2}`, TOTAL), FMT.area);
  line('', '其中：地上建筑面积', '㎡', '/', ABOVE, FMT.area);
  line('', '地下建筑面积', '㎡', '/', BELOW, FMT.area);
  const rFar = line('3', '计容建筑面积', '㎡', '≤56450', f(`SUM(E${row + 1}:E${row + 4})`, FAR_AREA), FMT.area);
  line('', '其中：住宅', '㎡', '/', FAR_RES, FMT.area);
  line('', '商业', '㎡', '/', FAR_SHOP, FMT.area, '沿街底商');
  line('', '物业管理用房', '㎡', '/', FAR_PM, FMT.area);
  line('', '其他计容面积', '㎡', '/', FAR_OTHER, FMT.area, '设备平台超出部分');
  line('4', '不计容建筑面积', '㎡', '/', f(`E${row + 1}+E${row + 2}`, NON_FAR), FMT.area);
  line('', '其中：架空层', '㎡', '/', STILTS, FMT.area, '公共开放架空层');
  line('', '地下车库及设备用房', '㎡', '/', BELOW, FMT.area);
  line('5', '容积率', '', '≤2.5', f(`E${rFar}/E${rSite}`, FAR_AREA / SITE), FMT.dec2);
  const rFoot = line('6', '建筑基底面积', '㎡', '/', FOOTPRINT, FMT.area);
  line('7', '建筑密度', '%', '≤30%', f(`E${rFoot}/E${rSite}`, FOOTPRINT / SITE), FMT.pct2);
  const rGreen = line('8', '绿地面积', '㎡', '/', GREEN, FMT.area, '含集中绿地2260㎡');
  line('9', '绿地率', '%', '≥35%', f(`E${rGreen}/E${rSite}`, GREEN / SITE), FMT.pct2, '方案调整后待复核');
  line('10', '建筑高度', 'm', '≤80', HEIGHT, FMT.dec2, '1#楼，室外地坪至屋面面层');
  line('11', '住宅户数', '户', '/', 512, FMT.int);
  line('12', '机动车停车位', '辆', '≥560', 598, FMT.int, '地下596辆，地上2辆');
  line('13', '绿色建筑星级', '', '二星级及以上', '二星级');
  line('14', '年径流总量控制率', '%', '≥75%', 0.75, FMT.pct0, '详见海绵专篇');
  note(ws, row + 1, `注：总建筑面积第${rTotal}行=地上+地下；计容建筑面积按《上海市建筑面积计算规划管理规定》统计。`, 1, 6);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪徐规土(2024)第019号', parcel: '徐汇区XH128街坊03-01地块', city: '上海市', signedOn: '2024-09-20', district: '徐汇区' },
  conditions: [
    { id: 'P1', clause: '第四条', text: '地块容积率不大于2.5', indicator: 'far', op: '<=', value: 2.5 },
    { id: 'P2', clause: '第四条', text: '绿地率不低于35%', indicator: 'green_ratio', op: '>=', value: 35 },
    { id: 'P3', clause: '第四条', text: '建筑密度不大于30%', indicator: 'building_density', op: '<=', value: 30 },
    { id: 'P4', clause: '第四条', text: '建筑高度不超过80米', indicator: 'building_height', op: '<=', value: 80 },
    { id: 'G1', clause: '第十一条（一）', text: '本地块新建建筑应按绿色建筑二星级及以上标准建设', indicator: 'green_building_star', op: '>=', value: 2 },
    { id: 'S1', clause: '第十一条（四）', text: '年径流总量控制率不低于75%', indicator: 'runoff_capture', op: '>=', value: 75 },
  ],
};

const far = FAR_AREA / SITE;
const green = (GREEN / SITE) * 100;
const density = (FOOTPRINT / SITE) * 100;

const expected = corpusExpected('scheme-tech-econ-xuhui', [
  {
    conditionId: 'P1',
    building: null,
    verdict: 'fail',
    why: `设计值列：计容建筑面积${FAR_AREA}（=住宅${FAR_RES}+商业${FAR_SHOP}+物管${FAR_PM}+其他${FAR_OTHER}）÷总用地面积${SITE}=${r(far, 4)}，与设计值2.62一致，>2.5 → 不符合；“规划条件”列的“≤2.5”是要求，不是设计值`,
  },
  {
    conditionId: 'P2',
    building: null,
    verdict: 'fail',
    why: `绿地面积${GREEN}÷用地${SITE}=${r(green, 2)}%，与设计值33.50%一致，<35% → 不符合；“≥35%”在规划条件列`,
  },
  { conditionId: 'P3', building: null, verdict: 'pass', why: `基底面积${FOOTPRINT}÷用地${SITE}=${r(density, 2)}%，≤30%` },
  { conditionId: 'P4', building: null, verdict: 'pass', why: `设计值${HEIGHT}m ≤ 80m（规划条件列“≤80”不是设计值）` },
  { conditionId: 'G1', building: null, verdict: 'pass', why: '设计值“二星级”≥二星级（无得分表，按声明值）；规划条件列“二星级及以上”是要求' },
  { conditionId: 'S1', building: null, verdict: 'pass', why: '设计值75%≥75%（无海绵计算表，按声明值）' },
]);

export const schemeTechEconXuhui: CorpusSample = {
  name: 'scheme-tech-econ-xuhui',
  title: '徐汇住宅商业方案技术经济指标（规划条件列在设计值之前）',
  traps: ['规划条件列（≤2.5、≥35%）在设计值列之前：按位置取值会把要求当成设计值而判符合', '计容/不计容“其中”子行：子行不是总量指标', '单位列夹在标签与数值之间'],
  sources: [
    'docs: docs/domain/indicator-sheet-layout.md §2、§6.1（规划条件/设计值列、计容与不计容分用途统计）',
    '公开代码：计容/不计容面积分类（find_string id 26012236758、68759770167）；土地指标表 建设用地/计容建筑面积/容积率/绿化率/建筑密度（find_string id 36897987045）',
    '上海市规划和自然资源局 出让合同全生命周期信息（宗地面积、容积率、计容面积）：https://biz.ghzyj.sh.gov.cn/shtdsc/jy/api/wholeLife/info/0/e3a44438c3204fc5afbafec2a8b7e5fe_inputData/0',
  ],
  workbook,
  conditions,
  expected,
};
