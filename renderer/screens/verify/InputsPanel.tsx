// 提供原始输入后核验: when the answer needs the original inputs, the workbook and the condition file
// dropped here, or a project of this office that keeps them.
import { useState } from 'react';
import type { ProjectRow } from '../../../shared/api/contract';
import { DropZone } from '../../components/DropZone';

export interface VerifyInputs {
  workbook?: File | null;
  conditions?: File | null;
  projectId?: number;
}

interface Props {
  busy: boolean;
  projects: ProjectRow[];
  setError: (message: string) => void;
  /** Verifies the report again with these inputs. */
  onVerify: (inputs: VerifyInputs) => void;
}

/** Mounted afresh for each report, so nothing picked for another report is kept. */
export function InputsPanel({ busy, projects, setError, onVerify }: Props) {
  const [workbook, setWorkbook] = useState<File | null>(null);
  const [conditions, setConditions] = useState<File | null>(null);
  const [projectId, setProjectId] = useState('');

  const addInputs = (files: File[]) => {
    for (const f of files) {
      if (/\.xlsx$/i.test(f.name)) setWorkbook(f);
      else if (/\.json$/i.test(f.name)) setConditions(f);
      else setError(`文件 ${f.name} 既不是指标表（.xlsx）也不是条件文件（.json）`);
    }
  };

  return (
    <div className="panel" data-testid="verify-inputs">
      <h2>提供原始输入后核验</h2>
      <p className="small muted">放入出具报告时所用的指标表（.xlsx）和合同条件文件（.json），或选择本机保存了这些文件的项目。报告中记录的出具信息、人工改判和人工录入会自动套用。</p>
      <DropZone accept=".xlsx,.json" multiple onFiles={addInputs} testId="verify-inputs-drop" inputId="verify-inputs-file" disabled={busy}>
        <strong>将指标表和条件文件拖到这里</strong>
        <span className="muted small">
          指标表：{workbook ? workbook.name : '未选择'}　条件文件：{conditions ? conditions.name : '未选择'}
        </span>
      </DropZone>
      <div className="row">
        <button type="button" className="primary" disabled={busy || !workbook || !conditions} onClick={() => onVerify({ workbook, conditions })}>
          用这些文件核验
        </button>
        {projects.length > 0 && (
          <>
            <select value={projectId} onChange={(e) => setProjectId(e.target.value)} aria-label="选择项目">
              <option value="">或选择本机的项目…</option>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <button type="button" disabled={busy || !projectId} onClick={() => onVerify({ projectId: Number(projectId) })}>
              用该项目核验
            </button>
          </>
        )}
      </div>
    </div>
  );
}
