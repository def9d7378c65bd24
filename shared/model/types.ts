// Core types shared by import, conditions, calculators, the check engine, the report and the UI.
// The JSON shapes (ConditionsDoc, ResultDoc) follow docs/formats.md; fields beyond the founding
// version are optional extensions listed in docs/formats.md §6.

export type { Op, LeafRule, AnyOfRule, AllOfRule, Rule, Bound, AppliesTo, Aggregate, Condition, ContractInfo, ConditionsDoc } from './condition-types';
import type { ConditionsDoc, ContractInfo } from './condition-types';

// ---------------------------------------------------------------- indicators

/** How a value of an indicator is written and compared. */
export type ValueType = 'number' | 'percent' | 'star' | 'boolean' | 'text';

/** Building use classes of docs/formats.md §2 plus `other` (garages, plant rooms: no use filter matches). */
export type BuildingUse = 'residential' | 'public' | 'industrial' | 'other';

/** One entry of shared/data/indicators.json. */
export interface IndicatorDef {
  id: string;
  /** Chinese display name. */
  name: string;
  /** Unit the engine compares in ('%', 'm²', 'mm', ''). */
  unit: string;
  type: ValueType;
  /** 'condition': may appear in a condition file; 'input': only feeds a calculator. */
  role: 'condition' | 'input';
  /** Labels and synonyms as written in sheets (matched after normalisation). */
  labels: string[];
  /** Largest difference between declared and recomputed values still taken as equal (rounding). */
  tolerance?: number;
  /** Calculator that can recompute this indicator from the sheet's own data. */
  computedBy?: string;
  /** Plausible range; values outside are 'review'. */
  range?: [number, number];
  source?: string;
  /**
   * A different quantity that a sheet may write where this one is meant (绿化率 for 绿地率):
   * when a scope has this indicator but not `indicator`, the importer adds `indicator` with
   * status 'ambiguous' and `reason` — never silently the same figure.
   */
  standsInFor?: { indicator: string; reason: string };
  /**
   * A quantity of each building (单体预制率, 单体装配率): a project figure is an aggregate of the
   * buildings and cannot answer a building-scope condition for one of them (docs/evidence-policy.md,
   * project-for-building).
   */
  perBuilding?: boolean;
  /** A boolean whose cell may name an energy standard level instead of 是/否 (shared/data/energy-levels.json); `valueWords`: whole texts that state it yes / no (交付标准 精装修 / 毛坯). */
  readsEnergyLevel?: boolean; valueWords?: { true: string[]; false: string[]; source?: string };
  /**
   * The project's figure is the largest of the buildings' (建筑高度): a building that states more
   * than the project figure contradicts it (docs/evidence-policy.md, building-exceeds).
   */
  projectIsMaxOfBuildings?: boolean;
  /**
   * The project's figure holds only if every building reaches it (绿色建筑星级): a building whose
   * own figure (recomputed from its own scores, or stated) is below the requirement keeps a
   * project-scope condition from passing (docs/evidence-policy.md, building-below).
   */
  projectIsMinOfBuildings?: boolean;
  /** Several line items of this input in one block are summed (ImportedValue.parts). */
  additive?: boolean;
  /** Labels valid only inside a block of the given context (e.g. rows of a 可再生能源 table). */
  contextLabels?: { context: string; labels: string[]; source?: string };
}

// ---------------------------------------------------------------- import

/** `Sheet!Cell`, e.g. `单体指标!G4`. */
export type CellRef = string;

export type ImportedScalar = number | boolean | string;

export interface ImportedValue {
  indicator: string;
  /** Normalised value in the indicator's unit (percent as number of percent), or null. */
  value: ImportedScalar | null;
  /** The cell's text as the user sees it (formatted value or cached formula result). */
  raw: string;
  source: CellRef;
  /** The label the value was found under, and where. */
  label: string;
  labelSource?: CellRef;
  /** Unit as written (label, unit column or value), if any. */
  unitRaw?: string;
  /** Chinese sentence: how the raw text became the value ("百分比格式 0.615 → 61.5%"). */
  interpretation: string;
  /**
   * ok: usable; placeholder: "/", "—", "详见…" (no value);
   * ambiguous: a value exists but its meaning is uncertain (0.6 for a percent without % sign);
   * invalid: a value exists but could not be read as this indicator's type.
   */
  status: 'ok' | 'placeholder' | 'ambiguous' | 'invalid';
  /**
   * Header cell that gave the value's column (or row) its role as "what this project declares"
   * (设计值, 自评得分, 修改后, …), for values read from a table.
   */
  roleSource?: CellRef;
  /** Remarks stripped from the text, kept for the reader ("预评价" from "二星级（预评价）"). */
  remark?: string;
  /**
   * A requirement written with the value (a 规划条件 cell in the same row, "（规划要求≥35%）" in
   * the label, "二星级及以上" as the value): a requirement, never a declared fact.
   */
  requirement?: { text: string; source: CellRef };
  /**
   * Other readings of the same indicator in the same scope (and parcel) that differ from this one
   * beyond the indicator's tolerance. The engine never passes a value that has conflicts.
   */
  conflicts?: Array<Pick<ImportedValue, 'value' | 'raw' | 'source' | 'label' | 'status'>>;
  /**
   * The declared value was written as a bound or an approximation ("≥80%", "不低于80%",
   * "80%以上" → 'atLeast'; "≤2.2", "不超过2.2" → 'atMost'; "约12000" → 'about'): `value` is the
   * number written. An 'atLeast' value only supports a lower-bound requirement (≥), an 'atMost'
   * value only an upper-bound one (≤). 'range' ("49.8~53.9m", the heights of several towers, for an
   * indicator that is the largest of the buildings'): `value` is the upper end, `low` the lower end.
   */
  bound?: 'atLeast' | 'atMost' | 'about' | 'range';
  low?: number;
  /**
   * Line items summed into this value (several 光伏 / 热泵 rows of one 可再生能源 table): each
   * item as read. `value` is their sum, `source` the first item's cell.
   */
  parts?: Array<{ value: number; raw: string; source: CellRef; label: string; heatOutput?: HeatOutput }>;
  /** A heat pump's figure that the sheet gives as heat output (年供热量), not as renewable use. */
  heatOutput?: HeatOutput;
  /**
   * Read in a table or sheet titled as for reference only ("…（按GB/T 51129-2017，供参考）"): an
   * input the engine may recompute with, never what the project declares.
   */
  reference?: boolean;
  /**
   * The cell holds a formula whose cached result (`cached`, what `raw` shows) differs from the
   * formula evaluated over the cells it references (`evaluated`), both in the cell's own numbers
   * (shared/import/formulas.ts): the cached value is not trustworthy.
   */
  staleFormula?: { formula: string; cached: number; evaluated: number };
  /**
   * The parts the sheet states under this total ("其中：住宅 70000", "其中：商业 12000", or 其中
   * columns beside it), in the indicator's unit, as read (shared/import/breakdown.ts). Whether they
   * are meant to add up to the total is the check's judgement (shared/check/areaSums.ts), unless `breakdownClaim` (Chinese words) says the layout makes them the whole (part columns beside a 合计: shared/import/partColumns.ts).
   */
  breakdown?: Array<{ label: string; value: number; raw: string; source: CellRef }>; breakdownClaim?: string;
}

export interface ImportedBuilding {
  /** Name exactly as the sheet writes it (e.g. "3#楼"). */
  name: string;
  nameSource: CellRef;
  use: BuildingUse | null;
  useRaw?: string;
  useSource?: CellRef;
  /** Every use class the 建筑功能 text names when it names several ("商业、住宅"); `use` is the first. */
  mixedUses?: BuildingUse[];
  /** 单体建筑面积 in m², when the sheet gives it. */
  floorArea: number | null;
  values: Record<string, ImportedValue>;
  /** Other spellings of the name seen in the workbook (一号楼 / 1#楼 / 1#), with where. */
  aliases?: Array<{ name: string; source: CellRef }>;
  /** Rows of the building's 预制率 volume table (混凝土体积法), when the workbook has one. */
  prefabVolumes?: ImportedVolumeRow[];
}

/**
 * One row of a 预制率 calculation table by concrete volume (构件 | 预制混凝土体积 | 现浇混凝土体积 |
 * 小计, or 构件 | 体积 | 预制/现浇). Volumes in m³; null where the table leaves the cell empty.
 */
export interface ImportedVolumeRow {
  /** Component as written ("竖向构件（剪力墙、柱）"), or the 合计 row's label. */
  name: string;
  precast: number | null;
  castInPlace: number | null;
  /** The row's own total (小计) when the table states one. */
  total: number | null;
  /** A 合计/总计 row: the table's stated total, not a component. */
  isTotal?: boolean;
  /** Words that place the row below ±0.000 ("±0.000以下", "地下室"), as written. */
  belowGrade?: string;
  /** Title of the table (or its sheet) the row belongs to. */
  table: string;
  source: CellRef;
}

/** A row of a runoff surface table (下垫面 | 面积 | 径流系数). */
export interface ImportedSurface {
  name: string;
  area: number | null;
  coefficient: number | null;
  source: CellRef;
  /** 汇水分区 the row belongs to, when the sheet splits the site into zones. */
  zone?: string;
}

/** A row of a storage-facility table (调蓄设施 | 调蓄容积(m³)). */
export interface ImportedFacility {
  name: string;
  /** Effective storage volume in m³, or null when unreadable. */
  volume: number | null;
  source: CellRef;
  zone?: string;
}

/**
 * One row of an itemised table whose rows of one kind add up to an input indicator (two 光伏
 * rows — 屋顶光伏, 车棚光伏 —, 空气源热泵热水 beside 地源热泵, …). Calculators sum every row of a
 * kind; the single value under `project[indicator]` is then not used for that kind.
 * A 合计/小计 row is not a line item (it is the stated total, e.g. `re_total`).
 */
/**
 * A heat pump's figure written as heat output (年供热量, 制热量): only Q × (1 − 1/COP) of it is
 * renewable (shared/data/heat-pump.json). `cop` is the performance the sheet states for it.
 */
export interface HeatOutput {
  /** The header or label that says it is output ("年供热量（kWh/a）"). */
  text: string;
  source: CellRef;
  cop?: { value: number; raw: string; source: CellRef };
}

export interface ImportedLineItem {
  /** The input indicator the row adds to (e.g. 're_pv_generation', 're_heat_pump'). */
  indicator: string;
  /** Row label as written ("车棚光伏"). */
  name: string;
  /** Value in the indicator's unit (kWh/a for the renewable items), or null when unreadable. */
  value: number | null;
  unitRaw?: string;
  source: CellRef;
  /** The row's figure is a heat pump's heat output, not renewable use (see HeatOutput). */
  heatOutput?: HeatOutput;
}

/**
 * A table or block the importer saw near indicator words but could not read. The engine treats
 * the indicators it relates to as "evidence not read" (docs/evidence-policy.md).
 */
export interface UnreadBlock {
  sheet: string;
  /** A1 range, e.g. "B4:H20". */
  range: string;
  /** The title or header text that made it look relevant, as written. */
  title: string;
  /**
   * Indicator ids (condition indicators or calculator inputs) whose evidence it may hold;
   * 'building_name' when it seems to list buildings the importer could not read.
   */
  indicators: string[];
  /** Chinese: why it was not read. */
  reason: string;
  /**
   * 'row': one labelled figure no reader recognised, of a kind the related checks read (自评总分 |
   * 62). It keeps a declared value from passing only where no recomputation could check it.
   */
  kind?: 'row';
}

/** What the importer did with one sheet: the basis of "what was not read". */
export interface SheetCoverage {
  sheet: string;
  /** 'hidden' / 'veryHidden' sheets are not read at all (stale copies). */
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Non-empty cells. */
  cells: number;
  /** Cells used as a value, label, header, unit or building name. */
  used: number;
  /** Labels recognised as an indicator whose value was not taken, and why. */
  unusedLabels: Array<{ source: CellRef; label: string; indicator: string; reason: string }>;
}

/** One parcel (地块) of a workbook that describes several. */
export interface ImportedParcel {
  /** Parcel name or number as written (e.g. "SJC10018单元08-03地块", "08-03"). */
  name: string;
  nameSource: CellRef;
  project: Record<string, ImportedValue>;
  buildings: ImportedBuilding[];
  surfaces: ImportedSurface[];
  facilities?: ImportedFacility[];
  lineItems?: ImportedLineItem[];
}

export interface ImportIssue {
  level: 'warning' | 'error';
  /** Chinese, names sheet and cell. */
  message: string;
  source?: CellRef;
  indicator?: string;
}

export interface ImportResult {
  file: string;
  sha256: string;
  sheets: string[];
  /** Project-level values by indicator id. */
  project: Record<string, ImportedValue>;
  buildings: ImportedBuilding[];
  /** Runoff surface rows, if the workbook has such a table. */
  surfaces: ImportedSurface[];
  issues: ImportIssue[];
  // ---- extensions (absent in results stored before they existed: treat as empty)
  /** Storage facilities (调蓄设施), if the workbook has such a table. */
  facilities?: ImportedFacility[];
  /** Rows of 预制率 volume tables that name no building (a building's own are under the building). */
  prefabVolumes?: ImportedVolumeRow[];
  /** Itemised rows of one kind that add up to an input (see ImportedLineItem). */
  lineItems?: ImportedLineItem[];
  /** Tables and blocks near indicator words that were not understood. */
  unread?: UnreadBlock[];
  /** One entry per sheet, hidden ones included. */
  coverage?: SheetCoverage[];
  /**
   * Set when the workbook names several parcels: their values are here, not in `project` /
   * `buildings` (which then hold only what belongs to no parcel). The engine picks the
   * contract's parcel (`contract.parcel`) or answers `review`.
   */
  parcels?: ImportedParcel[];
  /**
   * The one building the whole workbook describes (calculation sheets titled for 2#楼, no
   * building table): its values also answer project-scope conditions.
   */
  soleBuilding?: string;
  /**
   * What the sheets say about their own figures in words (docs/evidence-policy.md "What the sheet
   * itself says"): titles, notes under tables and remarks beside values that name a method or
   * standard edition, a part of the project, an intent, the rate a 设计降雨量 belongs to, or (titles)
   * a parcel. Only such texts are kept (shared/model/statements.ts).
   */
  statements?: SheetStatement[];
}

/** A title, note or remark of a sheet that says something about its figures (ImportResult.statements). */
export interface SheetStatement {
  sheet: string;
  /** The cell (`Sheet!A1`); the sheet's first cell for its name. */
  source: CellRef;
  text: string;
  /**
   * title: above the first cell read as a label or value (it heads the sheet); row: beside a cell
   * read on the same row (a 备注); note: elsewhere (注：… under a table); sheetName: the sheet's name.
   */
  position: 'title' | 'row' | 'note' | 'sheetName';
  /** The sheet row (1-based; 0 for the sheet name). */
  row: number;
}

// ---------------------------------------------------------------- calculators

export interface CalcInput {
  label: string;
  value: ImportedScalar | null;
  unit?: string;
  source?: CellRef;
}

/** What a calculator recomputed, with everything the report's appendix needs. */
export interface Calculation {
  /** Calculator id ('greenStar', 'assembly', 'runoff', 'renewable', 'ratio:green_ratio', …). */
  method: string;
  indicator: string;
  /** Recomputed value in the indicator's unit, or null when the inputs do not allow it. */
  value: number | boolean | null;
  /** Standard and clause, e.g. 'GB/T 51129-2017 §4.0.1'. */
  clause: string;
  /** The formula in readable form. */
  formula: string;
  inputs: CalcInput[];
  /** Chinese calculation steps, in order. */
  steps: string[];
  /** 'confirmed' when every rule and number used is CONFIRMED in docs/domain. */
  confidence: 'confirmed' | 'unconfirmed';
  /** Warnings (missing inputs, values from UNCONFIRMED data, …). */
  notes: string[];
  /** Extra facts (e.g. star floors failed, V required vs provided). */
  details?: Record<string, unknown>;
  /**
   * 'upper' when some inputs were absent and the true value can only be lower or equal
   * (e.g. star level from scores while Table 3.2.8 data are missing).
   */
  bound?: 'upper';
  /**
   * Totals or intermediate results stated in the sheet that disagree with the recomputation from
   * their parts (总得分 73.6 beside Q = 107): the recomputation cannot be trusted on its own.
   */
  contradictions?: Array<{ label: string; stated: number; computed: number; source?: CellRef }>;
  /**
   * Inputs the sheet states that the recomputation could not use: 'unreadable' (text it could not
   * read as the input, e.g. 控制项 “第4.1.2条不满足，待整改”) or 'placeholder' (“待定”, “/”).
   */
  undetermined?: Array<{ kind: 'unreadable' | 'placeholder'; source: CellRef; reason: string }>;
  /**
   * Set when the method is not the one the contract's jurisdiction prescribes (a Shanghai 装配率
   * recomputed by the national GB/T 51129 method): Chinese reason. Never a pass on its own.
   */
  methodMismatch?: string;
  /**
   * When `value` is null but the data still say something about the declared value:
   * false = the sheet's own data do not support the declared value (e.g. storage provided
   * is less than V = 10·H·φ·F for the declared design rainfall).
   */
  supportsDeclared?: boolean;
}

// ---------------------------------------------------------------- results (docs/formats.md §3)

export type Verdict = 'pass' | 'fail' | 'missing' | 'review' | 'not_applicable';
export type Overall = 'pass' | 'fail' | 'incomplete';

export interface BranchFinding {
  indicator: string;
  required: string;
  verdict: Verdict;
  declared: ImportedScalar | null;
  computed: number | boolean | null;
  source: CellRef | null;
  message: string;
  /** The evidence-policy rule that decided this branch (docs/evidence-policy.md). */
  basis?: string;
  remarks?: string[];
}

/** The fields of a finding that docs/formats.md §3 defines. */
export interface FindingCore {
  conditionId: string;
  indicator: string;
  building: string | null;
  verdict: Verdict;
  required: string;
  declared: ImportedScalar | null;
  computed: number | boolean | null;
  source: CellRef | null;
  message: string;
}

export interface Finding extends FindingCore {
  // ---- extensions
  clause?: string;
  text?: string;
  /** For anyOf/allOf: one entry per branch. */
  branches?: BranchFinding[];
  /** The recomputation behind `computed`. */
  calculation?: Calculation;
  /** A reviewer's override (desktop app): `verdict` above is the overridden one. */
  override?: VerdictOverride;
  /**
   * The evidence-policy rule that decided the verdict (docs/evidence-policy.md), e.g.
   * 'declared-pass', 'conflict', 'unread-table', 'upper-bound-only'.
   */
  basis?: string;
  /** Consistency remarks (一致性提示): declared and recomputed differ but both satisfy, … */
  remarks?: string[];
  /** 整改建议: what would make a non-passing finding pass, in the indicator's own units. */
  remediation?: string[];
}

export interface VerdictOverride {
  /** The engine's own verdict before the override. */
  from: Verdict;
  /** The written reason (required). */
  reason: string;
  by?: string;
  /** ISO time. */
  at: string;
}

export interface ResultDoc {
  format: 'landcheck.result/v1';
  overall: Overall;
  input: { file: string; sha256: string; conditions?: string; conditionsSha256?: string };
  findings: Finding[];
  // ---- extensions
  engine?: { name: string; version: string; rules: Record<string, string> };
  project?: { name?: string; contract?: ContractInfo };
  counts?: Record<Verdict, number>;
  /** Import warnings (conflicts, unreadable cells, skipped sheets, …), each naming its cell. */
  warnings?: Array<{ message: string; source?: CellRef; indicator?: string }>;
  /** What was not read: skipped sheets, unread tables, recognised labels whose value was not used. */
  coverage?: {
    skippedSheets: Array<{ sheet: string; state: 'hidden' | 'veryHidden' }>;
    unread: UnreadBlock[];
    unusedLabels: number;
    /** Share of non-empty cells of visible sheets that were used (0–1). */
    usedShare: number;
  };
}

// ---------------------------------------------------------------- a whole check

/** Everything one check produced: the input of the report, the fingerprint and the UI. */
export interface CheckRun {
  result: ResultDoc;
  imported: ImportResult;
  conditions: ConditionsDoc;
  /** File name of the condition file as given. */
  conditionsFile: string;
  /** SHA-256 of the canonical JSON of `conditions`. */
  conditionsSha256: string;
  /** Versions of the rule data used (indicator catalogue, standards tables, …). */
  rules: Record<string, string>;
  /** ISO time the check ran. */
  checkedAt: string;
}
