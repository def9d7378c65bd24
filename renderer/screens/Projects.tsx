// 项目: searchable, sortable, virtualised list; create / rename / archive (undo) / delete; samples.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ApiOutputs, ProjectRow } from '../../shared/api/contract';
import { MAX_BACKUP_BYTES } from '../../shared/api/limits';
import { sortProjects, type Sort } from '../sort';
import { invoke, errorText } from '../api';
import { useApp, useShortcut } from '../state';
import { VirtualList } from '../components/VirtualList';
import { ConfirmDialog, Dialog } from '../components/Dialog';
import { OverallBadge } from '../components/Badges';
import { downloadBase64, fileToBase64, formatBytes, formatTime } from '../files';

const ROW_HEIGHT = 48;

export function ProjectsScreen() {
  const app = useApp();
  const [items, setItems] = useState<ProjectRow[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>('updated');
  const [archived, setArchived] = useState(false);
  const [samples, setSamples] = useState<ApiOutputs['app.info']['samples']>([]);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<ProjectRow | null>(null);
  const [deleting, setDeleting] = useState<ProjectRow | null>(null);
  const [busy, setBusy] = useState(false);
  /** A backup file picked for restore, waiting for confirmation. */
  const [restoring, setRestoring] = useState<File | null>(null);
  const restoreInput = useRef<HTMLInputElement>(null);
  const reqSeq = useRef(0);

  const load = useCallback(async () => {
    const seq = ++reqSeq.current;
    setLoading(true);
    try {
      const r = await invoke('projects.list', {
        search: search.trim() || undefined,
        includeArchived: archived,
        sort,
        limit: 5000,
      });
      if (seq !== reqSeq.current) return;
      setItems(r.items);
      setTotal(r.total);
    } catch (e) {
      if (seq === reqSeq.current) app.notify('error', errorText(e));
    } finally {
      if (seq === reqSeq.current) setLoading(false);
    }
  }, [search, archived, sort, app.notify]);

  useEffect(() => {
    const t = setTimeout(() => void load(), search ? 250 : 0);
    return () => clearTimeout(t);
  }, [load, search]);

  useEffect(() => {
    invoke('app.info', {})
      .then((i) => setSamples(i.samples))
      .catch(() => setSamples([]));
  }, []);

  useShortcut('new', () => setCreating(true));

  const sorted = useMemo(() => sortProjects(items, sort), [items, sort]);

  const open = (p: ProjectRow) => app.openProject(p.id, p.lastOverall ? 'results' : 'conditions');

  const archive = async (p: ProjectRow, value: boolean) => {
    try {
      await invoke('projects.archive', { projectId: p.id, archived: value });
      await load();
      if (value)
        app.notify('success', `已归档“${p.name}”`, { label: '撤销', run: () => void archive(p, false) });
      else app.notify('info', `已恢复“${p.name}”`);
      if (app.projectId === p.id) void app.refresh();
    } catch (e) {
      app.notify('error', errorText(e));
    }
  };

  const openSample = async (sample: string) => {
    setBusy(true);
    try {
      const r = await invoke('projects.openSample', { sample });
      app.openProject(r.projectId, 'results');
    } catch (e) {
      app.notify('error', errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const backup = async () => {
    try {
      const r = await invoke('store.backup', {});
      downloadBase64(r.dataBase64, r.fileName);
      app.notify('success', `已备份全部项目到 ${r.fileName}`);
    } catch (e) {
      app.notify('error', errorText(e));
    }
  };

  const restore = async (f: File) => {
    if (f.size > MAX_BACKUP_BYTES) {
      app.notify('error', `备份文件 ${f.name} 有 ${formatBytes(f.size)}，超过界面恢复的上限 ${formatBytes(MAX_BACKUP_BYTES)}`);
      return;
    }
    setBusy(true);
    try {
      const r = await invoke('store.restore', { fileName: f.name, dataBase64: await fileToBase64(f) });
      app.openProject(null);
      await load();
      app.notify(
        'success',
        `已从 ${f.name} 恢复：${r.projects} 个项目（原数据已另存为 ${r.kept ?? '带时间的副本'}；现有 ${r.copies ?? 1} 份恢复前副本，上限 ${r.copyLimit ?? 20} 份）`,
      );
    } catch (e) {
      app.notify('error', errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="screen projects" aria-labelledby="projects-h">
      <div className="screen-head">
        <h1 id="projects-h">项目</h1>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => setCreating(true)} title="快捷键 Ctrl+N">
            新建项目
          </button>
          {samples.length > 0 && (
            <label className="inline">
              <span className="sr-only">打开样例项目</span>
              <select
                aria-label="打开样例项目"
                value=""
                disabled={busy}
                onChange={(e) => e.target.value && void openSample(e.target.value)}
                data-testid="sample-select"
              >
                <option value="">{busy ? '正在打开样例…' : '打开样例项目…'}</option>
                {samples.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" onClick={() => void backup()} data-testid="backup" title="把全部项目备份为一个文件">
            备份
          </button>
          <button type="button" disabled={busy} onClick={() => restoreInput.current?.click()} data-testid="restore" title="从备份文件恢复全部项目">
            恢复…
          </button>
          <input
            ref={restoreInput}
            type="file"
            accept=".sqlite,.db,application/vnd.sqlite3"
            hidden
            aria-label="备份文件"
            data-testid="restore-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) setRestoring(f);
            }}
          />
        </div>
      </div>

      <div className="filters">
        <input
          type="search"
          placeholder="搜索项目名称或地块"
          aria-label="搜索项目"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="grow"
        />
        <label className="inline">
          排序
          <select value={sort} onChange={(e) => setSort(e.target.value as Sort)} aria-label="排序">
            <option value="updated">最近修改</option>
            <option value="name">名称</option>
            <option value="verdict">审查结论</option>
          </select>
        </label>
        <label className="inline check">
          <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />
          显示已归档
        </label>
        <span className="muted" data-testid="project-count">
          {loading ? '加载中…' : `共 ${total} 个项目`}
          {!loading && total > items.length && `（显示前 ${items.length} 个，请用搜索缩小范围）`}
        </span>
      </div>

      {!loading && sorted.length === 0 ? (
        <div className="empty">
          {search ? (
            <p>没有名称或地块包含“{search}”的项目。</p>
          ) : (
            <>
              <p>还没有项目。</p>
              <p>点击“新建项目”（Ctrl+N）开始一次审查，或从右上角“打开样例项目”看看完整流程。</p>
            </>
          )}
        </div>
      ) : (
        <div className="table vtable">
          <div className="thead" role="presentation">
            <div className="c-name">项目名称 / 地块</div>
            <div className="c-date">最近修改</div>
            <div className="c-status">审查结论</div>
            <div className="c-actions">操作</div>
          </div>
          <VirtualList
            items={sorted}
            rowHeight={ROW_HEIGHT}
            height="calc(100vh - 260px)"
            label="项目列表"
            testId="project-list"
            rowKey={(p) => p.id}
            renderRow={(p) => (
              <div className={`trow${p.archived ? ' archived' : ''}`} data-project-id={p.id}>
                <div className="c-name" role="gridcell">
                  <button type="button" className="link strong" onClick={() => open(p)} title="打开项目">
                    {p.name}
                  </button>
                  {p.parcel && <span className="muted small"> {p.parcel}</span>}
                  {p.archived && <span className="badge v-none">已归档</span>}
                </div>
                <div className="c-date" role="gridcell">
                  {formatTime(p.updatedAt)}
                </div>
                <div className="c-status" role="gridcell">
                  <OverallBadge overall={p.lastOverall} />
                </div>
                <div className="c-actions" role="gridcell">
                  <button type="button" className="small" onClick={() => setRenaming(p)} aria-label={`重命名 ${p.name}`}>
                    重命名
                  </button>
                  <button
                    type="button"
                    className="small"
                    onClick={() => void archive(p, !p.archived)}
                    aria-label={`${p.archived ? '恢复' : '归档'} ${p.name}`}
                  >
                    {p.archived ? '恢复' : '归档'}
                  </button>
                  <button type="button" className="small danger-text" onClick={() => setDeleting(p)} aria-label={`删除 ${p.name}`}>
                    删除
                  </button>
                </div>
              </div>
            )}
          />
        </div>
      )}

      <NameDialog
        open={creating}
        title="新建项目"
        withParcel
        submitLabel="创建"
        onClose={() => setCreating(false)}
        onSubmit={async (name, parcel) => {
          const p = await invoke('projects.create', { name, parcel: parcel || undefined });
          setCreating(false);
          app.notify('success', `已创建项目“${p.name}”`);
          app.openProject(p.id, 'conditions');
        }}
      />
      <NameDialog
        open={renaming !== null}
        title="重命名项目"
        initial={renaming?.name}
        submitLabel="保存"
        onClose={() => setRenaming(null)}
        onSubmit={async (name) => {
          await invoke('projects.rename', { projectId: renaming!.id, name });
          setRenaming(null);
          await load();
          if (app.projectId === renaming?.id) void app.refresh();
        }}
      />
      <ConfirmDialog
        open={restoring !== null}
        title="从备份恢复"
        danger
        confirmLabel="恢复"
        message={
          <>
            用“{restoring?.name}”替换本机的全部项目、条件、审查记录和报告记录吗？当前数据会另存为带时间的副本（.before-restore-…），
            备份中没有的内容将不再显示。
          </>
        }
        onCancel={() => setRestoring(null)}
        onConfirm={() => {
          const f = restoring!;
          setRestoring(null);
          void restore(f);
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="删除项目"
        danger
        confirmLabel="删除"
        message={
          <>
            确定删除项目“{deleting?.name}”吗？其出让条件、导入记录、审查结果和报告记录将一并删除，且无法恢复。
            如只是暂不处理，请使用“归档”。
          </>
        }
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          const p = deleting!;
          setDeleting(null);
          try {
            await invoke('projects.delete', { projectId: p.id });
            if (app.projectId === p.id) app.openProject(null);
            app.notify('success', `已删除项目“${p.name}”`);
            await load();
          } catch (e) {
            app.notify('error', errorText(e));
          }
        }}
      />
    </section>
  );
}

function NameDialog(props: {
  open: boolean;
  title: string;
  initial?: string;
  withParcel?: boolean;
  submitLabel: string;
  onClose: () => void;
  onSubmit: (name: string, parcel: string) => Promise<void>;
}) {
  const [name, setName] = useState('');
  const [parcel, setParcel] = useState('');
  const [error, setError] = useState('');
  const formId = useId();
  useEffect(() => {
    if (props.open) {
      setName(props.initial ?? '');
      setParcel('');
      setError('');
    }
  }, [props.open, props.initial]);
  const submit = async () => {
    if (!name.trim()) return setError('请填写项目名称');
    try {
      await props.onSubmit(name.trim(), parcel.trim());
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Dialog
      open={props.open}
      title={props.title}
      onClose={props.onClose}
      testId="name-dialog"
      actions={
        <>
          <button type="button" onClick={props.onClose}>
            取消
          </button>
          <button type="submit" form={formId} className="primary">
            {props.submitLabel}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          项目名称
          <input autoFocus value={name} maxLength={100} onChange={(e) => setName(e.target.value)} aria-label="项目名称" />
        </label>
        {props.withParcel && (
          <label>
            地块（可选）
            <input value={parcel} maxLength={100} onChange={(e) => setParcel(e.target.value)} placeholder="如 JDC10501单元05-02地块" />
          </label>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
