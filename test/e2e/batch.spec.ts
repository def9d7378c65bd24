// Batch path: 20 workbooks (copies of the samples) with their own or a common condition file,
// progress, summary, one report download; and cancelling a running batch.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, shot, SAMPLES } from './fixtures';

const NAMES = ['residential-jiading', 'public-mixed-songjiang', 'industrial-lingang', 'messy-renovation'];

function files(count: number) {
  const xlsx: Array<{ name: string; mimeType: string; buffer: Buffer }> = [];
  const json: Array<{ name: string; mimeType: string; buffer: Buffer }> = [];
  for (let i = 0; i < count; i++) {
    const base = NAMES[i % NAMES.length]!;
    const name = `${base}-${String(i + 1).padStart(2, '0')}`;
    xlsx.push({ name: `${name}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: readFileSync(join(SAMPLES, `${base}.xlsx`)) });
    // The industrial copies get no condition file of their own: the common one applies.
    if (base !== 'industrial-lingang')
      json.push({ name: `${name}.conditions.json`, mimeType: 'application/json', buffer: readFileSync(join(SAMPLES, `${base}.conditions.json`)) });
  }
  return { xlsx, json };
}

test('批量审查 20 份指标表：进度、汇总、下载报告', async ({ page, host }) => {
  await page.goto(host.url);
  await page.locator('[data-nav=batch]').click();
  await expect(page.getByText('尚未选择指标表')).toBeVisible();
  const { xlsx, json } = files(20);
  await page.locator('#batch-files').setInputFiles([...xlsx, ...json]);
  await expect(page.getByTestId('batch-picked').locator('tbody tr')).toHaveCount(20);
  // Without a common file the industrial copies cannot start: the button says so beside it.
  await expect(page.getByTestId('batch-picked')).toContainText('缺少条件文件');
  await expect(page.getByRole('button', { name: /开始审查/ })).toBeDisabled();
  await expect(page.getByTestId('start-blocked')).toContainText('industrial-lingang-03.xlsx');
  await page.getByTestId('batch-common').setInputFiles(join(SAMPLES, 'industrial-lingang.conditions.json'));
  await expect(page.getByTestId('batch-picked')).not.toContainText('缺少条件文件');
  await expect(page.getByTestId('start-blocked')).toHaveCount(0);
  await shot(page, '09-batch-picked');

  await page.getByRole('button', { name: '开始审查（20 份）' }).click();
  const bar = page.getByRole('progressbar');
  await expect(bar).toBeVisible();
  // Watch the progress move (values seen while it runs).
  const seen = new Set<string>();
  let midShot = false;
  const deadline = Date.now() + 100_000;
  while (Date.now() < deadline) {
    const v = (await bar.getAttribute('aria-valuenow')) ?? '';
    seen.add(v);
    if (!midShot && Number(v) > 0 && Number(v) < 20) {
      await shot(page, '10-batch-progress');
      midShot = true;
    }
    if ((await page.getByTestId('batch-summary').getAttribute('data-finished')) === 'true') break;
    await page.waitForTimeout(150);
  }
  await expect(page.getByTestId('batch-summary')).toHaveAttribute('data-finished', 'true');
  expect(await bar.getAttribute('aria-valuenow')).toBe('20');
  expect(seen.size).toBeGreaterThan(1);
  await expect(page.getByTestId('batch-progress-text')).toContainText('已完成 20 / 20');
  // The counters agree: the text, the bar and the notice say the same numbers.
  await expect(page.getByTestId('batch-tally')).toContainText('已审查 20');
  await expect(page.getByTestId('notice-success').filter({ hasText: '批量审查完成：20 份中已审查 20 份' })).toBeVisible();
  const rows = page.getByTestId('batch-summary').locator('tbody tr');
  await expect(rows).toHaveCount(20);
  await expect(page.getByTestId('batch-summary').locator('tbody tr[data-status=done]')).toHaveCount(20);
  // Every row has a conclusion badge.
  await expect(page.getByTestId('batch-summary').locator('[data-overall]')).toHaveCount(20);
  await shot(page, '11-batch-summary');

  // A report needs a saved 审查单位 (never a made-up seal): the PDF buttons wait for one.
  await expect(rows.nth(2).getByRole('button', { name: /下载报告/ })).toBeDisabled();
  await host.api('org.save', { profile: { name: '上海某审图中心', sealText: '审查专用章' } });
  await page.locator('[data-nav=projects]').click();
  await page.locator('[data-nav=batch]').click();
  await expect(page.getByLabel('报告落款单位')).toHaveValue('上海某审图中心');
  const [download] = await Promise.all([page.waitForEvent('download'), rows.nth(2).getByRole('button', { name: /下载报告/ }).click()]);
  const path = join(host.dir, 'batch-3.pdf');
  await download.saveAs(path);
  const pdf = readFileSync(path);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(20_000);
});

test('批量审查可以取消', async ({ page, host }) => {
  await page.goto(host.url);
  await page.locator('[data-nav=batch]').click();
  // 80 workbooks, so the batch is surely still running when the cancel arrives.
  const { xlsx, json } = files(80);
  await page.locator('#batch-files').setInputFiles([...xlsx, ...json]);
  await page.getByTestId('batch-common').setInputFiles(join(SAMPLES, 'industrial-lingang.conditions.json'));
  await page.getByRole('button', { name: '开始审查（80 份）' }).click();
  await page.getByRole('button', { name: '取消批量审查' }).click();
  await expect(page.getByTestId('batch-summary')).toHaveAttribute('data-finished', 'true', { timeout: 60_000 });
  await expect(page.getByTestId('batch-progress-text')).toContainText('已取消');
  const cancelled = await page.getByTestId('batch-summary').locator('tbody tr[data-status=cancelled]').count();
  expect(cancelled).toBeGreaterThan(0);
  await shot(page, '12-batch-cancelled');
});
