// Preload (sandboxed): exposes exactly one function, `invoke`, which forwards a call over IPC and
// returns its envelope unchanged (an error's kind would not survive the context bridge as a
// thrown Error); renderer/api.ts turns it into the value or a typed error.
import { contextBridge, ipcRenderer } from 'electron';
import type { Envelope, WireInvoke } from '../shared/api/contract';

const invoke: WireInvoke = async (method, input) => (await ipcRenderer.invoke('landcheck:invoke', method, input)) as Envelope<unknown>;

contextBridge.exposeInMainWorld('landcheck', { invoke } satisfies { invoke: WireInvoke });
