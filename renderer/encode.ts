// DOM-free helpers for files and display (base64, types, sizes, times, JSON errors, PDF pages).
// Kept apart from files.ts so Node-side unit tests can import them without the DOM lib.

export async function fileToBase64(file: Blob): Promise<string> {
  const buf = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < buf.length; i += CHUNK) bin += String.fromCharCode(...buf.subarray(i, i + CHUNK));
  return btoa(bin);
}

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};

export function mimeOf(fileName: string): string {
  const ext = fileName.split('.').pop()?.toLowerCase() ?? '';
  return MIME[ext] ?? 'application/octet-stream';
}

/** "2025-03-10T01:00:00Z" → "2025-03-10 09:00" (local time). */
export function formatTime(iso: string | undefined | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Where a JSON text is broken, in Chinese ("第 3 行第 14 列附近格式错误" / "内容不完整"). */
export function jsonErrorWhere(text: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : '';
  const pos = /position (\d+)/.exec(msg);
  if (pos) {
    const before = text.slice(0, Number(pos[1]));
    const line = before.split('\n').length;
    const col = before.length - before.lastIndexOf('\n');
    return `第 ${line} 行第 ${col} 列附近格式错误`;
  }
  if (/end of JSON|Unterminated|Unexpected end/i.test(msg) || text.trim() === '') return '内容不完整（文件可能被截断或为空）';
  return '格式错误';
}

/**
 * Number of pages of a PDF (enough for a summary line). Counts distinct page objects, the last
 * definition of each object winning: an incremental update (a digital signature) writes a page
 * object again under the same number, and must not count it twice.
 */
export function pdfPageCount(bytes: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(bytes);
  const isPage = new Map<string, boolean>();
  for (const m of text.matchAll(/(\d+)\s+\d+\s+obj\b([\s\S]*?)endobj/g)) {
    const dict = m[2]!.split('stream')[0]!;
    isPage.set(m[1]!, /\/Type\s*\/Page(?![s\w])/.test(dict));
  }
  let n = 0;
  for (const v of isPage.values()) if (v) n++;
  return n;
}
