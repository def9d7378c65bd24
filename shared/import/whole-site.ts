// Site-level ratios (容积率, 绿地率, 建筑密度 …) are figures of the whole parcel (data:
// column-roles.json wholeSite, after GB 50180-2018 附录A): in a table with 保留部分 | 新建部分 | 合计
// or 本期 | 二期 | 总计 columns, the 合计 column is the parcel's figure and outranks a part or a phase.
import data from '../data/column-roles.json';
import type { IndicatorDef } from '../model/types';

const WHOLE_SITE = new Set(data.wholeSite.indicators);

/** The rank a 合计 / 总计 column takes for a site-level ratio (above a part, a phase or a plain design column). */
export const WHOLE_SITE_RANK = data.wholeSite.rank;

/** True when the indicator is a ratio over the whole site, so a 合计 column states it for the parcel. */
export function isWholeSiteRatio(def: IndicatorDef): boolean {
  return WHOLE_SITE.has(def.id);
}
