// 项目 screen: 1,000 projects in a virtualised list (scrolling, search, Chinese sort), and the
// create / rename / archive (undo) / delete actions with the keyboard.
import { test, expect, shot, type BrowserGlobals } from './fixtures';

const DISTRICTS = ['松江', '嘉定', '浦东', '闵行', '奉贤', '青浦', '宝山', '金山'];

test('1000 个项目：虚拟滚动、搜索、按名称排序', async ({ page, host }) => {
  test.setTimeout(180_000);
  for (let i = 0; i < 1000; i++) {
    const d = DISTRICTS[i % DISTRICTS.length]!;
    await host.api('projects.create', { name: `${d}新城项目${String(i).padStart(4, '0')}`, parcel: `${d}地块${i}` });
  }
  await page.goto(host.url);
  await expect(page.getByTestId('project-count')).toHaveText('共 1000 个项目');
  const list = page.getByTestId('project-list');
  const rows = list.locator('[role=row]');
  // Only the visible rows (plus overscan) are in the DOM.
  const rendered = await rows.count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(40);
  await shot(page, '13-projects-1000');

  // Scroll through the whole list in steps; every step must render quickly.
  const steps = await list.evaluate(async (el) => {
    const times: number[] = [];
    const w = globalThis as unknown as BrowserGlobals;
    const frame = () => new Promise((r) => w.requestAnimationFrame(() => r(null)));
    for (let top = 0; top <= el.scrollHeight; top += 1500) {
      const t0 = performance.now();
      el.scrollTop = top;
      el.dispatchEvent(new Event('scroll'));
      await frame();
      await frame();
      times.push(performance.now() - t0);
    }
    return times;
  });
  expect(steps.length).toBeGreaterThan(20);
  const sorted = [...steps].sort((a, b) => a - b);
  expect(sorted[Math.floor(sorted.length * 0.9)]!).toBeLessThan(100);
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(list.locator('[aria-rowindex="1000"]')).toBeVisible();
  expect(await rows.count()).toBeLessThan(40);
  // Default sort: most recently modified first, so the first project created is last.
  await expect(list.locator('[aria-rowindex="1000"]')).toContainText('松江新城项目0000');
  await shot(page, '14-projects-scrolled');

  // Sort by name with Chinese collation (pinyin): 宝山 (bao) comes first, 松江 (song) after 浦东 (pu).
  await page.getByLabel('排序').selectOption('name');
  await list.evaluate((el) => (el.scrollTop = 0));
  await expect(list.locator('[aria-rowindex="1"]')).toContainText('宝山新城项目0006');
  const names = await list.locator('[role=row] .c-name button').allTextContents();
  const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });
  expect([...names].sort(collator.compare)).toEqual(names);

  // Search (server-side, debounced).
  await page.getByLabel('搜索项目').fill('项目0999');
  await expect(page.getByTestId('project-count')).toHaveText('共 1 个项目');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('金山新城项目0999');
});

test('新建（Ctrl+N）、重命名、归档与撤销、删除确认', async ({ page, host }) => {
  await host.api('projects.create', { name: '已有项目甲' });
  await page.goto(host.url);
  await expect(page.getByTestId('project-count')).toHaveText('共 1 个项目');

  await page.keyboard.press('Control+N');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('项目名称')).toBeFocused();
  await dialog.getByLabel('项目名称').fill('   ');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('请填写项目名称');
  await dialog.getByLabel('项目名称').fill('浦东新区某住宅项目');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('header-project')).toContainText('浦东新区某住宅项目');
  await expect(page.locator('main')).toHaveAttribute('data-screen', 'conditions');
  await expect(page.getByText('本项目还没有出让条件。')).toBeVisible();
  await shot(page, '15-conditions-empty');

  await page.locator('[data-nav=projects]').click();
  await expect(page.getByTestId('project-count')).toHaveText('共 2 个项目');
  // Rename.
  await page.getByRole('button', { name: '重命名 已有项目甲' }).click();
  await dialog.getByLabel('项目名称').fill('已有项目乙');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('button', { name: '重命名 已有项目乙' })).toBeVisible();
  // Archive, then undo.
  await page.getByRole('button', { name: '归档 已有项目乙' }).click();
  await expect(page.getByTestId('project-count')).toHaveText('共 1 个项目');
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByTestId('project-count')).toHaveText('共 2 个项目');
  // Delete asks first; cancelling keeps the project.
  await page.getByRole('button', { name: '删除 已有项目乙' }).click();
  const confirm = page.getByRole('dialog', { name: '删除项目' });
  await expect(confirm).toContainText('无法恢复');
  await shot(page, '16-delete-confirm');
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('project-count')).toHaveText('共 2 个项目');
  await page.getByRole('button', { name: '删除 已有项目乙' }).click();
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(page.getByTestId('project-count')).toHaveText('共 1 个项目');
  const list = await host.api('projects.list', { includeArchived: true });
  expect(list.items.map((p) => p.name)).toEqual(['浦东新区某住宅项目']);
});
