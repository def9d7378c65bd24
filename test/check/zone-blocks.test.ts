// A 海绵 calculation written as one block per 汇水分区, each titled for its zone (1#汇水分区) with
// numbered sections (一、下垫面分析 … 三、调蓄设施 … 实际调蓄容积合计), then a 汇总: each block's figures
// are its zone's (blocks.ts titled, names.ts: 1#汇水分区 is no building), each zone is checked
// against its own V, and the 汇总 is the site's. Real workbooks, with the twin where one zone is short.
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../shared/model/types';
import { rows, xlsx } from '../import/helpers';
import { firstFinding, oneCondition } from './helpers';

const S1: Condition = { id: 'S1', indicator: 'runoff_capture', op: '>=', value: 75 };

const zone = (name: string, surfaces: Array<[string, number, number]>, F: number, phi: number, need: number, facilities: Array<[string, number]>) => {
  const total = facilities.reduce((s, f) => s + f[1], 0);
  return [
    [name],
    ['一、下垫面分析'],
    ['下垫面类型', '面积(㎡)', '雨量径流系数ψ'],
    ...surfaces,
    ['合计(汇水面积F)', F, phi],
    [],
    ['二、设计调蓄容积 V=10·H·φ·F'],
    ['设计降雨量H(mm)', 20.2],
    ['需调蓄容积V(m³)', need],
    [],
    ['三、调蓄设施'],
    ['设施名称', '有效调蓄容积(m³)'],
    ...facilities,
    ['实际调蓄容积合计', total],
    [],
  ];
};

const book = (second: number) => [
  ...zone('1#汇水分区', [['屋面', 5000, 0.85], ['道路及硬质铺装', 4000, 0.85], ['绿地', 9000, 0.15]], 18000, 0.5, 181.8, [['下凹绿地', 140], ['蓄水模块', 100]]),
  ...zone('2#汇水分区', [['屋面', 4000, 0.85], ['道路及硬质铺装', 6000, 0.85], ['绿地', 4000, 0.15]], 14000, 0.65, 183.8, [['雨水花园', second - 50], ['下凹绿地', 50]]),
  ['汇总'],
  ['需调蓄容积合计(m³)', 365.6],
  ['实际调蓄容积合计(m³)', 240 + second],
  ['年径流总量控制率', '75%'],
];

describe('one block per 汇水分区', () => {
  it('both zones hold their own V (240 ≥ 181.8, 200 ≥ 183.8): pass', async () => {
    const { f } = await firstFinding(await xlsx('zone-blocks-1.xlsx', (wb) => rows(wb.addWorksheet('海绵计算书'), book(200))), oneCondition(S1, '牡丹江市'));
    expect(f.verdict).toBe('pass');
  });

  it('twin: zone 2 holds 150 m³ < 183.8 m³ although the site’s 390 m³ exceeds 365.6 m³: not a pass', async () => {
    const { f } = await firstFinding(await xlsx('zone-blocks-2.xlsx', (wb) => rows(wb.addWorksheet('海绵计算书'), book(150))), oneCondition(S1, '牡丹江市'));
    expect(f.verdict).not.toBe('pass');
    expect(f.message).toContain('2#汇水分区');
  });
});
