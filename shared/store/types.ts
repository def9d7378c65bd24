// Records the store returns (plain data, safe to send over IPC).

// Only model types are imported here, so the API contract (and through it the renderer) can use
// these records as the one definition of their shapes.

import type { Overall, Verdict } from '../model/types.js';
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
}

export interface ProjectQuery {
  /** Words (split on spaces) that must each occur in the name, parcel or notes. */
  search?: string;
  includeArchived?: boolean;
  /** 'name': pinyin order (zh-Hans-CN); 'updated' (default): newest first; 'verdict': fail, incomplete, pass, never checked. */
  sort?: ProjectSort;
  limit?: number;
  offset?: number;
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
}

export interface RunSummary {
  id: number;
  projectId: number;
  importId: number;
  conditionSetId: number;
  overall: Overall;
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

export interface MappingMemory {
  indicator: string;
  building: string | null;
  cell?: string;
  value?: string;
  reason: string;
  updatedAt: string;
}
