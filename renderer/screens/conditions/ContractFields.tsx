// 合同信息: the contract's number, parcel, city and signing date. Placeholders read as examples
// ("例：…", grey and slanted), never as values already filled in.
import type { ConditionsDoc } from '../../../shared/model/types';

type Key = 'number' | 'parcel' | 'city' | 'signedOn';

export function ContractFields({ doc, onChange, projectParcel }: { doc: ConditionsDoc; onChange: (d: ConditionsDoc) => void; projectParcel?: string | null }) {
  const c = doc.contract ?? {};
  const field = (key: Key, label: string, example: string) => (
    <label>
      {label}
      <input
        value={typeof c[key] === 'string' ? (c[key] as string) : ''}
        placeholder={`例：${example}`}
        aria-label={label}
        onChange={(e) => onChange({ ...doc, contract: { ...c, [key]: e.target.value || undefined } })}
      />
    </label>
  );
  const parcel = typeof c.parcel === 'string' ? c.parcel : '';
  return (
    <fieldset className="panel contract grid4">
      <legend>合同信息</legend>
      {field('number', '合同编号', '沪松规土(2025)第018号')}
      {field('parcel', '地块', 'SJC10018单元08-03地块')}
      {field('city', '城市', '上海市')}
      {field('signedOn', '签订日期', '2025-03-01')}
      {projectParcel && parcel && parcel !== projectParcel && (
        <p className="warn-text small span4" role="note">
          合同地块“{parcel}”与项目地块“{projectParcel}”不一致，请核对。
        </p>
      )}
    </fieldset>
  );
}
