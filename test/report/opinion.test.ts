// The 审查意见书 an agency would sign, read back with poppler from real sample reports: identity
// from the project and the contract (with a warning when the sheet names another project),
// 项目概况, 审查依据, 审查结论 with manual interventions and who made them, one numbered 审查意见
// with 整改要求 per finding that is not 符合, sign-off with room for signatures, and no
// developer words anywhere.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckRun } from '../../shared/model/types';
import { applyOverrides } from '../../shared/check/overrides';
import { applyCorrections } from '../../shared/api/corrections';
import { checkImported } from '../../shared/check/run';
import { renderReportPdf } from '../../shared/report/pdf';
import { verifyReportFile } from '../../shared/report/verify';
import { pdftotext, tempDir, writePdf } from './helpers';
import { ISSUED, SAMPLES, sampleInputs, sampleRun } from './samples';

const NAMES = ['public-mixed-songjiang', 'messy-renovation', 'industrial-lingang', 'residential-jiading'];
const ORG = { name: '上海市某施工图审查中心', sealText: '审查专用章', signatories: { preparer: '张三', checker: '李四', approver: '王五' } };
const dir = tempDir();
const texts = new Map<string, string>();
const runs = new Map<string, CheckRun>();

const flat = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  for (const n of NAMES) {
    const run = await sampleRun(n);
    runs.set(n, run);
    const pdf = await renderReportPdf(run, { org: ORG, issuedAt: ISSUED, project: { name: n === 'messy-renovation' ? '虹口区北外滩某地块改造项目' : undefined, developer: '上海某置业有限公司' } });
    texts.set(n, pdftotext(writePdf(dir, `${n}.pdf`, pdf), true));
  }
}, 120_000);

describe('the 审查意见书', () => {
  it('has the sections in order, and one numbered opinion with 整改要求 per finding that is not 符合', () => {
    for (const n of NAMES) {
      const text = texts.get(n)!;
      const f = flat(text);
      const order = ['一、项目概况', '二、审查依据', '三、审查结论', '四、审查意见', '五、逐条审查结果', '六、一致性提示与导入说明', '七、签署'].map((h) => f.indexOf(h));
      expect(order.every((x, i) => x > 0 && (i === 0 || x > order[i - 1])), `${n}: ${order.join(',')}`).toBe(true);
      const nonPassing = runs.get(n)!.result.findings.filter((x) => x.verdict === 'fail' || x.verdict === 'review' || x.verdict === 'missing');
      const opinions = f.slice(f.indexOf('四、审查意见'), f.indexOf('五、逐条审查结果'));
      expect((opinions.match(/整改要求(?!修改设计)/g) ?? []).length, n).toBe(nonPassing.length);
      for (let i = 1; i <= nonPassing.length; i++) expect(opinions, `${n} item ${i}`).toContain(`（${i}）【`);
      for (const x of nonPassing) expect(opinions).toContain(`条件${x.conditionId}`);
    }
  });

  it('states the gap in the indicator\'s units and a concrete requirement (storage volume, star, points from Table 4.0.1)', () => {
    const f = flat(texts.get('public-mixed-songjiang')!);
    expect(f).toMatch(/调蓄容积需增加58\.5m³/);
    expect(f).toContain('差1个星级');
    expect(f).toMatch(/装配率差7\.8个百分点，评价得分需增加约7\.4分：可选/);
    const lingang = flat(texts.get('industrial-lingang')!);
    expect(lingang).toMatch(/光伏安装面积需增加680m²/);
  });

  it('the cover names the project and the contract from the project record, and warns when the sheet names another project', () => {
    const messy = texts.get('messy-renovation')!;
    const cover = messy.split('\f')[0];
    expect(flat(cover)).toContain('项目名称虹口区北外滩某地块改造项目');
    expect(flat(cover)).toMatch(/请注意：指标表所填项目名称“北外滩HK-07街坊城市更新项目（办公及商业）”与本项目“虹口区北外滩某地块改造项目”不一致/);
    // a project known only from its sheet is named so, never "—"
    const jiading = texts.get('residential-jiading')!.split('\f')[0];
    expect(flat(jiading)).toContain('项目名称嘉定新城JDC10501单元05-02地块住宅项目（据指标表所填）');
    for (const n of NAMES) {
      const c = texts.get(n)!.split('\f')[0];
      expect(c).not.toMatch(/项目名称\s+—/);
      expect(flat(c)).toContain('建设单位上海某置业有限公司');
    }
  });

  it('项目概况 gives the scale from the sheet and 未提供 where nothing says it; 审查依据 lists the clauses, standards and rule data', () => {
    const f = flat(texts.get('public-mixed-songjiang')!);
    expect(f).toContain('总用地面积26430m²');
    expect(f).toContain('设计单位未提供');
    expect(f).toContain('单体建筑4栋：A办公楼、B商业、C酒店、地下车库');
    expect(f).toContain('（一）土地出让合同（沪松规土(2025)第027号）中的绿色生态条件');
    expect(f).toContain('GB/T50378-2019§3.2.5–3.2.8');
    expect(f).toMatch(/《装配式建筑评价标准》GB\/T51129-2017评分表2017\+[0-9a-f]+含未核实数据/);
  });

  it('no developer words where a reader looks, in any sample report', () => {
    for (const n of NAMES) {
      const text = texts.get(n)!;
      expect(text, n).not.toMatch(/npm|\.md\b|UNCONFIRMED|PARTIAL|\bCONFIRMED|undefined|NaN|\bnull\b|working-definition/);
      expect(text, n).not.toMatch(/\b(pass|fail|review|missing|not_applicable|incomplete)\b/);
      expect(text, n).not.toMatch(/[A-Za-z]+_[A-Za-z]+/); // no snake_case ids or formula variables like E_total
    }
  });

  it('the figure caption is on the page of its chart', () => {
    const pages = texts.get('public-mixed-songjiang')!.split('\f');
    const withCaption = pages.findIndex((p) => p.includes('图 1'));
    expect(withCaption).toBeGreaterThan(0);
    expect(pages[withCaption]).toContain('各条件单体审查结果分布');
  });

  it('a runoff finding never says the data support the value while its calculation says it could not recompute', () => {
    for (const n of NAMES) {
      for (const page of texts.get(n)!.split('\f')) {
        if (flat(page).includes('表中数据支持该值')) expect(flat(page)).not.toContain('无法得出数值（输入数据不全）');
      }
    }
  });

  it('sign-off: blank space for three handwritten signatures and 执业章, names printed beneath', () => {
    const pages = texts.get('public-mixed-songjiang')!.split('\f').filter((p) => p.trim());
    const last = pages[pages.length - 1];
    expect((last.match(/（签字）/g) ?? []).length).toBe(3);
    expect((last.match(/执业章/g) ?? []).length).toBe(3);
    for (const name of ['张三', '李四', '王五']) expect(last).toContain(name);
    // the typed name sits below the blank space, not on the signature line next to the role
    const lines = last.split('\n');
    const role = lines.findIndex((l) => l.includes('编制'));
    const name = lines.findIndex((l) => l.includes('张三'));
    expect(name - role).toBeGreaterThanOrEqual(3);
  });
});

describe('manual interventions are on the cover and in 审查结论, with who made them', () => {
  it('an override by a named reviewer and a value entered by hand', async () => {
    const base = await sampleRun('public-mixed-songjiang');
    const inputs = await sampleInputs('public-mixed-songjiang');
    const { result: corrected } = await applyCorrections(
      base.imported,
      [{ indicator: 'building_height', building: null, cell: '主要技术经济指标!D14', reason: '取规划高度', user: '孙工' }],
      [{ indicator: 'green_ratio', building: null, value: '21%', reason: '以规划许可证附图为准', user: '钱工' }],
      inputs.workbook.bytes,
      inputs.workbook.name,
    );
    const rerun = checkImported(corrected, base.conditions, base.conditionsFile, new Date(base.checkedAt));
    const run = applyOverrides(rerun, [{ conditionId: 'S1', building: null, verdict: 'pass', reason: '海绵专项设计已另行审查通过', user: '赵工', createdAt: '2026-11-19T10:00:00Z' }]);
    const pdf = await renderReportPdf(run, { org: ORG, issuedAt: ISSUED });
    const text = pdftotext(writePdf(dir, 'interventions.pdf', pdf), true);
    const cover = flat(text.split('\f')[0]);
    expect(cover).toContain('其中1项结论经人工改判，2项数值经人工录入或修正');
    const f = flat(text);
    expect(f).toContain('人工改判的结论');
    expect(f).toContain('需复核→符合');
    expect(f).toContain('赵工');
    expect(f).toContain('人工录入或修正的数值');
    expect(f).toContain('以规划许可证附图为准');
    expect(f).toContain('钱工');
    expect(f).toMatch(/改取主要技术经济.{0,30}指标!D14/);
    expect(f).toContain('孙工');
    // and the report made from these interventions verifies: they are recorded in it
    const v = await verifyReportFile(pdf, inputs);
    expect(v.status, v.details.join('\n')).toBe('genuine');
    expect(v.report).toMatchObject({ overrides: 1, corrections: 2 });
  }, 60_000);
});

it('pdftotext of every sample opens (poppler reads the embedded data revision too)', () => {
  for (const n of NAMES) expect(() => execFileSync('pdfinfo', [join(dir, `${n}.pdf`)])).not.toThrow();
  expect(readFileSync(join(SAMPLES, 'index.json'), 'utf8')).toContain('samples');
});

describe('what the evidence engine says is shown in words', () => {
  it('basis, 一致性提示, import warnings and what was not read; an unknown basis id is not printed', async () => {
    const base = await sampleRun('public-mixed-songjiang');
    const run: CheckRun = structuredClone(base);
    const [a, b] = run.result.findings.filter((f) => f.verdict === 'pass');
    a.basis = 'declared-pass';
    a.remarks = ['申报值 20.999% 与复核值 21% 不一致，两者均满足要求'];
    b.basis = 'some-future-rule';
    run.result.warnings = [{ message: '单元格 主要技术经济指标!D12 的单位“㎡”与指标不符，已忽略', source: '主要技术经济指标!D12' }];
    run.result.coverage = {
      skippedSheets: [{ sheet: '旧版指标', state: 'hidden' }],
      unread: [{ sheet: '海绵', range: 'B20:F28', title: '调蓄设施', indicators: ['storage_provided'], reason: '表头无法识别' }],
      unusedLabels: 2,
      usedShare: 0.8,
    };
    const pdf = await renderReportPdf(run, { org: ORG, issuedAt: ISSUED });
    const f = flat(pdftotext(writePdf(dir, 'evidence.pdf', pdf)));
    expect(f).toContain('判定依据：按申报值判定');
    expect(f).not.toContain('some-future-rule');
    expect(f).toContain('一致性提示：申报值20.999%与复核值21%不一致，两者均满足要求');
    const notes = f.slice(f.indexOf('六、一致性提示与导入说明'));
    expect(notes).toContain('单元格主要技术经济指标!D12的单位“㎡”与指标不符，已忽略');
    expect(notes).toContain('工作表“旧版指标”为隐藏工作表，未读取');
    expect(notes).toContain('表“调蓄设施”（海绵!B20:F28）未能读取：表头无法识别');
  }, 30_000);
});
