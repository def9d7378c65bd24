// The whole path of the issue: sample project → conditions → import → results → override (with
// reason) → report (real PDF download) → verify (drop that PDF back: match).
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, shot, sealPng, SAMPLES, VERIFYING } from './fixtures';

test('样例项目：条件 → 导入 → 审查 → 改判 → 报告 → 校验', async ({ page, host }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(host.url);

  // Projects: empty state, then open a sample.
  await expect(page.getByText('还没有项目。')).toBeVisible();
  await shot(page, '01-projects-empty');
  await page.getByTestId('sample-select').selectOption('residential-jiading');
  await expect(page.locator('main')).toHaveAttribute('data-screen', 'results');
  await expect(page.getByTestId('header-project')).toContainText('样例：嘉定新城住宅小区');

  // Conditions: the sample's conditions load and validate.
  await page.locator('[data-nav=conditions]').click();
  await expect(page.locator('article.cond-card').first()).toBeVisible();
  const conditions = JSON.parse(readFileSync(join(SAMPLES, 'residential-jiading.conditions.json'), 'utf8'));
  await expect(page.locator('article.cond-card')).toHaveCount(conditions.conditions.length);
  await expect(page.getByTestId('validation')).toContainText('条件有效');
  // Validation as you type: a bad value gives the Chinese message, fixing it clears it.
  const first = page.locator('article.cond-card').first();
  await first.getByLabel('要求值').fill('abc');
  await expect(page.getByTestId('validation')).not.toContainText('条件有效');
  await expect(page.getByTestId('validation').getByRole('alert')).toBeVisible();
  await first.getByLabel('要求值').fill('2.0');
  await expect(page.getByTestId('validation')).toContainText('条件有效');
  // A real change (the clause text) makes a new version.
  await first.getByLabel('合同原文').fill('容积率不大于2.0（以补充协议为准）');
  await page.getByLabel('版本说明（可选）').fill('核对容积率');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByTestId('versions').locator('li')).toHaveCount(2);
  await expect(page.getByTestId('versions')).toContainText('核对容积率');
  await shot(page, '02-conditions');

  // Import: re-import the sample workbook through the file picker.
  await page.locator('[data-nav=import]').click();
  await page.locator('#import-file').setInputFiles(join(SAMPLES, 'residential-jiading.xlsx'));
  await expect(page.getByTestId('notice-success').filter({ hasText: '已导入 residential-jiading.xlsx' })).toBeVisible();
  const projectTable = page.getByTestId('import-project');
  await expect(projectTable.locator('tbody tr').first()).toBeVisible();
  // Every row names its source cell as Sheet!Cell.
  const cells = await projectTable.locator('tbody tr td:nth-child(3)').allTextContents();
  expect(cells.length).toBeGreaterThan(3);
  for (const c of cells) expect(c).toMatch(/^.+!\$?[A-Z]+\$?\d+$/);
  await shot(page, '03-import');

  // Results: run the check with Ctrl+Enter.
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('main')).toHaveAttribute('data-screen', 'results');
  await expect(page.getByTestId('notice-success').filter({ hasText: '审查完成' })).toBeVisible();
  await expect(page.getByTestId('summary')).toBeVisible();
  await expect(page.locator('section.group').first()).toBeVisible();
  await expect(page.getByTestId('stale')).toHaveCount(0);
  await shot(page, '04-results');

  // An 或 condition per building: the finding shows each branch with its cell.
  const a1 = page.locator('section.group[data-condition-id=A1] tbody.finding').first();
  await a1.locator('button.expand').click();
  const branches = a1.locator('table.branches-t');
  await expect(branches.locator('caption')).toHaveText('分支（2）');
  await expect(branches.locator('tbody tr').first()).toContainText('预制率');
  await expect(branches.locator('tbody tr').first()).toContainText(/单体指标!\$?[A-Z]+\d+/);
  await a1.scrollIntoViewIfNeeded();
  await shot(page, '04b-results-branches');
  await a1.locator('button.expand').click();

  // Override one project-scope finding with a written reason.
  const finding = page.locator('tbody.finding[data-building=""]').first();
  const before = await finding.getAttribute('data-verdict');
  await finding.locator('button.expand').click();
  await expect(page.getByTestId('finding-detail')).toBeVisible();
  await page.getByTestId('finding-detail').getByRole('button', { name: '改判…' }).click();
  const target = before === 'pass' ? 'review' : 'pass';
  await page.getByTestId('override-form').getByLabel('改判为').selectOption(target);
  await page.getByTestId('override-form').getByRole('button', { name: '确认改判' }).click();
  await expect(page.getByTestId('override-form').getByRole('alert')).toContainText('理由');
  await page.getByTestId('override-form').getByLabel('改判理由').fill('现场复核：设计说明第3页已补充该指标的计算书');
  await page.getByTestId('override-form').getByRole('button', { name: '确认改判' }).click();
  await expect(page.getByText('（已改判）').first()).toBeVisible();
  // The finding stays open and now shows the override with its reason.
  await expect(page.locator(`tbody.finding[data-building=""][data-verdict=${target}]`).filter({ hasText: '已改判' })).toHaveCount(1);
  await expect(page.getByTestId('override-note')).toContainText('现场复核');
  await shot(page, '05-results-override');

  // Report: org profile, generate a PDF (real download).
  await page.keyboard.press('Control+P');
  await expect(page.locator('main')).toHaveAttribute('data-screen', 'report');
  await page.getByLabel('单位名称').fill('上海申城建设咨询有限公司');
  await page.getByLabel('印章下方文字').fill('审查专用章');
  await page.getByLabel('印章图片').setInputFiles({ name: 'seal.png', mimeType: 'image/png', buffer: sealPng() });
  await expect(page.getByTestId('seal-name')).toHaveText('seal.png');
  await page.getByLabel('编制').fill('张工');
  await page.getByLabel('校对').fill('李工');
  await page.getByLabel('审核').fill('王工');
  await page.getByRole('button', { name: '保存单位资料' }).click();
  await expect(page.getByTestId('notice-success').filter({ hasText: '已保存单位资料' })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '生成 PDF 报告' }).click()]);
  const pdfPath = join(host.dir, download.suggestedFilename());
  await download.saveAs(pdfPath);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = readFileSync(pdfPath);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(statSync(pdfPath).size).toBeGreaterThan(20_000);
  // The page count shown is the real one (poppler's pdfinfo), and the text is Chinese.
  const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))![1];
  await expect(page.getByTestId('generated')).toContainText(`${pages} 页`);
  expect(execFileSync('pdftotext', ['-l', '1', pdfPath, '-'], { encoding: 'utf8' })).toContain('上海申城建设咨询有限公司');
  await expect(page.getByTestId('report-history').locator('tbody tr')).toHaveCount(1);
  await shot(page, '06-report');

  // Verify: drop the downloaded PDF back in.
  await page.locator('[data-nav=verify]').click();
  await page.locator('#verify-file').setInputFiles(pdfPath);
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-ok', 'true', VERIFYING);
  await shot(page, '07-verify-ok');

  // A PDF that is not a LandCheck report: not ok, with the reason in Chinese.
  const foreign = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  await page.locator('#verify-file').setInputFiles({ name: '其他单位的报告.pdf', mimeType: 'application/pdf', buffer: foreign });
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-ok', 'false', VERIFYING);
  await expect(page.getByTestId('verify-result').locator('.differences li').first()).toContainText('核验数据');
  await shot(page, '08-verify-bad');

  expect(errors).toEqual([]);
});
