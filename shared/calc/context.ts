// The context every calculator reads: values in scope, runoff surfaces and storage facilities,
// line items, the contract's jurisdiction and the method it names, options.
import type { ImportedBuilding, ImportedFacility, ImportedLineItem, ImportedSurface, ImportedValue, ImportedVolumeRow } from '../model/types';
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
  /** Storage facilities (调蓄设施) of the runoff calculation, when the sheet lists them. */
  facilities?: ImportedFacility[];
  /** Itemised rows that add up to an input (several 光伏 rows, …); project scope only. */
  lineItems?: ImportedLineItem[];
  /** Rows of the scope's 预制率 volume table (混凝土体积法), when the workbook has one. */
  prefabVolumes?: ImportedVolumeRow[];
  /** The buildings of the workbook (project scope only), for shares computed from per-building areas. */
  buildings?: ImportedBuilding[];
  /** Contract city (e.g. "上海市"), from the condition file, for city rainfall tables/methods. */
  city?: string;
  /** Contract signing date (ISO), to pick the method in force (docs/rule-data.md). */
  signedOn?: string;
  /** The contract's parcel, when it names one (the parcel gates hold the sheet's parcel names against it). */
  parcel?: string;
  /** Calculation method the condition names (Condition.method, e.g. "沪建建材〔2019〕765号"). */
  method?: string;
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
  /**
   * Extension: the text of every condition of the contract, where it states the basis of a quantity
   * (屋顶可安装光伏面积的光伏覆盖率: the share is over the installable roof; shared/model/remarkBasis.ts).
   */
  contractTexts?: readonly string[];
}
