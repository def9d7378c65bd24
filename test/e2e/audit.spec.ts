// The per-start token and the 关于与审计 panel in a real browser: the page takes the token from
// the address once and drops it from the address bar, keeps working after a reload, a page
// opened without it gets a Chinese refusal; the panel shows the chain intact, then broken, and
// where the log file is.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, shot } from './fixtures';

test('访问令牌；关于与审计：链完整，篡改后显示断裂位置', async ({ page, host, browser }) => {
  await page.goto(host.url);
  await page.getByTestId('sample-select').selectOption('residential-jiading');
  await expect(page.locator('main')).toHaveAttribute('data-screen', 'results');
  // the secret left the address bar, and the page still works after a reload
  expect(page.url()).not.toContain('token');
  await page.reload();
  await page.locator('[data-nav=projects]').click();
  await expect(page.getByText('样例：嘉定新城住宅小区（全部符合）')).toBeVisible();

  await page.getByTestId('audit-open').click();
  const dialog = page.getByTestId('audit-dialog');
  await expect(dialog.getByTestId('audit-status')).toContainText('链完整');
  await expect(dialog.getByTestId('audit-status')).toContainText('逐条核对无误');
  // where the log file is (next to the database), and that it holds the start of this host
  const logFile = join(host.dir, 'logs', 'landcheck.log');
  await expect(dialog.getByTestId('about-log-file')).toContainText(`日志文件位置：${logFile}`);
  expect(readFileSync(logFile, 'utf8')).toMatch(/^\S+Z INFO start program="web" version="[^"]+"/);
  await shot(page, '30-audit-intact');
  await dialog.getByRole('button', { name: '关闭' }).click();

  // someone edits a row of the log directly in the database file
  const db = join(host.dir, 'landcheck.sqlite');
  execFileSync(process.execPath, ['-e', `
    const D = require('better-sqlite3'); const d = new D(${JSON.stringify(db)});
    d.exec('DROP TRIGGER audit_log_no_update');
    d.prepare("UPDATE audit_log SET at = '2000-01-01T00:00:00.000Z' WHERE id = 4").run();
    d.close();`]);
  await page.reload();
  await expect(page.getByTestId('audit-open')).toHaveText('⚠ 审计日志异常');
  await page.getByTestId('audit-open').click();
  await expect(dialog.getByTestId('audit-status')).toContainText('链断裂');
  await expect(dialog.getByTestId('audit-status')).toContainText('审计日志在第 4 条处断裂');
  await shot(page, '31-audit-broken');

  // a page opened without the token gets a Chinese refusal, no data
  const stranger = await browser.newPage();
  await stranger.goto(host.origin);
  await expect(stranger.getByText(/访问令牌缺失或不正确/).first()).toBeVisible();
  await expect(stranger.getByText('样例：嘉定新城住宅小区（全部符合）')).toHaveCount(0);
  await stranger.close();
});
