// Batch checking for review agencies: many workbooks, one saved batch, progress, cancel.
// Items run one after another, yielding to the event loop between items so status polls and
// cancel requests are answered while the batch runs. Each workbook's result is written to the
// store as it completes (its own project inside the batch), so nothing is lost when the user
// leaves the screen; the runner itself only remembers which batches are running in this session.
import type { ConditionsDoc } from '../model/types';
import { ApiError, userMessage } from './dispatch';

export interface BatchItemInput {
  fileName: string;
  bytes: Uint8Array;
  conditions?: ConditionsDoc;
}

export interface BatchMeta {
  name: string;
  /** The report organisation chosen at start (kept with the batch). */
  org?: unknown;
}

export interface BatchDeps {
  validate: (doc: unknown, label?: string) => ConditionsDoc;
  /** Creates the saved batch (all items pending); returns its id. */
  create: (fileNames: string[], meta: BatchMeta) => number;
  /** Checks one workbook and saves it as a project of the batch; returns the project's id. */
  process: (batchId: number, item: { fileName: string; bytes: Uint8Array; conditions: ConditionsDoc }) => Promise<number>;
  complete: (batchId: number, position: number, r: { status: 'done' | 'error' | 'cancelled'; error?: string; projectId?: number }) => void;
  finish: (batchId: number, status: 'finished' | 'cancelled') => void;
}

export function createBatchRunner(deps: BatchDeps) {
  /** Batches running in this session, with their cancel flag. */
  const running = new Map<number, { cancelled: boolean }>();

  async function run(batchId: number, items: BatchItemInput[], shared: ConditionsDoc | undefined, state: { cancelled: boolean }): Promise<void> {
    try {
      for (let i = 0; i < items.length; i++) {
        const item = items[i]!;
        await new Promise((r) => setImmediate(r));
        if (state.cancelled) {
          deps.complete(batchId, i, { status: 'cancelled' });
          continue;
        }
        try {
          const doc = item.conditions ? deps.validate(item.conditions, `${item.fileName} 的条件`) : shared;
          if (!doc) throw new ApiError(`${item.fileName}：没有条件文件（请为该文件指定条件，或为整批指定一份条件）`);
          const projectId = await deps.process(batchId, { fileName: item.fileName, bytes: item.bytes, conditions: doc });
          deps.complete(batchId, i, { status: 'done', projectId });
        } catch (e) {
          deps.complete(batchId, i, { status: 'error', error: userMessage(e) });
        }
        items[i] = { ...item, bytes: new Uint8Array(0) }; // keep memory flat over large batches
      }
      deps.finish(batchId, state.cancelled ? 'cancelled' : 'finished');
    } finally {
      running.delete(batchId);
    }
  }

  return {
    start(items: BatchItemInput[], conditions: ConditionsDoc | undefined, meta: BatchMeta): { batchId: number } {
      const shared = conditions ? deps.validate(conditions, '整批条件') : undefined;
      const missing = items.filter((i) => !i.conditions && !shared).map((i) => i.fileName);
      if (missing.length) throw new ApiError(`以下指标表没有条件文件，请为整批指定一份条件：${missing.join('、')}`);
      const batchId = deps.create(
        items.map((i) => i.fileName),
        meta,
      );
      const state = { cancelled: false };
      running.set(batchId, state);
      void run(batchId, items, shared, state);
      return { batchId };
    },
    isRunning: (batchId: number) => running.has(batchId),
    anyRunning: () => running.size > 0,
    cancel(batchId: number): void {
      const state = running.get(batchId);
      if (state) state.cancelled = true;
    },
  };
}
