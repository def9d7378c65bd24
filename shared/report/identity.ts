// Whose report it is: the project and the contract as the issuing office knows them (the project
// record, the contract in the condition file), never the sheet's own words; and a warning when
// the sheet names a different project or parcel. Pure: used by the report and by the UI.
import type { CheckRun } from '../model/types';
import { parcelCode, sameParcel } from '../model/parcels';

/** The project as the issuing office knows it (not as the sheet names it). */
export interface ProjectIdentity {
  name?: string;
  parcel?: string;
  /** 建设单位 */
  developer?: string;
  /** 设计单位 */
  designer?: string;
}

export interface Identity {
  /** Never empty: '未提供' when nobody names the project. */
  projectName: string;
  projectNameFrom: 'project' | 'contract' | 'sheet' | 'none';
  parcel: string;
  contractNo: string;
  signedOn: string;
  city: string;
  /** 建设单位 / 设计单位: '未提供' when absent. */
  developer: string;
  designer: string;
  /** The project name the sheet writes, if any. */
  sheetProjectName: string | null;
  /** Chinese warnings: the sheet names another project or parcel. */
  warnings: string[];
}

export const NOT_GIVEN = '未提供';

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

/** For comparing names: no spaces or punctuation, half-width, upper case, no trailing 地块/项目. */
export function normName(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s()（）《》“”"'‘’、，,。.·_\-—/\\[\]【】]/g, '')
    .toUpperCase();
}

export { parcelCode };

export function identityOf(run: CheckRun, project: ProjectIdentity = {}): Identity {
  const contract = run.conditions.contract ?? run.result.project?.contract ?? {};
  const sheetValue = (id: string) => {
    const v = run.imported.project[id];
    return v && v.status === 'ok' && v.value !== null ? String(v.value).trim() : '';
  };
  const sheetName = sheetValue('project_name') || (run.result.project?.name ?? '');
  const contractName = str(contract.project) || str(contract.projectName) || str((contract as Record<string, unknown>)['项目名称']);
  let projectName = str(project.name);
  let from: Identity['projectNameFrom'] = 'project';
  if (!projectName && contractName) {
    projectName = contractName;
    from = 'contract';
  }
  if (!projectName && sheetName) {
    projectName = sheetName;
    from = 'sheet';
  }
  if (!projectName) {
    projectName = NOT_GIVEN;
    from = 'none';
  }
  const parcel = str(contract.parcel) || str(project.parcel);
  const warnings: string[] = [];
  if (from !== 'sheet' && from !== 'none' && sheetName) {
    const a = normName(sheetName);
    const b = normName(projectName);
    if (a && b && !a.includes(b) && !b.includes(a)) {
      warnings.push(`指标表所填项目名称“${sheetName}”与本项目“${projectName}”不一致，请核对是否为本项目的指标表`);
    }
  }
  if (parcel && sheetName && !sameParcel(sheetName, parcel)) {
    warnings.push(`指标表项目名称中的地块“${parcelCode(sheetName)}”与合同地块“${parcel}”不一致，请核对是否为合同所指地块的指标表`);
  }
  if (str(project.parcel) && str(contract.parcel) && !sameParcel(str(project.parcel), str(contract.parcel))) {
    warnings.push(`项目登记的地块“${str(project.parcel)}”与合同条件中的地块“${str(contract.parcel)}”不一致`);
  }
  return {
    projectName,
    projectNameFrom: from,
    parcel: parcel || NOT_GIVEN,
    contractNo: str(contract.number) || NOT_GIVEN,
    signedOn: str(contract.signedOn) || NOT_GIVEN,
    city: str(contract.city),
    developer: str(project.developer) || sheetValue('developer') || str(contract.assignee) || NOT_GIVEN,
    designer: str(project.designer) || sheetValue('designer') || NOT_GIVEN,
    sheetProjectName: sheetName || null,
    warnings,
  };
}
