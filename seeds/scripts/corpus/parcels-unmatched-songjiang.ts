// 松江 workbook with one sheet per parcel (09-01地块, 09-02地块), each a complete, compliant indicator
// table. The contract is for 09-05地块, which the workbook does not describe: no finding may pass on
// another parcel's figures → every finding review ("工作簿含 2 个地块…，无法确定合同所指地块").
// Layout: docs/domain/indicator-sheet-layout.md §6.1 (sheets per 地块编号).
import { f, FMT, header, kvWriter, newWorkbook, sheet, title } from '../sheet-kit';
import { corpusExpected, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';
import type ExcelJS from 'exceljs';

const PARCELS = [
  { name: 'SJC10018单元09-01地块', site: 16800, green: 6100, far: 30200 },
  { name: 'SJC10018单元09-02地块', site: 14200, green: 5300, far: 26900 },
];

function parcelSheet(wb: ExcelJS.Workbook, p: (typeof PARCELS)[number]): void {
  const ws = sheet(wb, p.name.replace('SJC10018单元', ''), [28, 18, 26]);
  title(ws, 1, `${p.name} 主要技术经济指标`, 1, 3, 12);
  header(ws, 2, 1, ['指标名称', '设计值', '备注']);
  const kv = kvWriter(ws, 3, 1);
  kv('地块编号', p.name);
  const rSite = kv('用地面积（㎡）', p.site, FMT.area);
  const rFar = kv('计容建筑面积（㎡）', p.far, FMT.area);
  kv('容积率', f(`B${rFar}/B${rSite}`, p.far / p.site), FMT.dec2);
  const rGreen = kv('绿地面积（㎡）', p.green, FMT.area);
  kv('绿地率', f(`B${rGreen}/B${rSite}`, p.green / p.site), FMT.pct2);
  kv('绿色建筑星级', '二星级');
}

function workbook() {
  const wb = newWorkbook('上海某建筑设计有限公司');
  for (const p of PARCELS) parcelSheet(wb, p);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪松规土(2025)第040号', parcel: 'SJC10018单元09-05地块', city: '上海市', signedOn: '2025-07-01', district: '松江区（松江新城）' },
  conditions: [
    { id: 'P1', clause: '第五条', text: '容积率不大于2.0', indicator: 'far', op: '<=', value: 2.0 },
    { id: 'P2', clause: '第五条', text: '绿地率不低于35%', indicator: 'green_ratio', op: '>=', value: 35 },
    { id: 'G1', clause: '第十二条（一）', text: '本地块新建建筑应达到绿色建筑二星级及以上', indicator: 'green_building_star', op: '>=', value: 2 },
  ],
};

const why = '工作簿含2个地块（09-01地块、09-02地块），合同地块为09-05地块，无一匹配 → 无法确定合同所指地块，不能用其他地块的数值判定 → 需复核';

const expected = corpusExpected('parcels-unmatched-songjiang', [
  { conditionId: 'P1', building: null, verdict: 'review', basis: 'parcel-unknown', why },
  { conditionId: 'P2', building: null, verdict: 'review', basis: 'parcel-unknown', why },
  { conditionId: 'G1', building: null, verdict: 'review', basis: 'parcel-unknown', why },
]);

export const parcelsUnmatchedSongjiang: CorpusSample = {
  name: 'parcels-unmatched-songjiang',
  title: '松江两地块分表（合同地块不在工作簿中）',
  traps: ['每个地块一张工作表，均合规', '合同地块09-05不在工作簿中：不能用其他地块判符合'],
  sources: ['docs: docs/domain/indicator-sheet-layout.md §6.1（多个地块，按地块编号分表或分块）'],
  workbook,
  conditions,
  expected,
};
