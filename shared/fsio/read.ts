// Reading a user's input file with a hard cap: only regular files are read (never a device such
// as /dev/zero, a FIFO that would block forever, or a folder), and never more than `maxBytes`.
// The file is opened non-blocking and checked on the open descriptor (fstat), so a path swapped
// between a check and the read cannot slip a device in. See docs/security.md ("Limits").
import { closeSync, constants, fstatSync, openSync, promises as fsp, readSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../errors';

export interface ReadLimits {
  /** Largest size accepted, in bytes. */
  maxBytes: number;
  /** What the file is, for messages: "指标表", "条件文件", "报告文件", "签名证书", "印章图片". */
  what: string;
  /** The message for a missing file, when a caller already has its own wording. */
  missing?: string;
}

const MB = 1024 * 1024;

/** Human size for messages: "12.3 MB", "850 KB". */
export function sizeText(n: number): string {
  if (n >= MB) return `${(n / MB).toFixed(n >= 10 * MB ? 0 : 1)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}

/** O_NONBLOCK keeps open() of a FIFO from waiting for a writer; it does not exist on Windows. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The whole content of a regular file of at most `maxBytes` bytes; InputError (Chinese, naming
 * the file) for a missing file, a folder, a device, a FIFO or socket, or a file that is too big.
 */
export async function readInputFile(path: string, limits: ReadLimits): Promise<Buffer> {
  const { what, maxBytes } = limits;
  const name = basename(path) || path;
  let fh: fsp.FileHandle;
  try {
    fh = await fsp.open(path, OPEN_FLAGS);
  } catch (e) {
    throw openError(e, path, name, what, limits.missing);
  }
  try {
    const buf = sizedBuffer(await fh.stat(), path, name, what, maxBytes);
    let got = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, got, buf.length - got, null);
      if (bytesRead === 0) break;
      got += bytesRead;
      if (got === buf.length) break;
    }
    checkGot(got, path, name, what, maxBytes);
    return buf.subarray(0, got);
  } catch (e) {
    throw readError(e, path, name, what);
  } finally {
    await fh.close().catch(() => {});
  }
}

/** `readInputFile` for synchronous callers (same checks, same messages). */
export function readInputFileSync(path: string, limits: ReadLimits): Buffer {
  const { what, maxBytes } = limits;
  const name = basename(path) || path;
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    throw openError(e, path, name, what, limits.missing);
  }
  try {
    const buf = sizedBuffer(fstatSync(fd), path, name, what, maxBytes);
    let got = 0;
    for (;;) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got === buf.length) break;
    }
    checkGot(got, path, name, what, maxBytes);
    return buf.subarray(0, got);
  } catch (e) {
    throw readError(e, path, name, what);
  } finally {
    closeSync(fd);
  }
}

/** Sizes of the small inputs (docs/security.md). */
export const INPUT_LIMITS = {
  /** A PKCS#12 certificate file (real ones: a few KB). */
  certificateBytes: 1024 * 1024,
  /** A seal image. */
  sealPngBytes: 5 * 1024 * 1024,
  /** A report PDF to verify. */
  reportPdfBytes: 60 * 1024 * 1024,
};

/**
 * A buffer for a regular file of at most `maxBytes` (one byte more, so that a file growing while it
 * is read is still caught); InputError for a folder, a device, a FIFO or socket, or a file too big.
 */
function sizedBuffer(st: { isDirectory(): boolean; isFile(): boolean; size: number }, path: string, name: string, what: string, maxBytes: number): Buffer {
  if (st.isDirectory()) throw new InputError(`${what}“${path}”是一个文件夹，不是文件`, name);
  if (!st.isFile()) throw new InputError(`${what}“${path}”不是普通文件（是设备、管道或套接字等特殊文件），已拒绝读取`, name);
  if (st.size > maxBytes) throw tooBig(path, name, what, st.size, maxBytes);
  return Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
}

/** After the read: more than `maxBytes` came (the file grew). */
function checkGot(got: number, path: string, name: string, what: string, maxBytes: number): void {
  if (got > maxBytes) throw tooBig(path, name, what, got, maxBytes);
}

/** Any failure while reading, as one InputError naming the file. */
function readError(e: unknown, path: string, name: string, what: string): InputError {
  if (e instanceof InputError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return new InputError(`${what}“${path}”是一个文件夹，不是文件`, name);
  return new InputError(`无法读取${what}“${path}”（${code ?? '读取失败'}）`, name);
}

function tooBig(path: string, name: string, what: string, size: number, max: number): InputError {
  return new InputError(`${what}“${path}”过大（${sizeText(size)}），超过 ${sizeText(max)} 上限，请确认是否选错了文件`, name, undefined, 'too_large');
}

function openError(e: unknown, path: string, name: string, what: string, missing?: string): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new InputError(missing ?? `找不到${what}“${path}”，请检查路径`, name, undefined, 'not_found');
    case 'EACCES':
    case 'EPERM':
      return new InputError(`没有权限读取${what}“${path}”`, name);
    case 'EISDIR':
      return new InputError(`${what}“${path}”是一个文件夹，不是文件`, name);
    case 'ENXIO':
    case 'EOPNOTSUPP':
      return new InputError(`${what}“${path}”不是普通文件（是设备、管道或套接字等特殊文件），已拒绝读取`, name);
    default:
      return new InputError(`无法读取${what}“${path}”（${code ?? '打开失败'}）`, name);
  }
}
