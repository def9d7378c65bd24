// The side of the condition editor: whether the conditions are valid (the server's check, in the
// form's words), saving a new version (with what blocks it), the version history and an old
// version opened read-only.
import type { ConditionSetVersion } from '../../../shared/api/contract';
import type { ConditionsDoc } from '../../../shared/model/types';
import { ruleText } from '../../format';
import { formatTime } from '../../files';
import { factName } from './reading';
import { useFactWords } from './factWords';

export type Validation = { state: 'idle' | 'checking' } | { state: 'ok'; count: number } | { state: 'error'; message: string };

interface Props {
  validation: Validation;
  saved: { version: number } | null;
  dirty: boolean;
  /** Why saving is not possible now (Chinese), or null. */
  blocked: string | null;
  saving: boolean;
  /** Readings awaiting confirmation (condition ids) and unconfirmed project facts (fact ids): saving keeps them flagged. */
  flags: { toConfirm: string[]; facts: string[] };
  note: string;
  setNote: (n: string) => void;
  onSave: () => void;
  versions: ConditionSetVersion[];
  onOpenVersion: (v: number) => void;
  viewing: { version: number; doc: ConditionsDoc } | null;
  onRestoreViewing: () => void;
  onCloseViewing: () => void;
}

export function SidePanel(p: Props) {
  const words = useFactWords();
  const v = p.validation;
  return (
    <aside className="cond-side">
      <div className="panel save-panel">
        <div className={`validation ${v.state}`} data-testid="validation" aria-live="polite">
          {v.state === 'checking' && '正在校验…'}
          {v.state === 'ok' && `✓ 条件有效，共 ${v.count} 条`}
          {v.state === 'error' && <span role="alert">{v.message}</span>}
          {v.state === 'idle' && '—'}
        </div>
        <div className="muted small">
          {p.saved ? `当前已保存：第 ${p.saved.version} 版` : '尚未保存'}
          {p.dirty && <strong className="warn-text">（有未保存的修改）</strong>}
        </div>
        <label className="block">
          版本说明（可选）
          <input value={p.note} maxLength={200} onChange={(e) => p.setNote(e.target.value)} placeholder="例：按补充协议修改绿地率" />
        </label>
        <button type="button" className="primary wide" disabled={p.saving || !!p.blocked || !p.dirty} onClick={p.onSave}>
          {p.saving ? '正在保存…' : '保存为新版本'}
        </button>
        {p.dirty && p.blocked && (
          <p className="small warn-text" data-testid="save-blocked">
            {p.blocked}
          </p>
        )}
        {(p.flags.toConfirm.length > 0 || p.flags.facts.length > 0) && (
          <div className="save-flags small" data-testid="save-flags">
            {p.flags.toConfirm.length > 0 && (
              <p>
                <span className="badge v-review">需确认</span> 条件 {p.flags.toConfirm.join('、')} 的理解尚未确认：可以保存，但审查时这些条件即使满足也判为需复核。
              </p>
            )}
            {p.flags.facts.length > 0 && (
              <p>
                <span className="badge v-review">未确认</span> 项目事实“{p.flags.facts.map((f) => factName(words, f)).join('”“')}”尚未确认：依赖它的条件审查时判为需复核。
              </p>
            )}
          </div>
        )}
      </div>
      <div className="panel">
        <h3>版本历史</h3>
        {p.versions.length === 0 ? (
          <p className="muted small">保存后在此显示各版本。</p>
        ) : (
          <ul className="versions" data-testid="versions">
            {p.versions.map((x) => (
              <li key={x.id}>
                <strong>第 {x.version} 版</strong> <span className="muted small">{formatTime(x.createdAt)}</span>
                {x.note && <div className="small">{x.note}</div>}
                <div className="version-actions">
                  <button type="button" className="link" onClick={() => p.onOpenVersion(x.version)} data-testid={`version-open-${x.version}`}>
                    查看
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
      {p.viewing && (
        <div className="panel" data-testid="version-view">
          <h3>第 {p.viewing.version} 版（只读）</h3>
          <ol className="version-conditions small">
            {p.viewing.doc.conditions.map((c) => (
              <li key={c.id}>
                <strong>{c.id}</strong> {c.clause ?? ''} {ruleText(c)}
                {c.text && <div className="muted">{c.text}</div>}
              </li>
            ))}
          </ol>
          <div className="toolbar">
            <button type="button" onClick={p.onRestoreViewing} data-testid="version-restore">
              恢复为此版本
            </button>
            <button type="button" className="link" onClick={p.onCloseViewing}>
              关闭
            </button>
          </div>
        </div>
      )}
    </aside>
  );
}
