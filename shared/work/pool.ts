// Worker threads with a memory limit for the work on untrusted files (tasks.ts): a hostile file
// can exhaust a worker's heap or run too long, and then that worker is stopped and the caller
// gets one Chinese message — the app, the web host and every other request carry on.
//
// Workers are reused (a report needs its fonts loaded once), at most MAX_WORKERS at a time
// (further tasks wait their turn), stopped after IDLE_MS without work, and replaced after a task
// that left a large heap behind. Loading: from source (tsx, vitest) the worker is the TypeScript
// module next to this one, loaded through tsx's API; from a bundle (build/run-cli.mjs,
// build/build-electron.ts) it is the bundled WORKER_BUNDLE next to the bundle. docs/security.md.
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { startThread } from './thread';
import { InputError } from '../errors';
import { deserializeError, type TaskReply } from './protocol';
import type { TaskInput, TaskName, TaskOutput } from './tasks';

/**
 * File name of the bundled task worker, next to the bundle that uses it. CommonJS, so that each
 * task's libraries load on first use (an ESM bundle would load every library at start).
 */
export const WORKER_BUNDLE = 'landcheck-worker.cjs';

export const WORK_LIMITS = {
  /** V8 old-generation heap of one worker, in MB. */
  memoryMb: 512,
  /** One task, in ms. */
  timeoutMs: 120_000,
  /** Workers running at once (this is a 2-core class of machine). */
  maxWorkers: 2,
  /** An idle worker is stopped after this long. */
  idleMs: 15_000,
  /** A worker whose heap is above this after a task is replaced (returns the memory). */
  recycleHeapBytes: 200 * 1024 * 1024,
};

export interface TaskOptions {
  /** What is being done, for messages: "读取文件“a.xlsx”", "生成报告", "核验报告“r.pdf”". */
  doing: string;
  /** Heap limit of the worker, in MB (default WORK_LIMITS.memoryMb). */
  memoryMb?: number;
  timeoutMs?: number;
}

interface Slot {
  worker: Worker;
  memoryMb: number;
  ready: Promise<void>;
  busy: boolean;
  idle: NodeJS.Timeout | null;
  /** Settles the task in flight when the worker dies. */
  onDeath: ((e: Error) => void) | null;
  dead: boolean;
}

const slots: Slot[] = [];
const waiting: Array<() => void> = [];
let nextId = 1;

function spawn(memoryMb: number): Slot {
  const resourceLimits: ResourceLimits = { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 48, stackSizeMb: 4 };
  const worker = startThread(import.meta.url, './worker.ts', `./${WORKER_BUNDLE}`, { resourceLimits });
  const slot: Slot = { worker, memoryMb, ready: Promise.resolve(), busy: false, idle: null, onDeath: null, dead: false };
  slot.ready = new Promise<void>((resolve, reject) => {
    const onMsg = (m: unknown) => {
      if ((m as { ready?: boolean })?.ready) {
        worker.off('message', onMsg);
        resolve();
      }
    };
    worker.on('message', onMsg);
    slot.onDeath = (e) => reject(e);
  });
  slot.ready.catch(() => {});
  const die = (e: Error) => {
    if (slot.dead) return;
    slot.dead = true;
    if (slot.idle) clearTimeout(slot.idle);
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    slot.onDeath?.(e);
    slot.onDeath = null;
    wakeOne();
  };
  worker.on('error', (e) => die(e));
  worker.on('exit', (code) => die(Object.assign(new Error(`worker exited with code ${code}`), { code: 'WORKER_EXIT' })));
  slots.push(slot);
  return slot;
}

function wakeOne(): void {
  const w = waiting.shift();
  if (w) w();
}

async function acquire(memoryMb: number): Promise<Slot> {
  for (;;) {
    const idle = slots.find((s) => !s.busy && !s.dead && s.memoryMb === memoryMb);
    if (idle) {
      idle.busy = true;
      if (idle.idle) clearTimeout(idle.idle);
      idle.idle = null;
      idle.worker.ref();
      return idle;
    }
    if (slots.length < WORK_LIMITS.maxWorkers) {
      const s = spawn(memoryMb);
      s.busy = true;
      return s;
    }
    // A free worker with another heap limit is retired to make room.
    const other = slots.find((s) => !s.busy && !s.dead);
    if (other) {
      retire(other);
      continue;
    }
    await new Promise<void>((r) => waiting.push(r));
  }
}

function retire(slot: Slot): void {
  slot.dead = true;
  if (slot.idle) clearTimeout(slot.idle);
  const i = slots.indexOf(slot);
  if (i >= 0) slots.splice(i, 1);
  slot.onDeath = null;
  void slot.worker.terminate();
}

function release(slot: Slot, heapUsed: number): void {
  if (slot.dead) return wakeOne();
  slot.busy = false;
  slot.onDeath = null;
  if (heapUsed > WORK_LIMITS.recycleHeapBytes) {
    retire(slot);
  } else {
    slot.worker.unref();
    slot.idle = setTimeout(() => retire(slot), WORK_LIMITS.idleMs);
    slot.idle.unref();
  }
  wakeOne();
}

/**
 * Runs `task` in a worker thread with a heap limit and a time limit. Rejects with the task's own
 * error (InputError etc. rebuilt), or with an InputError naming what was being done when the
 * worker ran out of memory, overflowed its stack or took too long.
 */
export async function runTask<K extends TaskName>(task: K, input: TaskInput<K>, opts: TaskOptions): Promise<TaskOutput<K>> {
  const memoryMb = opts.memoryMb ?? WORK_LIMITS.memoryMb;
  const timeoutMs = opts.timeoutMs ?? WORK_LIMITS.timeoutMs;
  const slot = await acquire(memoryMb);
  const id = nextId++;
  let heapUsed = 0;
  let timer: NodeJS.Timeout | null = null;
  try {
    const result = await new Promise<unknown>((resolve, reject) => {
      slot.onDeath = (e) => reject(e);
      const onMessage = (m: TaskReply) => {
        if (m?.id !== id) return;
        slot.worker.off('message', onMessage);
        heapUsed = m.heapUsed;
        if (m.ok) resolve(m.value);
        else reject(deserializeError(m.error));
      };
      slot.worker.on('message', onMessage);
      timer = setTimeout(() => {
        reject(Object.assign(new Error('timeout'), { code: 'WORKER_TIMEOUT' }));
        retire(slot);
      }, timeoutMs);
      slot.ready.then(
        () => slot.worker.postMessage({ id, task, input }),
        (e) => reject(e),
      );
    });
    return result as TaskOutput<K>;
  } catch (e) {
    throw translate(e, opts.doing, memoryMb, timeoutMs);
  } finally {
    if (timer) clearTimeout(timer);
    release(slot, heapUsed);
  }
}

function translate(e: unknown, doing: string, memoryMb: number, timeoutMs: number): unknown {
  const code = (e as { code?: string })?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new InputError(`${doing}时超出内存上限（${memoryMb} MB），已停止处理：文件过大或结构异常。请确认文件内容，或删除无关的数据后再试`, undefined, undefined, 'too_large');
  }
  if (code === 'WORKER_TIMEOUT') {
    return new InputError(`${doing}超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已停止处理：文件过大或结构异常`, undefined, undefined, 'too_large');
  }
  if (e instanceof RangeError || (e as Error)?.name === 'RangeError') {
    return new InputError(`${doing}时发现结构嵌套过深或内容过大，无法完成，已停止处理`, undefined, undefined, 'too_large');
  }
  if (code === 'WORKER_EXIT' || code === 'ERR_WORKER_INIT_FAILED') {
    return new InputError(`${doing}时后台处理线程意外停止，已停止处理，请重试`);
  }
  return e;
}

/** Stops every worker (web host shutdown, app quit, tests). */
export async function stopWorkers(): Promise<void> {
  const all = slots.splice(0, slots.length);
  for (const s of all) {
    s.dead = true;
    if (s.idle) clearTimeout(s.idle);
    s.onDeath?.(Object.assign(new Error('stopped'), { code: 'WORKER_EXIT' }));
  }
  await Promise.all(all.map((s) => s.worker.terminate()));
}

/** Workers alive right now (tests). */
export function workerCount(): number {
  return slots.length;
}
