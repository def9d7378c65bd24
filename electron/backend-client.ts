// The main process's side of the backend thread (electron/backend.ts): starts it, forwards each
// IPC call with an id and resolves the answer; if the thread dies, pending calls get a Chinese
// error and a new thread is started for the next call. Free of any `electron` import (tested
// without Electron).
import type { Worker } from 'node:worker_threads';
import type { Envelope } from '../shared/api/contract';
import type { ChainVerdict } from '../shared/store/index';
import { startThread } from '../shared/work/thread';
import type { BackendData, BackendReply } from './backend-protocol';

export const BACKEND_BUNDLE = 'landcheck-backend.mjs';

export interface Backend {
  /** Resolves once the database is open (with its audit chain verdict); rejects with the reason it could not be opened. */
  ready: Promise<ChainVerdict>;
  call(method: unknown, input: unknown): Promise<Envelope<unknown>>;
  close(): Promise<void>;
}

/** `here`: import.meta.url of the caller (electron/main.ts or its bundle), next to which the backend lives. */
export function startBackend(here: string, data: BackendData): Backend {
  let worker: Worker;
  let nextId = 1;
  const pending = new Map<number, (e: Envelope<unknown>) => void>();
  let closing = false;
  /** A thread that dies before it is ready (database cannot be opened) is not restarted. */
  let started = false;
  let readyResolve!: (a: ChainVerdict) => void;
  let readyReject!: (e: Error) => void;
  const ready = new Promise<ChainVerdict>((res, rej) => {
    readyResolve = res;
    readyReject = rej;
  });
  ready.catch(() => {});

  const spawn = () => {
    worker = startThread(here, './backend.ts', `./${BACKEND_BUNDLE}`, { workerData: data });
    const w = worker;
    w.on('message', (m: BackendReply) => {
      if (m.type === 'ready') {
        started = true;
        readyResolve(m.audit);
      } else if (m.type === 'fatal') {
        closing = true;
        readyReject(new Error(m.message));
      }
      else if (m.type === 'reply') {
        const done = pending.get(m.id);
        pending.delete(m.id);
        done?.(m.envelope);
      }
    });
    const died = () => {
      if (w !== worker) return;
      for (const done of pending.values()) done({ ok: false, error: '后台服务意外停止，已重新启动，请重试', kind: 'internal' });
      pending.clear();
      readyReject(new Error('后台服务未能启动'));
      if (!closing && started) spawn();
    };
    w.on('error', died);
    w.on('exit', died);
  };
  spawn();

  return {
    ready,
    call(method, input) {
      return new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        try {
          worker.postMessage({ type: 'call', id, method, input });
        } catch {
          pending.delete(id);
          resolve({ ok: false, error: '请求内容嵌套过深或无法传递，已拒绝', kind: 'invalid' });
        }
      });
    },
    async close() {
      closing = true;
      const w = worker;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 5000);
        w.on('message', (m: BackendReply) => {
          if (m.type === 'closed') {
            clearTimeout(t);
            resolve();
          }
        });
        w.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
        try {
          w.postMessage({ type: 'close' });
        } catch {
          resolve();
        }
      });
      await w.terminate();
    },
  };
}
