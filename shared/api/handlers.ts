// The API handlers: plain async functions over the store, the importer, the engine and the
// report, one module per area under handlers/ (projects, conditions, imports, runs, reports,
// store, batches, settings). Mounted on IPC by electron/main.ts and on HTTP by shared/api/http.ts, both
// through `dispatch` (dispatch.ts).
import type { Handlers } from './contract';
import { createApiContext, type HandlerDeps } from './handlers/context';
import { projectHandlers } from './handlers/projects';
import { conditionHandlers } from './handlers/conditions';
import { importHandlers } from './handlers/imports';
import { runHandlers } from './handlers/runs';
import { reportHandlers } from './handlers/reports';
import { storeHandlers } from './handlers/store';
import { batchHandlers } from './handlers/batches';
import { settingHandlers } from './handlers/settings';

export type { HandlerDeps } from './handlers/context';
export { localDate } from './handlers/store';

export function createHandlers(deps: HandlerDeps): Handlers {
  const ctx = createApiContext(deps);
  return {
    ...projectHandlers(ctx),
    ...conditionHandlers(ctx),
    ...importHandlers(ctx),
    ...runHandlers(ctx),
    ...reportHandlers(ctx),
    ...storeHandlers(ctx),
    ...batchHandlers(ctx),
    ...settingHandlers(ctx),
  };
}
