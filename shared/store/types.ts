// Records the store returns (plain data, safe to send over IPC).

// Only model types are imported here, so the API contract (and through it the renderer) can use
// these records as the one definition of their shapes.

import type { ImportedScalar, Overall, Verdict } from '../model/types.js';
import type { ProjectSort } from '../model/order.js';

export interface Project {
  id: number;
  name: string;
  parcel?: string;
  notes?: string;
  archived: boolean;
  createdAt: string;
  /** Last change of the project or anything in it (conditions, import, run, override, report). */
  updatedAt: string;
  /** Overall verdict of the latest check run, null before the first run. */
  lastOverall: Overall | null;
  lastCheckedAt: string | null;
  /** Set while the project is one workbook of a saved batch (not listed among the projects). */
  batchId?: number;
}

export interface ProjectQuery {
  /** Words (split on spaces) that must each occur in the name, parcel or notes. */
  search?: string;
  includeArchived?: boolean;
  /** 'name': pinyin order (zh-Hans-CN); 'updated' (default): newest first; 'verdict': fail, incomplete, pass, never checked. */
  sort?: ProjectSort;
  limit?: number;
  offset?: number;
  /** Only the projects of this saved batch (default: only projects outside any batch). */
  batchId?: number;
}

export interface ConditionSetVersion {
  id: number;
  version: number;
  sha256: string;
  createdAt: string;
  note?: string;
}

export interface ImportSummary {
  id: number;
  projectId: number;
  fileName: string;
  workbookSha256: string;
  createdAt: string;
  /** Submission number within the project (1, 2, …): reading a file starts a new version. */
  version: number;
  /** The import this one corrects (same version); absent for an import read from a file. */
  corrects?: number;
  /** The workbook's layout, when known (its remembered cell mappings were applied). */
  layoutKey?: string;
}

export interface RunSummary {
  id: number;
  projectId: number;
  importId: number;
  conditionSetId: number;
  /** Effective conclusion (overrides included). */
  overall: Overall;
  /** Effective verdict counts (overrides included); absent for runs stored before they were kept. */
  counts?: Record<Verdict, number>;
  checkedAt: string;
  createdAt: string;
}

/** A reviewer's override of one finding of a run (shape of shared/check/overrides.ts OverrideRecord). */
export interface Override {
  id: number;
  runId: number;
  conditionId: string;
  building: string | null;
  verdict: Verdict;
  reason: string;
  /** Who made it (the installation's user name). */
  user?: string;
  createdAt: string;
  /** The override of an earlier run this one re-attaches (the evidence was unchanged, or the user kept it). */
  carriedFrom?: number;
  /** SHA-256 of the evidence it was made on (absent for overrides made before evidence was kept). */
  evidenceSha256?: string;
}

/**
 * The evidence a verdict rests on (shared/store/evidence.ts): what the engine read and computed for
 * one finding. An override is re-attached on a re-run only when this is unchanged.
 */
export interface OverrideEvidence {
  indicator: string;
  /** The requirement as the result states it (">= 35"). */
  required: string;
  /** The engine's own verdict. */
  verdict: Verdict;
  /** Declared value (normalised) and the cell it was read from. */
  declared: ImportedScalar | null;
  source: string | null;
  /** The recomputed value. */
  computed: number | boolean | null;
  /** The evidence-policy rule that decided the verdict. */
  basis: string | null;
  /** For 或/且 conditions: the same per branch. */
  branches?: Array<{ indicator: string; verdict: Verdict; declared: ImportedScalar | null; source: string | null; computed: number | boolean | null }>;
}

/** An earlier override whose evidence changed on a re-run: waits for the user's decision. */
export interface OverrideCarryover {
  id: number;
  /** The new run. */
  runId: number;
  conditionId: string;
  building: string | null;
  status: 'pending' | 'kept' | 'dropped';
  /** The earlier override, with the evidence it was made on. */
  override: Override;
  /** Run the earlier override belongs to. */
  fromRunId: number;
  oldEvidence: OverrideEvidence | null;
  /** null when the new run has no such finding any more. */
  newEvidence: OverrideEvidence | null;
  decidedBy?: string;
  decidedAt?: string;
  createdAt: string;
}

export interface ReportRecord {
  id: number;
  runId: number;
  projectId: number;
  fingerprint: string;
  fileName: string;
  kind: 'pdf' | 'xlsx';
  /** SHA-256 of the stored file bytes, when the bytes were kept. */
  bytesSha256?: string;
  createdAt: string;
}

/** A report found by its fingerprint; `deleted` when only the audit log still knows it. */
export interface ReportLookup extends ReportRecord {
  projectName: string | null;
  overall: Overall | null;
  deleted: boolean;
}

export interface OrgProfile {
  id: number;
  name: string;
  sealText?: string;
  sealPng?: Uint8Array;
  preparer?: string;
  checker?: string;
  approver?: string;
  createdAt: string;
  updatedAt: string;
}

/** A remembered cell mapping of a workbook layout (never a value). */
export interface MappingMemory {
  /** The layout (shared/api/corrections.ts templateKey). */
  layoutKey: string;
  indicator: string;
  building: string | null;
  /** `Sheet!A1`: the cell to read in every workbook of the layout. */
  cell: string;
  reason: string;
  /** Who set it. */
  user?: string;
  /** The workbook it was set on. */
  fileName?: string;
  createdAt: string;
  updatedAt: string;
}

/** A value typed by hand for one import (never remembered for other workbooks). */
export interface TypedValue {
  indicator: string;
  building: string | null;
  /** As typed ("35%", "二星级"). */
  value: string;
  reason: string;
  user?: string;
  createdAt: string;
}

/** A saved batch with its tally (counts of its workbooks). */
export interface BatchRecord {
  id: number;
  name: string;
  status: 'running' | 'finished' | 'cancelled' | 'interrupted';
  total: number;
  /** The report organisation chosen at start (as sent). */
  org?: unknown;
  user?: string;
  createdAt: string;
  finishedAt?: string;
  tally: { done: number; error: number; cancelled: number; pending: number };
  /** Effective conclusions of the checked workbooks (overrides included). */
  overall: { pass: number; fail: number; incomplete: number };
  /** Workbooks whose project is still inside the batch (not yet turned into projects). */
  projectsInBatch: number;
}

export interface BatchItemRecord {
  /** 0-based place in the batch. */
  position: number;
  fileName: string;
  status: 'pending' | 'done' | 'error' | 'cancelled';
  error?: string;
  /** The workbook's project (done items). */
  projectId?: number;
  projectName?: string;
  /** false once the batch was turned into projects. */
  inBatch?: boolean;
  runId?: number;
  /** Effective conclusion and counts of the project's latest run. */
  overall?: Overall;
  counts?: Record<Verdict, number>;
}
