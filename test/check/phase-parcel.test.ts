// A phase (一期, 二期) in a title is part of the project unless the sheet itself identifies the phase
// with a parcel (shared/model/parcels.ts phaseParcel; docs/evidence-policy.md partial-scope), and
// that parcel is the contract's (otherParcelGate). Real xlsx built with exceljs, in two layouts, with
// negative twins that stay 需复核.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../shared/import/index';
import { evaluate } from '../../shared/check/engine';
import { phaseParcel } from '../../shared/model/parcels';
import type { Condition, ConditionsDoc, Finding } from '../../shared/model/types';
import { rows, xlsx } from '../import/helpers';

const P4: Condition = { id: 'P4', indicator: 'building_density', op: '>=', value: 40 };
const P2: Condition = { id: 'P2', indicator: 'green_ratio', op: '<=', value: 20 };
const contract = { parcel: 'JN05(252):2025-012地块', city: '成都市', signedOn: '2025-06-01' };

let n = 0;
async function check(sheets: Array<{ name: string; data: unknown[][] }>, c: ConditionsDoc['contract'] = contract): Promise<Finding[]> {
  const path = await xlsx(`phase-${n++}.xlsx`, (wb) => {
    for (const s of sheets) rows(wb.addWorksheet(s.name), s.data);
  });
  const doc: ConditionsDoc = { format: 'landcheck.conditions/v1', contract: c, conditions: [P4, P2] };
  return evaluate(await importWorkbook(path), doc);
}
const out = (fs: Finding[]) => fs.map((f) => [f.conditionId, f.verdict, f.basis]);

// layout 1: title, 指标名称 | 单位 | 数值, a 地块编号 row
const table = (title: string, parcelRow?: unknown[]) => [
  {
    name: '技术经济指标',
    data: [[title], ['指标名称', '单位', '数值'], ...(parcelRow ? [parcelRow] : []), ['净用地面积', '㎡', 12000], ['建筑基底面积', '㎡', 4800], ['建筑密度', '%', '40.0'], ['绿地率', '%', '15.0']],
  },
];
// layout 2: key/value pairs in columns B:C and a note line under them
const pairs = (title: string, note?: string) => [
  {
    name: '指标',
    data: [['', title], [], ['', '建筑密度', '41%'], ['', '绿地率', '16%'], [], ...(note ? [['', note]] : [])],
  },
];

describe('a phase that the sheet identifies with the contract parcel', () => {
  it('reads a phase with its parcel', () => {
    expect(phaseParcel('JN05(252):2025-012（一期）')).toMatchObject({ phases: ['一期'] });
    expect(phaseParcel('一期用地即JN05(252):2025-012地块')).toMatchObject({ phases: ['一期'] });
    expect(phaseParcel('成都市某智能制造产业园一期 技术经济指标')).toBeNull();
  });

  it('without anything that ties the phase to the parcel, 一期 in the title stays partial-scope', async () => {
    expect(out(await check(table('成都市某智能制造产业园一期 技术经济指标')))).toEqual([
      ['P4', 'review', 'partial-scope'],
      ['P2', 'review', 'partial-scope'],
    ]);
  });

  it('layout 1: a 地块编号 row naming the contract parcel as the phase → pass', async () => {
    expect(out(await check(table('成都市某智能制造产业园一期 技术经济指标', ['地块编号', '', 'JN05(252):2025-012（一期）'])))).toEqual([
      ['P4', 'pass', 'agree-pass'],
      ['P2', 'pass', 'declared-pass'],
    ]);
  });

  it('layout 2: a note saying the phase is the contract parcel → pass', async () => {
    const fs = await check(pairs('某产业园一期主要技术经济指标', '注：一期用地即JN05(252):2025-012地块全部用地。'));
    expect(fs.map((f) => f.verdict)).toEqual(['pass', 'pass']);
  });

  it('negative twin: a contract that names no parcel cannot hold the phase’s parcel against its own → partial-scope, both layouts', async () => {
    const noParcel = { city: '成都市', signedOn: '2025-06-01' };
    for (const sheets of [table('成都市某智能制造产业园一期 技术经济指标', ['地块编号', '', 'JN05(252):2025-012（一期）']), pairs('某产业园一期主要技术经济指标', '注：一期用地即JN05(252):2025-012地块全部用地。')]) {
      expect(out(await check(sheets, noParcel))).toEqual([
        ['P4', 'review', 'partial-scope'],
        ['P2', 'review', 'partial-scope'],
      ]);
    }
  });

  it('negative twin: the phase is tied to another parcel → never pass', async () => {
    const fs = await check(table('成都市某智能制造产业园一期 技术经济指标', ['地块编号', '', 'JN05(252):2025-013（一期）']));
    expect(fs.map((f) => f.verdict)).toEqual(['review', 'review']);
    expect(fs[0].basis).toBe('parcel-mismatch');
  });

  it('negative twin: the parcel is tied to 一期 but the title is about 二期 → partial-scope', async () => {
    const fs = await check(pairs('某产业园二期主要技术经济指标', '注：一期用地即JN05(252):2025-012地块全部用地。'));
    expect(fs.map((f) => f.verdict)).toEqual(['review', 'review']);
  });

  it('negative twin: a title that also names a part (住宅部分) stays partial-scope', async () => {
    const fs = await check(table('某产业园一期住宅部分 技术经济指标', ['地块编号', '', 'JN05(252):2025-012（一期）']));
    expect(fs.map((f) => f.basis)).toEqual(['partial-scope', 'partial-scope']);
  });
});
