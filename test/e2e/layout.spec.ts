// Every screen at 1,024 and 1,920 px wide: nothing covered, nothing cut. Each visible control is
// checked to be the element actually on top at its centre (not under a side panel or another
// control), and the page never scrolls sideways (wide tables scroll inside their own frame).
// A screenshot of each screen at each width goes to test-results/screens/ (layout-*.png).
import type { Page } from '@playwright/test';
import { test, expect, shot } from './fixtures';
import { CONDITIONS, SHEET, indicatorWorkbook } from '../api/workbooks';

interface Problem {
  what: string;
  text: string;
}

/** Problems of the current screen, all of it (scrolled through), as seen in the browser. */
async function layoutProblems(page: Page): Promise<Problem[]> {
  // Notices are transient overlays of their own: closed before the check.
  for (const b of await page.locator('.notice-close').all()) await b.click();
  return page.evaluate(() => {
    const w = globalThis as unknown as {
      innerWidth: number;
      innerHeight: number;
      document: {
        documentElement: { scrollWidth: number };
        querySelector(s: string): { scrollWidth: number; clientWidth: number; scrollTop: number; scrollHeight: number; clientHeight: number } | null;
        querySelectorAll(s: string): ArrayLike<unknown>;
        elementFromPoint(x: number, y: number): unknown;
      };
    };
    type El = {
      getBoundingClientRect(): { left: number; right: number; top: number; bottom: number; width: number; height: number };
      contains(o: unknown): boolean;
      closest(s: string): unknown;
      scrollIntoView(o: unknown): void;
      textContent: string | null;
      getAttribute(n: string): string | null;
      tagName: string;
    };
    const problems: Array<{ what: string; text: string }> = [];
    const main = w.document.querySelector('main')!;
    if (w.document.documentElement.scrollWidth > w.innerWidth + 1) problems.push({ what: 'page scrolls sideways', text: String(w.document.documentElement.scrollWidth) });
    if (main.scrollWidth > main.clientWidth + 1) problems.push({ what: 'main scrolls sideways', text: `${main.scrollWidth} > ${main.clientWidth}` });
    // With a modal dialog open, only the dialog can be used: only its controls are checked.
    const modal = w.document.querySelector('dialog[open]') !== null;
    const selector = modal ? 'dialog[open] button, dialog[open] input, dialog[open] select, dialog[open] textarea' : 'nav button, header button, main button, main input, main select, main textarea';
    const els = Array.from(w.document.querySelectorAll(selector)) as El[];
    for (const el of els.slice(0, 400)) {
      let r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue; // not displayed
      if (r.top < 0 || r.bottom > w.innerHeight) {
        el.scrollIntoView({ block: 'center', inline: 'nearest' });
        r = el.getBoundingClientRect();
      }
      const name = `${el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}`;
      const inScroller = !!el.closest('.table-wrap, .vlist, .versions, .version-conditions');
      if (!inScroller && (r.right > w.innerWidth + 1 || r.left < -1)) problems.push({ what: 'cut at the side', text: name });
      const x = Math.min(Math.max(r.left + r.width / 2, 0), w.innerWidth - 1);
      const y = Math.min(Math.max(r.top + r.height / 2, 0), w.innerHeight - 1);
      const top = w.document.elementFromPoint(x, y) as El | null;
      if (!inScroller && top && !(el === top || el.contains(top) || (top as El).contains(el))) {
        problems.push({ what: 'covered', text: `${name} under ${(top.tagName ?? '').toLowerCase()}.${top.getAttribute('class') ?? ''}` });
      }
    }
    // Text cut short with an ellipsis is cut too.
    const g = globalThis as unknown as { getComputedStyle(e: unknown): { textOverflow: string; display: string } };
    const texts = Array.from(w.document.querySelectorAll(modal ? 'dialog[open] *' : 'header *, main *')) as Array<El & { scrollWidth: number; clientWidth: number }>;
    for (const el of texts) {
      if (g.getComputedStyle(el).textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1 && !el.closest('select, option')) {
        problems.push({ what: 'text cut with an ellipsis', text: (el.textContent ?? '').trim().slice(0, 40) });
      }
    }
    main.scrollTop = 0;
    return problems;
  });
}

async function check(page: Page, name: string, width: number): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as { document: { querySelector(s: string): { scrollTop: number } } }).document.querySelector('main').scrollTop = 0);
  for (const b of await page.locator('.notice-close').all()) await b.click();
  await shot(page, `layout-${name}-${width}`);
  expect(await layoutProblems(page), `${name} at ${width} px`).toEqual([]);
}

for (const width of [1024, 1920]) {
  test(`${width} px：各页面无遮挡、无截断`, async ({ page, host }) => {
    test.setTimeout(240_000);
    // A project with everything on screen: a pending carry-over, two runs to compare, a typed value.
    const { projectId, runId } = await host.api('projects.openSample', { sample: 'public-mixed-songjiang' });
    await host.api('check.override', { runId, conditionId: 'S1', building: null, verdict: 'pass', reason: '海绵专项验收资料齐全' });
    await host.api('import.correct', { projectId, indicator: 'runoff_capture', building: null, value: '85%', reason: '按海绵专项设计说明' });
    await host.api('check.run', { projectId });
    // A remembered cell mapping and a saved batch.
    const other = await host.api('projects.create', { name: '格式演示项目', parcel: 'G-01' });
    await host.api('conditions.save', { projectId: other.id, doc: CONDITIONS });
    await host.api('import.workbook', { projectId: other.id, fileName: '演示.xlsx', dataBase64: (await indicatorWorkbook()).toString('base64') });
    await host.api('import.correct', { projectId: other.id, indicator: 'green_ratio', building: null, cell: `${SHEET}!B12`, reason: '以附表校核值为准' });
    await host.api('org.save', { profile: { name: '某区施工图审查中心' } });
    const { batchId } = await host.api('batch.start', {
      name: '版面检查批次',
      conditions: CONDITIONS,
      items: await Promise.all(['一', '二', '三'].map(async (n, i) => ({ fileName: `第${n}份.xlsx`, dataBase64: (await indicatorWorkbook({ far: 1.8 + i * 0.2 })).toString('base64') }))),
    });
    await expect.poll(async () => (await host.api('batch.get', { batchId })).running, { timeout: 60_000 }).toBe(false);

    await page.setViewportSize({ width, height: 800 });
    await page.goto(host.url);
    await expect(page.getByTestId('project-count')).toHaveText('共 2 个项目');
    await check(page, 'projects', width);

    await page.getByRole('button', { name: /^样例：/ }).click();
    await expect(page.getByTestId('carryovers')).toBeVisible();
    await page.getByTestId('compare').getByRole('button', { name: /复审对比/ }).click();
    await expect(page.getByTestId('compare-summary')).toBeVisible();
    await page.locator('section.group[data-condition-id=G1] tbody.finding').nth(2).locator('button.expand').click();
    await check(page, 'results', width);

    await page.locator('[data-nav=conditions]').click();
    await expect(page.getByTestId('validation')).toContainText('条件有效');
    await page.locator('article.cond-card').first().getByLabel('要求值').fill('0.5');
    await expect(page.getByTestId('percent-question')).toHaveCount(0); // 容积率 is no percentage
    await page.locator('article.cond-card').nth(1).getByLabel('要求值').fill('0.2');
    await expect(page.getByTestId('percent-question')).toBeVisible();
    await check(page, 'conditions', width);
    await page.locator('article.cond-card').nth(1).getByRole('button', { name: '改为 20%' }).click();
    await page.locator('article.cond-card').first().getByLabel('要求值').fill('2.9');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await expect(page.getByTestId('versions').locator('li')).toHaveCount(2);

    await page.locator('[data-nav=import]').click();
    await expect(page.getByTestId('typed-values')).toBeVisible();
    await check(page, 'import', width);
    await page.getByRole('button', { name: '补充 / 更正指标' }).click();
    await expect(page.getByRole('dialog', { name: '更正指标读取' })).toBeVisible();
    await check(page, 'import-correct-dialog', width);
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();

    await page.locator('[data-nav=history]').click();
    await expect(page.getByTestId('audit-trail')).toBeVisible();
    await check(page, 'history', width);

    await page.locator('[data-nav=report]').click();
    await expect(page.locator('main')).toHaveAttribute('data-screen', 'report');
    await expect(page.getByRole('heading', { name: '报告', exact: true })).toBeVisible();
    await check(page, 'report', width);

    await page.locator('[data-nav=verify]').click();
    await check(page, 'verify', width);

    await page.locator('[data-nav=mappings]').click();
    await expect(page.getByTestId('mapping-table')).toBeVisible();
    await check(page, 'mappings', width);

    await page.locator('[data-nav=batch]').click();
    await expect(page.getByTestId('batch-list')).toBeVisible();
    await page.locator('#batch-files').setInputFiles([{ name: '待审.xlsx', mimeType: 'application/octet-stream', buffer: await indicatorWorkbook() }]);
    await expect(page.getByTestId('start-blocked')).toBeVisible();
    await check(page, 'batch', width);
    await page.getByRole('button', { name: '打开 版面检查批次' }).click();
    await expect(page.getByTestId('batch-summary')).toHaveAttribute('data-finished', 'true');
    await check(page, 'batch-detail', width);
  });
}
