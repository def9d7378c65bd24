// The agency workflow in the browser: overrides survive a re-run (and changed evidence is asked
// about, old and new side by side); 复审 compares two submissions; the corrections screen lists
// remembered cells per layout, and a typed value never reaches another project.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, shot, ROOT, USER } from './fixtures';
import { CONDITIONS, SHEET, indicatorWorkbook } from '../api/workbooks';

const xlsx = (name: string, data: Buffer) => ({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: data });

test('重新审查保留改判；证据变化时并列新旧证据请用户确认', async ({ page, host }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.url);
  await page.getByTestId('sample-select').selectOption('public-mixed-songjiang');
  await expect(page.getByTestId('summary')).toBeVisible();

  // Override S1 (年径流总量控制率, 需复核) with a reason.
  const s1 = page.locator('section.group[data-condition-id=S1] tbody.finding').first();
  await expect(s1).toHaveAttribute('data-verdict', 'review');
  await s1.locator('button.expand').click();
  await s1.getByRole('button', { name: '改判…' }).click();
  await s1.getByTestId('override-form').getByLabel('改判为').selectOption('pass');
  await s1.getByTestId('override-form').getByLabel('改判理由').fill('海绵专项验收资料齐全');
  await s1.getByTestId('override-form').getByRole('button', { name: '确认改判' }).click();
  await expect(s1).toHaveAttribute('data-verdict', 'pass');
  await expect(s1.getByTestId('override-note')).toContainText(USER);

  // Re-run: the override and its reason are still there.
  await page.getByRole('button', { name: '重新审查' }).click();
  await expect(page.getByTestId('notice-success').filter({ hasText: '沿用改判 1 项' })).toBeVisible();
  await expect(s1).toHaveAttribute('data-verdict', 'pass');
  await expect(s1.getByTestId('override-note')).toContainText('海绵专项验收资料齐全');
  await expect(page.getByTestId('carryovers')).toHaveCount(0);

  // The evidence changes (a value typed for this import): the re-run asks instead of re-attaching.
  await page.locator('[data-nav=import]').click();
  await page.getByRole('button', { name: '更正 年径流总量控制率', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: '直接填写数值' }).check();
  await dialog.getByRole('textbox', { name: '数值' }).fill('85%');
  await dialog.getByLabel('更正原因').fill('按海绵专项设计说明');
  await dialog.getByRole('button', { name: '确认更正' }).click();
  await expect(page.getByTestId('notice-success').filter({ hasText: '只用于本次导入' })).toBeVisible();
  await page.locator('[data-nav=results]').click();
  await page.getByTestId('stale').getByRole('button', { name: /重新审查/ }).click();
  const carry = page.getByTestId('carryovers');
  await expect(carry).toContainText('上次审查的改判待确认（1）');
  await expect(carry).toContainText('海绵专项验收资料齐全');
  const evidence = carry.getByTestId('evidence');
  await expect(evidence.locator('tr[data-changed=true]', { hasText: '申报值' })).toContainText('80%');
  await expect(evidence.locator('tr[data-changed=true]', { hasText: '申报值' })).toContainText('85%');
  await expect(evidence.locator('tr[data-changed=true]', { hasText: '来源单元格' })).toContainText('人工录入');
  await expect(s1).toHaveAttribute('data-verdict', 'review');
  await carry.scrollIntoViewIfNeeded();
  await shot(page, '30-override-carryover');
  await carry.getByRole('button', { name: '保留改判' }).click();
  await expect(page.getByTestId('carryovers')).toHaveCount(0);
  await expect(s1).toHaveAttribute('data-verdict', 'pass');

  // Who did what is in the audit trail.
  await page.locator('[data-nav=history]').click();
  const trail = page.getByTestId('audit-trail');
  await expect(trail.locator('tr[data-kind=override]').first()).toContainText(USER);
  await expect(trail.locator('tr[data-kind="override.decide"]')).toContainText('保留证据已变化的改判');
  await expect(trail.locator('tr[data-kind="override.carry"]', { hasText: '沿用改判 1 项' })).toHaveCount(1);
  await expect(trail.locator('tr[data-kind="override.carry"]', { hasText: '1 项改判的证据有变化，待确认' })).toHaveCount(1);
  await shot(page, '31-history');
  expect(errors).toEqual([]);
});

test('复审：第二次送审与第一次对比，已关闭和新增的审查意见', async ({ page, host }) => {
  const p = await host.api('projects.create', { name: '复审演示项目', parcel: 'G-01' });
  await host.api('conditions.save', { projectId: p.id, doc: CONDITIONS });
  await page.goto(host.url);
  await page.getByRole('button', { name: '复审演示项目', exact: true }).click();
  await page.locator('[data-nav=import]').click();
  await page.locator('#import-file').setInputFiles(xlsx('第一次送审.xlsx', await indicatorWorkbook({ greenRatio: 0.3, far: 2.2, height: 50 })));
  await expect(page.getByTestId('import-meta')).toContainText('第 1 次导入');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('summary').locator('[data-overall]')).toHaveAttribute('data-overall', 'fail');
  await expect(page.getByTestId('compare')).toHaveCount(0);

  await page.locator('[data-nav=import]').click();
  await page.locator('#import-file').setInputFiles(xlsx('第二次送审.xlsx', await indicatorWorkbook({ greenRatio: 0.36, far: 2.3, height: 65 })));
  await expect(page.getByTestId('import-meta')).toContainText('第 2 次导入');
  await expect(page.getByTestId('import-versions')).toContainText('第 1 次 第一次送审.xlsx');
  await page.keyboard.press('Control+Enter');
  const compare = page.getByTestId('compare');
  await expect(compare).toContainText('与第 1 次审查相比：已关闭意见 1 条，仍未关闭 1 条，新增 1 条');
  await compare.getByRole('button', { name: /复审对比/ }).click();
  await expect(compare.getByLabel('原审查')).toContainText('第一次送审.xlsx');
  const opinions = compare.getByTestId('compare-opinions');
  await expect(opinions.locator('tr[data-kind=closed]')).toHaveAttribute('data-condition-id', 'P2');
  await expect(opinions.locator('tr[data-kind=open]')).toHaveAttribute('data-condition-id', 'P1');
  await expect(opinions.locator('tr[data-kind=added]')).toHaveAttribute('data-condition-id', 'H1');
  const values = compare.getByTestId('compare-values');
  await expect(values.locator('tr[data-indicator=green_ratio]')).toContainText(`30%（${SHEET}!B6）`);
  await expect(values.locator('tr[data-indicator=green_ratio]')).toContainText('36%');
  await compare.scrollIntoViewIfNeeded();
  await shot(page, '32-resubmission-compare');
});

test('单元格对应：按格式记住单元格（谁、何时），可删除；手填数值不进入其他项目', async ({ page, host }) => {
  const a = await host.api('projects.create', { name: '甲设计院项目' });
  await host.api('conditions.save', { projectId: a.id, doc: CONDITIONS });
  const b = await host.api('projects.create', { name: '乙项目（同一格式）' });
  await host.api('conditions.save', { projectId: b.id, doc: CONDITIONS });
  await page.goto(host.url);
  await page.getByRole('button', { name: '甲设计院项目', exact: true }).click();
  await page.locator('[data-nav=import]').click();
  await page.locator('#import-file').setInputFiles(xlsx('甲.xlsx', await indicatorWorkbook({ greenRatio: 0.3, unlabelled: 0.37, height: 54 })));
  await expect(page.getByTestId('import-project')).toBeVisible();

  // A cell, remembered for the layout.
  await page.getByRole('button', { name: '更正 绿地率', exact: true }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: '单元格' }).fill(`${SHEET}!B12`);
  await dialog.getByLabel('更正原因').fill('以附表校核值为准');
  await dialog.getByRole('button', { name: '确认更正' }).click();
  await expect(page.getByTestId('notice-success').filter({ hasText: '记住该单元格' })).toBeVisible();
  await expect(page.getByTestId('import-project').locator('tr[data-indicator=green_ratio]')).toContainText('按记住的单元格');
  // A typed value, for this import only.
  await page.getByRole('button', { name: '更正 建筑高度', exact: true }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: '直接填写数值' }).check();
  await dialog.getByRole('textbox', { name: '数值' }).fill('99');
  await dialog.getByLabel('更正原因').fill('按规划许可证');
  await dialog.getByRole('button', { name: '确认更正' }).click();
  await expect(page.getByTestId('typed-values')).toContainText('建筑高度 = 99');

  // Another project, the same layout: the remembered cell applies, the typed value does not.
  await page.locator('[data-nav=projects]').click();
  await page.getByRole('button', { name: '乙项目（同一格式）', exact: true }).click();
  await page.locator('[data-nav=import]').click();
  await page.locator('#import-file').setInputFiles(xlsx('乙.xlsx', await indicatorWorkbook({ greenRatio: 0.31, unlabelled: 0.33, height: 48, name: '乙' })));
  await expect(page.getByTestId('notice-success').filter({ hasText: '按记住的单元格读取了 1 项' })).toBeVisible();
  await expect(page.getByTestId('import-project').locator('tr[data-indicator=green_ratio]')).toContainText('33%');
  await expect(page.getByTestId('import-project').locator('tr[data-indicator=building_height]')).toContainText('48 m');
  await expect(page.getByTestId('import-project')).not.toContainText('人工录入');
  await expect(page.getByTestId('applied-mappings')).toContainText(USER);

  // The corrections screen: per layout, who and when; removing one.
  await page.getByTestId('applied-mappings').getByRole('button', { name: '管理' }).click();
  await expect(page.locator('main')).toHaveAttribute('data-screen', 'mappings');
  const table = page.getByTestId('mapping-table');
  const row = table.locator('tr[data-indicator=green_ratio]');
  await expect(row).toContainText(`${SHEET}!B12`);
  await expect(row).toContainText(USER);
  await expect(row).toContainText('以附表校核值为准');
  await expect(row).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d/);
  await expect(page.locator('main')).not.toContainText('99');
  await shot(page, '33-mappings');
  await row.getByRole('button', { name: '删除 绿地率 的对应关系' }).click();
  await page.getByRole('dialog', { name: '删除对应关系' }).getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('还没有记住的单元格对应关系。')).toBeVisible();
});

test('导入：列出未读取的内容（隐藏工作表、未能读取的表格、未采用的标签）', async ({ page, host }) => {
  // An import whose reading says what it did not look at (the importer fills `coverage`/`unread`),
  // written into the host's database as the importer would leave it (by the store, in a child process).
  const p = await host.api('projects.create', { name: '读取范围项目' });
  const base = (await host.api('projects.openSample', { sample: 'residential-jiading' })).projectId;
  const imported = (await host.api('projects.get', { projectId: base })).lastImport!.imported;
  const withCoverage = {
    ...imported,
    unread: [{ sheet: '附表', range: 'B4:H20', title: '单体装配率计算表', indicators: ['assembly_ratio', 'building_name'], reason: '表头无法对应到单体和指标' }],
    coverage: [
      { sheet: '主要技术经济指标', state: 'visible', cells: 120, used: 96, unusedLabels: [{ source: '主要技术经济指标!A30', label: '绿地率（含屋顶绿化）', indicator: 'green_ratio', reason: '同一指标已从 C13 读取' }] },
      { sheet: '旧版指标', state: 'hidden', cells: 80, used: 0, unusedLabels: [] },
    ],
  };
  const file = join(host.dir, 'import.json');
  writeFileSync(file, JSON.stringify(withCoverage));
  const script = `import { readFileSync } from 'node:fs'; import { openStore } from './shared/store/index.ts';
    const s = openStore(process.argv[1]); s.recordImport(Number(process.argv[2]), JSON.parse(readFileSync(process.argv[3], 'utf8')), 'with-coverage.xlsx'); s.close();`;
  execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, join(host.dir, 'landcheck.sqlite'), String(p.id), file], { cwd: ROOT });
  await page.goto(host.url);
  await page.getByRole('button', { name: '读取范围项目', exact: true }).click();
  await page.locator('[data-nav=import]').click();
  const coverage = page.getByTestId('import-coverage');
  await expect(coverage).toContainText('跳过隐藏工作表 1 个，未能读取的表格 1 处，识别了标签但未采用的数值 1 处');
  await expect(coverage).toContainText('可见工作表共 120 个非空单元格，使用了 96 个');
  await coverage.getByRole('button', { name: '查看明细' }).click();
  await expect(coverage).toContainText('工作表“旧版指标”是隐藏工作表，未读取');
  await expect(coverage).toContainText('附表!B4:H20“单体装配率计算表”：表头无法对应到单体和指标（可能涉及：装配率、单体名称）');
  await expect(coverage).toContainText('“绿地率（含屋顶绿化）”（绿地率）：同一指标已从 C13 读取');
  await shot(page, '38-import-coverage');
  // An import without this information (older imports) shows nothing about it. (Samples are now
  // read with coverage, so the older import is written without `coverage`/`unread`.)
  const old = await host.api('projects.create', { name: '旧导入项目' });
  const { coverage: _c, unread: _u, ...older } = imported;
  writeFileSync(file, JSON.stringify(older));
  execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, join(host.dir, 'landcheck.sqlite'), String(old.id), file], { cwd: ROOT });
  await page.reload();
  await page.locator('[data-nav=projects]').click();
  await page.getByRole('button', { name: '旧导入项目', exact: true }).click();
  await page.locator('[data-nav=import]').click();
  await expect(page.getByTestId('import-project')).toBeVisible();
  await expect(page.getByTestId('import-coverage')).toHaveCount(0);
});
