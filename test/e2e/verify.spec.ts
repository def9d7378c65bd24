// Verifying without the command line: the issuing office drops its own PDF (真实一致 from its
// archive) and looks it up by the footer code; a receiver without the records drops the PDF
// (无法判断, what to provide), then the workbook and the conditions (真实一致), and an altered
// copy (已被修改, which page). And 整改建议 under a failing finding on the results screen.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, shot, ROOT, SAMPLES, VERIFYING } from './fixtures';

const NAME = 'public-mixed-songjiang';
const ORG = { name: '上海市某施工图审查中心', sealText: '审查专用章' };

test('校验报告：存档中的报告真实一致，可按核验码查询', async ({ page, host }) => {
  const { runId } = await host.api('projects.openSample', { sample: NAME });
  const r = await host.api('report.render', { runId, kind: 'pdf', org: ORG });
  const pdfPath = join(host.dir, r.fileName);
  writeFileSync(pdfPath, Buffer.from(r.dataBase64, 'base64'));

  await page.goto(host.url);
  await page.locator('[data-nav=verify]').click();
  await page.locator('#verify-file').setInputFiles(pdfPath);
  const result = page.getByTestId('verify-result');
  await expect(result).toHaveAttribute('data-status', 'genuine', VERIFYING);
  await expect(result).toContainText('真实一致');
  await expect(result).toContainText('与本机存档的出具文件');
  await expect(result).not.toContainText('npm');
  await shot(page, '13-verify-archived');

  const code = `LC-${r.fingerprint.slice(0, 4)}-${r.fingerprint.slice(4, 8)}-${r.fingerprint.slice(8, 12)}`.toUpperCase();
  await page.getByLabel('核验码').fill(code.toLowerCase());
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByTestId('lookup-result')).toContainText('本单位共出具 1 份文件');
  await expect(page.getByTestId('lookup-files')).toContainText(ORG.name);
});

test('校验报告：没有存档时提供原始输入；被改动的报告指出哪一页', async ({ page, host }) => {
  const { projectId, runId } = await host.api('projects.openSample', { sample: NAME });
  const r = await host.api('report.render', { runId, kind: 'pdf', org: ORG });
  const pdf = Buffer.from(r.dataBase64, 'base64');
  // the receiver's installation has no record of it
  await host.api('projects.delete', { projectId });
  const pdfPath = join(host.dir, '收到的意见书.pdf');
  writeFileSync(pdfPath, pdf);

  await page.goto(host.url);
  await page.locator('[data-nav=verify]').click();
  await page.locator('#verify-file').setInputFiles(pdfPath);
  const result = page.getByTestId('verify-result');
  await expect(result).toHaveAttribute('data-status', 'undetermined', VERIFYING);
  await expect(result).toContainText('无法判断');
  await expect(page.getByTestId('verify-needs')).toContainText(`${NAME}.xlsx`);
  await expect(result).not.toContainText('已被修改');
  await shot(page, '14-verify-needs-inputs');

  await page.locator('#verify-inputs-file').setInputFiles([join(SAMPLES, `${NAME}.xlsx`), join(SAMPLES, `${NAME}.conditions.json`)]);
  await page.getByRole('button', { name: '用这些文件核验' }).click();
  await expect(result).toHaveAttribute('data-status', 'genuine', VERIFYING);
  await expect(result).toContainText('真实一致');

  // an altered copy: the cover's 不符合 made to read 符合
  const forgedPath = join(host.dir, '改过的意见书.pdf');
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'e2e', 'forge-cli.ts'), pdfPath, forgedPath], { cwd: ROOT });
  await page.locator('#verify-file').setInputFiles(forgedPath);
  await expect(result).toHaveAttribute('data-status', 'altered', VERIFYING);
  await page.locator('#verify-inputs-file').setInputFiles([join(SAMPLES, `${NAME}.xlsx`), join(SAMPLES, `${NAME}.conditions.json`)]);
  await page.getByRole('button', { name: '用这些文件核验' }).click();
  await expect(result).toContainText('第 1 页文字不同');
  await expect(result).toContainText('已被修改');
  await shot(page, '15-verify-altered');
  expect(readFileSync(forgedPath).length).toBeGreaterThan(1000);
});

test('审查结果：不符合项下有整改建议；报告页提示指标表项目名称不一致', async ({ page, host }) => {
  const { projectId } = await host.api('projects.openSample', { sample: NAME });
  await page.goto(host.url);
  await page.locator('[data-nav=projects]').click();
  await page.getByText('样例：松江新城办公商业酒店').first().click();
  await page.locator('[data-nav=results]').click();
  const s1 = page.locator('tbody.finding[data-verdict=review]').filter({ hasText: '年径流' }).first();
  await s1.getByRole('button', { name: /详情/ }).click();
  await expect(page.getByTestId('remediation').first()).toContainText('调蓄容积需增加');
  await shot(page, '16-results-remediation');
  await page.locator('[data-nav=report]').click();
  await expect(page.getByTestId('identity-warnings')).toContainText('指标表所填项目名称');
  expect(projectId).toBeGreaterThan(0);
});
