// Messages between the Electron main process and its backend thread (electron/backend.ts).
import type { Envelope } from '../shared/api/contract';
import type { ChainVerdict } from '../shared/store/index';

export interface BackendData {
  dbPath: string;
  seedsDir: string;
  /** Folder of the log file (shared/log/); absent: no log. */
  logDir?: string;
}

export type BackendRequest = { type: 'call'; id: number; method: unknown; input: unknown } | { type: 'close' };

export type BackendReply =
  | { type: 'ready'; audit: ChainVerdict }
  | { type: 'fatal'; message: string }
  | { type: 'reply'; id: number; envelope: Envelope<unknown> }
  | { type: 'closed' };
