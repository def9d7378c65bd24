// Pasting a contract (issue 10, point 5): each sentence beside its reading with the words that
// produced each part highlighted; refused sentences listed by kind with a way to write them by
// hand; readings marked 需确认 confirmed before saving; project facts confirmed on the screen and
// shown in the editor; the new fields edited in Chinese; the check shows what an unconfirmed fact
// does (需复核) and what confirming it does. Screenshots at 1,024 and 1,920 px, checked for
// controls covered or cut.
import type { Page } from '@playwright/test';
import { test, expect, shot } from './fixtures';
import { indicatorWorkbook } from '../api/workbooks';

/** A contract's green-ecological clauses as they are pasted: read, refused and to-confirm sentences. */
const CONTRACT = [
  '第十二条 绿色生态要求：',
  '（一）容积率：1.0-2.5；政府投资项目的绿地率不低于35%。',
  '（二）住宅建筑限高：≤80米。',
  '（三）建筑节能需达到65%。',
  '（四）年径流总量控制率不低于75%，对应设计降雨量22.2mm。',
  '（五）高度100米以上（不含100米）的居住建筑，建筑单体预制率不低于15%或单体装配率不低于35%。',
  '（六）单体或平均装配率不低于40%。',
  '（七）自2025年9月1日起签订出让合同的项目，新建建筑应达到绿色建筑二星级标准。',
  '（八）保障性住房应达到绿色建筑一星级。',
  '（九）十二层及以上的住宅，装配率不低于50%。',
  '（十）到2025年，城镇建筑可再生能源替代率达到10%。',
  '（十一）鼓励新建厂房屋顶光伏覆盖率力争达到50%。',
  '（十二）建筑系数≥40%。',
  '（十三）新建和改建地区年径流污染控制率分别不低于80%和75%。',
  '（十四）高层住宅装配率不低于50%。',
].join('\n');

/** No developer words where the user looks: ids of indicators or facts, field names, true/false. */
const DEVELOPER_WORDS = /[a-z]+_[a-z_]+|appliesTo|minFloorArea|aggregate|eachOrAverage|inForce|companion|toConfirm|\btrue\b|\bfalse\b/;

async function openProject(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name, exact: true }).click();
  await expect(page.locator('main')).toHaveAttribute('data-screen', 'conditions');
}

async function paste(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: '粘贴合同条款' }).click();
  await page.getByRole('dialog').getByLabel('合同条款原文').fill(text);
  await page.getByRole('dialog').getByRole('button', { name: '识别条件' }).click();
  await expect(page.getByTestId('reading-review')).toBeVisible();
}

test('粘贴合同：逐句对照识别结果、未识别句分类、需确认、项目事实、保存并审查', async ({ page, host }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const { id: projectId } = await host.api('projects.create', { name: '逐句识别项目', parcel: 'G-01' });
  await openProject(page, host.url, '逐句识别项目');
  await paste(page, CONTRACT);
  const review = page.getByTestId('reading-review');

  // ---- each sentence beside its reading
  await expect(page.getByTestId('reading-counts')).toContainText('共 15 句：识别 10 句（10 条条件），其中 1 条需确认，未识别 5 句');
  const rowOf = (id: string) => review.locator(`[data-testid=reading-row][data-ids~="${id}"]`);
  const x2 = rowOf('X2');
  await expect(x2.locator('.hl-clause')).toHaveText('第十二条（一）');
  await expect(x2.locator('mark.hl-fact')).toHaveText('政府投资');
  await expect(x2.locator('mark.hl-indicator')).toHaveText('绿地率');
  await expect(x2.locator('mark.hl-comparator')).toHaveText('不低于');
  await expect(x2.locator('mark.hl-value')).toHaveText('35');
  await expect(x2.locator('mark.hl-unit')).toHaveText('%');
  const a1 = rowOf('A1');
  await expect(a1.locator('mark.hl-bound')).toHaveText('高度100米以上（不含100米）的');
  await expect(a1.locator('mark.hl-filter')).toHaveText('居住建筑');
  await expect(a1.locator('mark.hl-connector')).toHaveText('或');
  await expect(rowOf('A2').locator('mark.hl-scope')).toHaveText('单体或平均');
  await expect(rowOf('S1').locator('mark.hl-companion')).toHaveText('对应设计降雨量22.2mm');
  await expect(rowOf('G1').locator('mark.hl-date')).toHaveText('自2025年9月1日起签订出让合同的');
  await expect(rowOf('A3').locator('mark.hl-bound')).toHaveText('十二层及以上的');
  // The condition in plain Chinese.
  await expect(review.getByTestId('reading-A1')).toContainText('适用于 逐栋单体：居住建筑，建筑高度 100 m 以上（不含 100 m）');
  await expect(review.getByTestId('reading-A1')).toContainText('要求：预制率 不低于 15% 或 装配率 不低于 35%');
  await expect(review.getByTestId('reading-S1')).toContainText('同时写明：设计降雨量 22.2 mm');
  await expect(review.getByTestId('reading-A2')).toContainText('单体/平均：每栋单体满足，或加权平均满足');
  await expect(review.getByTestId('reading-G1')).toContainText('生效：2025-09-01 起签订的合同');
  await expect(review.getByTestId('reading-A3')).toContainText('地上层数 12 层 及以上');
  // The legend names every role shown.
  const legend = page.getByTestId('reading-legend');
  for (const w of ['条款号', '指标', '比较', '数值', '单位', '适用建筑', '高度/层数/面积范围', '单体/平均', '项目事实', '生效日期', '同时写明的数值', '或/且/分别', '未能识别的字词']) {
    await expect(legend).toContainText(w);
  }
  // Hovering a highlighted word says which part of the condition it produced, and marks it there.
  await x2.locator('mark.hl-comparator').hover();
  await expect(x2.getByTestId('part-caption')).toContainText('“不低于” → 比较：不低于（≥）（条件 X2）');
  await expect(review.getByTestId('reading-X2').locator('.w.on')).toHaveText(' 不低于 ');
  await a1.locator('mark.hl-bound').hover();
  await expect(a1.getByTestId('part-caption')).toContainText('适用范围：建筑高度100 m 以上（不含 100 m）');
  await expect(review.getByTestId('reading-A1').locator('.w.on')).toHaveText('建筑高度 100 m 以上（不含 100 m）');
  // A click keeps it shown when the pointer leaves.
  await rowOf('S1').locator('mark.hl-companion').click();
  await page.mouse.move(0, 0);
  await expect(rowOf('S1').getByTestId('part-caption')).toContainText('同时写明：设计降雨量 22.2 mm');
  await expect(review.getByTestId('reading-S1').locator('.w.on')).toHaveText('设计降雨量 22.2 mm');
  // The keyboard reaches the words too.
  await x2.locator('mark.hl-fact').focus();
  await expect(x2.getByTestId('part-caption')).toContainText('项目事实：仅适用于政府投资项目');

  // ---- refused sentences, grouped by kind, each with its reason
  const refused = page.getByTestId('unparsed');
  await expect(refused.locator('[data-testid=refused-item]')).toHaveCount(5);
  const group = (id: string) => refused.locator(`section.refused-group[data-group=${id}]`);
  await expect(group('not-condition').locator('li')).toHaveCount(2);
  await expect(group('not-condition')).toContainText('区域性或阶段性的政策目标（“到2025年”）');
  await expect(group('not-condition')).toContainText('措辞为鼓励性、非强制（“鼓励”）');
  await expect(group('indicator').locator('li')).toHaveCount(1);
  await expect(group('indicator')).toContainText('建筑系数≥40%');
  // 年径流污染控制率 is an indicator of its own; the sentence is refused for 改建地区 (and 分别)
  await expect(group('unclear')).toContainText('句中“改建地区”的含义未能识别');
  await expect(group('unclear')).toContainText('句中“高层”的含义未能识别');
  await expect(group('unclear').locator('mark.hl-unexplained')).toHaveText(['改建地区', '高层']);
  await shot(page, 'contract-reading-1280');

  // Written by hand: a new condition with the sentence as its text, no indicator chosen yet.
  const cards = page.locator('article.cond-card');
  await expect(cards).toHaveCount(10);
  const item = refused.locator('[data-testid=refused-item]', { hasText: '建筑系数≥40%' });
  await item.getByRole('button', { name: '手工编写' }).click();
  await expect(cards).toHaveCount(11);
  const byHand = cards.last();
  await expect(byHand.getByLabel('合同原文')).toHaveValue('建筑系数≥40%');
  await expect(byHand.getByLabel('条款号')).toHaveValue('第十二条（十二）');
  await expect(byHand.getByLabel('指标')).toBeFocused();
  await expect(byHand.locator('.leaf').getByRole('alert')).toHaveText('请选择指标');
  await expect(item).toContainText('已手工编写为条件 C11');
  await expect(page.getByTestId('save-blocked')).toContainText('1 处需要修改');
  // Not a contract indicator after all: removed again.
  await byHand.getByRole('button', { name: '删除条件 C11' }).click();
  await expect(item.getByRole('button', { name: '手工编写' })).toBeVisible();

  // ---- project facts: confirmed on this screen, shown in the editor
  const facts = page.getByTestId('project-facts');
  await expect(facts.getByRole('radiogroup')).toHaveCount(2);
  const gov = facts.getByRole('radiogroup', { name: '本项目是否为政府投资项目？' });
  const aff = facts.getByRole('radiogroup', { name: '本项目是否为保障性住房项目？' });
  await expect(gov.getByRole('radio', { name: '未确认' })).toBeChecked();
  await expect(gov).toContainText('条件 X2：未确认，审查时判为需复核');
  await aff.getByRole('radio', { name: '否' }).check();
  await expect(aff).toContainText('条件 G2：不适用');
  await expect(review.getByTestId('reading-G2')).toContainText('本项目已确认不是保障性住房项目：本条不适用');
  await expect(review.getByTestId('reading-X2')).toContainText('本项目是否为政府投资项目尚未确认：审查时本条判为需复核');
  const x2Card = page.locator('article.cond-card[data-condition-id=X2]');
  await expect(x2Card.getByTestId('when-effect')).toHaveText('→ 未确认，审查时本条判为需复核');
  await expect(page.locator('article.cond-card[data-condition-id=G2]').getByLabel('本项目是否为保障性住房项目')).toHaveValue('no');

  // ---- 需确认: marked with the reason, confirmed by the user
  const e1 = review.getByTestId('reading-E1');
  await expect(e1.locator('.badge')).toHaveText('需确认');
  await expect(e1.getByTestId('confirm-box')).toContainText('上世纪八十年代基准建筑的节能率');
  const e1Card = page.locator('article.cond-card[data-condition-id=E1]');
  await expect(e1Card.getByTestId('card-confirm')).toContainText('需确认');
  await expect(page.getByTestId('save-flags')).toContainText('条件 E1 的理解尚未确认');
  await expect(page.getByTestId('save-flags')).toContainText('项目事实“政府投资项目”尚未确认');
  await e1.getByRole('button', { name: '确认此理解' }).click();
  await expect(e1.locator('.badge')).toHaveText('已确认');
  await expect(e1Card.getByTestId('card-confirm')).toHaveCount(0);
  await expect(page.getByTestId('save-flags')).not.toContainText('E1');
  await expect(page.getByTestId('reading-counts')).not.toContainText('需确认');

  // ---- the new fields in the editor, in Chinese, errors at the field
  const a1Card = page.locator('article.cond-card[data-condition-id=A1]');
  await expect(a1Card.getByLabel('建筑高度下限', { exact: true })).toHaveValue('100');
  await expect(a1Card.getByLabel('建筑高度下限是否含本数')).toHaveValue('out');
  await a1Card.getByLabel('建筑高度上限', { exact: true }).fill('80');
  await expect(a1Card.locator('[data-bound=height]').getByRole('alert')).toHaveText('建筑高度的下限 100 m 高于上限 80 m，没有任何建筑在此范围内');
  await a1Card.getByLabel('建筑高度上限', { exact: true }).fill('');
  await expect(a1Card.locator('[data-bound=height]').getByRole('alert')).toHaveCount(0);
  const a2Card = page.locator('article.cond-card[data-condition-id=A2]');
  await expect(a2Card.getByLabel('单体或平均')).toHaveValue('eachOrAverage');
  await a2Card.getByLabel('适用范围').selectOption('project');
  await expect(a2Card.getByRole('alert').first()).toContainText('“单体/平均”只适用于范围为“逐栋单体”的条件');
  await a2Card.getByLabel('适用范围').selectOption('building');
  const g1Card = page.locator('article.cond-card[data-condition-id=G1]');
  await expect(g1Card.getByLabel('生效起始日期')).toHaveValue('2025-09-01');
  await g1Card.getByLabel('生效起始日期').fill('2025-13-01');
  await expect(g1Card.locator('.more-grid').getByRole('alert')).toHaveText('请按 年-月-日 填写日期，如 2025-09-01');
  await g1Card.getByLabel('生效起始日期').fill('2025-09-01');
  const s1Card = page.locator('article.cond-card[data-condition-id=S1]');
  await expect(s1Card.getByLabel('同时写明的指标')).toHaveValue('design_rainfall');
  await expect(s1Card.getByLabel('设计降雨量的数值')).toHaveValue('22.2');
  await expect(s1Card.locator('.companion-row .unit')).toHaveText('mm');
  await expect(page.getByTestId('validation')).toContainText('条件有效，共 10 条');
  await expect(page.locator('main')).not.toContainText(DEVELOPER_WORDS);

  // ---- save: the facts and the confirmed reading go into the document
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByTestId('versions').locator('li')).toHaveCount(1);
  const saved = (await host.api('conditions.get', { projectId })).latest!.doc;
  expect(saved.facts).toEqual({ affordable_housing: false });
  expect(saved.conditions.find((c) => c.id === 'E1')?.toConfirm).toBeUndefined();
  expect(saved.conditions.find((c) => c.id === 'X2')?.when).toEqual({ government_investment: true });
  await shot(page, 'contract-reading-saved');

  // ---- the check: an unconfirmed fact is 需复核, a fact confirmed as 否 makes its condition 不适用
  await page.locator('[data-nav=import]').click();
  await page.locator('#import-file').setInputFiles({ name: '指标表.xlsx', mimeType: 'application/octet-stream', buffer: await indicatorWorkbook({ greenRatio: 0.36, far: 1.8 }) });
  await expect(page.getByTestId('import-project')).toBeVisible();
  await page.locator('[data-nav=results]').click();
  await page.getByRole('button', { name: '开始审查' }).click();
  const x2Group = page.locator('section.group[data-condition-id=X2]');
  await expect(x2Group.locator('.group-counts')).toHaveText('需复核 1');
  await expect(x2Group).toContainText('本项目是否为政府投资项目尚未确认');
  await expect(page.locator('section.group[data-condition-id=G2] .group-counts')).toHaveText('不适用 1');
  await expect(page.locator('section.group[data-condition-id=X1] .group-counts')).toHaveText('符合 1');
  await shot(page, 'contract-reading-results');

  // Confirmed in the editor (the condition's own row): the condition is checked, and passes.
  await page.locator('[data-nav=conditions]').click();
  await page.locator('article.cond-card[data-condition-id=X2]').getByLabel('本项目是否为政府投资项目').selectOption('yes');
  await expect(page.locator('article.cond-card[data-condition-id=X2]').getByTestId('when-effect')).toHaveText('→ 本条适用');
  await expect(page.getByTestId('project-facts-editor').getByRole('radiogroup', { name: '本项目是否为政府投资项目？' }).getByRole('radio', { name: '是' })).toBeChecked();
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByTestId('versions').locator('li')).toHaveCount(2);
  await page.locator('[data-nav=results]').click();
  await page.getByRole('button', { name: '重新审查', exact: true }).click();
  await expect(page.locator('section.group[data-condition-id=X2] .group-counts')).toHaveText('符合 1');
  expect(errors).toEqual([]);
});

test('粘贴合同：追加时编号冲突改名，识别结果仍对应改名后的条件', async ({ page, host }) => {
  await host.api('projects.create', { name: '追加识别项目' });
  await openProject(page, host.url, '追加识别项目');
  await paste(page, '绿地率不低于35%。');
  await expect(page.locator('article.cond-card')).toHaveCount(1);
  await page.getByRole('button', { name: '粘贴合同条款' }).click();
  await page.getByRole('dialog').getByLabel('合同条款原文').fill('绿地率不低于30%；容积率 5-3: 2.50');
  await page.getByRole('dialog').getByRole('button', { name: '识别并追加' }).click();
  await expect(page.locator('article.cond-card')).toHaveCount(3);
  const ids = await page.locator('article.cond-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-condition-id')));
  expect(ids).toEqual(['X1', 'X1-2', 'X2']);
  const review = page.getByTestId('reading-review');
  await expect(review.getByTestId('reading-X1-2')).toContainText('绿地率 不低于 30%');
  // A table row without a comparison word: to confirm, with the reason; the parcel it names.
  await expect(review.getByTestId('reading-X2')).toContainText('需确认');
  await expect(review.getByTestId('reading-X2')).toContainText('地块：5-3');
  // Renaming a condition keeps it beside its sentence; removing it says so.
  await page.locator('article.cond-card').nth(1).getByLabel('条件编号').fill('G9');
  await expect(review.getByTestId('reading-G9')).toContainText('绿地率 不低于 30%');
  await review.getByTestId('reading-X2').getByRole('button', { name: '删除条件' }).click();
  await expect(review.getByTestId('reading-X2')).toHaveCount(0);
  await expect(review.locator('.reading-cond.removed')).toContainText('条件 X2 已从编辑区删除');
  // Closing the reading keeps the conditions.
  await review.getByRole('button', { name: '关闭识别结果' }).click();
  await expect(page.getByTestId('reading-review')).toHaveCount(0);
  await expect(page.locator('article.cond-card')).toHaveCount(2);
});

// ---------------------------------------------------------------- layout at 1,024 and 1,920 px

/** Controls of the screen covered by something else or cut at the side (as the layout spec checks). */
async function layoutProblems(page: Page): Promise<string[]> {
  for (const b of await page.locator('.notice-close').all()) await b.click();
  return page.evaluate(() => {
    type El = {
      getBoundingClientRect(): { left: number; right: number; top: number; bottom: number; width: number; height: number };
      contains(o: unknown): boolean;
      scrollIntoView(o: unknown): void;
      textContent: string | null;
      getAttribute(n: string): string | null;
      tagName: string;
    };
    const w = globalThis as unknown as {
      innerWidth: number;
      innerHeight: number;
      document: {
        documentElement: { scrollWidth: number };
        querySelector(s: string): { scrollWidth: number; clientWidth: number; scrollTop: number } | null;
        querySelectorAll(s: string): ArrayLike<unknown>;
        elementFromPoint(x: number, y: number): unknown;
      };
    };
    const out: string[] = [];
    const main = w.document.querySelector('main')!;
    if (w.document.documentElement.scrollWidth > w.innerWidth + 1) out.push('page scrolls sideways');
    if (main.scrollWidth > main.clientWidth + 1) out.push(`main scrolls sideways ${main.scrollWidth} > ${main.clientWidth}`);
    const els = Array.from(w.document.querySelectorAll('main button, main input, main select, main textarea, main mark')) as El[];
    for (const el of els.slice(0, 600)) {
      let r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.top < 0 || r.bottom > w.innerHeight) {
        el.scrollIntoView({ block: 'center', inline: 'nearest' });
        r = el.getBoundingClientRect();
      }
      const name = `${el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}`;
      if (r.right > w.innerWidth + 1 || r.left < -1) out.push(`cut at the side: ${name}`);
      const x = Math.min(Math.max(r.left + r.width / 2, 0), w.innerWidth - 1);
      const y = Math.min(Math.max(r.top + r.height / 2, 0), w.innerHeight - 1);
      const top = w.document.elementFromPoint(x, y) as El | null;
      if (top && !(el === top || el.contains(top) || top.contains(el))) out.push(`covered: ${name} under ${top.tagName.toLowerCase()}.${top.getAttribute('class') ?? ''}`);
    }
    main.scrollTop = 0;
    return out;
  });
}

for (const width of [1024, 1920]) {
  test(`粘贴合同：${width} px 版面无遮挡、无截断`, async ({ page, host }) => {
    await host.api('projects.create', { name: '版面识别项目' });
    await page.setViewportSize({ width, height: 900 });
    await openProject(page, host.url, '版面识别项目');
    await paste(page, CONTRACT);
    await page.getByTestId('project-facts').getByRole('radiogroup', { name: '本项目是否为保障性住房项目？' }).getByRole('radio', { name: '否' }).check();
    const x2 = page.locator('[data-testid=reading-row][data-ids~="X2"]');
    await x2.locator('mark.hl-comparator').hover();
    await shot(page, `contract-reading-${width}`);
    await page.getByTestId('unparsed').scrollIntoViewIfNeeded();
    await shot(page, `contract-reading-refused-${width}`);
    await page.locator('article.cond-card[data-condition-id=A1]').scrollIntoViewIfNeeded();
    await shot(page, `contract-reading-card-${width}`);
    await page.mouse.move(0, 0);
    expect(await layoutProblems(page), `${width} px`).toEqual([]);
  });
}
