// What was corrected in this import: the cells remembered for the workbook's layout (read here
// from this workbook's own cells) and the values typed by hand for this import only — with who
// and when — and the earlier imported versions of the sheet.
import type { MappingMemory, TypedValue } from '../../../shared/api/contract';
import { indicatorName } from '../../../shared/model/indicators';
import { useApp } from '../../state';
import { formatTime } from '../../files';

const target = (x: { indicator: string; building: string | null }) => `${indicatorName(x.indicator)}${x.building ? `（${x.building}）` : ''}`;

export function Corrections({ mappings, typed }: { mappings: MappingMemory[]; typed: TypedValue[] }) {
  const app = useApp();
  if (mappings.length === 0 && typed.length === 0) return null;
  return (
    <div className="corrections">
      {mappings.length > 0 && (
        <div className="panel" data-testid="applied-mappings">
          <h3>
            按本表格式记住的单元格读取（{mappings.length}）
            <button type="button" className="link small" onClick={() => app.go('mappings')}>
              管理
            </button>
          </h3>
          <ul className="small">
            {mappings.map((m) => (
              <li key={`${m.indicator}|${m.building ?? ''}`}>
                {target(m)} ← <span className="mono">{m.cell}</span>
                <span className="muted">
                  （{m.user ?? '未记录'}，{formatTime(m.updatedAt)}：{m.reason}）
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {typed.length > 0 && (
        <div className="panel typed" data-testid="typed-values">
          <h3>本次导入手工填写的数值（{typed.length}，只用于本次导入）</h3>
          <ul className="small">
            {typed.map((t) => (
              <li key={`${t.indicator}|${t.building ?? ''}`}>
                {target(t)} = <strong>{t.value}</strong>
                <span className="muted">
                  （{t.user ?? '未记录'}，{formatTime(t.createdAt)}：{t.reason}）
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
