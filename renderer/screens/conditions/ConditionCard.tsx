// One condition of the contract: id, clause, kind (single indicator / any of / all of), scope,
// the contract's own words, the rule, and which buildings it applies to. Errors show at the field.
import type { Condition, LeafRule, Rule } from '../../../shared/model/types';
import { defaultLeaf, isLeaf, ruleKind, withKind, type RuleKind } from '../../conditions-edit';
import { ruleText } from '../../format';
import { ErrorLine } from '../../components/ErrorLine';
import { LeafEditor } from './LeafEditor';
import { AppliesEditor } from './AppliesEditor';
import { MoreFields } from './MoreFields';
import { WhenRows } from './WhenRows';
import { useField } from './FormContext';

interface Props {
  c: Condition;
  index: number;
  count: number;
  /** The validator's message when it names this condition. */
  serverError?: string;
  onChange: (c: Condition) => void;
  onRemove: () => void;
  onMove: (delta: -1 | 1) => void;
}

/** Whether every requirement of the rule names an indicator (a condition written by hand may not yet). */
function hasIndicators(r: Rule): boolean {
  if ('anyOf' in r) return r.anyOf.every(hasIndicators);
  if ('allOf' in r) return r.allOf.every(hasIndicators);
  return !!r.indicator;
}

export function ConditionCard({ c, index, count, serverError, onChange, onRemove, onMove }: Props) {
  const kind = ruleKind(c);
  const set = (patch: Partial<Condition>) => onChange({ ...c, ...patch } as Condition);
  const idError = useField(`${index}.id`).error;
  const branches: Rule[] = kind === 'anyOf' ? (c as { anyOf: Rule[] }).anyOf : kind === 'allOf' ? (c as { allOf: Rule[] }).allOf : [];
  const setBranches = (list: Rule[]) => set((kind === 'anyOf' ? { anyOf: list } : { allOf: list }) as Partial<Condition>);
  const waiting = c.toConfirm?.trim();

  return (
    <article className={`panel cond-card${serverError ? ' has-error' : ''}${waiting ? ' to-confirm' : ''}`} data-condition-id={c.id} aria-label={`条件 ${c.id}`}>
      <div className="cond-head">
        <label className="cid">
          编号
          <input value={c.id} maxLength={60} onChange={(e) => set({ id: e.target.value })} aria-label="条件编号" aria-invalid={!!idError} />
          <ErrorLine message={idError} />
        </label>
        <label>
          条款
          <input value={c.clause ?? ''} onChange={(e) => set({ clause: e.target.value || undefined })} placeholder="例：第十二条（一）" aria-label="条款号" />
        </label>
        <label>
          类型
          <select value={kind} onChange={(e) => onChange(withKind(c, e.target.value as RuleKind))} aria-label="条件类型">
            <option value="leaf">单项指标</option>
            <option value="anyOf">任一满足（或）</option>
            <option value="allOf">全部满足（且）</option>
          </select>
        </label>
        <label>
          范围
          <select value={c.scope ?? 'project'} onChange={(e) => set({ scope: e.target.value as 'project' | 'building' })} aria-label="适用范围">
            <option value="project">项目整体</option>
            <option value="building">逐栋单体</option>
          </select>
        </label>
        <div className="cond-tools">
          <button type="button" className="small" disabled={index === 0} onClick={() => onMove(-1)} aria-label="上移">
            ↑
          </button>
          <button type="button" className="small" disabled={index === count - 1} onClick={() => onMove(1)} aria-label="下移">
            ↓
          </button>
          <button type="button" className="small danger-text" onClick={onRemove} aria-label={`删除条件 ${c.id}`}>
            删除
          </button>
        </div>
      </div>
      <ErrorLine message={serverError} />
      {waiting && (
        <div className="confirm-box" role="group" aria-label={`条件 ${c.id} 需确认`} data-testid="card-confirm">
          <p className="small">
            <span className="badge v-review">需确认</span> {waiting}
          </p>
          <p className="small muted">识别结果按通常含义理解。请核对后确认（或修改、删除本条）；未确认时可以保存，但审查时本条即使满足也只判为需复核。</p>
          <button
            type="button"
            className="small primary"
            onClick={() => {
              const { toConfirm: _confirmed, ...rest } = c;
              onChange(rest as Condition);
            }}
          >
            确认此理解
          </button>
        </div>
      )}
      <label className="block">
        合同原文
        <textarea rows={2} value={c.text ?? ''} onChange={(e) => set({ text: e.target.value || undefined })} aria-label="合同原文" />
      </label>
      {kind === 'leaf' ? (
        <LeafEditor rule={c as unknown as LeafRule} onChange={(r) => set(r as Partial<Condition>)} field={`${index}`} />
      ) : (
        <div className="branches">
          <div className="muted small">{kind === 'anyOf' ? '满足以下任一项即符合：' : '须同时满足以下各项：'}</div>
          {branches.map((b, j) => (
            <div className="branch" key={j}>
              {isLeaf(b) ? (
                <LeafEditor rule={b} onChange={(r) => setBranches(branches.map((x, k) => (k === j ? r : x)))} field={`${index}.b${j}`} />
              ) : (
                <span className="nested">{ruleText(b)}（嵌套条件组，请用导出的条件文件编辑）</span>
              )}
              <button
                type="button"
                className="small danger-text"
                disabled={branches.length <= 1}
                onClick={() => setBranches(branches.filter((_, k) => k !== j))}
                aria-label={`删除分支 ${j + 1}`}
              >
                删除分支
              </button>
            </div>
          ))}
          <button type="button" className="small" onClick={() => setBranches([...branches, defaultLeaf()])}>
            ＋ 添加分支
          </button>
        </div>
      )}
      <AppliesEditor applies={c.appliesTo ?? {}} onChange={(a) => set({ appliesTo: a })} field={`${index}`} />
      <WhenRows c={c} set={set} />
      <MoreFields c={c} field={`${index}`} set={set} />
      <div className="muted small summary">规则：{hasIndicators(c) ? ruleText(c) : '（请选择指标并填写要求值）'}</div>
    </article>
  );
}
