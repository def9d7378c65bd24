// Toast notices (bottom right): success, information, errors; each closable, some with an action.
import type { Notice } from '../state';

export function Notices({ notices, onClose }: { notices: Notice[]; onClose: (id: number) => void }) {
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} data-testid={`notice-${n.kind}`}>
          <span>{n.text}</span>
          {n.action && (
            <button
              type="button"
              className="link"
              onClick={() => {
                n.action!.run();
                onClose(n.id);
              }}
            >
              {n.action.label}
            </button>
          )}
          <button type="button" className="notice-close" aria-label="关闭提示" onClick={() => onClose(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
