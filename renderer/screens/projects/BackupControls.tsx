// 备份 / 恢复…: the whole database to one file, and back (asked first: it replaces everything).
import { useState } from 'react';
import { MAX_BACKUP_BYTES } from '../../../shared/model/limits';
import { errorText, invoke } from '../../api';
import { useApp } from '../../state';
import { ConfirmDialog } from '../../components/Dialog';
import { FilePicker } from '../../components/FilePicker';
import { downloadBase64, fileToBase64, formatBytes } from '../../files';

export function BackupControls({ busy, setBusy, onRestored }: { busy: boolean; setBusy: (b: boolean) => void; onRestored: () => Promise<void> }) {
  const app = useApp();
  /** A backup file picked for restore, waiting for confirmation. */
  const [restoring, setRestoring] = useState<File | null>(null);

  const backup = async () => {
    try {
      const r = await invoke('store.backup', {});
      downloadBase64(r.dataBase64, r.fileName);
      app.notify('success', `已备份全部项目到 ${r.fileName}`);
    } catch (e) {
      app.notify('error', errorText(e));
    }
  };

  const restore = async (f: File) => {
    if (f.size > MAX_BACKUP_BYTES) {
      app.notify('error', `备份文件 ${f.name} 有 ${formatBytes(f.size)}，超过界面恢复的上限 ${formatBytes(MAX_BACKUP_BYTES)}`);
      return;
    }
    setBusy(true);
    try {
      const r = await invoke('store.restore', { fileName: f.name, dataBase64: await fileToBase64(f) });
      app.openProject(null);
      await onRestored();
      app.notify(
        'success',
        `已从 ${f.name} 恢复：${r.projects} 个项目（原数据已另存为 ${r.kept ?? '带时间的副本'}；现有 ${r.copies ?? 1} 份恢复前副本，上限 ${r.copyLimit ?? 20} 份）`,
      );
    } catch (e) {
      app.notify('error', errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" onClick={() => void backup()} data-testid="backup" title="把全部项目备份为一个文件">
        备份
      </button>
      <FilePicker
        accept=".sqlite,.db,application/vnd.sqlite3"
        label="备份文件"
        testId="restore-file"
        buttonTestId="restore"
        disabled={busy}
        onFile={setRestoring}
        title="从备份文件恢复全部项目"
      >
        恢复…
      </FilePicker>
      <ConfirmDialog
        open={restoring !== null}
        title="从备份恢复"
        danger
        confirmLabel="恢复"
        message={
          <>
            用“{restoring?.name}”替换本机的全部项目、条件、审查记录和报告记录吗？当前数据会另存为带时间的副本（.before-restore-…），
            备份中没有的内容将不再显示。
          </>
        }
        onCancel={() => setRestoring(null)}
        onConfirm={() => {
          const f = restoring!;
          setRestoring(null);
          void restore(f);
        }}
      />
    </>
  );
}
