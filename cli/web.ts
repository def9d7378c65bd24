// npm run web -- [--db 文件.sqlite] [--port 4173] [--static dist/renderer]
// The local web host: the app's handlers over HTTP on 127.0.0.1 (for tests, and for use without
// Electron). Prints "LISTENING <url>" once ready; the url carries this start's secret
// (http://127.0.0.1:<port>/#token=…), which every API call must send (docs/security.md).
// The log file (shared/log/) is <folder of the database>/logs/landcheck.log.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { StoreHolder } from '../shared/api/store-holder';
import { createHandlers } from '../shared/api/handlers';
import { startWebHost } from '../shared/api/http';
import { stopWorkers } from '../shared/work/pool';
import { ENGINE } from '../shared/check/versions';
import { openLog } from '../shared/log/index';
import { logDatabaseFailed, logDatabaseOpened, logStart, schemaVersionOnDisk } from '../shared/log/startup';
import { dataDir, failInput, parseArgs, runMain } from './common';

const USAGE = 'npm run web -- [--db 数据库.sqlite] [--port 端口] [--static 界面目录]';

runMain(async () => {
  const args = parseArgs(process.argv.slice(2), ['db', 'port', 'static'], [], USAGE);
  const db = resolve(String(args.flags.get('db') ?? join(dataDir(), 'landcheck.sqlite')));
  const port = Number(args.flags.get('port') ?? 4173);
  if (!Number.isInteger(port) || port < 0 || port > 65535) failInput(`端口无效：${String(args.flags.get('port'))}`);
  mkdirSync(dirname(db), { recursive: true });
  openLog(join(dirname(db), 'logs'));
  logStart('web', ENGINE.version, { db });
  const before = schemaVersionOnDisk(db);
  let holder: StoreHolder;
  try {
    holder = new StoreHolder(db);
  } catch (e) {
    logDatabaseFailed(db, e instanceof Error ? e.message : String(e));
    throw e;
  }
  logDatabaseOpened(db, before, holder.audit);
  const root = resolve(import.meta.dirname, '..');
  const handlers = createHandlers({ holder, seedsDir: join(root, 'seeds'), version: ENGINE.version });
  const staticDir = resolve(String(args.flags.get('static') ?? join(root, 'dist', 'renderer')));
  const audit = holder.audit;
  if (!audit.ok) process.stderr.write(`警告：数据库 ${db} 的审计日志不完整——${audit.message}\n`);
  const { server, pageUrl } = await startWebHost({ handlers, staticDir, port });
  process.stdout.write(`LISTENING ${pageUrl}\n`);
  const stop = () => {
    server.close();
    holder.close();
    void stopWorkers().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise<number>(() => {});
}, 'web');
