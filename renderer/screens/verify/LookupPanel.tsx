// 按核验码查询存档: a report looked up in this office's records by the code in its footer, the QR
// text or its fingerprint (report.lookup).
import { useState } from 'react';
import type { IssuedFileRow } from '../../../shared/api/contract';
import { invoke } from '../../api';
import { useAction } from '../../hooks/useInvoke';
import { ErrorLine } from '../../components/ErrorLine';
import { OverallBadge } from '../../components/Badges';
import { formatTime } from '../../files';
import { TableHead } from '../../components/TableHead';

export function LookupPanel() {
  const [code, setCode] = useState('');
  const [lookup, setLookup] = useState<{ query: string; files: IssuedFileRow[] } | null>(null);
  const action = useAction();

  const doLookup = async () => {
    setLookup(null);
    const found = await action.run(() => invoke('report.lookup', { text: code }));
    if (found) setLookup(found);
  };

  return (
    <div className="panel lookup">
      <h2>按核验码查询存档</h2>
      <p className="small muted">输入报告页脚的核验码（如 LC-3F9A-1C2B-77D0），或粘贴扫描二维码得到的文字，查询本单位出具该报告的记录。</p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void doLookup();
        }}
      >
        <input value={code} onChange={(e) => setCode(e.target.value)} aria-label="核验码" placeholder="LC-XXXX-XXXX-XXXX" maxLength={300} />
        <button type="submit" disabled={!code.trim()}>
          查询
        </button>
      </form>
      <ErrorLine message={action.error} />
      {lookup && (
        <div data-testid="lookup-result">
          {lookup.files.length === 0 ? (
            <p>本单位的存档中没有核验码为 {lookup.query} 的报告。</p>
          ) : (
            <>
              <p>
                核验码 {lookup.query}：本单位共出具 {lookup.files.length} 份文件。
              </p>
              <FilesTable files={lookup.files} />
            </>
          )}
        </div>
      )}
    </div>
  );
}

function FilesTable({ files }: { files: IssuedFileRow[] }) {
  return (
    <table className="data compact" data-testid="lookup-files">
      <TableHead cols={['出具时间', '文件', '项目', '出具单位', '报告编号', '结论']} />
      <tbody>
        {files.map((f) => (
          <tr key={`${f.fileSha256}-${f.issuedAt}`}>
            <td className="small">{formatTime(f.issuedAt)}</td>
            <td className="small">
              {f.fileName}
              {f.signedBy && <div className="muted small">数字签名：{f.signedBy}</div>}
            </td>
            <td className="small">{f.projectName}</td>
            <td className="small">{f.orgName ?? '—'}</td>
            <td className="small">{f.reportNo ?? '—'}</td>
            <td>
              <OverallBadge overall={f.overall} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
