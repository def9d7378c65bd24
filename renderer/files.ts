// Files travel as base64 strings; downloads are Blob + <a download> (Chromium and Electron).
import { base64ToBytes, jsonErrorWhere, mimeOf } from './encode';

export * from './encode';

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadBase64(b64: string, fileName: string): void {
  downloadBlob(new Blob([base64ToBytes(b64)], { type: mimeOf(fileName) }), fileName);
}

export function downloadJson(value: unknown, fileName: string): void {
  downloadBlob(new Blob([JSON.stringify(value, null, 2) + '\n'], { type: 'application/json' }), fileName);
}

export async function readJsonFile(file: File): Promise<unknown> {
  const text = await file.text();
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch (e) {
    throw new Error(`文件 ${file.name} 不是有效的 JSON：${jsonErrorWhere(body, e)}`);
  }
}
