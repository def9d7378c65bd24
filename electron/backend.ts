// The app's backend thread: the project database, the handlers and `dispatch`, off the Electron
// main process, so long imports, reports and batches never freeze the window (the main process
// only forwards IPC calls here, electron/backend-client.ts). Parsing files and building
// documents goes one step further, into memory-limited task workers (shared/work/).
// Must not import `electron`: it runs in a plain worker thread. Bundled as
// dist/electron/landcheck-backend.mjs (build/build-electron.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { StoreHolder } from '../shared/api/store-holder';
import { createHandlers } from '../shared/api/handlers';
import { dispatch } from '../shared/api/dispatch';
import { ENGINE } from '../shared/check/versions';
import { stopWorkers } from '../shared/work/pool';
import { openLog } from '../shared/log/index';
import { logDatabaseFailed, logDatabaseOpened, schemaVersionOnDisk } from '../shared/log/startup';
import type { BackendData, BackendReply, BackendRequest } from './backend-protocol';

const port = parentPort;
if (!port) throw new Error('electron/backend.ts must run in a worker thread');
const data = workerData as BackendData;

// Unexpected errors of the handlers, and the database's opening and migration, go to the log file.
if (data.logDir) openLog(data.logDir);
const before = schemaVersionOnDisk(data.dbPath);
let holder: StoreHolder | null = null;
try {
  holder = new StoreHolder(data.dbPath);
  logDatabaseOpened(data.dbPath, before, holder.audit);
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  logDatabaseFailed(data.dbPath, message);
  port.postMessage({ type: 'fatal', message } satisfies BackendReply);
}

if (holder) {
  const open = holder;
  const handlers = createHandlers({ holder: open, seedsDir: data.seedsDir, version: ENGINE.version });
  const answer = async (m: BackendRequest): Promise<void> => {
    if (m.type === 'call') {
      const envelope = await dispatch(handlers, m.method, m.input);
      try {
        port.postMessage({ type: 'reply', id: m.id, envelope } satisfies BackendReply);
      } catch {
        port.postMessage({ type: 'reply', id: m.id, envelope: { ok: false, error: '结果无法传回界面（内容过于复杂）', kind: 'internal' } } satisfies BackendReply);
      }
    } else if (m.type === 'close') {
      open.close();
      await stopWorkers();
      port.postMessage({ type: 'closed' } satisfies BackendReply);
    }
  };
  port.on('message', (m: BackendRequest) => void answer(m));
  port.postMessage({ type: 'ready', audit: open.audit } satisfies BackendReply);
}
