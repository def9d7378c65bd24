// The context every calculator reads: values in scope, runoff surfaces, contract city, options.
import type { ImportedSurface, ImportedValue } from '../model/types';
import type { RainfallTable } from './rainfall';

export type GreenStarRuleSet = '2019' | '2019-rev-draft';

export interface CalcOptions {
  /** GB/T 50378 rule set for the star level; default '2019'. */
  greenStarRuleSet?: GreenStarRuleSet;
  /** α → H table to use instead of the city file (tests, or a table from the project's 海绵计算书). */
  rainfallTable?: RainfallTable;
}

export interface CalcContext {
  /** Values in scope: project values overlaid with the building's own values (building wins). */
  values: Record<string, ImportedValue>;
  surfaces: ImportedSurface[];
  /** Contract city (e.g. "上海市"), from the condition file, for city rainfall tables/methods. */
  city?: string;
  /** "项目" or the building name, for messages. */
  scopeLabel: string;
  /** Extension: rule-set choices and overrides. */
  options?: CalcOptions;
  /**
   * Extension: values the contract states together with the condition being checked, by indicator
   * id (docs/formats.md §2 `companion`), e.g. { design_rainfall: 22.2 } beside a 年径流总量控制率
   * target ("对应设计降雨量22.2mm"). Absent when the condition states none.
   */
  companion?: Readonly<Record<string, number>>;
}
