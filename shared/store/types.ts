// Records the store returns (plain data, safe to send over IPC).

import type { Overall } from '../model/types.js';
import type { OverrideRecord } from '../check/overrides';

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
  sort?: 'name' | 'updated' | 'verdict';
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

export interface Override extends OverrideRecord {
  id: number;
  runId: number;
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
