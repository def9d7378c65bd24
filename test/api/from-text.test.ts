// `conditions.fromText` through the handlers (as IPC and HTTP call it): the conditions, the refused
// sentences with their kind (`code`) and reason, and per sentence its reading — which of the user's
// own characters produced which part of which condition (docs/contract-text.md §5). The document
// read from the text validates and saves with the project facts the user confirmed, and the check
// treats unconfirmed facts and readings as docs/formats.md §6 says.
import { describe, expect, it } from 'vitest';
import { apiHarness } from './harness';
import { indicatorWorkbook } from './workbooks';

const api = apiHarness();

const TEXT = [
  '第十二条 绿色生态要求：',
  '（一）高度100米以上（不含100米）的居住建筑，建筑单体预制率不低于１５％或单体装配率不低于35%；',
  '（二）政府投资项目的绿地率不低于35%；容积率：1.0-2.5；',
  '（三）年径流总量控制率不低于75%，对应设计降雨量22.2mm；单体或平均装配率不低于40%；',
  '（四）建筑节能需达到65%；',
  '（五）自2025年9月1日起签订出让合同的项目，新建建筑应达到绿色建筑二星级标准；',
  '（六）到2025年，城镇建筑可再生能源替代率达到10%；建筑系数≥40%；高层住宅装配率不低于50%。',
].join('\n');

describe('conditions.fromText: the reading beside the conditions', () => {
  it('returns one reading per sentence, each part a range of the user’s own text with what it says', async () => {
    const r = await api.call('conditions.fromText', { text: TEXT });
    const lines = TEXT.split('\n');
    expect(r.readings.map((x) => x.sentence)).toEqual([
      '高度100米以上（不含100米）的居住建筑，建筑单体预制率不低于１５％或单体装配率不低于35%',
      '政府投资项目的绿地率不低于35%',
      '容积率：1.0-2.5',
      '年径流总量控制率不低于75%，对应设计降雨量22.2mm',
      '单体或平均装配率不低于40%',
      '建筑节能需达到65%',
      '自2025年9月1日起签订出让合同的项目，新建建筑应达到绿色建筑二星级标准',
      '到2025年，城镇建筑可再生能源替代率达到10%',
      '建筑系数≥40%',
      '高层住宅装配率不低于50%',
    ]);
    // Every sentence is found in the pasted text; clause numbers are kept beside it.
    for (const x of r.readings) expect(lines.some((l) => l.includes(x.sentence))).toBe(true);
    expect(r.readings[0]!.clause).toBe('第十二条（一）');
    const show = (i: number) => r.readings[i]!.parts.map((p) => `${p.role}:${r.readings[i]!.sentence.slice(p.start, p.end)}`);

    // Full-width characters are shown as the user wrote them; the unit of a value is located.
    const a1 = r.readings[0]!;
    expect(show(0)).toContain('value:１５％');
    const v15 = a1.parts.find((p) => a1.sentence.slice(p.start, p.end) === '１５％')!;
    expect(v15.detail).toMatchObject({ value: 15, unit: { word: '%' } });
    expect(a1.sentence.slice(v15.detail!.unit!.start, v15.detail!.unit!.end)).toBe('％');
    // Building filters say which: a group of buildings, or a bound on a measure with 含/不含.
    const bound = a1.parts.find((p) => p.role === 'filter' && p.detail?.filter === 'height')!;
    expect(a1.sentence.slice(bound.start, bound.end)).toBe('高度100米以上（不含100米）的');
    expect(bound.detail!.bound).toEqual({ gt: 100 });
    expect(a1.parts.find((p) => p.detail?.filter === 'use')!.detail!.uses).toEqual(['residential']);
    expect(a1.parts.filter((p) => p.role === 'indicator').map((p) => p.detail?.indicator)).toEqual(['prefab_ratio', 'assembly_ratio']);
    expect(a1.parts.find((p) => p.role === 'connector')!.detail).toEqual({ join: 'any' });
    expect(a1.parts.filter((p) => p.role === 'comparator').map((p) => p.detail?.op)).toEqual(['>=', '>=']);
    // Each part names the condition it produced.
    expect(a1.conditionIds).toEqual(['A1']);
    expect(a1.parts.every((p) => p.conditionIds.join() === 'A1')).toBe(true);

    expect(r.readings[1]!.parts.find((p) => p.role === 'fact')!.detail).toEqual({ fact: { id: 'government_investment', value: true } });
    expect(show(2)).toEqual(['indicator:容积率', 'value:1.0', 'value:-', 'value:2.5']);
    expect(r.readings[2]!.parts[2]!.detail).toEqual({ range: true });
    expect(r.readings[3]!.parts.find((p) => p.role === 'companion')!.detail).toEqual({ companion: { indicator: 'design_rainfall', value: 22.2 } });
    expect(r.readings[4]!.parts.find((p) => p.role === 'scope')!.detail).toEqual({ aggregate: 'eachOrAverage' });
    expect(r.readings[6]!.parts.find((p) => p.role === 'date')!.detail).toEqual({ from: '2025-09-01' });
    expect(r.readings[6]!.parts.find((p) => p.role === 'value')!.detail).toEqual({ indicator: 'green_building_star', value: 2 });
  });

  it('says why each refused sentence was refused, and which words stopped it', async () => {
    const r = await api.call('conditions.fromText', { text: TEXT });
    expect(r.unparsed.map((u) => [u.sentence, u.code])).toEqual([
      ['到2025年，城镇建筑可再生能源替代率达到10%', 'policy-target'],
      ['建筑系数≥40%', 'no-indicator'],
      ['高层住宅装配率不低于50%', 'unexplained'],
    ]);
    for (const u of r.unparsed) {
      const reading = r.readings.find((x) => x.sentence === u.sentence)!;
      expect(reading.conditionIds).toEqual([]);
      expect(reading.refused).toEqual({ code: u.code, reason: u.reason });
      expect(u.reason).toMatch(/[\u4e00-\u9fff]/);
      expect(u.clause).toBe('第十二条（六）');
    }
    const high = r.readings.find((x) => x.sentence.startsWith('高层'))!;
    expect(high.parts.filter((p) => p.role === 'unexplained').map((p) => high.sentence.slice(p.start, p.end))).toEqual(['高层']);
    const policy = r.readings.find((x) => x.sentence.startsWith('到2025年'))!;
    expect(policy.parts.filter((p) => p.role === 'policy').map((p) => policy.sentence.slice(p.start, p.end))).toEqual(['到2025年', '城镇']);
  });

  it('reads the same through the wire format: plain JSON, nothing lost', async () => {
    const env = await api.raw('conditions.fromText', { text: TEXT });
    expect(env.ok).toBe(true);
    const value = (env as { value: unknown }).value;
    expect(JSON.parse(JSON.stringify(value))).toEqual(value);
  });

  it('names the project facts conditions may depend on, in the user’s words', async () => {
    const facts = await api.call('conditions.projectFacts', {});
    expect(facts.find((f) => f.id === 'government_investment')).toEqual({ id: 'government_investment', yes: '政府投资项目', no: '非政府投资项目' });
    // Every fact a reading can produce is named.
    const r = await api.call('conditions.fromText', { text: '政府投资的公共建筑应达到三星级；保障性住房应达到绿色建筑一星级；重点区域新建建筑应达到绿色建筑二星级' });
    const used = r.doc.conditions.flatMap((c) => Object.keys(c.when ?? {}));
    expect(used.length).toBe(3);
    for (const id of used) expect(facts.map((f) => f.id)).toContain(id);
    for (const f of facts) expect(`${f.yes}${f.no}`).toMatch(/^[\u4e00-\u9fff]+$/);
  });

  it('refuses empty text in Chinese', async () => {
    expect(await api.callError('conditions.fromText', { text: '   ' })).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('conditions read from text: saved with the confirmed facts, checked', () => {
  it('an unconfirmed fact or reading is never a pass; confirming them is', async () => {
    const { doc } = await api.call('conditions.fromText', { text: '政府投资项目的绿地率不低于35%；容积率 5-3: 2.50' });
    expect(doc.conditions.map((c) => [c.id, c.when, c.parcel, !!c.toConfirm])).toEqual([
      ['X1', { government_investment: true }, undefined, false],
      ['X2', undefined, '5-3', true],
    ]);
    const project = await api.call('projects.create', { name: '识别条件审查', parcel: '5-3' });
    // The editor carries the project's 地块 into the contract information.
    const withParcel = { ...doc, contract: { parcel: '5-3' } };
    await api.call('conditions.validate', { doc: withParcel as unknown as Record<string, unknown> });
    await api.call('conditions.save', { projectId: project.id, doc: withParcel as unknown as Record<string, unknown> });
    const wb = (await indicatorWorkbook({ greenRatio: 0.36, far: 1.8 })).toString('base64');
    await api.call('import.workbook', { projectId: project.id, fileName: '指标表.xlsx', dataBase64: wb });
    const verdicts = async () => {
      const run = (await api.call('check.run', { projectId: project.id })).run;
      return Object.fromEntries(run.result.findings.map((f) => [f.conditionId, [f.verdict, f.message]]));
    };
    let v = await verdicts();
    expect(v.X1![0]).toBe('review');
    expect(v.X1![1]).toContain('本项目是否为政府投资项目尚未确认');
    expect(v.X2![0]).toBe('review');
    expect(v.X2![1]).toContain('尚待确认');

    // The user says the project is not government-invested, and confirms the reading of X2.
    const confirmed = {
      ...withParcel,
      facts: { government_investment: false },
      conditions: doc.conditions.map(({ toConfirm: _t, ...c }) => c),
    };
    const saved = await api.call('conditions.save', { projectId: project.id, doc: confirmed as unknown as Record<string, unknown> });
    expect(saved.doc.facts).toEqual({ government_investment: false });
    v = await verdicts();
    expect(v.X1![0]).toBe('not_applicable');
    expect(v.X2![0]).toBe('pass');

    // A fact id that does not exist is named, in Chinese.
    const bad = { ...confirmed, facts: { goverment_investment: true } };
    expect(await api.callError('conditions.save', { projectId: project.id, doc: bad as unknown as Record<string, unknown> })).toContain('是否应为 "government_investment"');
  });
});
