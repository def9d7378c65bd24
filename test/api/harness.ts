// The handlers over a fresh SQLite file per test file, called through `dispatch` exactly as
// IPC and HTTP call them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { StoreHolder } from '../../shared/api/store-holder';
import { createHandlers } from '../../shared/api/handlers';
import { dispatch } from '../../shared/api/dispatch';
import type { ApiInput, ApiOutputs, Envelope, Method } from '../../shared/api/contract';

export const ROOT = process.cwd();
export const SAMPLES = join(ROOT, 'seeds', 'samples');

export interface Harness {
  /** Temp folder of this test file (the database lives in it). */
  dir: string;
  holder: StoreHolder;
  /** The unwrapped answer; throws with the Chinese message on an error. */
  call: <M extends Method>(method: M, input: ApiInput<M>) => Promise<ApiOutputs[M]>;
  /** The raw envelope, for inputs that are meant to be refused. */
  raw: (method: string, input: unknown) => Promise<Envelope<unknown>>;
  /** The error message of a call that must fail. */
  callError: (method: string, input: unknown) => Promise<string>;
}

/** `userName`: the installation's user name set before the tests (null: never set). */
export function apiHarness(opts: { userName?: string | null } = {}): Harness {
  let handlers: ReturnType<typeof createHandlers>;
  const h: Harness = {
    dir: '',
    holder: null as unknown as StoreHolder,
    async call(method, input) {
      const env = await dispatch(handlers, method, input);
      if (!env.ok) throw new Error(env.error);
      return env.value as never;
    },
    raw: (method, input) => dispatch(handlers, method, input),
    async callError(method, input) {
      const env = await dispatch(handlers, method, input);
      if (env.ok) throw new Error(`expected an error from ${method}`);
      return env.error;
    },
  };
  beforeAll(() => {
    h.dir = mkdtempSync(join(tmpdir(), 'landcheck-api-'));
    h.holder = new StoreHolder(join(h.dir, 'app.sqlite'));
    handlers = createHandlers({ holder: h.holder, seedsDir: join(ROOT, 'seeds'), version: 'test' });
    const user = opts.userName === undefined ? '审查员甲' : opts.userName;
    if (user) h.holder.store.setUserName(user);
  });
  afterAll(() => {
    h.holder.close();
    rmSync(h.dir, { recursive: true, force: true });
  });
  return h;
}
