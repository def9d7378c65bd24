// The installation's settings (the user's name, set once and recorded with every judgment) and a
// project's audit trail in words: who did what, when.
import type { AuditRow, Handlers } from '../contract';
import { indicatorName } from '../../model/indicators';
import { VERDICT_LABEL } from '../../model/verdicts';
import type { Verdict } from '../../model/types';
import type { ApiContext } from './context';

type SettingHandlers = Pick<Handlers, 'settings.get' | 'settings.save' | 'audit.project'>;

type Payload = Record<string, unknown>;
const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : v == null ? '' : JSON.stringify(v);
const verdict = (v: unknown) => VERDICT_LABEL[v as Verdict] ?? str(v);
const where = (p: Payload) => `条件 ${str(p.conditionId)}${p.building ? `（${str(p.building)}）` : ''}`;
const count = (v: unknown) => (Array.isArray(v) ? v.length : Number(v) || 0);

/** What an audit row records, in one Chinese sentence. */
export function describeAudit(kind: string, p: Payload): string {
  switch (kind) {
    case 'project.create':
      return `创建项目“${str(p.name)}”${p.batchId ? '（批量审查）' : ''}`;
    case 'project.rename':
      return `项目改名：“${str(p.from)}”→“${str(p.to)}”`;
    case 'project.archive':
      return p.archived ? `归档项目“${str(p.name)}”` : `恢复项目“${str(p.name)}”`;
    case 'project.delete':
      return `删除项目“${str(p.name)}”`;
    case 'conditions.save':
      return `保存出让条件第 ${str(p.version)} 版（${str(p.conditions)} 条）${p.note ? `：${str(p.note)}` : ''}`;
    case 'import': {
      const typed = Array.isArray(p.typedValues) ? (p.typedValues as Payload[]) : [];
      if (p.corrects) {
        const t = typed.at(-1);
        return `更正第 ${str(p.version)} 次导入的指标表 ${str(p.fileName)}${t ? `（手工填写的数值 ${typed.length} 项，最近一项：${indicatorName(str(t.indicator))} ${str(t.value)}）` : ''}`;
      }
      return `导入指标表 ${str(p.fileName)}（第 ${str(p.version ?? 1)} 次导入）`;
    }
    case 'run':
      return `审查（出让条件第 ${str(p.conditionSetVersion)} 版）`;
    case 'override':
      return `改判 ${where(p)}：${verdict(p.from)} → ${verdict(p.to)}，理由：${str(p.reason)}`;
    case 'override.carry':
      if (count(p.kept) === 0) return `重新审查：${count(p.pending)} 项改判的证据有变化，待确认`;
      return `重新审查沿用改判 ${count(p.kept)} 项${count(p.pending) ? `，证据有变化待确认 ${count(p.pending)} 项` : ''}`;
    case 'override.decide':
      return `${p.decision === 'kept' ? '保留' : '不再沿用'}证据已变化的改判 ${where(p)}（${verdict(p.verdict)}，原理由：${str(p.reason)}）`;
    case 'report':
      return `出具报告 ${str(p.fileName)}`;
    case 'mapping.remember':
      return `记住单元格对应关系：${indicatorName(str(p.indicator))}${p.building ? `（${str(p.building)}）` : ''} → ${str(p.cell)}`;
    case 'mapping.forget':
      return `删除单元格对应关系：${indicatorName(str(p.indicator))}${p.building ? `（${str(p.building)}）` : ''} → ${str(p.cell)}`;
    case 'settings.user':
      return `设置操作人姓名：${str(p.to)}`;
    default:
      return kind;
  }
}

export function settingHandlers(ctx: ApiContext): SettingHandlers {
  const { db, mustProject } = ctx;
  return {
    'settings.get': async () => ({ userName: db().userName() }),
    'settings.save': async ({ userName }) => {
      db().setUserName(userName);
      return { userName: db().userName()! };
    },
    'audit.project': async ({ projectId, limit }) => {
      mustProject(projectId);
      const rows = db().auditLog({ projectId });
      return rows
        .reverse()
        .slice(0, limit ?? 500)
        .map((e): AuditRow => {
          const p = (e.payload && typeof e.payload === 'object' ? e.payload : {}) as Payload;
          return { id: e.id, at: e.at, kind: e.kind, what: describeAudit(e.kind, p), user: typeof p.user === 'string' ? p.user : null };
        });
    },
  };
}
