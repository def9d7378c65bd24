// The whole database: backup to one file, restore from one.
import type { Handlers } from '../contract';
import { MAX_BACKUP_BYTES } from '../limits';
import { ApiError, userMessage } from '../dispatch';
import { isInputError } from '../../errors';
import { b64, fromB64, type ApiContext } from './context';
import { auditCheck } from '../audit';

type StoreHandlers = Pick<Handlers, 'store.backup' | 'store.restore' | 'audit.verify'>;

/** The user's calendar date (the backup's file name), not UTC's: 2026-11-22 at 07:00 in Shanghai. */
export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function storeHandlers(ctx: ApiContext): StoreHandlers {
  const { holder } = ctx.deps;
  return {
    'store.backup': async () => {
      const bytes = await holder.backup();
      if (bytes.length > MAX_BACKUP_BYTES) {
        const mb = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;
        throw new ApiError(`数据库有 ${mb(bytes.length)}，超过界面备份与恢复的上限 ${mb(MAX_BACKUP_BYTES)}：请退出程序后直接复制数据库文件 ${holder.path}`);
      }
      return { fileName: `LandCheck备份_${localDate(new Date())}.sqlite`, dataBase64: b64(bytes) };
    },
    'store.restore': async ({ fileName, dataBase64 }) => {
      if (ctx.db().listBatches().some((b) => b.status === 'running')) throw new ApiError('正在进行批量审查，请等其完成或取消后再恢复备份');
      let kept;
      try {
        kept = holder.restore(fromB64(dataBase64));
      } catch (e) {
        throw new ApiError(`无法从“${fileName}”恢复，当前数据未改动：${userMessage(e, 'store.restore').replace(/[^\s：]*restore\.sqlite/g, fileName)}`, isInputError(e) ? e.kind : 'bad_file');
      }
      // A backup taken while a batch ran holds it as running: it cannot continue here.
      ctx.db().interruptRunningBatches();
      return { projects: ctx.db().listProjects({ includeArchived: true }).length, kept: kept.kept, copies: kept.copies, copyLimit: kept.limit };
    },
    'audit.verify': async ({ reports }) =>
      auditCheck(ctx.db(), holder.path, (reports ?? []).map((r) => ({ fileName: r.fileName, pdf: fromB64(r.dataBase64) }))),
  };
}
