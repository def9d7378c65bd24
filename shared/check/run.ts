// One whole check: load the conditions, import the workbook, evaluate, assemble the result.
import { basename } from 'node:path';
import type { CheckRun, ConditionsDoc, ImportResult, ResultDoc } from '../model/types';
import { importWorkbook, type ImportOptions } from '../import/index';
import { loadConditions } from '../conditions/index';
import { canonicalJson, sha256Hex } from '../canonical';
import { evaluate, overallOf, countVerdicts } from './engine';
import { ruleVersions, ENGINE } from './versions';
import { addRemediation } from './remediation';

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
