// Simple pagination for long tables (500-building projects): only one page of rows is rendered.
import { useState } from 'react';

export interface PagerState {
  page: number;
  pages: number;
  start: number;
  end: number;
  total: number;
  setPage: (p: number) => void;
}

export function usePager(total: number, size: number): PagerState {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(total / size));
  // fewer pages than before (a shorter list): back to the first page
  const outOfRange = page > pages - 1;
  if (outOfRange) setPage(0);
  const p = outOfRange ? 0 : page;
  return { page: p, pages, start: p * size, end: Math.min(total, (p + 1) * size), total, setPage };
}

export function Pager({ pager, label }: { pager: PagerState; label: string }) {
  if (pager.pages <= 1) return null;
  return (
    <nav className="pager" aria-label={`${label}分页`}>
      <button type="button" className="small" disabled={pager.page === 0} onClick={() => pager.setPage(pager.page - 1)}>
        上一页
      </button>
      <span>
        第 {pager.page + 1} / {pager.pages} 页（{pager.start + 1}–{pager.end}，共 {pager.total} {label}）
      </span>
      <button type="button" className="small" disabled={pager.page >= pager.pages - 1} onClick={() => pager.setPage(pager.page + 1)}>
        下一页
      </button>
    </nav>
  );
}
