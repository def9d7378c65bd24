// 审查单位: the organisation the report is issued under — a saved profile to start from, the
// name (the seal's ring text), the text under the seal, an optional seal image, the signatories,
// the cross-page seal — and saving it as a profile.
import { errorText } from '../../api';
import { useApp } from '../../state';
import { FilePicker } from '../../components/FilePicker';
import { fileToBase64 } from '../../files';
import type { OrgProfile } from './useOrgProfile';

interface Props {
  profile: OrgProfile;
  /** Shows a Chinese message ('' clears it). */
  setError: (message: string) => void;
}

export function OrgForm({ profile, setError }: Props) {
  const app = useApp();
  const { org, set, profiles, pickProfile } = profile;

  const save = async () => {
    setError('');
    try {
      const refusal = await profile.save();
      if (refusal) return setError(refusal);
      app.notify('success', `已保存单位资料“${org.name.trim()}”`);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <form
      className="panel form org-form"
      aria-label="审查单位资料"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>审查单位</h2>
      {profiles.length > 0 && (
        <label>
          已保存的单位
          <select
            value=""
            onChange={(e) => {
              const p = profiles.find((x) => String(x.id) === e.target.value);
              if (p) pickProfile(p);
            }}
            aria-label="已保存的单位"
          >
            <option value="">选择…</option>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        单位名称（印章环文）
        <input value={org.name} maxLength={60} onChange={(e) => set({ name: e.target.value })} aria-label="单位名称" placeholder="上海某某建设咨询有限公司" />
      </label>
      <label>
        印章下方文字
        <input value={org.sealText ?? ''} maxLength={20} onChange={(e) => set({ sealText: e.target.value || undefined })} aria-label="印章下方文字" placeholder="审查专用章" />
      </label>
      <SealField profile={profile} setError={setError} />
      <div className="grid3">
        <label>
          编制
          <input value={org.preparer ?? ''} maxLength={40} onChange={(e) => set({ preparer: e.target.value || undefined })} aria-label="编制" />
        </label>
        <label>
          校对
          <input value={org.checker ?? ''} maxLength={40} onChange={(e) => set({ checker: e.target.value || undefined })} aria-label="校对" />
        </label>
        <label>
          审核
          <input value={org.approver ?? ''} maxLength={40} onChange={(e) => set({ approver: e.target.value || undefined })} aria-label="审核" />
        </label>
      </div>
      <label className="inline check">
        <input type="checkbox" checked={org.crossPageSeal ?? false} onChange={(e) => set({ crossPageSeal: e.target.checked })} />
        加盖骑缝章
      </label>
      <button type="submit">保存单位资料</button>
    </form>
  );
}

/** The seal image: a PNG of at most 2 MB, or none (the seal is then drawn from the name). */
function SealField({ profile, setError }: Props) {
  const { org, set, sealName, setSealName } = profile;
  const pick = async (f: File) => {
    if (f.type !== 'image/png' && !/\.png$/i.test(f.name)) return setError(`文件 ${f.name} 不是 PNG 图片`);
    if (f.size > 2 * 1024 * 1024) return setError(`印章图片 ${f.name} 超过 2 MB`);
    set({ sealPngBase64: await fileToBase64(f) });
    setSealName(f.name);
  };
  return (
    <div className="field">
      <span className="label">印章图片（PNG，可选；不上传则按单位名称绘制）</span>
      <span className="row">
        <FilePicker accept="image/png" label="印章图片" className="small" onFile={(f) => void pick(f)}>
          选择 PNG…
        </FilePicker>
        {org.sealPngBase64 && (
          <button
            type="button"
            className="small"
            onClick={() => {
              set({ sealPngBase64: undefined });
              setSealName('');
            }}
          >
            清除
          </button>
        )}
      </span>
      {sealName && (
        <span className="muted small" data-testid="seal-name">
          {sealName}
        </span>
      )}
    </div>
  );
}
