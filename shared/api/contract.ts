// The one typed API between the UI and the core. Handlers are plain functions
// (shared/api/handlers.ts); the Electron main mounts them on IPC, the local web host on HTTP.
// Every input is validated with these schemas at the boundary, whatever the transport.
import { z } from 'zod';
import type { CheckRun, ConditionsDoc, ImportResult, Overall, Verdict } from '../model/types';
import type { ProjectSort } from '../model/order';
import type {
  BatchItemRecord,
  BatchRecord,
  ConditionSetVersion,
  ImportSummary,
  MappingMemory,
  OverrideCarryover,
  Project,
  TypedValue,
} from '../store/types';
import type { RunComparison, RunRef } from '../check/resubmission';
import type { PartDetail, PartRole, RefusalCode, SentenceReading, UnparsedSentence } from '../conditions/fromText';
import { MAX_BACKUP_BASE64, MAX_BACKUP_BYTES } from './limits';
import type { ErrorKind } from '../errors';
import type { ReportSummary } from '../report/verify-outcome';

export type { ConditionSetVersion, MappingMemory, OverrideCarryover, TypedValue, RunComparison, RunRef };
export type { OverrideEvidence } from '../store/types';
export type { ValueChange, VerdictChange, OpinionStatus } from '../check/resubmission';
export type { PartDetail, PartRole, RefusalCode, SentenceReading, UnparsedSentence };

const id = z.number().int().positive();
const text = (max: number) => z.string().max(max);
const nonEmpty = (max: number) => z.string().trim().min(1).max(max);
/** File contents travel as base64 (IPC and HTTP alike); 60 MB of base64 ≈ 45 MB of file. */
const base64 = z.string().max(60_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/);
/** A whole database (store.restore): see limits.ts. */
const backupBase64 = z
  .string()
  .max(MAX_BACKUP_BASE64, `备份文件超过 ${MAX_BACKUP_BYTES / 1024 / 1024} MB，无法在界面中恢复`)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);
const verdict = z.enum(['pass', 'fail', 'missing', 'review', 'not_applicable']);
const org = z.object({
  name: nonEmpty(60),
  sealText: text(20).optional(),
  sealPngBase64: base64.optional(),
  preparer: text(40).optional(),
  checker: text(40).optional(),
  approver: text(40).optional(),
  crossPageSeal: z.boolean().optional(),
});
/** A condition document is validated in depth by shared/conditions (Chinese messages naming ids). */
const conditionsDoc = z.record(z.string(), z.unknown());

export const schemas = {
  'app.info': z.object({}),
  'settings.get': z.object({}),
  'settings.save': z.object({ userName: nonEmpty(40) }),
  'audit.project': z.object({ projectId: id, limit: z.number().int().min(1).max(5000).optional() }),

  'projects.list': z.object({
    search: text(100).optional(),
    includeArchived: z.boolean().optional(),
    sort: z.enum(['name', 'updated', 'verdict'] satisfies ProjectSort[]).optional(),
    limit: z.number().int().min(1).max(5000).optional(),
    offset: z.number().int().min(0).optional(),
  }),
  'projects.create': z.object({ name: nonEmpty(100), parcel: text(100).optional() }),
  'projects.get': z.object({ projectId: id }),
  'projects.rename': z.object({ projectId: id, name: nonEmpty(100) }),
  'projects.archive': z.object({ projectId: id, archived: z.boolean() }),
  'projects.delete': z.object({ projectId: id }),
  'projects.openSample': z.object({ sample: nonEmpty(80) }),

  'conditions.templates': z.object({}),
  'conditions.get': z.object({ projectId: id }),
  'conditions.save': z.object({ projectId: id, doc: conditionsDoc, note: text(200).optional() }),
  'conditions.version': z.object({ projectId: id, version: z.number().int().positive() }),
  'conditions.validate': z.object({ doc: conditionsDoc }),
  'conditions.fromText': z.object({ text: nonEmpty(200_000) }),
  'conditions.projectFacts': z.object({}),

  'import.workbook': z.object({ projectId: id, fileName: nonEmpty(255), dataBase64: base64 }),
  'import.correct': z.object({
    projectId: id,
    indicator: nonEmpty(60),
    building: text(100).nullable(),
    /**
     * Either a cell of the workbook ("单体指标!G4"), remembered for the workbook's layout, or a value
     * typed by hand, which belongs to this import only.
     */
    cell: text(120).optional(),
    value: text(200).optional(),
    reason: nonEmpty(500),
  }),
  'import.versions': z.object({ projectId: id }),
  'mappings.list': z.object({}),
  'mappings.remove': z.object({ layoutKey: nonEmpty(64), indicator: nonEmpty(60), building: text(100).nullable() }),

  'check.run': z.object({ projectId: id }),
  'check.get': z.object({ runId: id }),
  'check.override': z.object({
    runId: id,
    conditionId: nonEmpty(60),
    building: text(100).nullable(),
    verdict,
    reason: nonEmpty(1000),
  }),
  'check.carryovers': z.object({ runId: id }),
  'check.decideCarryover': z.object({ carryoverId: id, keep: z.boolean() }),
  'runs.list': z.object({ projectId: id }),
  'runs.compare': z.object({ fromRunId: id, toRunId: id }),

  'report.render': z.object({
    runId: id,
    kind: z.enum(['pdf', 'xlsx']),
    org,
    reportNo: text(60).optional(),
    /** Optional PAdES signature with the user's PKCS#12 certificate (never stored). */
    sign: z.object({ p12Base64: base64, password: z.string().max(200), fileName: text(255).optional() }).optional(),
  }),
  'report.list': z.object({ projectId: id }),
  /** Whose report a run's report names (the project and the contract), and warnings when the sheet names another. */
  'report.identity': z.object({ runId: id }),
  /**
   * Verification of a received PDF (or an issued Excel file) as `npm run verify` does it: with the
   * original inputs when given (a workbook and a conditions document, or a project of this
   * office), else with the inputs found in this office's records, else what the file alone shows.
   */
  'report.verify': z.object({
    dataBase64: base64,
    fileName: text(255).optional(),
    workbook: z.object({ fileName: nonEmpty(255), dataBase64: base64 }).optional(),
    conditions: conditionsDoc.optional(),
    conditionsFileName: text(255).optional(),
    projectId: id.optional(),
  }),
  /** The issuing office's records of a report: by the code in its footer, the QR text or the fingerprint. */
  'report.lookup': z.object({ text: nonEmpty(300) }),

  'store.backup': z.object({}),
  'store.restore': z.object({ fileName: nonEmpty(255), dataBase64: backupBase64 }),

  'org.list': z.object({}),
  'org.save': z.object({ profile: org }),

  'batch.start': z.object({
    items: z
      .array(z.object({ fileName: nonEmpty(255), dataBase64: base64, conditions: conditionsDoc.optional() }))
      .min(1)
      .max(500),
    /** One condition set for every workbook that has none of its own. */
    conditions: conditionsDoc.optional(),
    /** The saved organisation profile the batch's reports are issued under. */
    org: org.optional(),
    name: text(100).optional(),
  }),
  'batch.list': z.object({}),
  'batch.get': z.object({ batchId: id }),
  'batch.cancel': z.object({ batchId: id }),
  'batch.report': z.object({ batchId: id, index: z.number().int().min(0), org }),
  'batch.reportsZip': z.object({ batchId: id, org }),
  'batch.summary': z.object({ batchId: id }),
  'batch.summaryXlsx': z.object({ batchId: id }),
  'batch.toProjects': z.object({ batchId: id }),
  'batch.delete': z.object({ batchId: id }),

  /** Verify the audit chain; optionally against reports already issued (their recorded chain head). */
  'audit.verify': z.object({ reports: z.array(z.object({ fileName: nonEmpty(255), dataBase64: base64 })).max(20).optional() }),
} as const;

export type Method = keyof typeof schemas;
export type ApiInput<M extends Method> = z.input<(typeof schemas)[M]>;

// ---------------------------------------------------------------- outputs

/** A project as lists show it (the store's Project: shared/store/types.ts). */
export type ProjectRow = Pick<Project, 'id' | 'name' | 'archived' | 'createdAt' | 'updatedAt' | 'lastOverall'> & {
  parcel: string | null;
  /** Set while the project is one workbook of a saved batch. */
  batchId?: number;
};

/** The latest run of a project, in short. */
export interface RunHeadline {
  runId: number;
  overall: Overall;
  counts: Record<Verdict, number>;
  checkedAt: string;
}

/** One imported version of a project's sheet (its latest correction). */
export type ImportVersion = Pick<ImportSummary, 'version' | 'fileName' | 'workbookSha256' | 'createdAt'> & {
  /** The import that stands for this version (the latest correction of it). */
  importId: number;
  /** How many times it was corrected. */
  corrections: number;
  typedValues: number;
};

/** One run of a project, as the 复审 comparison lists them. */
export interface RunListItem extends RunRef {
  overrides: number;
  /** Carry-overs waiting for the user's decision. */
  pendingCarryovers: number;
}

/** Remembered cell mappings of one workbook layout. */
export interface LayoutMappings {
  layoutKey: string;
  /** Sheets named by its mappings, and workbooks they were set on. */
  sheets: string[];
  fileNames: string[];
  mappings: Array<MappingMemory & { indicatorName: string }>;
}

/** One audit row, in words (who, when, what). */
export interface AuditRow {
  id: number;
  at: string;
  kind: string;
  /** Chinese: what happened. */
  what: string;
  user: string | null;
}

export interface ReportRow {
  id: number;
  runId: number;
  fingerprint: string;
  fileName: string;
  kind: 'pdf' | 'xlsx';
  createdAt: string;
}

/**
 * A project fact a condition may depend on (`when`, confirmed in the document's `facts`; the
 * vocabulary of shared/data/project-facts.json), in the user's words: "政府投资项目" / "非政府投资项目".
 */
export interface ProjectFactInfo {
  id: string;
  yes: string;
  no: string;
}

export interface TemplateInfo {
  id: string;
  title: string;
  jurisdiction?: string;
  doc: ConditionsDoc;
}

export interface OrgProfileRow {
  id: number;
  name: string;
  sealText?: string;
  hasSealPng: boolean;
  preparer?: string;
  checker?: string;
  approver?: string;
  crossPageSeal?: boolean;
}

/** A saved batch (shared/store/types.ts BatchRecord), without the organisation it was started with. */
export type BatchRow = Omit<BatchRecord, 'org'> & { orgName?: string };

export type BatchItemRow = BatchItemRecord;

export interface BatchDetail {
  batch: BatchRow;
  items: BatchItemRow[];
  /** The batch is being checked in this session (progress moves). */
  running: boolean;
}

/**
 * The data of a batch's summary (the summary Excel and the report's batch section are drawn from
 * it): one row per workbook, with its 审查意见.
 */
export interface BatchSummary {
  batch: BatchRow;
  rows: Array<{
    position: number;
    fileName: string;
    status: BatchItemRecord['status'];
    error?: string;
    projectName?: string;
    parcel?: string;
    overall?: Overall;
    counts?: Record<Verdict, number>;
    /** Overridden findings (改判). */
    overrides: number;
    /** Non-passing findings: clause, building, verdict and message. */
    opinions: Array<{ conditionId: string; clause?: string; building: string | null; verdict: Verdict; message: string }>;
  }>;
}

export interface VerifyResult {
  ok: boolean;
  fingerprint: string | null;
  /** Chinese: what differs, or why the file could not be verified. */
  differences: string[];
  /** The stored run the report was matched against, if found. */
  runId: number | null;
  // ---- extensions (shared/report/verify.ts)
  /** genuine 真实一致 · altered 已被修改 · undetermined 无法判断 · other-version · not-a-report */
  status?: 'genuine' | 'altered' | 'undetermined' | 'other-version' | 'not-a-report';
  headline?: string;
  /** What to provide for an answer (undetermined). */
  needs?: string[];
  notes?: string[];
  /** What the report says about itself (from its embedded data). */
  report?: Omit<ReportSummary, 'fingerprint'> | null;
  /** This office's archived copy with exactly these bytes, if any. */
  archived?: IssuedFileRow | null;
  /** Where the original inputs came from: given, or found in this office's records. */
  inputsFrom?: 'given' | 'project' | 'records' | null;
}

/** One issued file in this office's archive. */
export interface IssuedFileRow {
  fileName: string;
  kind: 'pdf' | 'xlsx';
  projectId: number;
  projectName: string;
  runId: number;
  reportNo: string | null;
  orgName: string | null;
  issuedAt: string;
  overall: Overall;
  shortCode: string;
  fileSha256: string;
  signedBy?: string;
}

export interface AuditReportCheck {
  fileName: string;
  /** match: the report's chain head is in this log; mismatch: it is not (log rewritten or replaced). */
  status: 'match' | 'mismatch' | 'none' | 'unreadable';
  /** Chinese. */
  message: string;
}

export interface AuditCheck {
  /** Chain unbroken and consistent with every report given. */
  ok: boolean;
  /** Rows in the log. */
  count: number;
  /** First row that does not fit the chain. */
  brokenAt: number | null;
  /** Chinese summary: intact, or where it breaks. */
  message: string;
  /** Newest row (what a report issued now records). */
  head: { id: number; hash: string } | null;
  reports: AuditReportCheck[];
  /** Copies of earlier databases kept by restores, and their limit. */
  copies: { count: number; limit: number };
}

export interface ApiOutputs {
  /** `logFile`: where this installation's log file is (shown in 关于与审计), null when none is open. */
  'app.info': { version: string; samples: Array<{ id: string; title: string }>; logFile: string | null };
  'settings.get': { userName: string | null };
  'settings.save': { userName: string };
  'audit.project': AuditRow[];
  'projects.list': { items: ProjectRow[]; total: number };
  'projects.create': ProjectRow;
  'projects.get': {
    project: ProjectRow;
    conditions: { id: number; version: number; doc: ConditionsDoc } | null;
    versions: ConditionSetVersion[];
    lastImport: {
      importId: number;
      fileName: string;
      imported: ImportResult;
      version: number;
      /** Values typed by hand for this import. */
      typed: TypedValue[];
      /** The remembered cell mappings of the workbook's layout (applied to this import). */
      mappings: MappingMemory[];
    } | null;
    lastRun: RunHeadline | null;
    /** The saved batch the project belongs to, while it is inside one. */
    batch: { batchId: number; name: string } | null;
    reports: ReportRow[];
  };
  'projects.rename': ProjectRow;
  'projects.archive': ProjectRow;
  'projects.delete': { deleted: true };
  'projects.openSample': { projectId: number; runId: number };
  'conditions.templates': TemplateInfo[];
  'conditions.get': { latest: { id: number; version: number; doc: ConditionsDoc } | null; versions: ConditionSetVersion[] };
  'conditions.save': { id: number; version: number; doc: ConditionsDoc };
  'conditions.version': { id: number; version: number; doc: ConditionsDoc };
  'conditions.validate': { ok: true; count: number; doc: ConditionsDoc };
  /**
   * Contract text read into conditions (docs/contract-text.md): the document, the sentences
   * refused (with the kind of refusal, `code`, and the Chinese reason) and, per sentence that
   * states something, its reading — which words produced which part of which condition.
   */
  'conditions.fromText': { doc: ConditionsDoc; unparsed: UnparsedSentence[]; readings: SentenceReading[] };
  /** The project facts conditions may depend on, in the user's words (for the editor and the paste screen). */
  'conditions.projectFacts': ProjectFactInfo[];
  'import.workbook': {
    importId: number;
    imported: ImportResult;
    version: number;
    /** Remembered cell mappings of the layout that were applied. */
    mappingsApplied: number;
    /** Values typed by hand for the previous import, not carried to this one. */
    typedNotCarried: number;
  };
  'import.correct': { importId: number; imported: ImportResult; remembered: boolean };
  'import.versions': ImportVersion[];
  'mappings.list': LayoutMappings[];
  'mappings.remove': { removed: boolean };
  'check.run': { runId: number; run: CheckRun; carried: { kept: number; pending: number } };
  'check.get': { runId: number; run: CheckRun; pendingCarryovers: number };
  'check.override': { runId: number; run: CheckRun };
  'check.carryovers': OverrideCarryover[];
  'check.decideCarryover': { carryover: OverrideCarryover; run: CheckRun; pendingCarryovers: number };
  'runs.list': RunListItem[];
  'runs.compare': RunComparison;
  'report.render': { fileName: string; dataBase64: string; fingerprint: string; reportId: number; signedBy?: string };
  'report.list': ReportRow[];
  /** Chinese warnings: the sheet names a project or parcel other than the report's (empty when none). */
  'report.identity': { warnings: string[] };
  'report.verify': VerifyResult;
  'report.lookup': { query: string; files: IssuedFileRow[] };
  'store.backup': { fileName: string; dataBase64: string };
  'store.restore': {
    projects: number;
    /** Where the replaced database was kept (a timestamped copy next to the database). */
    kept?: string | null;
    /** Copies of earlier databases kept so far, and their limit. */
    copies?: number;
    copyLimit?: number;
  };
  'org.list': OrgProfileRow[];
  'org.save': OrgProfileRow;
  'batch.start': { batchId: number };
  'batch.list': BatchRow[];
  'batch.get': BatchDetail;
  'batch.cancel': BatchDetail;
  'batch.report': { fileName: string; dataBase64: string; fingerprint: string };
  'batch.reportsZip': { fileName: string; dataBase64: string; reports: number };
  'batch.summary': BatchSummary;
  'batch.summaryXlsx': { fileName: string; dataBase64: string };
  'batch.toProjects': { projects: number };
  'batch.delete': { deleted: true };
  'audit.verify': AuditCheck;
}

/** The one function the renderer's screens see (renderer/api.ts): the value, or a typed error of a kind. */
export type Invoke = <M extends Method>(method: M, input: ApiInput<M>) => Promise<ApiOutputs[M]>;

/**
 * What the preload exposes (window.landcheck.invoke): the envelope itself, because an Error
 * crossing Electron's context bridge keeps only its message and would lose its kind.
 */
export type WireInvoke = (method: Method, input: unknown) => Promise<Envelope<unknown>>;

export type Handlers = { [M in Method]: (input: z.output<(typeof schemas)[M]>) => Promise<ApiOutputs[M]> };

/**
 * The kind of a refusal (shared/errors.ts, ERROR_KINDS): why a call was refused before its handler
 * (malformed or too deep, unknown method, host busy, caller not allowed, too large) or by it
 * (bad file, not found, conflict, …), or `internal` when it failed unexpectedly (the message is
 * then neutral and the details are in the log file). docs/architecture.md, docs/security.md.
 */
export type { ErrorKind } from '../errors';

/**
 * Wire shape of every answer, IPC and HTTP alike: a value, or the error's kind and one Chinese
 * message — never a stack. The renderer turns the latter back into a typed error (renderer/api.ts).
 */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string; kind: ErrorKind };

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(schemas, name);
}
