// What every area of the API handlers shares: the current store (a restore replaces it), the
// seeds folder, and lookups that answer a missing record with one Chinese ApiError.
import type { Store } from '../../store/index';
import type { ConditionsDoc } from '../../model/types';
import type { StoreHolder } from '../store-holder';
import type { ProjectRow } from '../contract';
import { ApiError } from '../dispatch';
import { validateConditions } from '../../conditions/index';
import { applyOverrides } from '../../check/overrides';

export interface HandlerDeps {
  /** The open database; replaced as a whole by a restore. */
  holder: StoreHolder;
  /** The repository's seeds/ folder (templates and samples). */
  seedsDir: string;
  version: string;
}

export type Project = ReturnType<Store['createProject']>;

/** Plain functions (no `this`), so handlers may take them out of the context. */
export interface ApiContext {
  deps: HandlerDeps;
  /** The current store (a restore replaces it). */
  db: () => Store;
  mustProject: (id: number) => Project;
  /** The run with its overrides applied (`run`), and the overrides themselves. */
  mustRun: (runId: number) => NonNullable<ReturnType<Store['getRun']>>;
  /** A condition document validated in depth (Chinese messages naming the condition). */
  validate: (doc: unknown, label?: string) => ConditionsDoc;
  /** The installation's user name; ApiError when it was never set (judgments need a name). */
  requireUser: (what: string) => string;
}

export function createApiContext(deps: HandlerDeps): ApiContext {
  const db = (): Store => deps.holder.store;
  return {
    deps,
    db,
    mustProject: (id) => {
      const p = db().getProject(id);
      if (!p) throw new ApiError(`项目 ${id} 不存在（可能已被删除）`, 'not_found');
      return p;
    },
    mustRun: (runId) => {
      const r = db().getRun(runId);
      if (!r) throw new ApiError(`审查记录 ${runId} 不存在`, 'not_found');
      return { ...r, run: applyOverrides(r.run, r.overrides) };
    },
    validate: (doc, label = '条件') => validateConditions(doc, label),
    requireUser: (what) => {
      const user = db().userName();
      if (!user) throw new ApiError(`${what}需要记录操作人：请先在“设置”中填写您的姓名`);
      return user;
    },
  };
}

export function projectRow(p: Project): ProjectRow {
  return {
    id: p.id,
    name: p.name,
    parcel: p.parcel ?? null,
    archived: p.archived,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    lastOverall: p.lastOverall,
    ...(p.batchId !== undefined ? { batchId: p.batchId } : {}),
  };
}

export const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
export const fromB64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));
