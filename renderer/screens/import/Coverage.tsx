// 未读取的内容: what the importer did not look at — hidden sheets skipped, tables near indicator
// words it could not read, labels it recognised but whose value it did not use, and how much of
// each visible sheet it used — so a reviewer sees at a glance what the tool left out.
// Older imports carry none of this: then nothing is shown.
import { useState } from 'react';
import type { ImportResult } from '../../../shared/model/types';
import { indicatorName } from '../../../shared/model/indicators';

const STATE_WORD = { hidden: '隐藏', veryHidden: '深度隐藏', visible: '' } as const;
const nameOf = (id: string) => (id === 'building_name' ? '单体名称' : indicatorName(id));

export function Coverage({ result }: { result: ImportResult }) {
  const [open, setOpen] = useState(false);
  const coverage = result.coverage ?? [];
  const unread = result.unread ?? [];
  if (coverage.length === 0 && unread.length === 0) return null;
  const skipped = coverage.filter((s) => s.state !== 'visible');
  const unused = coverage.flatMap((s) => s.unusedLabels);
  const visible = coverage.filter((s) => s.state === 'visible');
  const cells = visible.reduce((n, s) => n + s.cells, 0);
  const used = visible.reduce((n, s) => n + s.used, 0);
  const nothing = skipped.length === 0 && unread.length === 0 && unused.length === 0;
  return (
    <section className={`panel coverage${nothing ? '' : ' warn'}`} data-testid="import-coverage" aria-labelledby="coverage-h">
      <h3 id="coverage-h">
        未读取的内容：
        {nothing ? '无' : [skipped.length && `跳过隐藏工作表 ${skipped.length} 个`, unread.length && `未能读取的表格 ${unread.length} 处`, unused.length && `识别了标签但未采用的数值 ${unused.length} 处`].filter(Boolean).join('，')}
        {cells > 0 && <span className="muted small">（可见工作表共 {cells} 个非空单元格，使用了 {used} 个）</span>}
        {!nothing && (
          <button type="button" className="link small" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? '收起' : '查看明细'}
          </button>
        )}
      </h3>
      {open && (
        <ul className="coverage-list small">
          {skipped.map((s) => (
            <li key={`s-${s.sheet}`}>
              工作表“{s.sheet}”是{STATE_WORD[s.state]}工作表，未读取（{s.cells} 个非空单元格）。
            </li>
          ))}
          {unread.map((u, i) => (
            <li key={`u-${i}`}>
              {u.sheet}!{u.range}“{u.title}”：{u.reason}
              {u.indicators.length > 0 && <span className="muted">（可能涉及：{u.indicators.map(nameOf).join('、')}）</span>}
            </li>
          ))}
          {unused.map((l, i) => (
            <li key={`l-${i}`}>
              {l.source}“{l.label}”（{nameOf(l.indicator)}）：{l.reason}
            </li>
          ))}
          {visible.map((s) => (
            <li key={`v-${s.sheet}`} className="muted">
              工作表“{s.sheet}”：{s.cells} 个非空单元格，使用了 {s.used} 个。
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
