// A 下垫面 row or a 调蓄设施 row whose figure cannot be read makes the runoff recomputation unknown,
// not smaller: leaving a roof out of Σψ·A lowers both φ and F (and so the storage needed), and an
// unreadable facility volume is not 0 m³. The declared rate then never passes on the rest of the
// table (evidence rule input-undetermined, docs/evidence-policy.md). Real workbooks in two layouts,
// each with a readable twin that shows the table itself is read.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { evaluate } from '../../shared/check/engine';
import type { Condition, ConditionsDoc, Finding } from '../../shared/model/types';
import { rows, xlsx } from '../import/helpers';

// 年径流总量控制率 ≥ 75 %, 对应设计降雨量 22.2 mm (the contract's own H decides V = 10·H·φ·F)
const R1: Condition = { id: 'R1', indicator: 'runoff_capture', op: '>=', value: 75, companion: { design_rainfall: 22.2 } };
const doc: ConditionsDoc = { format: 'landcheck.conditions/v1', contract: { parcel: 'A-3', city: '测试市', signedOn: '2025-06-01' }, conditions: [R1] };

let n = 0;
async function check(data: unknown[][]): Promise<Finding> {
  const path = await xlsx(`unread-parts-${n++}.xlsx`, (wb) => rows(wb.addWorksheet('海绵城市计算书'), data));
  const [f] = evaluate(await importWorkbook(path), doc);
  return f;
}

// Surfaces: 屋面 3000 × 0.9, 绿地 4000 × 0.15, 道路 2000 × 0.9 → φ = 5100 / 9000 = 0.567, F = 9000 m²,
// V = 22.2 × 0.567 × 9000 / 1000 = 113.3 m³. Without the 道路 row φ = 3300 / 7000 = 0.471 and
// V = 73.2 m³: 80 m³ of storage would wrongly look enough.
const surfaceSheet = (roadArea: unknown, storage: number) => [
  ['海绵城市设计计算书'],
  ['年径流总量控制率', '75%'],
  [],
  ['下垫面类型', '面积(㎡)', '雨量径流系数'],
  ['屋面', 3000, 0.9],
  ['绿地', 4000, 0.15],
  ['道路', roadArea, 0.9],
  [],
  ['实际调蓄容积', storage, 'm³'],
];

// Facilities under stated F 9000 m² and φ 0.57: V = 22.2 × 0.57 × 9000 / 1000 = 113.9 m³.
const facilitySheet = (gardenVolume: unknown) => [
  ['海绵城市专项设计'],
  ['汇水面积（㎡）', 9000],
  ['综合雨量径流系数', 0.57],
  ['年径流总量控制率', '75%'],
  [],
  ['调蓄设施', '调蓄容积(m³)'],
  ['雨水调蓄池', 60],
  ['下凹式绿地', gardenVolume],
];

describe('runoff: a part the importer could not read makes the recomputation unknown', () => {
  it('surface table, readable twin: 120 m³ ≥ 113.3 m³ passes', async () => {
    const f = await check(surfaceSheet(2000, 120));
    expect(f.verdict).toBe('pass');
    expect(f.calculation?.details?.phi).toBe(0.567);
  });

  it('surface table, readable twin: 80 m³ < 113.3 m³ does not support the declared 75 %', async () => {
    const f = await check(surfaceSheet(2000, 80));
    expect([f.verdict, f.basis]).toEqual(['review', 'declared-unsupported']);
  });

  it('surface table with the road area unreadable: 80 m³ is not checked against the rest (no pass)', async () => {
    const f = await check(surfaceSheet('见总图', 80));
    expect([f.verdict, f.basis]).toEqual(['review', 'input-undetermined']);
    expect(f.message).toContain('海绵城市计算书!A7');
    expect(f.calculation?.details?.phi).toBeNull();
  });

  it('facility table, readable twin: 60 + 70 = 130 m³ ≥ 113.9 m³ passes', async () => {
    const f = await check(facilitySheet(70));
    expect(f.verdict).toBe('pass');
    expect(f.calculation?.details?.V_provided).toBe(130);
  });

  it('facility table with one volume unreadable: the storage is unknown, not 60 m³', async () => {
    const f = await check(facilitySheet('详见节点大样'));
    expect([f.verdict, f.basis]).toEqual(['review', 'input-undetermined']);
    expect(f.message).toContain('下凹式绿地');
    expect(f.calculation?.details?.V_provided).toBeUndefined();
  });
});

describe('summary rows right under a 调蓄设施 table', () => {
  // F 9000 m², φ 0.57 → V = 113.9 m³ at 22.2 mm; the rate is stated on the row after the facilities
  const sheet = (garden: number, withTotal: boolean) => [
    ['汇水面积（㎡）', 9000],
    ['综合雨量径流系数', 0.57],
    [],
    ['调蓄设施', '调蓄容积(m³)'],
    ['雨水调蓄池', 60],
    ['下凹式绿地', garden],
    ...(withTotal ? [['合计', 60 + garden]] : []),
    ['年径流总量控制率', '75%'],
  ];

  it('年径流总量控制率 on the next row is the declared rate, not a facility; the storage decides (with and without 合计)', async () => {
    for (const withTotal of [true, false]) {
      const ok = await check(sheet(70, withTotal));
      expect([ok.verdict, ok.source], `合计 ${withTotal}`).toEqual(['pass', withTotal ? '海绵城市计算书!B8' : '海绵城市计算书!B7']);
      expect(ok.calculation?.details?.V_provided).toBe(130);
      const short = await check(sheet(40, withTotal));
      expect([short.verdict, short.basis], `合计 ${withTotal}`).toEqual(['review', 'declared-unsupported']);
    }
  });
});

describe('a 下垫面 table with each 汇水分区’s storage beside its surfaces', () => {
  // 分区一: φ = (0.85×3000 + 0.15×3000) / 6000 = 0.5, V = 22.2 × 0.5 × 6000 / 1000 = 66.6 m³
  // 分区二: φ = (0.85×4000 + 0.15×2000) / 6000 = 0.617, V = 22.2 × 0.617 × 6000 / 1000 = 82.2 m³
  const zones = (zone2: number, merged: boolean) => [
    ['汇水分区', '下垫面', '面积(㎡)', '径流系数', '需调蓄容积(m³)', '设计调蓄容积(m³)'],
    ['分区一', '屋面', 3000, 0.85, 66.6, 90],
    ['分区一', '绿地', 3000, 0.15, merged ? undefined : 66.6, merged ? undefined : 90],
    ['分区二', '屋面', 4000, 0.85, 82.2, zone2],
    ['分区二', '绿地', 2000, 0.15, merged ? undefined : 82.2, merged ? undefined : zone2],
    [],
    ['年径流总量控制率', '75%'],
  ];
  const book = async (zone2: number, merged: boolean) => {
    const path = await xlsx(`zone-storage-${zone2}-${merged}.xlsx`, (wb) => {
      const ws = wb.addWorksheet('汇水分区计算');
      rows(ws, zones(zone2, merged));
      if (merged) for (const m of ['A2:A3', 'E2:E3', 'F2:F3', 'A4:A5', 'E4:E5', 'F4:F5']) ws.mergeCells(m);
    });
    return evaluate(await importWorkbook(path), doc)[0];
  };

  it('merged per zone: each zone’s storage against its own V; 分区二 short (60 < 82.2) never passes though the site total is enough', async () => {
    const short = await book(60, true);
    expect([short.verdict, short.basis]).toEqual(['review', 'declared-unsupported']);
    expect(short.message).toContain('分区二');
    const ok = await book(85, true);
    expect(ok.verdict).toBe('pass');
  });

  it('the zone’s storage written on every row, not merged: unclear (sum or repeat?), the table is unread', async () => {
    const f = await book(85, false);
    expect([f.verdict, f.basis]).toEqual(['review', 'unread-table']);
  });
});

describe('a table of 汇水分区 with 需调蓄容积 and 设计调蓄容积 columns', () => {
  // 1区: V = 22.2 × 0.55 × 12000 / 1000 = 146.5 m³; 2区: V = 22.2 × 0.6 × 9000 / 1000 = 119.9 m³
  const table = (zone2: number) => [
    ['年径流总量控制率', '75%'],
    [],
    ['汇水分区', '汇水面积F(㎡)', '综合径流系数φ', '需调蓄容积(m³)', '设计调蓄容积(m³)'],
    ['1区', 12000, 0.55, 146.5, 180],
    ['2区', 9000, 0.6, 119.9, zone2],
    ['合计', 21000, 0.571, 266.4, 180 + zone2],
  ];
  it('the 设计 column is each zone’s storage: 2区 100 < 119.9 m³ never passes though the total 280 m³ is enough; 125 m³ passes', async () => {
    const short = await check(table(100));
    expect([short.verdict, short.basis]).toEqual(['review', 'declared-unsupported']);
    expect(short.message).toContain('2区');
    expect((await check(table(125))).verdict).toBe('pass');
  });
});
