// Left navigation: the screens (those needing an open project disabled without one), keyboard
// hints, and who is working (the installation's user name, changeable).
import type { Screen } from '../state';
import { AuditPanel } from './AuditPanel';

export const NAV: Array<{ screen: Screen; label: string; needsProject: boolean; key?: string }> = [
  { screen: 'projects', label: '项目', needsProject: false },
  { screen: 'conditions', label: '出让条件', needsProject: true },
  { screen: 'import', label: '导入指标表', needsProject: true, key: 'Ctrl+O' },
  { screen: 'results', label: '审查结果', needsProject: true, key: 'Ctrl+Enter' },
  { screen: 'report', label: '报告', needsProject: true, key: 'Ctrl+P' },
  { screen: 'history', label: '操作记录', needsProject: true },
  { screen: 'verify', label: '校验报告', needsProject: false },
  { screen: 'batch', label: '批量审查', needsProject: false },
  { screen: 'mappings', label: '单元格对应', needsProject: false },
];

interface Props {
  screen: Screen;
  hasProject: boolean;
  userName: string | null;
  onGo: (s: Screen) => void;
  onUser: () => void;
}

export function Sidebar({ screen, hasProject, userName, onGo, onUser }: Props) {
  return (
    <nav className="sidebar" aria-label="主导航">
      <div className="brand">
        <div className="brand-name">LandCheck</div>
        <div className="brand-sub">出让条件合规审查</div>
      </div>
      <ul>
        {NAV.map((n) => {
          const disabled = n.needsProject && !hasProject;
          return (
            <li key={n.screen}>
              <button
                type="button"
                className={`nav-item${screen === n.screen ? ' active' : ''}`}
                aria-current={screen === n.screen ? 'page' : undefined}
                disabled={disabled}
                title={disabled ? '请先打开一个项目' : n.key ? `快捷键 ${n.key}` : undefined}
                onClick={() => onGo(n.screen)}
                data-nav={n.screen}
              >
                {n.label}
                {n.key && <span className="nav-key">{n.key}</span>}
              </button>
            </li>
          );
        })}
      </ul>
      <AuditPanel />
      <div className="sidebar-foot">
        <div className="sidebar-user" data-testid="user-name">
          操作人：{userName ?? '未设置'}
          <button type="button" className="link sidebar-link" onClick={onUser}>
            {userName ? '修改' : '设置'}
          </button>
        </div>
        <div>Ctrl+N 新建项目</div>
      </div>
    </nav>
  );
}
