// 数字签名 (optional): the user's PKCS#12 certificate and its password, kept in memory for this
// screen only and never stored.
import { FilePicker } from '../../components/FilePicker';
import { fileToBase64 } from '../../files';

export interface Certificate {
  fileName: string;
  p12Base64: string;
  password: string;
}

interface Props {
  cert: Certificate | null;
  setCert: (cert: Certificate | null) => void;
  setError: (message: string) => void;
}

export function SignatureField({ cert, setCert, setError }: Props) {
  const pick = async (f: File) => {
    if (f.size > 1024 * 1024) return setError(`证书文件 ${f.name} 过大，不像是 PKCS#12 证书`);
    setCert({ fileName: f.name, p12Base64: await fileToBase64(f), password: cert?.password ?? '' });
  };
  return (
    <div className="field">
      <span className="label">数字签名（可选，PKCS#12 证书 .p12 / .pfx；证书与密码不保存）</span>
      <span className="row">
        <FilePicker accept=".p12,.pfx,application/x-pkcs12" label="签名证书" className="small" onFile={(f) => void pick(f)}>
          选择证书…
        </FilePicker>
        {cert && (
          <>
            <span className="small" data-testid="cert-name">
              {cert.fileName}
            </span>
            <button type="button" className="small" onClick={() => setCert(null)}>
              不签名
            </button>
          </>
        )}
      </span>
      {cert && (
        <input
          type="password"
          value={cert.password}
          onChange={(e) => setCert({ ...cert, password: e.target.value })}
          aria-label="证书密码"
          placeholder="证书密码"
          autoComplete="off"
        />
      )}
      <span className="muted small">按 PAdES 标准签名，Adobe Reader 等可显示“已签名”；印章图形本身不是电子签章。</span>
    </div>
  );
}
