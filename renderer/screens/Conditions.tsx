// 出让条件: start from a template, parse pasted contract text, import/export JSON, edit each
// condition in a form with validation as you type, save as a new version (history shown).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ApiOutputs, ConditionSetVersion, TemplateInfo } from '../../shared/api/contract';
import type { Condition, ConditionsDoc, LeafRule, Rule } from '../../shared/model/types';
import { indicator } from '../../shared/model/indicators';
import { invoke, errorText } from '../api';
import { useApp } from '../state';
import { ConfirmDialog, Dialog } from '../components/Dialog';
import { downloadJson, formatTime, readJsonFile } from '../files';
import {
  CONDITION_INDICATORS,
  OPS,
  USES,
  defaultLeaf,
  describe,
  emptyDoc,
  isLeaf,
  nextId,
  ruleKind,
  withKind,
  type RuleKind,
} from '../conditions-edit';

type Validation = { state: 'idle' | 'checking' } | { state: 'ok'; count: number } | { state: 'error'; message: string };
type Unparsed = ApiOutputs['conditions.fromText']['unparsed'];

export function ConditionsScreen() {
  const app = useApp();
  const projectId = app.projectId!;
  const [doc, setDoc] = useState<ConditionsDoc | null>(null);
  const [saved, setSaved] = useState<{ version: number } | null>(null);
  const [versions, setVersions] = useState<ConditionSetVersion[]>([]);
  const [dirty, setDirty] = useState(false);
  const [templates, setTemplates] = useState<TemplateInfo[]>([]);
  const [validation, setValidation] = useState<Validation>({ state: 'idle' });
  const [pasteOpen, setPasteOpen] = useState(false);
  const [unparsed, setUnparsed] = useState<Unparsed>([]);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [loading, setLoading] = useState(true);
  /** An older version opened read-only from the history. */
  const [viewing, setViewing] = useState<{ version: number; doc: ConditionsDoc } | null>(null);
  /** An old version waiting for confirmation because the editor has unsaved changes. */
  const [replacing, setReplacing] = useState<{ version: number; doc: ConditionsDoc } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    invoke('conditions.get', { projectId })
      .then((r) => {
        setDoc(r.latest?.doc ?? null);
        setSaved(r.latest ? { version: r.latest.version } : null);
        setVersions(r.versions);
      })
      .catch((e) => app.notify('error', errorText(e)))
      .finally(() => setLoading(false));
    invoke('conditions.templates', {})
      .then(setTemplates)
      .catch(() => setTemplates([]));
  }, [projectId]);

  // Validation as you type (debounced): the server's Chinese message names the condition and field.
  useEffect(() => {
    if (!doc) return setValidation({ state: 'idle' });
    setValidation({ state: 'checking' });
    let alive = true;
    const t = setTimeout(() => {
      invoke('conditions.validate', { doc: doc as unknown as Record<string, unknown> })
        .then((r) => alive && setValidation({ state: 'ok', count: r.count }))
        .catch((e) => alive && setValidation({ state: 'error', message: errorText(e) }));
    }, 350);
    return () => {
      alive = false;
      clearTimeout(t);
    };
  }, [doc]);

  const change = (d: ConditionsDoc) => {
    setDoc(d);
    setDirty(true);
  };
  const setCondition = (i: number, c: Condition) => change({ ...doc!, conditions: doc!.conditions.map((x, j) => (j === i ? c : x)) });

  const save = async () => {
    if (!doc) return;
    setSaving(true);
    try {
      const r = await invoke('conditions.save', {
        projectId,
        doc: doc as unknown as Record<string, unknown>,
        note: note.trim() || undefined,
      });
      setDoc(r.doc);
      setSaved({ version: r.version });
      setDirty(false);
      setNote('');
      const g = await invoke('conditions.get', { projectId });
      setVersions(g.versions);
      app.notify('success', `出让条件已保存为第 ${r.version} 版`);
      void app.refresh();
    } catch (e) {
      app.notify('error', errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const importJson = async (file: File) => {
    try {
      const data = (await readJsonFile(file)) as Record<string, unknown>;
      const r = await invoke('conditions.validate', { doc: data });
      change(r.doc);
      setUnparsed([]);
      app.notify('success', `已导入 ${file.name}：${r.count} 条条件（尚未保存）`);
    } catch (e) {
      app.notify('error', `${errorText(e)}`);
    }
  };

  const openVersion = async (version: number) => {
    try {
      const r = await invoke('conditions.version', { projectId, version });
      setViewing({ version: r.version, doc: r.doc });
    } catch (e) {
      app.notify('error', errorText(e));
    }
  };

  /** Restoring an old version puts it into the editor; saving makes it the newest version. */
  const restoreVersion = (v: { version: number; doc: ConditionsDoc }) => {
    change(structuredClone(v.doc));
    setNote(`恢复自第 ${v.version} 版`);
    setViewing(null);
    app.notify('info', `已载入第 ${v.version} 版，保存后成为新版本`);
  };

  const sortedVersions = useMemo(() => versions.slice().sort((a, b) => b.version - a.version), [versions]);

  return (
    <section className="screen conditions" aria-labelledby="cond-h">
      <div className="screen-head">
        <h1 id="cond-h">出让条件</h1>
        <div className="toolbar">
          <label className="inline">
            <span className="sr-only">从模板开始</span>
            <select
              aria-label="从模板开始"
              value=""
              onChange={(e) => {
                const t = templates.find((x) => x.id === e.target.value);
                if (t) {
                  change(structuredClone(t.doc));
                  setUnparsed([]);
                  app.notify('info', `已载入模板“${t.title}”，请核对后保存`);
                }
              }}
              data-testid="template-select"
            >
              <option value="">从模板开始…</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                  {t.jurisdiction ? `（${t.jurisdiction}）` : ''}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => setPasteOpen(true)}>
            粘贴合同条款
          </button>
          <button type="button" onClick={() => fileInput.current?.click()}>
            导入 JSON
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="conditions-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importJson(f);
            }}
          />
          <button type="button" disabled={!doc} onClick={() => doc && downloadJson(doc, `${app.detail?.project.name ?? '出让条件'}.conditions.json`)}>
            导出 JSON
          </button>
        </div>
      </div>

      {unparsed.length > 0 && (
        <div className="panel warn" data-testid="unparsed">
          <h3>以下 {unparsed.length} 句像是条件但未能识别，请手工补充：</h3>
          <ul>
            {unparsed.map((u, i) => (
              <li key={i}>
                {u.clause && <strong>{u.clause} </strong>}“{u.sentence}”<span className="muted">——{u.reason}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {loading && !doc ? (
        <p className="muted">正在载入出让条件…</p>
      ) : !doc ? (
        <div className="empty">
          <p>本项目还没有出让条件。</p>
          <p>可以“从模板开始”，或“粘贴合同条款”让程序识别条件，或“导入 JSON”条件文件；也可以逐条手工添加。</p>
          <button type="button" className="primary" onClick={() => change({ ...emptyDoc(), conditions: [{ id: 'C1', ...defaultLeaf() }] })}>
            手工添加第一条条件
          </button>
        </div>
      ) : (
        <div className="cond-layout">
          <div className="cond-main">
            <ContractFields doc={doc} onChange={change} />
            <ol className="cond-list">
              {doc.conditions.map((c, i) => (
                <li key={i}>
                  <ConditionCard
                    c={c}
                    index={i}
                    count={doc.conditions.length}
                    onChange={(nc) => setCondition(i, nc)}
                    onRemove={() => change({ ...doc, conditions: doc.conditions.filter((_, j) => j !== i) })}
                    onMove={(d) => {
                      const list = doc.conditions.slice();
                      const [x] = list.splice(i, 1);
                      list.splice(i + d, 0, x!);
                      change({ ...doc, conditions: list });
                    }}
                  />
                </li>
              ))}
            </ol>
            <button type="button" onClick={() => change({ ...doc, conditions: [...doc.conditions, { id: nextId(doc), ...defaultLeaf() }] })}>
              ＋ 添加条件
            </button>
          </div>
          <aside className="cond-side">
            <div className={`panel validation ${validation.state}`} data-testid="validation" aria-live="polite">
              {validation.state === 'checking' && '正在校验…'}
              {validation.state === 'ok' && `✓ 条件有效，共 ${validation.count} 条`}
              {validation.state === 'error' && <span role="alert">{validation.message}</span>}
              {validation.state === 'idle' && '—'}
            </div>
            <div className="panel">
              <div className="muted small">
                {saved ? `当前已保存：第 ${saved.version} 版` : '尚未保存'}
                {dirty && <strong className="warn-text">（有未保存的修改）</strong>}
              </div>
              <label className="block">
                版本说明（可选）
                <input value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} placeholder="如：按补充协议修改绿地率" />
              </label>
              <button
                type="button"
                className="primary wide"
                disabled={saving || validation.state === 'error' || !dirty}
                onClick={() => void save()}
              >
                {saving ? '正在保存…' : '保存为新版本'}
              </button>
            </div>
            <div className="panel">
              <h3>版本历史</h3>
              {sortedVersions.length === 0 ? (
                <p className="muted small">保存后在此显示各版本。</p>
              ) : (
                <ul className="versions" data-testid="versions">
                  {sortedVersions.map((v) => (
                    <li key={v.id}>
                      <strong>第 {v.version} 版</strong> <span className="muted small">{formatTime(v.createdAt)}</span>
                      {v.note && <div className="small">{v.note}</div>}
                      <div className="version-actions">
                        <button type="button" className="link" onClick={() => void openVersion(v.version)} data-testid={`version-open-${v.version}`}>
                          查看
                        </button>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            {viewing && (
              <div className="panel" data-testid="version-view">
                <h3>第 {viewing.version} 版（只读）</h3>
                <ol className="version-conditions small">
                  {viewing.doc.conditions.map((c) => (
                    <li key={c.id}>
                      <strong>{c.id}</strong> {c.clause ?? ''} {describe(c)}
                      {c.text && <div className="muted">{c.text}</div>}
                    </li>
                  ))}
                </ol>
                <div className="toolbar">
                  <button type="button" onClick={() => (dirty ? setReplacing(viewing) : restoreVersion(viewing))} data-testid="version-restore">
                    恢复为此版本
                  </button>
                  <button type="button" className="link" onClick={() => setViewing(null)}>
                    关闭
                  </button>
                </div>
              </div>
            )}
          </aside>
        </div>
      )}

      <ConfirmDialog
        open={replacing !== null}
        title="放弃未保存的修改"
        danger
        confirmLabel="放弃修改并载入"
        message={<>编辑区有未保存的修改。载入第 {replacing?.version} 版会放弃这些修改（已保存的各版本不受影响），确定吗？</>}
        onCancel={() => setReplacing(null)}
        onConfirm={() => {
          const v = replacing!;
          setReplacing(null);
          restoreVersion(v);
        }}
      />
      <PasteDialog
        open={pasteOpen}
        onClose={() => setPasteOpen(false)}
        onResult={(r, mode) => {
          setPasteOpen(false);
          if (r.doc.conditions.length === 0) {
            // nothing recognised: keep what is there, only list the sentences and reasons
          } else if (mode === 'replace' || !doc) change(r.doc);
          else {
            const used = new Set(doc.conditions.map((c) => c.id));
            const added = r.doc.conditions.map((c) => {
              let id = c.id;
              for (let k = 2; used.has(id); k++) id = `${c.id}-${k}`;
              used.add(id);
              return { ...c, id };
            });
            change({ ...doc, conditions: [...doc.conditions, ...added] });
          }
          setUnparsed(r.unparsed);
          app.notify(
            r.unparsed.length ? 'info' : 'success',
            `识别出 ${r.doc.conditions.length} 条条件${r.unparsed.length ? `，${r.unparsed.length} 句未能识别` : ''}（尚未保存）`,
          );
        }}
        hasDoc={!!doc && doc.conditions.length > 0}
      />
    </section>
  );
}

function ContractFields({ doc, onChange }: { doc: ConditionsDoc; onChange: (d: ConditionsDoc) => void }) {
  const c = doc.contract ?? {};
  const field = (key: 'number' | 'parcel' | 'city' | 'signedOn', label: string, placeholder: string) => (
    <label>
      {label}
      <input
        value={typeof c[key] === 'string' ? (c[key] as string) : ''}
        placeholder={placeholder}
        onChange={(e) => onChange({ ...doc, contract: { ...c, [key]: e.target.value || undefined } })}
      />
    </label>
  );
  return (
    <fieldset className="panel contract grid4">
      <legend>合同信息</legend>
      {field('number', '合同编号', '沪松规土(2025)第018号')}
      {field('parcel', '地块', 'SJC10018单元08-03地块')}
      {field('city', '城市', '上海市')}
      {field('signedOn', '签订日期', '2025-03-01')}
    </fieldset>
  );
}

function ConditionCard(props: {
  c: Condition;
  index: number;
  count: number;
  onChange: (c: Condition) => void;
  onRemove: () => void;
  onMove: (delta: -1 | 1) => void;
}) {
  const { c, onChange } = props;
  const kind = ruleKind(c);
  const set = (patch: Partial<Condition>) => onChange({ ...c, ...patch } as Condition);
  const applies = c.appliesTo ?? {};
  const setApplies = (patch: Partial<NonNullable<Condition['appliesTo']>>) => {
    const next = { ...applies, ...patch };
    for (const k of Object.keys(next) as Array<keyof typeof next>) if (next[k] === undefined) delete next[k];
    set({ appliesTo: Object.keys(next).length ? next : undefined });
  };
  const branches: Rule[] = kind === 'anyOf' ? (c as { anyOf: Rule[] }).anyOf : kind === 'allOf' ? (c as { allOf: Rule[] }).allOf : [];
  const setBranches = (list: Rule[]) => set((kind === 'anyOf' ? { anyOf: list } : { allOf: list }) as Partial<Condition>);

  return (
    <article className="panel cond-card" data-condition-id={c.id} aria-label={`条件 ${c.id}`}>
      <div className="cond-head">
        <label className="cid">
          编号
          <input value={c.id} maxLength={60} onChange={(e) => set({ id: e.target.value })} aria-label="条件编号" />
        </label>
        <label>
          条款
          <input value={c.clause ?? ''} onChange={(e) => set({ clause: e.target.value || undefined })} placeholder="第十二条（一）" aria-label="条款号" />
        </label>
        <label>
          类型
          <select value={kind} onChange={(e) => onChange(withKind(c, e.target.value as RuleKind))} aria-label="条件类型">
            <option value="leaf">单项指标</option>
            <option value="anyOf">任一满足（或）</option>
            <option value="allOf">全部满足（且）</option>
          </select>
        </label>
        <label>
          范围
          <select value={c.scope ?? 'project'} onChange={(e) => set({ scope: e.target.value as 'project' | 'building' })} aria-label="适用范围">
            <option value="project">项目整体</option>
            <option value="building">逐栋单体</option>
          </select>
        </label>
        <div className="cond-tools">
          <button type="button" className="small" disabled={props.index === 0} onClick={() => props.onMove(-1)} aria-label="上移">
            ↑
          </button>
          <button type="button" className="small" disabled={props.index === props.count - 1} onClick={() => props.onMove(1)} aria-label="下移">
            ↓
          </button>
          <button type="button" className="small danger-text" onClick={props.onRemove} aria-label={`删除条件 ${c.id}`}>
            删除
          </button>
        </div>
      </div>
      <label className="block">
        合同原文
        <textarea rows={2} value={c.text ?? ''} onChange={(e) => set({ text: e.target.value || undefined })} aria-label="合同原文" />
      </label>
      {kind === 'leaf' ? (
        <LeafEditor rule={c as unknown as LeafRule} onChange={(r) => set(r as Partial<Condition>)} />
      ) : (
        <div className="branches">
          <div className="muted small">{kind === 'anyOf' ? '满足以下任一项即符合：' : '须同时满足以下各项：'}</div>
          {branches.map((b, j) => (
            <div className="branch" key={j}>
              {isLeaf(b) ? (
                <LeafEditor rule={b} onChange={(r) => setBranches(branches.map((x, k) => (k === j ? r : x)))} />
              ) : (
                <code className="nested">{describe(b)}（嵌套条件组，请用 JSON 编辑）</code>
              )}
              <button
                type="button"
                className="small danger-text"
                disabled={branches.length <= 1}
                onClick={() => setBranches(branches.filter((_, k) => k !== j))}
                aria-label={`删除分支 ${j + 1}`}
              >
                删除分支
              </button>
            </div>
          ))}
          <button type="button" className="small" onClick={() => setBranches([...branches, defaultLeaf()])}>
            ＋ 添加分支
          </button>
        </div>
      )}
      <div className="applies">
        <span className="muted small">适用于：</span>
        {USES.map((u) => (
          <label key={u.id} className="inline check">
            <input
              type="checkbox"
              checked={applies.use?.includes(u.id) ?? false}
              onChange={(e) => {
                const now = new Set(applies.use ?? []);
                if (e.target.checked) now.add(u.id);
                else now.delete(u.id);
                setApplies({ use: now.size ? USES.map((x) => x.id).filter((x) => now.has(x)) : undefined });
              }}
            />
            {u.label}
          </label>
        ))}
        <label className="inline">
          单体建筑面积 ≥
          <NumberInput
            value={applies.minFloorArea}
            onChange={(v) => setApplies({ minFloorArea: v as number | undefined })}
            label="最小单体建筑面积"
            className="num"
          />
          m²
        </label>
        <label className="inline grow">
          指定单体
          <input
            value={(applies.buildings ?? []).join('，')}
            placeholder="如 1#楼，3#楼（留空为全部）"
            onChange={(e) => {
              const list = e.target.value.split(/[,，、;；\s]+/).filter(Boolean);
              setApplies({ buildings: list.length ? list : undefined });
            }}
            aria-label="指定单体"
          />
        </label>
      </div>
      <div className="muted small summary">规则：{describe(c)}</div>
    </article>
  );
}

function LeafEditor({ rule, onChange }: { rule: LeafRule; onChange: (r: LeafRule) => void }) {
  const def = indicator(rule.indicator);
  const isBool = def?.type === 'boolean';
  const isStar = def?.type === 'star';
  return (
    <div className="leaf">
      <select
        value={rule.indicator}
        aria-label="指标"
        onChange={(e) => {
          const d = indicator(e.target.value);
          const toBool = d?.type === 'boolean';
          onChange({
            indicator: e.target.value,
            op: toBool ? '==' : rule.op,
            value: toBool ? (typeof rule.value === 'boolean' ? rule.value : true) : typeof rule.value === 'number' ? rule.value : 0,
          });
        }}
      >
        {!def && <option value={rule.indicator}>{rule.indicator}（未知指标）</option>}
        {CONDITION_INDICATORS.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
      <select value={rule.op} aria-label="比较" onChange={(e) => onChange({ ...rule, op: e.target.value as LeafRule['op'] })}>
        {OPS.filter((o) => !isBool || o.op === '==').map((o) => (
          <option key={o.op} value={o.op}>
            {o.label}
          </option>
        ))}
      </select>
      {isBool ? (
        <select value={String(rule.value)} aria-label="要求值" onChange={(e) => onChange({ ...rule, value: e.target.value === 'true' })}>
          <option value="true">是</option>
          <option value="false">否</option>
        </select>
      ) : isStar ? (
        <select value={String(rule.value)} aria-label="要求值" onChange={(e) => onChange({ ...rule, value: Number(e.target.value) })}>
          <option value="0">基本级</option>
          <option value="1">一星级</option>
          <option value="2">二星级</option>
          <option value="3">三星级</option>
        </select>
      ) : (
        <>
          <NumberInput value={rule.value as number} onChange={(v) => onChange({ ...rule, value: v as number })} label="要求值" className="num" />
          <span className="unit">{def?.unit ?? ''}</span>
        </>
      )}
    </div>
  );
}

/** A number field that keeps what the user typed; an unreadable entry is passed on as text so the
 * validator names it (instead of silently becoming 0). */
function NumberInput(props: { value: number | undefined; onChange: (v: number | string | undefined) => void; label: string; className?: string }) {
  const [text, setText] = useState(props.value === undefined ? '' : String(props.value));
  useEffect(() => {
    const current = text.trim() === '' ? undefined : Number(text);
    if (current !== props.value && !(typeof props.value === 'string')) setText(props.value === undefined ? '' : String(props.value));
  }, [props.value]);
  return (
    <input
      className={props.className}
      inputMode="decimal"
      value={text}
      aria-label={props.label}
      onChange={(e) => {
        setText(e.target.value);
        const t = e.target.value.trim();
        if (t === '') props.onChange(undefined);
        else if (/^-?\d+(\.\d+)?$/.test(t)) props.onChange(Number(t));
        else props.onChange(t);
      }}
    />
  );
}

function PasteDialog(props: {
  open: boolean;
  hasDoc: boolean;
  onClose: () => void;
  onResult: (r: ApiOutputs['conditions.fromText'], mode: 'replace' | 'append') => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (mode: 'replace' | 'append') => {
    if (!text.trim()) return setError('请粘贴合同条款原文');
    setBusy(true);
    setError('');
    try {
      props.onResult(await invoke('conditions.fromText', { text }), mode);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={props.open}
      title="粘贴合同条款"
      onClose={props.onClose}
      testId="paste-dialog"
      actions={
        <>
          <button type="button" onClick={props.onClose}>
            取消
          </button>
          {props.hasDoc && (
            <button type="button" disabled={busy} onClick={() => void run('append')}>
              识别并追加
            </button>
          )}
          <button type="button" className="primary" disabled={busy} onClick={() => void run('replace')}>
            {busy ? '正在识别…' : props.hasDoc ? '识别并替换' : '识别条件'}
          </button>
        </>
      }
    >
      <p className="muted small">粘贴土地出让合同中绿色生态相关条款（可整段粘贴）。每句识别为一条条件，未能识别的句子会列出原因。</p>
      <textarea
        rows={12}
        maxLength={200_000}
        className="wide"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label="合同条款原文"
        placeholder="第十二条（一）本地块新建建筑应按绿色建筑二星级及以上标准建设；"
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
