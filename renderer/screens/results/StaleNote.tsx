// The inputs changed after this run (a new condition version, another workbook or a correction): say so.
import type { ProjectDetail } from '../../state';
import type { Loaded } from './model';

export function StaleNote({ loaded, detail, onRun }: { loaded: Loaded; detail: ProjectDetail; onRun: () => void }) {
  const reasons: string[] = [];
  const checked = loaded.run.checkedAt;
  if (detail.versions.some((v) => v.createdAt > checked)) reasons.push('出让条件');
  const imp = detail.lastImport?.imported;
  if (imp && (imp.sha256 !== loaded.run.imported.sha256 || JSON.stringify(imp.project) !== JSON.stringify(loaded.run.imported.project))) reasons.push('指标表');
  if (reasons.length === 0) return null;
  return (
    <div className="panel warn" role="status" data-testid="stale">
      审查完成后{reasons.join('和')}已有修改，以下结果可能已过时。重新审查时，证据未变的改判会自动沿用，证据有变化的会请您确认。
      <button type="button" className="link" onClick={onRun}>
        重新审查（Ctrl+Enter）
      </button>
    </div>
  );
}
