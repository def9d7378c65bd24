// Core types shared by import, conditions, calculators, the check engine, the report and the UI.
// The JSON shapes (ConditionsDoc, ResultDoc) follow ../shared/spec/formats.md exactly; fields
// beyond the spec are optional extensions.

// ---------------------------------------------------------------- indicators

/** How a value of an indicator is written and compared. */
export type ValueType = 'number' | 'percent' | 'star' | 'boolean' | 'text';

/** Building use classes of formats.md §2 plus `other` (garages, plant rooms: no use filter matches). */
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
}

export interface ImportedBuilding {
  /** Name exactly as the sheet writes it (e.g. "3#楼"). */
  name: string;
  nameSource: CellRef;
  use: BuildingUse | null;
  useRaw?: string;
  useSource?: CellRef;
  /** 单体建筑面积 in m², when the sheet gives it. */
  floorArea: number | null;
  values: Record<string, ImportedValue>;
}

/** A row of a runoff surface table (下垫面 | 面积 | 径流系数). */
export interface ImportedSurface {
  name: string;
  area: number | null;
  coefficient: number | null;
  source: CellRef;
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
}

// ---------------------------------------------------------------- conditions (formats.md §2)

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

export interface AppliesTo {
  use?: Array<'residential' | 'public' | 'industrial'>;
  minFloorArea?: number;
  buildings?: string[];
}

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
  /** 'confirmed' when every rule and number used is CONFIRMED in ../shared/domain. */
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
   * When `value` is null but the data still say something about the declared value:
   * false = the sheet's own data do not support the declared value (e.g. storage provided
   * is less than V = 10·H·φ·F for the declared design rainfall).
   */
  supportsDeclared?: boolean;
}

// ---------------------------------------------------------------- results (formats.md §3)

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
}

/** The fields of a finding that formats.md §3 defines. */
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
