// The project-level values read from the sheet, in the sheet's own order (sheet, row, column),
// each with its source cell, raw text, interpretation and status.
import { useMemo } from 'react';
import type { ImportedValue, ImportResult } from '../../../shared/model/types';
import { INDICATORS, indicatorName, formatValue } from '../../../shared/model/indicators';
import { sortBySheetOrder } from '../../../shared/model/order';
import { statusWord } from './origin';
import { TableHead } from '../../components/TableHead';

const CATALOGUE = new Map(INDICATORS.map((d, i) => [d.id, i]));
const catalogueIndex = (id: string) => CATALOGUE.get(id) ?? INDICATORS.length;

export function ValueTable({ result, onCorrect }: { result: ImportResult; onCorrect: (v: ImportedValue) => void }) {
  const values = useMemo(() => sortBySheetOrder(Object.values(result.project), result.sheets, catalogueIndex), [result]);
  if (values.length === 0) return <p className="muted">没有读取到项目级指标。</p>;
  return (
    <div className="table-wrap">
      <table className="data" data-testid="import-project">
        <TableHead cols={['指标', '数值', '来源单元格', '原文', '解读', '状态', '']} />
        <tbody>
          {values.map((v) => {
            const st = statusWord(v);
            return (
              <tr key={v.indicator} className={`st-${v.status}`} data-indicator={v.indicator}>
                <td>
                  {indicatorName(v.indicator)}
                  <div className="muted small">标签：{v.label}</div>
                </td>
                <td className="num strong">{formatValue(v.indicator, v.value)}</td>
                <td className="mono">{v.source}</td>
                <td className="mono">{v.raw}</td>
                <td className="small">{v.interpretation}</td>
                <td>
                  <span className={`status ${st.cls}`}>{st.text}</span>
                </td>
                <td>
                  <button type="button" className="small" onClick={() => onCorrect(v)} aria-label={`更正 ${indicatorName(v.indicator)}`}>
                    更正
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
