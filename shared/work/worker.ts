// Entry of a task worker thread (spawned by shared/work/pool.ts): runs one task at a time and
// answers with its value, or with the error as plain data (InputError/StoreError keep their
// Chinese message and their file). Bundled as dist/<cli|electron>/landcheck-worker.cjs (build/worker-bundle.mjs).
import { parentPort } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { tasks, type TaskName } from './tasks';
import { serializeError, type TaskReply, type TaskRequest } from './protocol';

const port = parentPort;
if (!port) throw new Error('shared/work/worker.ts must run in a worker thread');

const answer = async (req: TaskRequest): Promise<void> => {
  let reply: TaskReply;
  try {
    const fn = tasks[req.task as TaskName] as (input: unknown) => Promise<unknown>;
    if (typeof fn !== 'function') throw new Error(`unknown task ${String(req.task)}`);
    const value = await fn(req.input);
    reply = { id: req.id, ok: true, value, heapUsed: getHeapStatistics().used_heap_size };
  } catch (e) {
    reply = { id: req.id, ok: false, error: serializeError(e), heapUsed: getHeapStatistics().used_heap_size };
  }
  port.postMessage(reply);
};

port.on('message', (req: TaskRequest) => void answer(req));
port.postMessage({ ready: true });
