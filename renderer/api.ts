// The renderer's only door to the core: `invoke(method, input)`.
// In Electron the preload exposes window.landcheck.invoke (the envelope as the backend made it);
// in a browser we POST to the local web host's /api/<method>. Either way an error comes back as
// an `InvokeError` carrying the kind the core gave it (shared/errors.ts) and its Chinese message.
import type { Envelope, Invoke, WireInvoke } from '../shared/api/contract';
import { InvokeError, unwrap } from './invoke-error';

export { InvokeError, unwrap };

declare global {
  interface Window {
    landcheck?: { invoke: WireInvoke };
  }
}

/**
 * The local web host's per-start secret: given once in the address (`#token=…`, which is never
 * sent to a server), kept for this tab (reloads) and removed from the address bar.
 */
function webToken(): string {
  const KEY = 'landcheck.token';
  try {
    const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
    if (m) {
      sessionStorage.setItem(KEY, m[1]);
      history.replaceState(null, '', window.location.pathname + window.location.search);
    }
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

/** Read at load, so the secret leaves the address bar before anything else runs. */
const token = typeof window !== 'undefined' && !window.landcheck ? webToken() : '';

const httpInvoke: Invoke = async (method, input) => {
  let res: Response;
  try {
    res = await fetch('/api/' + method, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-LandCheck-Token': token },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    throw new InvokeError('internal', '无法连接本地审查服务，请确认程序仍在运行后重试');
  }
  let envelope: Envelope<unknown>;
  try {
    envelope = (await res.json()) as Envelope<unknown>;
  } catch {
    if (res.status === 413) throw new InvokeError('too_large', '文件过大，无法上传');
    throw new InvokeError('internal', `本地审查服务返回了无法识别的应答（HTTP ${res.status}）`);
  }
  return unwrap(envelope);
};

export const invoke: Invoke = async (method, input) => {
  const bridge = window.landcheck?.invoke;
  return bridge ? unwrap(await bridge(method, input)) : httpInvoke(method, input);
};

/**
 * The Chinese message of anything thrown by `invoke` (never a stack trace); an internal failure
 * also says where to find the log file.
 */
export function errorText(e: unknown): string {
  if (e instanceof InvokeError && e.kind === 'internal' && e.message.includes('日志文件')) return `${e.message}日志文件的位置见“关于与审计”。`;
  if (e instanceof Error && e.message) return e.message;
  return '操作失败，请重试';
}
