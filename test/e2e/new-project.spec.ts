// A project from scratch: conditions from pasted contract text (unparsed sentences listed), a
// template, editing an 或 condition, JSON import/export, saving versions; importing a broken file
// (plain Chinese error), correcting a value with a reason; running the check; keyboard access.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, shot, SAMPLES } from './fixtures';

const CONTRACT_TEXT = [
  '第五条 容积率不大于2.0；绿地率不低于35%。',
  '第十二条（一）本地块新建建筑应按绿色建筑二星级及以上标准建设。',
  '第十四条 年径流总量控制率应达到较高水平。',
].join('\n');

test('新项目：粘贴条款、模板、编辑、导入导出、更正、审查', async ({ page, host }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.url);
  await expect(page.getByTestId('project-count')).toHaveText('共 0 个项目');

  // Keyboard: the first Tab reaches the navigation; Ctrl+N opens the new-project dialog.
  await page.keyboard.press('Tab');
  await expect(page.locator('[data-nav=projects]')).toBeFocused();
  // Tab on through the page: the main actions are reachable and the focus ring is visible.
  const reached = new Set<string>();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string | null } | null } }).document.activeElement?.textContent?.trim() ?? ''));
  }
  expect(reached).toContain('新建项目');
  expect(reached).toContain('批量审查');
  await page.getByRole('button', { name: '新建项目' }).focus();
  const outline = await page.getByRole('button', { name: '新建项目' }).evaluate((el) => {
    const g = globalThis as unknown as { getComputedStyle(e: unknown): { outlineStyle: string; outlineWidth: string } };
    return g.getComputedStyle(el).outlineStyle + ' ' + g.getComputedStyle(el).outlineWidth;
  });
  expect(outline).toBe('solid 2px');
  await shot(page, '00-keyboard-focus');
  await page.keyboard.press('Control+N');
  await page.getByRole('dialog').getByLabel('项目名称').fill('嘉定新城住宅项目');
  await page.getByRole('dialog').getByPlaceholder('如 JDC10501单元05-02地块').fill('JDC10501单元05-02地块');
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toHaveAttribute('data-screen', 'conditions');
  // Results cannot run yet: the empty state says what is missing.
  await page.locator('[data-nav=results]').click();
  await expect(page.getByText('还没有出让条件')).toBeVisible();
  await expect(page.getByText('还没有导入指标表')).toBeVisible();
  await expect(page.getByRole('button', { name: '开始审查' })).toBeDisabled();
  await page.locator('[data-nav=conditions]').click();

  // Paste contract text: three conditions recognised, one sentence listed with its reason.
  await page.getByRole('button', { name: '粘贴合同条款' }).click();
  await page.getByRole('dialog').getByLabel('合同条款原文').fill(CONTRACT_TEXT);
  await page.getByRole('dialog').getByRole('button', { name: '识别条件' }).click();
  await expect(page.locator('article.cond-card')).toHaveCount(3);
  await expect(page.getByTestId('unparsed')).toContainText('年径流总量控制率应达到较高水平');
  await expect(page.getByTestId('unparsed')).toContainText('未写明数值');
  await expect(page.getByTestId('validation')).toContainText('共 3 条');
  await shot(page, '20-conditions-from-text');

  // Turn the star condition into an 或 condition with two branches, scoped per building.
  const g1 = page.locator('article.cond-card[data-condition-id=G1]');
  await g1.getByLabel('条件类型').selectOption('anyOf');
  await expect(g1.locator('.branch')).toHaveCount(2);
  await g1.locator('.branch').nth(1).getByLabel('指标').selectOption('full_fitout');
  await expect(g1.locator('.branch').nth(1).getByLabel('比较')).toHaveValue('==');
  await g1.getByLabel('适用范围').selectOption('building');
  await g1.getByRole('checkbox', { name: '住宅' }).check();
  await g1.getByLabel('最小单体建筑面积').fill('5000');
  await expect(g1.locator('.summary')).toContainText('绿色建筑星级 ≥ 二星级 或 全装修 = 是');
  await expect(page.getByTestId('validation')).toContainText('条件有效');
  // A duplicate id is reported in Chinese, naming the condition.
  await page.locator('article.cond-card').nth(1).getByLabel('条件编号').fill('X1');
  await expect(page.getByTestId('validation').getByRole('alert')).toContainText('X1');
  await page.locator('article.cond-card').nth(1).getByLabel('条件编号').fill('X2');
  await expect(page.getByTestId('validation')).toContainText('条件有效');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByTestId('versions').locator('li')).toHaveCount(1);
  await shot(page, '21-conditions-edited');

  // Template replaces the set (not saved until asked).
  await page.getByTestId('template-select').selectOption({ index: 1 });
  await expect(page.getByText('（有未保存的修改）')).toBeVisible();
  expect(await page.locator('article.cond-card').count()).toBeGreaterThan(0);

  // Import the sample's JSON, save (version 2) and export it back.
  await page.getByTestId('conditions-file').setInputFiles(join(SAMPLES, 'residential-jiading.conditions.json'));
  const sample = JSON.parse(readFileSync(join(SAMPLES, 'residential-jiading.conditions.json'), 'utf8'));
  await expect(page.locator('article.cond-card')).toHaveCount(sample.conditions.length);
  await page.getByLabel('版本说明（可选）').fill('采用合同附件条件');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByTestId('versions').locator('li')).toHaveCount(2);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 JSON' }).click()]);
  const exported = JSON.parse(readFileSync((await dl.path())!, 'utf8'));
  expect(exported.format).toBe('landcheck.conditions/v1');
  expect(exported.conditions.map((c: { id: string }) => c.id)).toEqual(sample.conditions.map((c: { id: string }) => c.id));

  // A broken JSON file gives a plain Chinese message naming the file.
  await page.getByTestId('conditions-file').setInputFiles({ name: '坏条件.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') });
  await expect(page.getByTestId('notice-error')).toContainText('文件 坏条件.json 不是有效的 JSON：内容不完整');

  // Import: a file that is not a workbook → the server's message, no stack trace.
  await page.keyboard.press('Control+O');
  await expect(page.locator('main')).toHaveAttribute('data-screen', 'import');
  await page.locator('#import-file').setInputFiles({ name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a workbook') });
  await expect(page.getByTestId('import-error')).toContainText('broken.xlsx');
  await expect(page.getByTestId('import-error')).not.toContainText(/at \w+ \(|Error:/);
  await shot(page, '22-import-error');
  await page.locator('#import-file').setInputFiles(join(SAMPLES, 'residential-jiading.xlsx'));
  await expect(page.getByTestId('import-project')).toBeVisible();
  await expect(page.getByTestId('import-buildings').locator('tbody tr')).toHaveCount(8);

  // Correct 绿地率 by typing a value, with a reason.
  await page.getByRole('button', { name: '更正 绿地率', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: '直接填写数值' }).check();
  await dialog.getByRole('textbox', { name: '数值' }).fill('34%');
  await dialog.getByRole('button', { name: '确认更正' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('请填写更正原因');
  await dialog.getByLabel('更正原因').fill('按总平面图复核，绿地面积应扣除消防登高面');
  await dialog.getByRole('button', { name: '确认更正' }).click();
  await expect(page.getByTestId('import-project').locator('tr[data-indicator=green_ratio]')).toContainText('34%');
  await expect(page.getByTestId('import-project').locator('tr[data-indicator=green_ratio]')).toContainText('手工填写');
  await shot(page, '23-import-corrected');

  // Run the check: the typed 34% contradicts the 36.03% recomputed from the sheet → 需复核.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('summary')).toBeVisible();
  await expect(page.getByTestId('summary').locator('[data-overall]')).toHaveAttribute('data-overall', 'incomplete');
  const p2 = page.locator('section.group[data-condition-id=P2] tbody.finding').first();
  await expect(p2).toHaveAttribute('data-verdict', 'review');
  await expect(p2).toContainText('人工录入');
  await page.getByRole('radio', { name: /^需复核/ }).click();
  await expect(page.locator('tbody.finding')).toHaveCount(1);
  await p2.locator('button.expand').click();
  await expect(page.getByTestId('calculation')).toContainText('绿地率');
  await shot(page, '24-results-review');
  await expect(page.getByTestId('stale')).toHaveCount(0);

  // A typed value belongs to that one import: importing the sheet again reads the sheet's own value
  // and says that the typed value was not carried over.
  await page.locator('[data-nav=import]').click();
  await expect(page.getByTestId('typed-values')).toContainText('绿地率 = 34%');
  await page.locator('#import-file').setInputFiles(join(SAMPLES, 'residential-jiading.xlsx'));
  await expect(page.getByTestId('notice-success').filter({ hasText: '上次手工填写的 1 个数值未沿用' })).toBeVisible();
  await expect(page.getByTestId('import-meta')).toContainText('第 2 次导入');
  await expect(page.getByTestId('import-project').locator('tr[data-indicator=green_ratio]')).toContainText('36.028%');
  await expect(page.getByTestId('typed-values')).toHaveCount(0);
  // Another correction after the run: the results say they are out of date.
  await page.getByRole('button', { name: '更正 建筑高度', exact: true }).click();
  await page.getByRole('dialog').getByRole('radio', { name: '直接填写数值' }).check();
  await page.getByRole('dialog').getByRole('textbox', { name: '数值' }).fill('65');
  await page.getByRole('dialog').getByLabel('更正原因').fill('以规划许可证载明的高度为准');
  await page.getByRole('dialog').getByRole('button', { name: '确认更正' }).click();
  await expect(page.getByTestId('import-project').locator('tr[data-indicator=building_height]')).toContainText('65');
  await page.locator('[data-nav=results]').click();
  await expect(page.getByTestId('stale')).toContainText('指标表');
  await page.getByTestId('stale').getByRole('button', { name: /重新审查/ }).click();
  await expect(page.getByTestId('stale')).toHaveCount(0);
  await expect(page.locator('section.group[data-condition-id=P3] tbody.finding').first()).toHaveAttribute('data-verdict', 'fail');
  expect(errors).toEqual([]);
});
