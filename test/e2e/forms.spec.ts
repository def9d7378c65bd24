// Forms that protect the user: the user's name asked once, unsaved condition edits not lost
// without asking, values with their unit, "0.75" for a percentage asked about, errors at the field
// in Chinese, the project's 地块 carried into the contract, example placeholders.
import { test, expect, shot } from './fixtures';

test.describe('首次使用', () => {
  test.use({ userName: null });
  test('第一次打开时填写姓名，之后记录在改判和操作记录中', async ({ page, host }) => {
    await page.goto(host.url);
    const dialog = page.getByRole('dialog', { name: '欢迎使用 LandCheck' });
    await expect(dialog).toBeVisible();
    // It cannot be dismissed without a name.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('alert')).toHaveText('请先填写您的姓名');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('请填写您的姓名');
    await shot(page, '36-first-run-name');
    await dialog.getByLabel('姓名').fill('林审查');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('user-name')).toContainText('操作人：林审查');
    expect(await host.api('settings.get', {})).toEqual({ userName: '林审查' });
    // Changed later from the sidebar.
    await page.getByTestId('user-name').getByRole('button', { name: '修改' }).click();
    await page.getByRole('dialog', { name: '操作人姓名' }).getByLabel('姓名').fill('林工');
    await page.getByRole('dialog', { name: '操作人姓名' }).getByRole('button', { name: '保存' }).click();
    await expect(page.getByTestId('user-name')).toContainText('操作人：林工');
  });
});

test('条件表单：未保存提示、单位、0.75 询问、字段处报错、地块带入合同信息', async ({ page, host }) => {
  await host.api('projects.create', { name: '表单项目', parcel: 'JDC10501单元05-02地块' });
  await page.goto(host.url);
  await page.getByRole('button', { name: '表单项目', exact: true }).click();
  await expect(page.locator('main')).toHaveAttribute('data-screen', 'conditions');
  await page.getByRole('button', { name: '手工添加第一条条件' }).click();
  // The project's 地块 is carried into the contract information; placeholders read as examples.
  await expect(page.getByLabel('地块', { exact: true })).toHaveValue('JDC10501单元05-02地块');
  await expect(page.getByLabel('合同编号')).toHaveAttribute('placeholder', /^例：/);

  const card = page.locator('article.cond-card').first();
  await card.getByLabel('指标').selectOption({ label: '绿地率' });
  // The unit is shown beside the value.
  await expect(card.locator('.leaf .unit')).toHaveText('%');
  // "0.75" for a percentage: asked, at the field.
  await card.getByLabel('要求值').fill('0.75');
  const question = card.getByTestId('percent-question');
  await expect(question).toContainText('填写的是 0.75%。是指 75%（按比例填写）吗？');
  await expect(page.getByRole('button', { name: '保存为新版本' })).toBeDisabled();
  await expect(page.getByTestId('save-blocked')).toContainText('百分数需要确认');
  await shot(page, '37-percent-question');
  await question.getByRole('button', { name: '改为 75%' }).click();
  await expect(card.getByLabel('要求值')).toHaveValue('75');
  await expect(card.getByTestId('percent-question')).toHaveCount(0);
  // Errors at the field, in Chinese.
  await card.getByLabel('要求值').fill('120');
  await expect(card.locator('.leaf').getByRole('alert')).toHaveText('绿地率是百分数，应在 0 到 100 之间');
  await expect(card.getByLabel('要求值')).toHaveAttribute('aria-invalid', 'true');
  await card.getByLabel('要求值').fill('35');
  await card.getByLabel('最小单体建筑面积').fill('大约');
  await expect(card.locator('.applies').getByRole('alert')).toHaveText('请填写不小于 0 的面积（m²）');
  await card.getByLabel('最小单体建筑面积').fill('');
  // 星级 is a choice, and the rule reads in words.
  await page.getByRole('button', { name: '＋ 添加条件' }).click();
  const star = page.locator('article.cond-card').nth(1);
  await star.getByLabel('指标').selectOption({ label: '绿色建筑星级' });
  await expect(star.getByLabel('要求值')).toHaveValue('2');
  await expect(star.locator('.summary')).toHaveText('规则：绿色建筑星级 ≥ 二星级');
  await expect(page.getByTestId('validation')).toContainText('条件有效，共 2 条');
  // No developer words where the user looks.
  await expect(page.locator('main')).not.toContainText(/green_ratio|green_building_star|appliesTo|\btrue\b/);

  // Leaving with unsaved edits asks first; staying keeps them.
  await page.locator('[data-nav=projects]').click();
  const leave = page.getByRole('dialog', { name: '有未保存的修改' });
  await expect(leave).toContainText('出让条件的修改尚未保存');
  await leave.getByRole('button', { name: '取消' }).click();
  await expect(page.locator('main')).toHaveAttribute('data-screen', 'conditions');
  await expect(page.locator('article.cond-card')).toHaveCount(2);
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByTestId('versions').locator('li')).toHaveCount(1);
  await page.locator('[data-nav=projects]').click();
  await expect(page.locator('main')).toHaveAttribute('data-screen', 'projects');
  // And discarding is possible when the user means it.
  await page.getByRole('button', { name: '表单项目', exact: true }).click();
  await page.locator('article.cond-card').first().getByLabel('合同原文').fill('草稿');
  await page.locator('[data-nav=projects]').click();
  await page.getByRole('dialog', { name: '有未保存的修改' }).getByRole('button', { name: '放弃修改并离开' }).click();
  await expect(page.locator('main')).toHaveAttribute('data-screen', 'projects');
  const saved = await host.api('conditions.get', { projectId: (await host.api('projects.list', {})).items[0]!.id });
  expect(saved.latest!.doc.conditions.map((c) => [c.id, 'value' in c ? c.value : null])).toEqual([
    ['C1', 35],
    ['C2', 2],
  ]);
  expect(saved.latest!.doc.contract?.parcel).toBe('JDC10501单元05-02地块');
});
