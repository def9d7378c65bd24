// Preload (sandboxed): exposes exactly one function, `invoke`, which satisfies the API contract.
import { contextBridge, ipcRenderer } from 'electron';
import type { Envelope, Invoke } from '../shared/api/contract';

const invoke: Invoke = async (method, input) => {
  const envelope = (await ipcRenderer.invoke('landcheck:invoke', method, input)) as Envelope<never>;
  if (envelope.ok) return envelope.value;
  throw new Error(envelope.error);
};

contextBridge.exposeInMainWorld('landcheck', { invoke } satisfies { invoke: Invoke });
