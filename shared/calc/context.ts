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
}
