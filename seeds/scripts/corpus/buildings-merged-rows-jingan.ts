// 静安 office/retail cluster: the 单体指标 table gives each building two rows — 地上 and 地下 — with
// the 楼号, 建筑功能 and 绿色建筑星级 cells merged down over both and a 小计 line in the 建筑面积
// column, so a building's area is the sum of its rows. 2#楼 (商业) has 16 000 ㎡ above and 6 000 ㎡
// below ground = 22 000 ㎡ and is 一星级: the contract's "单体建筑面积2万平方米以上的公共建筑" clause
// applies and fails. Read from its first row only (16 000 ㎡), the clause would not apply.
// Layout: docs/domain/indicator-sheet-layout.md §2 (per-building rows; 地上/地下 splits; merged name cells).
import { FMT, header, newWorkbook, note, rowOf, sheet, title } from '../sheet-kit';
import { corpusExpected, type CorpusSample } from '../corpus-kit';
import type { ConditionsDoc } from '../../../shared/model/types';
import { largePublicBuildingStar } from '../contract-clauses';

const B: [string, string, number, number, string][] = [
  ['1#楼', '办公', 28000, 9000, '二星级'],
  ['2#楼', '商业', 16000, 6000, '一星级'],
  ['3#楼', '办公', 12000, 3000, '一星级'],
];

function workbook() {
  const wb = newWorkbook('上海某建筑设计研究院有限公司');
  const ws = sheet(wb, '单体指标', [10, 10, 10, 16, 14]);
  title(ws, 1, '静安区JA-073街坊商办项目 单体建筑指标', 1, 5, 12);
  header(ws, 2, 1, ['楼号', '建筑功能', '部位', '建筑面积（㎡）', '绿色建筑星级']);
  let row = 3;
  for (const [name, use, up, down, star] of B) {
    rowOf(ws, row, 1, [name, use, '地上', up, star], [undefined, undefined, undefined, FMT.area]);
    rowOf(ws, row + 1, 1, [null, null, '地下', down, null], [undefined, undefined, undefined, FMT.area]);
    for (const c of [1, 2, 5]) ws.mergeCells(row, c, row + 1, c);
    row += 2;
  }
  note(ws, row + 1, '注：单体建筑面积含地下部分；地下室按各楼投影范围分摊。', 1, 5);
  return wb;
}

const conditions: ConditionsDoc = {
  format: 'landcheck.conditions/v1',
  contract: { number: '沪静规土(2025)第003号', parcel: '静安区JA-073街坊地块', city: '上海市', signedOn: '2025-02-10', district: '静安区' },
  conditions: [
    largePublicBuildingStar('第十二条（一）'),
  ],
};

const expected = corpusExpected('buildings-merged-rows-jingan', [
  { conditionId: 'G1', building: '1#楼', verdict: 'pass', why: '1#楼 28000+9000=37000㎡≥2万㎡，办公（公共建筑），二星级 → 符合' },
  {
    conditionId: 'G1',
    building: '2#楼',
    verdict: 'fail',
    alsoAccept: ['review'],
    why: '2#楼 地上16000+地下6000=22000㎡≥2万㎡，商业（公共建筑），一星级<二星级 → 不符合；只取第一行16000㎡会误判为不适用',
  },
  { conditionId: 'G1', building: '3#楼', verdict: 'not_applicable', alsoAccept: ['review'], why: '3#楼 12000+3000=15000㎡<2万㎡ → 不适用' },
]);

export const buildingsMergedRowsJingan: CorpusSample = {
  name: 'buildings-merged-rows-jingan',
  title: '静安商办单体指标（每栋两行：地上/地下，楼号、功能、星级纵向合并）',
  traps: ['楼号、建筑功能、星级单元格纵向合并覆盖地上/地下两行', '单体建筑面积是两行之和：只取第一行会把2#楼误判为不适用'],
  sources: ['docs: docs/domain/indicator-sheet-layout.md §2（逐栋行、地上/地下拆分、合并单元格）'],
  workbook,
  conditions,
  expected,
};
