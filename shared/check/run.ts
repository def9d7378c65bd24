// One whole check: load the conditions, import the workbook, evaluate, assemble the result.
import { basename } from 'node:path';
import type { CheckRun, ConditionsDoc, ImportResult, ResultDoc } from '../model/types';
import { importWorkbook, type ImportOptions } from '../import/index';
import { loadConditions } from '../conditions/index';
import { canonicalJson, sha256Hex } from '../canonical';
import { evaluate, overallOf, countVerdicts } from './engine';
import { chooseParcel } from './parcels';
import { ruleVersions, ENGINE } from './versions';
import { addRemediation } from './remediation';
import { keepShapes } from '../model/shapes';

export interface RunOptions {
  sheetPath: string;
  conditionsPath: string;
  import?: ImportOptions;
  /** Fixed time for reproducible output (tests); defaults to now. */
  now?: Date;
}

export async function runCheck(opts: RunOptions): Promise<CheckRun> {
  // Conditions first: a typo in the condition file is reported before the (slower) import.
  const conditions = await loadConditions(opts.conditionsPath);
  const imported = await importWorkbook(opts.sheetPath, opts.import);
  return checkImported(imported, conditions, basename(opts.conditionsPath), opts.now);
}

/** The check on an already imported workbook (the desktop app re-checks without re-reading). */
export function checkImported(
  imported: ImportResult,
  conditions: ConditionsDoc,
  conditionsFile: string,
  now: Date = new Date(),
): CheckRun {
  // 整改建议 on every non-passing finding (docs/formats.md §6)
  const findings = addRemediation(evaluate(imported, conditions), conditions, imported);
  const conditionsSha256 = sha256Hex(canonicalJson(conditions));
  const rules = ruleVersions();
  const projectName = imported.project.project_name;
  const result: ResultDoc = {
    format: 'landcheck.result/v1',
    overall: overallOf(findings),
    input: { file: basename(imported.file), sha256: imported.sha256, conditions: conditionsFile, conditionsSha256 },
    findings,
    engine: { ...ENGINE, rules },
    project: {
      ...(projectName && projectName.status === 'ok' ? { name: String(projectName.value) } : {}),
      ...(conditions.contract ? { contract: conditions.contract } : {}),
    },
    counts: countVerdicts(findings),
  };
  // the shapes of the findings, for the next check (model/shapes.ts)
  keepShapes('check', [findings]);
  const warnings = resultWarnings(imported, conditions);
  if (warnings.length) result.warnings = warnings;
  const coverage = coverageSummary(imported);
  if (coverage) result.coverage = coverage;
  return {
    result,
    imported,
    conditions,
    conditionsFile,
    conditionsSha256,
    rules,
    checkedAt: now.toISOString(),
  };
}

/**
 * `result.warnings`: every import issue (conflicts, unreadable cells, skipped sheets, …) with its
 * cell, and which parcel was checked when the workbook has several (docs/formats.md §6).
 */
export function resultWarnings(imported: ImportResult, conditions: ConditionsDoc): NonNullable<ResultDoc['warnings']> {
  const out: NonNullable<ResultDoc['warnings']> = imported.issues.map((i) => ({
    message: i.message,
    ...(i.source ? { source: i.source } : {}),
    ...(i.indicator ? { indicator: i.indicator } : {}),
  }));
  const choice = chooseParcel(imported, conditions.contract);
  if ('note' in choice && choice.note) out.push({ message: choice.note, ...(choice.parcel ? { source: choice.parcel.nameSource } : {}) });
  return out;
}

/**
 * `result.coverage`: what the importer did not read — hidden sheets it skipped, tables it could not
 * understand, how many recognised labels it did not take a value from, and the share of the
 * visible sheets' non-empty cells it used. Absent when the import carries no coverage.
 */
export function coverageSummary(imported: ImportResult): ResultDoc['coverage'] | undefined {
  if (!imported.coverage) return undefined;
  const visible = imported.coverage.filter((c) => c.state === 'visible');
  const cells = visible.reduce((n, c) => n + c.cells, 0);
  const used = visible.reduce((n, c) => n + Math.min(c.used, c.cells), 0);
  return {
    skippedSheets: imported.coverage
      .filter((c): c is typeof c & { state: 'hidden' | 'veryHidden' } => c.state !== 'visible')
      .map((c) => ({ sheet: c.sheet, state: c.state })),
    unread: imported.unread ?? [],
    unusedLabels: visible.reduce((n, c) => n + c.unusedLabels.length, 0),
    usedShare: cells > 0 ? Math.round((used / cells) * 1000) / 1000 : 1,
  };
}
