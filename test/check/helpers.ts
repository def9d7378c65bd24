// The check tests' shared step: one condition, checked on a workbook built with exceljs.
import { checkImported } from '../../shared/check/run';
import { importWorkbook } from '../../shared/import/index';
import type { Condition, ConditionsDoc, Finding, ImportResult } from '../../shared/model/types';

/** A conditions file with one condition under a contract of `city`. */
export const oneCondition = (cond: Condition, city = '天津市'): ConditionsDoc => ({ format: 'landcheck.conditions/v1', contract: { city }, conditions: [cond] });

/** Imports the workbook and returns the import and the first finding of `doc`. */
export async function firstFinding(path: string, doc: ConditionsDoc): Promise<{ imported: ImportResult; f: Finding }> {
  const imported = await importWorkbook(path);
  return { imported, f: checkImported(imported, doc, 'c.json').result.findings[0] };
}
