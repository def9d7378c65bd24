// Project list order (the server sorts too; the client keeps the order stable as rows change).
import type { ProjectRow } from '../shared/api/contract';
import type { Overall } from '../shared/model/types';

export type Sort = 'name' | 'updated' | 'verdict';

/** Chinese collation: names sort by pinyin (宝山 < 浦东 < 松江), digits numerically. */
const collator = new Intl.Collator('zh-Hans-CN', { numeric: true, sensitivity: 'base' });
/** Worst first: the projects that need attention come on top. */
const VERDICT_RANK: Record<Overall | 'none', number> = { fail: 0, incomplete: 1, pass: 2, none: 3 };

export function sortProjects(items: readonly ProjectRow[], sort: Sort): ProjectRow[] {
  const out = items.slice();
  if (sort === 'name') out.sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
  else if (sort === 'updated') out.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id);
  else
    out.sort(
      (a, b) =>
        VERDICT_RANK[a.lastOverall ?? 'none'] - VERDICT_RANK[b.lastOverall ?? 'none'] || collator.compare(a.name, b.name) || a.id - b.id,
    );
  return out;
}
