// The condition language (docs/formats.md §2): rules, applicability, the contract and the condition file.

export type Op = '>=' | '>' | '<=' | '<' | '==';

export interface LeafRule {
  indicator: string;
  op: Op;
  value: number | boolean;
}

export interface AnyOfRule {
  anyOf: Rule[];
}
export interface AllOfRule {
  allOf: Rule[];
}
export type Rule = LeafRule | AnyOfRule | AllOfRule;

/**
 * Bounds on a number (docs/formats.md §2): `gt`/`gte` a lower bound without/with the number
 * itself (以上（不含）/ 以上（含）), `lt`/`lte` an upper bound. At least one is set.
 */
export interface Bound {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

export interface AppliesTo {
  use?: Array<'residential' | 'public' | 'industrial'>;
  minFloorArea?: number;
  buildings?: string[];
  // ---- extensions (docs/formats.md §6)
  /** The building's height (建筑高度) in m. */
  height?: Bound;
  /** The building's number of floors above ground (层数). */
  floors?: Bound;
  /** The building's floor area (单体建筑面积) in m². */
  floorArea?: Bound;
  /** The project's total floor area (总建筑面积) in m²: whether the condition applies at all. */
  projectFloorArea?: Bound;
}

/**
 * How a building-scope condition is judged over the buildings it applies to (docs/formats.md §2):
 * every building (单体, the default), the floor-area-weighted average (平均), or either (单体或平均).
 */
export type Aggregate = 'each' | 'average' | 'eachOrAverage';

export type Condition = Rule & {
  id: string;
  clause?: string;
  text?: string;
  scope?: 'project' | 'building';
  appliesTo?: AppliesTo;
  /** Extension: where the threshold comes from (templates). */
  source?: string;
  /** Extension: how the clause was interpreted (e.g. "以上" read as inclusive). */
  note?: string;
  /** Extension: calculation method the contract names (e.g. "沪建建材〔2019〕765号"). */
  method?: string;
  // ---- extensions of docs/formats.md §6 (contract text)
  /** Building scope only: each building (default), the weighted average, or either. */
  aggregate?: Aggregate;
  /** The parcel (地块编号) the condition is written for; it applies only to that parcel. */
  parcel?: string;
  /** In force for contracts signed from/to these dates (inclusive, YYYY-MM-DD; `contract.signedOn`). */
  inForce?: { from?: string; to?: string };
  /** Project facts (ids of shared/data/project-facts.json) the condition needs, confirmed in `facts`. */
  when?: Record<string, boolean>;
  /** Values the contract states with the requirement, by indicator (设计降雨量 with a 年径流总量控制率). */
  companion?: Record<string, number>;
  /** Chinese: why the reading of the clause needs the user's confirmation; a pass is then `review`. */
  toConfirm?: string;
};

export interface ContractInfo {
  number?: string;
  parcel?: string;
  city?: string;
  signedOn?: string;
  [k: string]: unknown;
}

export interface ConditionsDoc {
  format: 'landcheck.conditions/v1';
  contract?: ContractInfo;
  conditions: Condition[];
  /** Extension: template name and source notes. */
  title?: string;
  notes?: string;
  /** Extension: jurisdiction and version of a template (e.g. "上海市", "2025-03"). */
  jurisdiction?: string;
  version?: string;
  /** Extension: project facts the user confirmed (政府投资, 保障房, …), by fact id. */
  facts?: Record<string, boolean>;
}

