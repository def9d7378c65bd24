// Backup and restore of all projects, opening an old condition version, the PDF preview and a
// signed report — through the UI against the real web host.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, shot } from './fixtures';

test('备份、恢复；条件旧版本；报告预览与数字签名', async ({ page, host }) => {
  // The preview must not be blocked by the CSP (a blocked frame still has its blob: src).
  const cspViolations: string[] = [];
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && cspViolations.push(m.text()));
  await page.goto(host.url);
  await page.getByTestId('sample-select').selectOption('residential-jiading');
  await expect(page.locator('main')).toHaveAttribute('data-screen', 'results');

  // Backup: a real SQLite file is downloaded.
  await page.locator('[data-nav=projects]').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup').click()]);
  expect(download.suggestedFilename()).toMatch(/^LandCheck备份_.*\.sqlite$/);
  const backupPath = join(host.dir, download.suggestedFilename());
  await download.saveAs(backupPath);
  expect(readFileSync(backupPath).subarray(0, 15).toString()).toBe('SQLite format 3');

  // A project made after the backup disappears when the backup is restored (after confirmation).
  await host.api('projects.create', { name: '备份后新建' });
  await page.reload();
  await expect(page.getByText('备份后新建')).toBeVisible();
  await page.getByTestId('restore-file').setInputFiles(backupPath);
  await expect(page.getByRole('dialog', { name: '从备份恢复' })).toBeVisible();
  await shot(page, '26-restore-confirm');
  await page.getByRole('dialog', { name: '从备份恢复' }).getByRole('button', { name: '恢复' }).click();
  await expect(page.getByText(/已从 .* 恢复：1 个项目/)).toBeVisible();
  await expect(page.getByText('备份后新建')).toHaveCount(0);

  // A file that is not a backup is refused and nothing changes.
  await page.getByTestId('restore-file').setInputFiles({ name: '不是备份.sqlite', mimeType: 'application/octet-stream', buffer: Buffer.from('hello') });
  await page.getByRole('dialog', { name: '从备份恢复' }).getByRole('button', { name: '恢复' }).click();
  await expect(page.getByText(/无法从“不是备份.sqlite”恢复/)).toBeVisible();
  await expect(page.getByText('样例：嘉定新城住宅小区（全部符合）')).toBeVisible();

  // Conditions: save a second version, open version 1 read-only, restore it as version 3.
  await page.getByText('样例：嘉定新城住宅小区（全部符合）').click();
  await page.locator('[data-nav=conditions]').click();
  const first = page.locator('article.cond-card').first();
  await first.getByLabel('要求值').fill('2.5');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByTestId('versions').locator('li')).toHaveCount(2);
  await page.getByTestId('version-open-1').click();
  await expect(page.getByTestId('version-view')).toContainText('第 1 版（只读）');
  await expect(page.getByTestId('version-view')).toContainText('≤ 2');
  await shot(page, '27-conditions-version');
  // Unsaved edits in the editor are not dropped without asking.
  await first.getByLabel('合同原文').fill('未保存的修改');
  await page.getByTestId('version-restore').click();
  const discard = page.getByRole('dialog', { name: '放弃未保存的修改' });
  await expect(discard).toBeVisible();
  await discard.getByRole('button', { name: '取消' }).click();
  await expect(first.getByLabel('合同原文')).toHaveValue('未保存的修改');
  await page.getByTestId('version-restore').click();
  await discard.getByRole('button', { name: '放弃修改并载入' }).click();
  await expect(first.getByLabel('要求值')).toHaveValue('2');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByTestId('versions').locator('li')).toHaveCount(3);
  await expect(page.getByTestId('versions')).toContainText('恢复自第 1 版');

  // Report: a signed PDF with a preview.
  await page.locator('[data-nav=report]').click();
  await page.getByLabel('单位名称').fill('上海某审图咨询有限公司');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'k.pem', '-out', 'c.pem', '-days', '30', '-subj', '/CN=E2E Signer'], { cwd: host.dir, stdio: 'pipe' });
  execFileSync('openssl', ['pkcs12', '-export', '-in', 'c.pem', '-inkey', 'k.pem', '-out', 'signer.p12', '-passout', 'pass:e2e-secret'], { cwd: host.dir, stdio: 'pipe' });
  await page.getByLabel('签名证书').setInputFiles(join(host.dir, 'signer.p12'));
  await expect(page.getByTestId('cert-name')).toHaveText('signer.p12');
  await page.getByLabel('证书密码').fill('e2e-secret');
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '生成 PDF 报告' }).click()]);
  const pdfPath = join(host.dir, 'signed.pdf');
  await pdf.saveAs(pdfPath);
  await expect(page.getByText('已用“E2E Signer”的证书对 PDF 加数字签名')).toBeVisible();
  const signed = execFileSync('pdfsig', [pdfPath], { encoding: 'utf8' });
  expect(signed).toContain('Signature is Valid');
  // The page count shown counts a page rewritten by the signature's incremental update once.
  const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))![1];
  await expect(page.getByTestId('generated')).toContainText(`${pages} 页`);
  const preview = page.getByTestId('pdf-preview');
  await expect(preview).toBeVisible();
  expect(await preview.getAttribute('src')).toMatch(/^blob:/);
  // Chromium's own PDF viewer opened inside the frame (its extension id is fixed); nothing blocked.
  await expect
    .poll(() => page.frames().some((f) => f.url().startsWith('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/')), { timeout: 15_000 })
    .toBe(true);
  expect(page.frames().filter((f) => f.url().startsWith('chrome-error:'))).toHaveLength(0);
  expect(cspViolations).toEqual([]);
  await preview.scrollIntoViewIfNeeded();
  await page.waitForTimeout(1500); // let the viewer paint the first page for the screenshot
  await shot(page, '28-report-preview-signed');
});
