// Saved batches in the browser: a batch stays after leaving the screen; each workbook opens like a
// project (override, the counts follow); the summary Excel and all PDFs at once; turned into projects.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { test, expect, shot } from './fixtures';
import { CONDITIONS, indicatorWorkbook } from '../api/workbooks';

test('保存的批量审查：离开后仍在；逐份像项目一样打开、改判；汇总 Excel、全部 PDF；转为项目', async ({ page, host }) => {
  await host.api('org.save', { profile: { name: '某区施工图审查中心', sealText: '审查专用章' } });
  const files = [
    { name: '甲地块.xlsx', buffer: await indicatorWorkbook({ name: '甲地块项目', greenRatio: 0.36 }) },
    { name: '乙地块.xlsx', buffer: await indicatorWorkbook({ name: '乙地块项目', greenRatio: 0.3, far: 2.3 }) },
    { name: '丙地块.xlsx', buffer: await indicatorWorkbook({ name: '丙地块项目', height: 70 }) },
  ].map((f) => ({ ...f, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  await page.goto(host.url);
  await page.locator('[data-nav=batch]').click();
  await page.locator('#batch-files').setInputFiles(files);
  await expect(page.getByTestId('start-blocked')).toContainText('没有对应的条件文件');
  await page.getByTestId('batch-common').setInputFiles({ name: '条件.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(CONDITIONS)) });
  await page.getByLabel('批次名称').fill('三月第二批');
  await page.getByRole('button', { name: '开始审查（3 份）' }).click();
  await expect(page.getByTestId('batch-summary')).toHaveAttribute('data-finished', 'true');
  await expect(page.getByTestId('batch-progress-text')).toContainText('已完成 3 / 3');
  await expect(page.getByTestId('batch-tally')).toContainText('已审查 3（符合 1 · 不符合 2 · 需补充材料 0）');

  // Leave the screen and come back: the batch is saved.
  await page.locator('[data-nav=projects]').click();
  await expect(page.getByText('还没有项目。')).toBeVisible(); // batch workbooks are not listed as projects
  await page.locator('[data-nav=batch]').click();
  await page.getByRole('button', { name: '新的批量审查' }).click();
  const saved = page.getByTestId('batch-list').locator('tr', { hasText: '三月第二批' });
  await expect(saved).toContainText('1 / 2 / 0 / 0（共 3 份）');
  await shot(page, '34-batch-list');
  await saved.getByRole('button', { name: '打开 三月第二批' }).click();

  // One workbook opens like a project: override with a reason; the batch's counts follow.
  const rows = page.getByTestId('batch-summary').locator('tbody tr');
  await rows.nth(1).getByRole('button', { name: '打开 乙地块.xlsx' }).click();
  await expect(page.locator('main')).toHaveAttribute('data-screen', 'results');
  await expect(page.getByTestId('header-batch')).toContainText('三月第二批');
  const p1 = page.locator('section.group[data-condition-id=P1] tbody.finding').first();
  await expect(p1).toHaveAttribute('data-verdict', 'fail');
  await p1.locator('button.expand').click();
  await p1.getByRole('button', { name: '改判…' }).click();
  await p1.getByTestId('override-form').getByLabel('改判为').selectOption('review');
  await p1.getByTestId('override-form').getByLabel('改判理由').fill('容积率待补充协议确认');
  await p1.getByTestId('override-form').getByRole('button', { name: '确认改判' }).click();
  await expect(p1).toHaveAttribute('data-verdict', 'review');
  await page.getByTestId('header-batch').click();
  await expect(page.locator('main')).toHaveAttribute('data-screen', 'batch');
  await expect(rows.nth(1)).toContainText('不符合 1 / 缺项 0 / 需复核 1');
  await shot(page, '35-batch-detail');

  // The summary Excel (numbers as numbers) and all PDFs at once.
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出汇总 Excel' }).click()]);
  expect(xlsx.suggestedFilename()).toBe('三月第二批_汇总.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
  expect(wb.getWorksheet('汇总')!.getRow(3).getCell(3).value).toBe('乙地块项目');
  expect(wb.getWorksheet('汇总')!.getRow(3).getCell(10).value).toBe(1); // 需复核 after the override
  await expect(page.getByLabel('报告落款单位')).toHaveValue('某区施工图审查中心');
  const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载全部 PDF（ZIP）' }).click()]);
  const zipPath = join(host.dir, zip.suggestedFilename());
  await zip.saveAs(zipPath);
  const listing = execFileSync('unzip', ['-Z1', zipPath], { encoding: 'utf8' }).trim().split('\n');
  expect(listing).toHaveLength(3);
  expect(execFileSync('unzip', ['-tq', zipPath], { encoding: 'utf8' })).toContain('No errors');

  // Turned into projects: they appear among the projects, and the batch still shows them.
  await page.getByRole('button', { name: '转为项目（3）' }).click();
  await expect(page.getByTestId('notice-success').filter({ hasText: '已将 3 份指标表转为项目' })).toBeVisible();
  await expect(rows.first()).toContainText('已转为项目');
  await page.locator('[data-nav=projects]').click();
  await expect(page.getByTestId('project-count')).toHaveText('共 3 个项目');
});
