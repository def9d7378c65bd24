// Per-building values (collapsed above 30 buildings, 50 per page): a click on a value corrects it.
import { useMemo, useState } from 'react';
import type { ImportedBuilding } from '../../../shared/model/types';
import { INDICATORS, indicatorName, formatValue } from '../../../shared/model/indicators';
import { Pager, usePager } from '../../components/Pager';
import { TableHead } from '../../components/TableHead';
import { originOf } from './origin';

const USE_LABEL: Record<string, string> = { residential: '住宅', public: '公共建筑', industrial: '工业建筑', other: '其他' };

export function BuildingsTable({ buildings, onCorrect }: { buildings: ImportedBuilding[]; onCorrect: (b: ImportedBuilding, ind: string) => void }) {
  const [open, setOpen] = useState(buildings.length <= 30);
  const columns = useMemo(() => {
    const ids = new Set<string>();
    for (const b of buildings) for (const k of Object.keys(b.values)) ids.add(k);
    return INDICATORS.filter((d) => ids.has(d.id)).map((d) => d.id);
  }, [buildings]);
  const pager = usePager(buildings.length, 50);
  if (buildings.length === 0) return <p className="muted">表中没有逐栋单体数据。</p>;
  return (
    <>
      <h2>
        <button type="button" className="disclosure" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} 单体指标（{buildings.length} 栋）
        </button>
      </h2>
      {open && (
        <>
          <div className="table-wrap">
            <table className="data compact" data-testid="import-buildings">
              <TableHead cols={['单体', '功能', '建筑面积 (m²)', ...columns.map((c) => indicatorName(c))]} />
              <tbody>
                {buildings.slice(pager.start, pager.end).map((b) => (
                  <tr key={b.name}>
                    <td title={b.nameSource}>{b.name}</td>
                    <td title={b.useRaw}>{b.use ? USE_LABEL[b.use] : (b.useRaw ?? '—')}</td>
                    <td className="num">{b.floorArea ?? '—'}</td>
                    {columns.map((c) => {
                      const v = b.values[c];
                      const typed = v && originOf(v) === 'typed';
                      return (
                        <td key={c} className={`num ${v ? `st-${v.status}` : ''}${typed ? ' st-typed' : ''}`} title={v ? `${v.source}：${v.raw}（${v.interpretation}）` : '未找到'}>
                          {v ? (
                            <button type="button" className="cell-link" onClick={() => onCorrect(b, c)} aria-label={`更正 ${b.name} ${indicatorName(c)}`}>
                              {formatValue(c, v.value)}
                              {typed && '（手填）'}
                            </button>
                          ) : (
                            '—'
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager pager={pager} label="单体" />
        </>
      )}
    </>
  );
}
