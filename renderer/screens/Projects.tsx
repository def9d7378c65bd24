// 项目: searchable, sortable, virtualised list; create / rename / archive (undo) / delete; samples;
// backup and restore of everything.
import { useEffect, useMemo, useState } from 'react';
import type { ProjectRow } from '../../shared/api/contract';
import { sortProjects, type Sort } from '../sort';
import { errorText, invoke } from '../api';
import { useApp, useShortcut } from '../state';
import { useInvoke } from '../hooks/useInvoke';
import { ConfirmDialog } from '../components/Dialog';
import { ErrorPanel } from '../components/ErrorLine';
import { NameDialog } from './projects/NameDialog';
import { ProjectTable } from './projects/ProjectTable';
import { BackupControls } from './projects/BackupControls';

/** The search text, settled 250 ms after the last key (the list is asked once per pause). */
function useSettled(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), value ? ms : 0);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

export function ProjectsScreen() {
  const app = useApp();
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>('updated');
  const [archived, setArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<ProjectRow | null>(null);
  const [deleting, setDeleting] = useState<ProjectRow | null>(null);
  const [busy, setBusy] = useState(false);
  const query = useSettled(search.trim(), 250);
  const list = useInvoke('projects.list', { search: query || undefined, includeArchived: archived, sort, limit: 5000 });
  const info = useInvoke('app.info', {});
  const samples = info.data?.samples ?? [];
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const total = list.data?.total ?? 0;
  const loading = list.loading && !list.data;
  const sorted = useMemo(() => sortProjects(items, sort), [items, sort]);

  useShortcut('new', () => setCreating(true));

  const open = (p: ProjectRow) => app.openProject(p.id, p.lastOverall ? 'results' : 'conditions');

  const archive = async (p: ProjectRow, value: boolean) => {
    try {
      await invoke('projects.archive', { projectId: p.id, archived: value });
      await list.reload();
      if (value) app.notify('success', `已归档“${p.name}”`, { label: '撤销', run: () => void archive(p, false) });
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

  return (
    <section className="screen projects" aria-labelledby="projects-h">
      <div className="screen-head">
        <h1 id="projects-h">项目</h1>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => setCreating(true)} title="快捷键 Ctrl+N">
            新建项目
          </button>
          {samples.length > 0 && (
            <select aria-label="打开样例项目" value="" disabled={busy} onChange={(e) => e.target.value && void openSample(e.target.value)} data-testid="sample-select">
              <option value="">{busy ? '正在打开样例…' : '打开样例项目…'}</option>
              {samples.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          )}
          <BackupControls busy={busy} setBusy={setBusy} onRestored={async () => void (await list.reload())} />
        </div>
      </div>

      <div className="filters">
        <input type="search" placeholder="搜索项目名称或地块" aria-label="搜索项目" value={search} onChange={(e) => setSearch(e.target.value)} className="grow" />
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
      <ErrorPanel message={list.error} />

      {!loading && sorted.length === 0 ? (
        <div className="empty">
          {search ? (
            <p>没有名称或地块包含“{search}”的项目。</p>
          ) : (
            <>
              <p>还没有项目。</p>
              <p>点击“新建项目”（Ctrl+N）开始一次审查，或从右上角“打开样例项目”看看完整流程。批量审查的指标表在转为项目后也会列在这里。</p>
            </>
          )}
        </div>
      ) : (
        <ProjectTable rows={sorted} onOpen={open} onRename={setRenaming} onArchive={(p, v) => void archive(p, v)} onDelete={setDeleting} />
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
          await list.reload();
          if (app.projectId === renaming?.id) void app.refresh();
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="删除项目"
        danger
        confirmLabel="删除"
        message={
          <>
            确定删除项目“{deleting?.name}”吗？其出让条件、导入记录、审查结果和报告记录将一并删除，且无法恢复。 如只是暂不处理，请使用“归档”。
          </>
        }
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const p = deleting!;
          setDeleting(null);
          void (async () => {
            try {
              await invoke('projects.delete', { projectId: p.id });
              if (app.projectId === p.id) app.openProject(null);
              app.notify('success', `已删除项目“${p.name}”`);
              await list.reload();
            } catch (e) {
              app.notify('error', errorText(e));
            }
          })();
        }}
      />
    </section>
  );
}
