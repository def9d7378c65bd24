import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, StoreError, type Store } from '../../shared/store/index.js';
import { openDatabase } from '../../shared/store/sqlite.js';
import { makeConditions, makeImport, makeRun, tempDir } from './fixtures.js';

let tmp: ReturnType<typeof tempDir>;
let store: Store;
let clock: number;
const now = () => new Date(Date.UTC(2025, 0, 1) + (clock += 1000));

beforeEach(() => {
  tmp = tempDir();
  clock = 0;
  store = openStore(tmp.file('landcheck.db'), { now });
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

function thrown(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(StoreError);
    return e as StoreError;
  }
  throw new Error('expected a StoreError');
}

/** A project with conditions, an import and a run. */
function seeded(name = '测试项目', overall: 'pass' | 'fail' | 'incomplete' = 'pass') {
  const p = store.createProject({ name, parcel: 'A-01' });
  const cs = store.saveConditionSet(p.id, makeConditions());
  const imp = makeImport(3, name);
  const importId = store.recordImport(p.id, imp, imp.file);
  const runId = store.recordRun(p.id, importId, cs.id, makeRun(imp, makeConditions(), overall));
  return { p, cs, imp, importId, runId };
}

describe('projects', () => {
  it('create, rename, archive, delete; every change audited', () => {
    const p = store.createProject({ name: '  临港新片区 A 地块 ', parcel: 'A-01', notes: '备注' });
    expect(p).toMatchObject({ name: '临港新片区 A 地块', parcel: 'A-01', notes: '备注', archived: false, lastOverall: null });
    store.renameProject(p.id, '临港 A 地块');
    store.archiveProject(p.id, true);
    expect(store.listProjects()).toEqual([]);
    expect(store.listProjects({ includeArchived: true })[0]).toMatchObject({ name: '临港 A 地块', archived: true });
    store.deleteProject(p.id);
    expect(store.getProject(p.id)).toBeNull();
    expect(store.auditLog({ projectId: p.id }).map((e) => e.kind)).toEqual(['project.create', 'project.rename', 'project.archive', 'project.delete']);
    expect(store.auditLog({ kind: 'project.rename' })[0]!.payload).toEqual({ from: '临港新片区 A 地块', to: '临港 A 地块' });
    expect(thrown(() => store.createProject({ name: '   ' })).message).toBe('项目名称不能为空。');
    expect(thrown(() => store.renameProject(999, '某')).message).toBe('项目 999 不存在。');
  });

  it('sorts names in pinyin order (北京 < 上海 < 天津) and by verdict and update time', () => {
    for (const n of ['天津', '上海', '北京', '重庆']) store.createProject({ name: n });
    expect(store.listProjects({ sort: 'name' }).map((p) => p.name)).toEqual(['北京', '重庆', '上海', '天津']);
    expect(store.listProjects({ sort: 'name', limit: 2, offset: 1 }).map((p) => p.name)).toEqual(['重庆', '上海']);
    expect(store.listProjects().map((p) => p.name)).toEqual(['重庆', '北京', '上海', '天津']); // newest first
    seeded('乙项目', 'pass');
    seeded('甲项目', 'fail');
    seeded('丙项目', 'incomplete');
    expect(store.listProjects({ sort: 'verdict' }).map((p) => `${p.name}:${p.lastOverall}`)).toEqual([
      '甲项目:fail',
      '丙项目:incomplete',
      '乙项目:pass',
      '北京:null',
      '重庆:null',
      '上海:null',
      '天津:null',
    ]);
    // a change inside a project moves it to the top of 'updated'
    const tianjin = store.listProjects().find((p) => p.name === '天津')!;
    store.saveConditionSet(tianjin.id, makeConditions());
    expect(store.listProjects({ limit: 1 })[0]!.name).toBe('天津');
  });

  it('searches name, parcel and notes; LIKE wildcards are literal', () => {
    store.createProject({ name: '浦东 50% 项目', parcel: 'PD-1' });
    store.createProject({ name: '浦西项目', notes: '旧改' });
    store.createProject({ name: '闵行项目', parcel: 'MH_2' });
    expect(store.listProjects({ search: '浦', sort: 'name' }).map((p) => p.name)).toEqual(['浦东 50% 项目', '浦西项目']);
    expect(store.listProjects({ search: '旧改' }).map((p) => p.name)).toEqual(['浦西项目']);
    expect(store.listProjects({ search: '%' }).map((p) => p.name)).toEqual(['浦东 50% 项目']);
    expect(store.listProjects({ search: 'MH_' }).map((p) => p.name)).toEqual(['闵行项目']);
    expect(store.listProjects({ search: '浦 PD' }).map((p) => p.name)).toEqual(['浦东 50% 项目']);
  });

  it('lists 1,000 projects in every sort order (speed: npm run bench)', () => {
    const names = ['北京', '上海', '天津', '重庆', '广州', '深圳', '杭州', '南京'];
    for (let i = 0; i < 1000; i++) store.createProject({ name: `${names[i % 8]}${i}号地块` });
    for (const sort of ['name', 'updated', 'verdict'] as const) {
      const list = store.listProjects({ sort });
      expect(list).toHaveLength(1000);
      expect(new Set(list.map((p) => p.id)).size).toBe(1000);
    }
    const updated = store.listProjects({ sort: 'updated' });
    expect(updated.map((p) => p.updatedAt)).toEqual(updated.map((p) => p.updatedAt).sort().reverse());
    expect(store.listProjects({ sort: 'name', limit: 3 }).map((p) => p.name)).toEqual(['北京0号地块', '北京8号地块', '北京16号地块']);
  });
});

describe('condition sets', () => {
  it('each save with a different document is a new version; an identical one returns the latest', () => {
    const p = store.createProject({ name: '版本测试' });
    const v1 = store.saveConditionSet(p.id, makeConditions(30), '初稿');
    expect(v1.version).toBe(1);
    // same content, keys in another order → same version
    const reordered = JSON.parse(JSON.stringify({ conditions: makeConditions(30).conditions, format: 'landcheck.conditions/v1', contract: makeConditions(30).contract }));
    expect(store.saveConditionSet(p.id, reordered)).toEqual(v1);
    const v2 = store.saveConditionSet(p.id, makeConditions(35), '绿地率改为 35%');
    expect(v2.version).toBe(2);
    const v3 = store.saveConditionSet(p.id, makeConditions(30)); // back to the old text: still a new version
    expect(v3.version).toBe(3);
    expect(store.latestConditionSet(p.id)).toMatchObject({ id: v3.id, version: 3, doc: makeConditions(30) });
    expect(store.conditionSetVersions(p.id).map((v) => [v.version, v.note])).toEqual([
      [3, undefined],
      [2, '绿地率改为 35%'],
      [1, '初稿'],
    ]);
    expect(store.getConditionSet(v2.id)!.doc.conditions[0]).toMatchObject({ value: 35 });
    expect(store.auditLog({ kind: 'conditions.save' }).map((e) => (e.payload as { version: number }).version)).toEqual([1, 2, 3]);
    expect(thrown(() => store.saveConditionSet(p.id, { format: 'x' } as never)).message).toContain('landcheck.conditions/v1');
  });

  it('an old run keeps its condition set version after the conditions are edited', () => {
    const { p, runId, cs } = seeded();
    store.saveConditionSet(p.id, makeConditions(40));
    const got = store.getRun(runId)!;
    expect(got.conditionSetId).toBe(cs.id);
    expect(store.getConditionSet(got.conditionSetId)).toMatchObject({ version: 1, doc: makeConditions(30) });
    expect(got.run.conditions).toEqual(makeConditions(30));
  });
});

describe('imports, runs, overrides, reports', () => {
  it('an import keeps the workbook hash and every interpreted value', () => {
    const p = store.createProject({ name: '导入' });
    const imp = makeImport(40);
    const id = store.recordImport(p.id, imp, '指标表.xlsx');
    const got = store.getImport(id)!;
    expect(got.result).toEqual(imp);
    expect(got.summary).toMatchObject({ fileName: '指标表.xlsx', workbookSha256: imp.sha256 });
    expect(store.importsForProject(p.id).map((i) => i.id)).toEqual([id]);
    expect(store.auditLog({ kind: 'import' })[0]!.payload).toMatchObject({ importId: id, workbookSha256: imp.sha256, buildings: 40, issues: 1 });
  });

  it('a run round-trips, refuses foreign imports/condition sets and a different workbook', () => {
    const a = seeded('甲');
    const b = seeded('乙');
    const got = store.getRun(a.runId)!;
    expect(got.run).toEqual(makeRun(a.imp, makeConditions(), 'pass'));
    expect(got).toMatchObject({ projectId: a.p.id, importId: a.importId, conditionSetId: a.cs.id, overrides: [] });
    expect(store.getProject(a.p.id)!.lastOverall).toBe('pass');
    expect(thrown(() => store.recordRun(a.p.id, b.importId, a.cs.id, makeRun(b.imp, makeConditions()))).message).toBe(`导入记录 ${b.importId} 不属于项目 ${a.p.id}。`);
    expect(thrown(() => store.recordRun(a.p.id, a.importId, b.cs.id, makeRun(a.imp, makeConditions()))).message).toBe(`条件集 ${b.cs.id} 不属于项目 ${a.p.id}。`);
    expect(thrown(() => store.recordRun(a.p.id, a.importId, a.cs.id, makeRun(b.imp, makeConditions()))).message).toContain('工作簿不一致');
    expect(store.runsForProject(a.p.id)).toHaveLength(1);
  });

  it('an override needs a reason (Chinese error) and an existing finding; it is audited with from/to', () => {
    const { runId, p } = seeded();
    const noReason = thrown(() => store.addOverride(runId, { conditionId: 'C2', building: '2#楼', verdict: 'fail', reason: '  ' }));
    expect(noReason.message).toBe('人工改判条件 C2（2#楼）必须填写理由。');
    expect(noReason.code).toBe('invalid');
    expect(thrown(() => store.addOverride(runId, { conditionId: 'C2', building: '2#楼', verdict: 'ok' as never, reason: '理由' })).message).toContain('无效');
    expect(thrown(() => store.addOverride(runId, { conditionId: 'C9', building: null, verdict: 'fail', reason: '理由' })).message).toBe(
      `检查记录 ${runId} 中没有条件 C9的结论，无法改判。`,
    );
    const id = store.addOverride(runId, { conditionId: 'C2', building: '2#楼', verdict: 'fail', reason: '现场核查：未取得二星级标识', user: '李工' });
    store.addOverride(runId, { conditionId: 'C2', building: '2#楼', verdict: 'review', reason: '待补充材料' });
    expect(store.getRun(runId)!.overrides).toMatchObject([
      { id, conditionId: 'C2', building: '2#楼', verdict: 'fail', reason: '现场核查：未取得二星级标识', user: '李工' },
      { conditionId: 'C2', building: '2#楼', verdict: 'review' },
    ]);
    expect(store.auditLog({ kind: 'override', projectId: p.id }).map((e) => e.payload)).toMatchObject([
      { from: 'pass', to: 'fail', user: '李工' },
      { from: 'fail', to: 'review', user: null },
    ]);
    // nothing was written by the refused calls
    const db = openDatabase(tmp.file('landcheck.db'), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM overrides').pluck().get()).toBe(2);
    db.close();
  });

  it('reports: recorded with bytes, listed per project, found by fingerprint (also after the project is deleted)', () => {
    const { runId, p } = seeded('报告项目', 'fail');
    const pdf = new TextEncoder().encode('%PDF-1.7 fake');
    const fp = 'ABCDEF0123456789'.repeat(4);
    const id = store.recordReport(runId, { fingerprint: fp, fileName: '审查报告.pdf', kind: 'pdf', bytes: pdf });
    store.recordReport(runId, { fingerprint: 'aa'.repeat(32), fileName: '审查报告.xlsx', kind: 'xlsx' });
    expect(store.reportsForProject(p.id).map((r) => r.fileName)).toEqual(['审查报告.xlsx', '审查报告.pdf']);
    expect(Buffer.from(store.reportBytes(id)!).toString()).toBe('%PDF-1.7 fake');
    const spaced = fp.toLowerCase().match(/.{4}/g)!.join(' ');
    expect(store.findReportByFingerprint(spaced)).toMatchObject({ id, runId, projectId: p.id, projectName: '报告项目', overall: 'fail', kind: 'pdf', deleted: false });
    expect(store.findReportByFingerprint('00'.repeat(32))).toBeNull();
    expect(store.findReportByFingerprint('not hex')).toBeNull();
    expect(thrown(() => store.recordReport(runId, { fingerprint: 'xyz', fileName: 'a.pdf', kind: 'pdf' })).message).toContain('指纹');
    expect(thrown(() => store.recordReport(9999, { fingerprint: 'ab'.repeat(8), fileName: 'a.pdf', kind: 'pdf' })).code).toBe('not_found');
    store.deleteProject(p.id);
    expect(store.reportsForProject(p.id)).toEqual([]);
    expect(store.findReportByFingerprint(fp)).toMatchObject({ id, projectName: '报告项目', fileName: '审查报告.pdf', deleted: true, overall: null });
  });
});

describe('organisation profiles and mapping memories', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

  it('profiles: upsert by name, PNG seal kept, sorted in pinyin order', () => {
    const a = store.saveOrgProfile({ name: '上海市规划设计院', sealText: '审查专用章', sealPng: png, preparer: '张三' });
    store.saveOrgProfile({ name: '北京建筑设计院' });
    expect(store.saveOrgProfile({ name: '上海市规划设计院', checker: '李四' })).toBe(a);
    const list = store.listOrgProfiles();
    expect(list.map((o) => o.name)).toEqual(['北京建筑设计院', '上海市规划设计院']);
    expect(list[1]).toMatchObject({ checker: '李四' });
    expect(list[1]!.preparer).toBeUndefined();
    store.saveOrgProfile({ name: '上海市规划设计院', sealPng: png });
    expect(Buffer.from(store.listOrgProfiles()[1]!.sealPng!).equals(png)).toBe(true);
    expect(thrown(() => store.saveOrgProfile({ name: 'X', sealPng: new Uint8Array([1, 2, 3]) })).message).toContain('不是 PNG');
  });

  it('mappings: one cell per layout, indicator and building; the latest wins; never a value; who set it', () => {
    store.setUserName('王审查');
    store.rememberMapping('模板A', { indicator: 'green_ratio', building: null, cell: '项目指标!C5', reason: '“绿化率”即绿地率', fileName: 'a.xlsx' });
    store.rememberMapping('模板A', { indicator: 'prefab_ratio', building: '1#楼', cell: '单体指标!H4', reason: '装配率列' });
    store.rememberMapping('模板A', { indicator: 'green_ratio', building: null, cell: '项目指标!C6', reason: '表格下移一行', user: '李工' });
    expect(store.mappingsFor('模板A')).toMatchObject([
      { layoutKey: '模板A', indicator: 'green_ratio', building: null, cell: '项目指标!C6', reason: '表格下移一行', user: '李工' },
      { indicator: 'prefab_ratio', building: '1#楼', cell: '单体指标!H4', user: '王审查' },
    ]);
    // A mapping is a cell, never a value.
    expect(thrown(() => store.rememberMapping('模板B', { indicator: 'green_ratio', building: null, cell: '35', reason: '手工确认' })).message).toContain('必须指向一个单元格');
    expect(store.mappingsFor('模板B')).toEqual([]);
    expect(thrown(() => store.rememberMapping('模板A', { indicator: 'x', building: null, cell: '表!A1', reason: '' })).message).toBe('指标 x 的对应关系说明不能为空。');
    // Removing one is audited with what it was and who had set it.
    expect(store.forgetMapping('模板A', 'prefab_ratio', '1#楼')).toBe(true);
    expect(store.forgetMapping('模板A', 'prefab_ratio', '1#楼')).toBe(false);
    expect(store.allMappings().map((m) => m.indicator)).toEqual(['green_ratio']);
    expect(store.auditLog({ kind: 'mapping.forget' })[0]!.payload).toMatchObject({ cell: '单体指标!H4', setBy: '王审查', user: '王审查' });
  });
});

describe('read-only store', () => {
  it('reads but refuses every write', () => {
    const { p } = seeded();
    store.close();
    store = openStore(tmp.file('landcheck.db'), { readonly: true });
    expect(store.listProjects().map((x) => x.id)).toEqual([p.id]);
    expect(store.verifyAuditChain().ok).toBe(true);
    const e = thrown(() => store.createProject({ name: '新' }));
    expect(e.code).toBe('readonly');
    expect(e.message).toContain('只读');
  });
});
