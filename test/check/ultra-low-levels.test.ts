// A building table's value that names an energy standard level (被动式超低能耗建筑, 近零能耗建筑,
// 常规节能建筑: shared/data/energy-levels.json) is the building's 超低能耗 status, not its use, and the
// 超低能耗建筑面积占比 recomputed from the buildings' areas then bears out or refutes the declared
// share; a use column none of whose values can be read is reported unread and keeps a related
// condition from passing. Real workbooks in two layouts, with their twins.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkImported } from '../../shared/check/run';
import { importWorkbook } from '../../shared/import/index';
import type { ConditionsDoc } from '../../shared/model/types';
import { rows, tmp, xlsx } from '../import/helpers';

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const conditions = (min: number): ConditionsDoc => ({
  format: 'landcheck.conditions/v1',
  contract: { city: '天津市' },
  conditions: [{ id: 'U1', indicator: 'ultra_low_energy_ratio', op: '>=', value: min }],
});

async function check(path: string, min: number) {
  const imported = await importWorkbook(path);
  const run = checkImported(imported, conditions(min), 'c.json');
  return { imported, finding: run.result.findings[0], result: run.result };
}

/** Layout A: buildings as rows, 建筑类型 holding a level for some and a use for others. */
function rowsLayout(declared: string, types = ['被动式超低能耗建筑', '住宅', '常规节能建筑']) {
  return xlsx(`rows-${declared}-${types.join('')}.xlsx`, (wb) => {
    rows(wb.addWorksheet('超低能耗'), [
      ['楼栋', '建筑面积(㎡)', '建筑类型'],
      ['1#', 9000, types[0]],
      ['2#', 13500, types[1]],
      ['3#', 13500, types[2]],
      ['超低能耗建筑面积占比', declared],
    ]);
  });
}

/** Layout B: buildings as columns behind a cover, the declared share on another sheet. */
function sidewaysLayout(declared: string) {
  return xlsx(`sideways-${declared}.xlsx`, (wb) => {
    rows(wb.addWorksheet('封面'), [[], ['某地块项目 节能设计专篇']]);
    rows(wb.addWorksheet('技术指标'), [['项目', '设计值'], ['超低能耗建筑面积比例', declared], ['绿地率', '35%']]);
    rows(wb.addWorksheet('单体'), [
      ['楼号', '1#楼', '2#楼', '3#楼'],
      ['建筑面积(㎡)', 12000, 10000, 8000],
      ['建筑类型', '近零能耗建筑', '办公', '非超低能耗建筑'],
    ]);
  });
}

describe('energy standard levels in a building table', () => {
  it('rows layout: only 1# is 超低能耗 (9000 of 36000 = 25 %), a declared 32 % against ≥30 is refuted → review', async () => {
    const { finding, imported } = await check(await rowsLayout('32%'), 30);
    expect(imported.buildings.map((b) => b.values.ultra_low_energy_building?.value)).toEqual([true, false, false]);
    // the level is not a use; the use that is there is kept
    expect(imported.buildings.map((b) => b.use)).toEqual([null, 'residential', null]);
    expect(imported.issues.some((i) => i.message.includes('被动式超低能耗建筑'))).toBe(false);
    expect([finding.verdict, finding.basis, finding.computed]).toEqual(['review', 'disagree-recomputed-fails-unconfirmed', 25]);
  });

  it('rows layout twin: a declared 25 % that the buildings bear out passes ≥20', async () => {
    const { finding } = await check(await rowsLayout('25%'), 20);
    expect([finding.verdict, finding.basis, finding.computed]).toEqual(['pass', 'agree-pass', 25]);
  });

  it('sideways layout: 近零能耗 counts as 超低能耗, 非超低能耗 does not (12000 of 30000 = 40 %), declared 60 % → review', async () => {
    const { finding, imported } = await check(await sidewaysLayout('60%'), 50);
    expect(imported.buildings.map((b) => [b.name, b.values.ultra_low_energy_building?.value])).toEqual([
      ['1#楼', true],
      ['2#楼', false],
      ['3#楼', false],
    ]);
    expect([finding.verdict, finding.computed]).toEqual(['review', 40]);
  });

  it('sideways twin: declared 40 % against ≥30 → pass', async () => {
    const { finding } = await check(await sidewaysLayout('40%'), 30);
    expect([finding.verdict, finding.basis]).toEqual(['pass', 'agree-pass']);
  });
});

describe('a use column none of whose values can be read', () => {
  it('is reported unread, does not count as used, and keeps the related share from passing on the declared value', async () => {
    const { finding, result } = await check(await rowsLayout('32%', ['A型', 'B型', 'C型']), 30);
    const u = result.coverage!.unread.find((x) => x.sheet === '超低能耗')!;
    expect(u.range).toBe('C2:C4');
    expect(u.title).toBe('建筑类型');
    expect(result.coverage!.usedShare).toBeLessThan(1);
    expect([finding.verdict, finding.basis]).toEqual(['review', 'unread-table']);
    expect(finding.message).toContain('超低能耗!C2:C4');
  });

  it('twin: a column of uses is read, nothing unread, the declared share passes', async () => {
    const { finding, result } = await check(await rowsLayout('32%', ['住宅', '商业', '办公']), 30);
    expect(result.coverage!.unread).toEqual([]);
    expect(result.coverage!.usedShare).toBe(1);
    expect([finding.verdict, finding.basis]).toEqual(['pass', 'declared-pass']);
  });
});

describe('a column of energy levels (能效等级) and a share stated 含近零能耗', () => {
  /** 1# 近零能耗 20000, 2# 超低能耗 10000, 3# 节能75% 25000 → 30000 / 55000 = 54.55 %. */
  function levels(label: string, declared: string, sideways = false) {
    return xlsx(`levels-${label.length}-${declared}-${sideways}.xlsx`, (wb) => {
      const ws = wb.addWorksheet('能效');
      if (!sideways) {
        rows(ws, [['单体', '建筑面积(㎡)', '能效等级'], ['1#', 20000, '近零能耗建筑'], ['2#', 10000, '超低能耗建筑'], ['3#', 25000, '节能75%'], [label, declared]]);
      } else {
        rows(ws, [['楼号', '1#楼', '2#楼', '3#楼'], ['建筑面积(㎡)', 20000, 10000, 25000], ['建筑节能等级', '近零能耗建筑', '超低能耗建筑', '节能75%']]);
        rows(wb.addWorksheet('指标'), [['指标', '设计值'], [label, declared]]);
      }
    });
  }

  it('“（含近零能耗）” does not limit an 超低能耗 figure (近零能耗 is the stricter tier): the share the levels bear out passes', async () => {
    for (const sideways of [false, true]) {
      const { finding, imported } = await check(await levels('超低能耗建筑面积占比（含近零能耗）', '54.5%', sideways), 50);
      expect(imported.issues.filter((i) => i.indicator === 'ultra_low_energy_building')).toEqual([]);
      expect([finding.verdict, finding.basis, finding.computed]).toEqual(['pass', 'agree-pass', 54.55]);
    }
  });

  it('twins: a share the levels refute → review; a note that does limit the figure → review', async () => {
    const refuted = await check(await levels('超低能耗建筑面积占比（含近零能耗）', '60%'), 56);
    expect([refuted.finding.verdict, refuted.finding.computed]).toEqual(['review', 54.55]);
    const limited = await check(await levels('超低能耗建筑面积占比（仅住宅部分）', '54.5%'), 50);
    expect([limited.finding.verdict, limited.finding.basis]).toEqual(['review', 'declared-remark']);
  });
});

describe('a per-building 超低能耗建筑 column of 是/否', () => {
  const table = (flags: string[], layout: 'rows' | 'sideways') =>
    xlsx(`flags-${layout}-${flags.join('')}.xlsx`, (wb) => {
      const ws = wb.addWorksheet('超低能耗');
      if (layout === 'rows') rows(ws, [['楼号', '建筑面积(㎡)', '超低能耗建筑'], ['1#', 6000, flags[0]], ['2#', 14000, flags[1]], [], ['超低能耗建筑面积占比', '54.5%']]);
      else {
        rows(ws, [['指标', '1#', '2#'], ['建筑面积(㎡)', 6000, 14000], ['超低能耗建筑', flags[0], flags[1]]]);
        rows(wb.addWorksheet('主要指标'), [['项目', '数值'], ['超低能耗建筑面积占比', '54.5%']]);
      }
    });
  for (const layout of ['rows', 'sideways'] as const) {
    it(`${layout}: the header alone names the flag; 是/否 giving 30 % refutes a declared 54.5 % (review); 是（拟） is only intended (review); 是/是 bears it out`, async () => {
      expect((await check(await table(['是', '否'], layout), 50)).finding).toMatchObject({ verdict: 'review', computed: 30 });
      expect((await check(await table(['是（拟）', '是（拟）'], layout), 50)).finding).toMatchObject({ verdict: 'review', basis: 'input-undetermined' });
      expect((await check(await table(['是', '是'], layout), 50)).finding).toMatchObject({ verdict: 'pass' });
    });
  }
});

describe('a building listed without its area', () => {
  /** 1# 超低能耗 9000, 2# 常规 with area `area2`: 9000 / 18000 = 50 %, or 100 % of what is left. */
  const table = (area2: unknown, sideways: boolean) =>
    xlsx(`no-area-${String(area2)}-${sideways}.xlsx`, (wb) => {
      const ws = wb.addWorksheet('单体');
      if (!sideways) rows(ws, [['楼号', '建筑面积(㎡)', '建筑类型'], ['1#', 9000, '超低能耗建筑'], ['2#', area2, '常规节能建筑'], [], ['超低能耗建筑面积占比', '55%']]);
      else {
        rows(ws, [['楼号', '1#楼', '2#楼'], ['建筑面积(㎡)', 9000, area2], ['建筑类型', '超低能耗建筑', '常规节能建筑']]);
        rows(wb.addWorksheet('指标'), [['项目', '设计值'], ['超低能耗建筑面积占比', '55%']]);
      }
    });

  it('a non-超低能耗 building without area leaves the denominator unknown: a declared 55 % never passes on the rest', async () => {
    for (const sideways of [false, true]) {
      const { finding } = await check(await table('—', sideways), 50);
      expect([finding.verdict, finding.basis], `sideways ${sideways}`).toEqual(['review', 'input-undetermined']);
      expect(finding.message).toContain('2#');
    }
  });

  it('twin: with its area the share is 50 % and refutes 55 % against ≥52', async () => {
    for (const sideways of [false, true]) {
      const { finding } = await check(await table(9000, sideways), 52);
      expect([finding.verdict, finding.computed], `sideways ${sideways}`).toEqual(['review', 50]);
    }
  });
});
