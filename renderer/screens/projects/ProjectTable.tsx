// The project list: a virtualised table (thousands of projects), each row with its actions.
import type { ProjectRow } from '../../../shared/api/contract';
import { VirtualList } from '../../components/VirtualList';
import { OverallBadge } from '../../components/Badges';
import { formatTime } from '../../files';

const ROW_HEIGHT = 56;

interface Props {
  rows: ProjectRow[];
  onOpen: (p: ProjectRow) => void;
  onRename: (p: ProjectRow) => void;
  onArchive: (p: ProjectRow, archived: boolean) => void;
  onDelete: (p: ProjectRow) => void;
}

export function ProjectTable({ rows, onOpen, onRename, onArchive, onDelete }: Props) {
  return (
    <div className="table vtable">
      <div className="thead" role="presentation">
        <div className="c-name">项目名称 / 地块</div>
        <div className="c-date">最近修改</div>
        <div className="c-status">审查结论</div>
        <div className="c-actions">操作</div>
      </div>
      <VirtualList
        items={rows}
        rowHeight={ROW_HEIGHT}
        height="calc(100vh - 260px)"
        label="项目列表"
        testId="project-list"
        rowKey={(p) => p.id}
        renderRow={(p) => (
          <div className={`trow${p.archived ? ' archived' : ''}`} data-project-id={p.id}>
            <div className="c-name" role="gridcell">
              <button type="button" className="link strong" onClick={() => onOpen(p)} title={`打开项目 ${p.name}`}>
                {p.name}
              </button>
              <span className="c-sub">
                {p.parcel && <span className="muted small">{p.parcel}</span>}
                {p.archived && <span className="badge v-none">已归档</span>}
              </span>
            </div>
            <div className="c-date" role="gridcell">
              {formatTime(p.updatedAt)}
            </div>
            <div className="c-status" role="gridcell">
              <OverallBadge overall={p.lastOverall} />
            </div>
            <div className="c-actions" role="gridcell">
              <button type="button" className="small" onClick={() => onRename(p)} aria-label={`重命名 ${p.name}`}>
                重命名
              </button>
              <button type="button" className="small" onClick={() => onArchive(p, !p.archived)} aria-label={`${p.archived ? '恢复' : '归档'} ${p.name}`}>
                {p.archived ? '恢复' : '归档'}
              </button>
              <button type="button" className="small danger-text" onClick={() => onDelete(p)} aria-label={`删除 ${p.name}`}>
                删除
              </button>
            </div>
          </div>
        )}
      />
    </div>
  );
}
