// 单元格对应: the cell mappings remembered per workbook layout ("in this layout the 绿地率 is in
// 指标!C9"), with who set them and when; a mapping can be removed. Only cells are remembered:
// values typed by hand belong to the one import they were typed for and never appear here.
import { useState } from 'react';
import type { LayoutMappings, MappingMemory } from '../../shared/api/contract';
import { invoke } from '../api';
import { useApp } from '../state';
import { useAction, useInvoke } from '../hooks/useInvoke';
import { ConfirmDialog } from '../components/Dialog';
import { ErrorPanel } from '../components/ErrorLine';
import { formatTime } from '../files';
import { TableHead } from '../components/TableHead';

type Target = { layout: LayoutMappings; m: MappingMemory & { indicatorName: string } };

export function MappingsScreen() {
  const app = useApp();
  const list = useInvoke('mappings.list', {});
  const action = useAction();
  const [removing, setRemoving] = useState<Target | null>(null);

  const remove = async (t: Target) => {
    const r = await action.run(() => invoke('mappings.remove', { layoutKey: t.layout.layoutKey, indicator: t.m.indicator, building: t.m.building }));
    if (r) {
      app.notify('success', `已删除：${t.m.indicatorName}${t.m.building ? `（${t.m.building}）` : ''}不再读取 ${t.m.cell}`);
      await list.reload();
    }
  };

  return (
    <section className="screen mappings" aria-labelledby="mappings-h">
      <div className="screen-head">
        <h1 id="mappings-h">记住的单元格对应关系</h1>
      </div>
      <p className="muted small">
        在“导入指标表”中选择“改读另一个单元格”时，程序会按表格格式记住该单元格：以后导入同一格式的指标表（包括批量审查）都从该单元格读取这一指标。
        手工填写的数值只用于填写时的那一次导入，不会记在这里。
      </p>
      <ErrorPanel message={list.error || action.error} />
      {list.loading && !list.data && <p className="muted">正在载入…</p>}
      {list.data?.length === 0 && <div className="empty">还没有记住的单元格对应关系。</div>}
      {list.data?.map((layout, i) => (
        <section key={layout.layoutKey} className="panel layout" data-layout={layout.layoutKey} aria-label={`表格格式 ${i + 1}`}>
          <h2>
            表格格式 {i + 1}
            <span className="muted small"> 工作表：{layout.sheets.join('、')}</span>
          </h2>
          {layout.fileNames.length > 0 && <p className="small muted">设定时使用的指标表：{layout.fileNames.join('、')}</p>}
          <div className="table-wrap">
            <table className="data compact" data-testid="mapping-table">
              <TableHead cols={['指标', '单体', '读取单元格', '理由', '设定人', '设定时间', '']} />
              <tbody>
                {layout.mappings.map((m) => (
                  <tr key={`${m.indicator}|${m.building ?? ''}`} data-indicator={m.indicator}>
                    <td>{m.indicatorName}</td>
                    <td>{m.building ?? '项目整体'}</td>
                    <td className="mono">{m.cell}</td>
                    <td>{m.reason}</td>
                    <td className="nowrap">{m.user ?? '（未记录）'}</td>
                    <td className="nowrap">{formatTime(m.updatedAt)}</td>
                    <td>
                      <button type="button" className="small danger-text" disabled={action.busy} onClick={() => setRemoving({ layout, m })} aria-label={`删除 ${m.indicatorName} 的对应关系`}>
                        删除
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <ConfirmDialog
        open={removing !== null}
        title="删除对应关系"
        danger
        confirmLabel="删除"
        message={
          <>
            删除后，同一格式的指标表将不再从 {removing?.m.cell} 读取“{removing?.m.indicatorName}”，而按程序自己的识别结果读取。已导入的记录不受影响。确定删除吗？
          </>
        }
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const t = removing!;
          setRemoving(null);
          void remove(t);
        }}
      />
    </section>
  );
}
