// The zip central directory of an xlsx package and the inflation of one entry (docs/security.md,
// "Limits"): entry count, encryption, compression method, declared sizes and ratios are checked
// before anything is inflated; an entry is inflated whole or as a stream, never beyond its declared size.
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { InputError } from '../errors';
import type { WorkbookLimits } from './guard';

export const MB = 1024 * 1024;

export function corrupt(file: string, why: string): InputError {
  return new InputError(`文件“${file}”已损坏或不是有效的 .xlsx 文件（${why}），请在 Excel 中打开确认后重新保存`, file, undefined, 'bad_file');
}

export function bomb(file: string, why: string): InputError {
  return new InputError(`文件“${file}”解压后过大（${why}），疑似压缩炸弹或异常文件，已拒绝读取`, file, undefined, 'too_large');
}

export const num = (n: number) => n.toLocaleString('en-US');


// ------------------------------------------------------------------ zip directory

export interface Entry {
  /** The name as exceljs sees it: decoded as UTF-8, "." and ".." resolved (JSZip's reading). */
  name: string;
  /** A folder entry (by its attributes; a name ending in "/" is not listed at all): exceljs skips it. */
  dir: boolean;
  method: number;
  csize: number;
  usize: number;
  local: number;
}

/** Reads the central directory (EOCD, ZIP64 when present) and checks what it declares. */
export function readDirectory(buf: Buffer, file: string, limits: WorkbookLimits): Entry[] {
  const n = buf.length;
  if (n < 22) throw corrupt(file, '找不到 zip 目录');
  // EOCD: signature 0x06054b50, searched backwards over the 64 KB comment window.
  let eocd = -1;
  const stop = Math.max(0, n - 22 - 0xffff);
  for (let i = n - 22; i >= stop; i--) {
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf[i + 2] === 0x05 && buf[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(file, '找不到 zip 目录');
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64 end of central directory locator sits right before the EOCD.
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== 0x07064b50) throw corrupt(file, 'ZIP64 目录缺失');
    const z = Number(buf.readBigUInt64LE(loc + 8));
    if (z < 0 || z + 56 > n || buf.readUInt32LE(z) !== 0x06064b50) throw corrupt(file, 'ZIP64 目录损坏');
    count = Number(buf.readBigUInt64LE(z + 32));
    cdSize = Number(buf.readBigUInt64LE(z + 40));
    cdOffset = Number(buf.readBigUInt64LE(z + 48));
  }
  if (count === 0) throw new InputError(`文件“${file}”是空的 zip 包，不是 Excel 工作簿（.xlsx）`, file);
  if (count > limits.maxEntries) {
    throw new InputError(`文件“${file}”包含 ${num(count)} 个压缩条目，超过 ${num(limits.maxEntries)} 个的上限，不是正常的 Excel 工作簿，已拒绝读取`, file);
  }
  if (cdOffset + cdSize > n) throw corrupt(file, 'zip 目录越界');

  const entries: Entry[] = [];
  let total = 0;
  let compressed = 0;
  let p = cdOffset;
  const max = limits.maxUncompressedBytes;
  for (let k = 0; k < count; k++) {
    if (p + 46 > n || buf.readUInt32LE(p) !== 0x02014b50) throw corrupt(file, 'zip 目录项损坏');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let csize = buf.readUInt32LE(p + 20);
    let usize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const madeBy = buf[p + 5];
    const attrs = buf.readUInt32LE(p + 38);
    let local = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen > n) throw corrupt(file, 'zip 目录项损坏');
    const name = resolveName(buf.toString('utf8', p + 46, p + 46 + nameLen));
    if (usize === 0xffffffff || csize === 0xffffffff || local === 0xffffffff) {
      // ZIP64 extended information extra field (id 0x0001): values in the fixed order.
      let e = p + 46 + nameLen;
      const end = Math.min(e + extraLen, n);
      while (e + 4 <= end) {
        const id = buf.readUInt16LE(e);
        const len = buf.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (usize === 0xffffffff && q + 8 <= end) { usize = Number(buf.readBigUInt64LE(q)); q += 8; }
          if (csize === 0xffffffff && q + 8 <= end) { csize = Number(buf.readBigUInt64LE(q)); q += 8; }
          if (local === 0xffffffff && q + 8 <= end) local = Number(buf.readBigUInt64LE(q));
          break;
        }
        e += 4 + len;
      }
    }
    if (flags & 0x0001) {
      throw new InputError(`文件“${file}”中的“${name}”已加密，无法读取。请在 Excel 中取消密码保护后另存为 .xlsx 再试`, file);
    }
    if (method !== 0 && method !== 8) throw corrupt(file, `“${name}”使用了不支持的压缩方式 ${method}`);
    if (method === 0 && csize !== usize) throw corrupt(file, `“${name}”的大小与目录不符`);
    total += usize;
    compressed += csize;
    if (total > max) throw bomb(file, `解压总大小超过 ${Math.round(max / MB)} MB 上限`);
    if (usize > limits.minRatioBytes && usize / Math.max(csize, 1) > limits.maxRatio) {
      throw bomb(file, `“${name}”压缩比 ${Math.round(usize / Math.max(csize, 1))}:1 异常`);
    }
    if (!name.endsWith('/')) entries.push({ name, dir: isFolder(madeBy, attrs), method, csize, usize, local });
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (total > limits.minOverallRatioBytes && total / Math.max(compressed, 1) > limits.maxOverallRatio) {
    throw bomb(file, `整体压缩比 ${Math.round(total / Math.max(compressed, 1))}:1 异常`);
  }
  return entries;
}

/** JSZip's folder test: the DOS folder attribute, or the Unix one (S_IFDIR) from a Unix zip. */
function isFolder(madeBy: number, attrs: number): boolean {
  return (attrs & 0x10) !== 0 || (madeBy === 3 && ((attrs >>> 16) & 0x4000) !== 0);
}

/**
 * A part name the way JSZip 3 (exceljs's reader) resolves it: "." segments and empty inner
 * segments dropped, ".." removes the previous one ("xl/worksheets/../worksheets/sheet1.xml" is
 * sheet1). The checks classify a part by the name exceljs will give it.
 */
export function resolveName(path: string): string {
  const parts = path.split('/');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part === '.' || (part === '' && i !== 0 && i !== parts.length - 1)) continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

export function dataOf(buf: Buffer, en: Entry, file: string): Buffer {
  const l = en.local;
  if (l + 30 > buf.length || buf.readUInt32LE(l) !== 0x04034b50) throw corrupt(file, `“${en.name}”的本地文件头损坏`);
  const start = l + 30 + buf.readUInt16LE(l + 26) + buf.readUInt16LE(l + 28);
  if (start + en.csize > buf.length) throw corrupt(file, `“${en.name}”数据不完整`);
  return buf.subarray(start, start + en.csize);
}

/** Parts up to this size are inflated in one native call; larger ones stream in 64 KB chunks. */
export const WHOLE_PART_BYTES = 4 * MB;

/**
 * The entry's content in one buffer, in one native call that never produces more than its
 * declared size. Throws (a zlib or range error, not an InputError) when the data does not inflate
 * to exactly that size: callers that need the precise message stream the entry instead.
 */
export function inflatePart(buf: Buffer, en: Entry, file: string): Buffer {
  const data = dataOf(buf, en, file);
  if (en.method === 0) return data;
  const out = inflateRawSync(data, { maxOutputLength: Math.max(en.usize, 1) });
  if (out.length !== en.usize) throw new RangeError(`${en.name}: inflated ${out.length} bytes, declared ${en.usize}`);
  return out;
}

/**
 * Streams the entry's content to `sink` in chunks, never producing more than its declared size.
 * A sink may throw to stop early (the limit it counts was crossed).
 */
export function inflateEntry(buf: Buffer, en: Entry, file: string, sink: ((chunk: Buffer) => void) | null): Promise<void> {
  const data = dataOf(buf, en, file);
  if (en.method === 0) {
    if (sink) for (let i = 0; i < data.length; i += 1 << 16) sink(data.subarray(i, i + (1 << 16)));
    return Promise.resolve();
  }
  return new Promise<void>((resolve, reject) => {
    const z = createInflateRaw({ chunkSize: 1 << 16 });
    let out = 0;
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      z.destroy();
      reject(e);
    };
    z.on('data', (chunk: Buffer) => {
      if (settled) return;
      out += chunk.length;
      if (out > en.usize) return fail(bomb(file, `“${en.name}”实际解压大小超过声明大小`));
      try {
        sink?.(chunk);
      } catch (e) {
        fail(e);
      }
    });
    z.on('error', () => fail(corrupt(file, `“${en.name}”无法解压`)));
    z.on('end', () => {
      if (settled) return;
      settled = true;
      if (out !== en.usize) reject(corrupt(file, `“${en.name}”解压大小与目录不符`));
      else resolve();
    });
    z.end(data);
  });
}
