// 建筑功能 text → building use class (data: shared/data/building-uses.json).
import data from '../data/building-uses.json';
import type { BuildingUse } from '../model/types';
import { fold } from './labels';

const USES = data.uses.map((u) => ({ use: u.use as BuildingUse, keywords: u.keywords.map(fold) }));
const EXACT = new Map<string, BuildingUse>();
for (const u of USES) for (const k of u.keywords) if (!EXACT.has(k)) EXACT.set(k, u.use);
// a keyword of several classes (商住: 住宅 over 商业) names them all, even as the whole text
for (const k of EXACT.keys()) if (USES.filter((u) => u.keywords.includes(k)).length > 1) EXACT.delete(k);

const NAMES: Record<BuildingUse, string> = { residential: '居住建筑', public: '公共建筑', industrial: '工业建筑', other: '其他（车库、设备用房等）' };

export interface UseReading {
  use: BuildingUse | null;
  /** Chinese warning when the class is unknown or mixed. */
  warning?: string;
  /** Every use the text names when it names several ("商业、住宅"). */
  mixed?: BuildingUse[];
}

const cache = new Map<string, UseReading>();

export function mapUse(text: string): UseReading {
  const hit = cache.get(text);
  if (hit) return hit;
  const r = compute(text);
  cache.set(text, r);
  return r;
}

function compute(text: string): UseReading {
  const f = fold(text);
  const exact = EXACT.get(f);
  if (exact) return { use: exact };
  // Keywords contained in the text; the earliest occurrence decides.
  let best: { use: BuildingUse; at: number } | null = null;
  const found = new Set<BuildingUse>();
  for (const u of USES) {
    for (const k of u.keywords) {
      const at = f.indexOf(k);
      if (at < 0) continue;
      found.add(u.use);
      if (!best || at < best.at) best = { use: u.use, at };
    }
  }
  if (!best) return { use: null, warning: `建筑功能“${text}”无法归类为居住/公共/工业建筑，按未知用途处理（适用范围按用途筛选的条件将无法判定）` };
  if (found.size > 1) {
    const names = [...found].map((u) => NAMES[u]).join('、');
    return { use: best.use, mixed: [...found], warning: `建筑功能“${text}”同时含有${names}的用途，按最先出现的用途归为${NAMES[best.use]}，请复核` };
  }
  return { use: best.use };
}
