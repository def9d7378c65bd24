// File-level checks before a workbook is parsed: format by magic bytes (xlsx / legacy xls /
// encrypted OOXML), and a zip central-directory scan that refuses zip bombs without inflating
// anything large.
import { inflateRawSync } from 'node:zlib';
import { InputError } from '../errors';

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

export interface ZipLimits {
  maxUncompressedBytes: number;
}

/** Throws InputError when the bytes are not a plain xlsx zip. */
export function checkFormat(buf: Buffer, file: string): void {
  if (buf.length === 0) throw new InputError(`文件“${file}”是空文件（0 字节），不是有效的 .xlsx 工作簿`, file);
  if (buf.length >= 8 && buf.subarray(0, 8).equals(CFB_MAGIC)) {
    // An OLE compound file: either an encrypted OOXML package or a legacy BIFF .xls.
    if (buf.indexOf(ENCRYPTED_PACKAGE) >= 0 || buf.indexOf(ENCRYPTION_INFO) >= 0) {
      throw new InputError(
        `文件“${file}”受密码保护（已加密），无法读取。请在 Excel 中取消密码保护（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 .xlsx 再试`,
        file,
      );
    }
    throw new InputError(`文件“${file}”是旧版 Excel 97-2003 (.xls) 格式，请在 Excel 中另存为 .xlsx 后重试`, file);
  }
  const isZip = buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 0x03 || buf[2] === 0x05) && (buf[3] === 0x04 || buf[3] === 0x06);
  if (!isZip) {
    throw new InputError(`文件“${file}”不是 Excel 工作簿（.xlsx）：文件内容不是 xlsx/zip 格式，请确认文件类型，或在 Excel 中另存为 .xlsx 后重试`, file);
  }
}

function corrupt(file: string, why: string): InputError {
  return new InputError(`文件“${file}”已损坏或不是有效的 .xlsx 文件（${why}），请在 Excel 中打开确认后重新保存`, file);
}

function bomb(file: string, why: string): InputError {
  return new InputError(`文件“${file}”解压后过大（${why}），疑似压缩炸弹或异常文件，已拒绝读取`, file);
}

const MB = 1024 * 1024;
/** An entry that expands more than this ratio and beyond MIN_RATIO_BYTES is refused. */
const MAX_RATIO = 200;
const MIN_RATIO_BYTES = 10 * MB;
/** Upper bound of deflate's expansion ratio (1032:1 in theory), with a margin. */
const DEFLATE_MAX_RATIO = 1100;

/**
 * Reads the zip central directory (EOCD record, ZIP64 if present), sums the declared
 * uncompressed sizes and refuses absurd totals and compression ratios; then inflates each
 * deflated entry with a hard output cap equal to its declared size, so an entry that lies
 * about its size cannot expand either. Cost: one inflate of the package (a few ms per MB).
 */
export function checkZip(buf: Buffer, file: string, limits: ZipLimits): void {
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
  let entries = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64 end of central directory locator sits right before the EOCD.
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== 0x07064b50) throw corrupt(file, 'ZIP64 目录缺失');
    const z = Number(buf.readBigUInt64LE(loc + 8));
    if (z < 0 || z + 56 > n || buf.readUInt32LE(z) !== 0x06064b50) throw corrupt(file, 'ZIP64 目录损坏');
    entries = Number(buf.readBigUInt64LE(z + 32));
    cdSize = Number(buf.readBigUInt64LE(z + 40));
    cdOffset = Number(buf.readBigUInt64LE(z + 48));
  }
  if (entries === 0) throw new InputError(`文件“${file}”是空的 zip 包，不是 Excel 工作簿（.xlsx）`, file);
  if (cdOffset + cdSize > n) throw corrupt(file, 'zip 目录越界');

  let total = 0;
  let p = cdOffset;
  const max = limits.maxUncompressedBytes;
  const toInflate: Array<{ local: number; csize: number; usize: number; method: number; name: string }> = [];
  for (let k = 0; k < entries; k++) {
    if (p + 46 > n || buf.readUInt32LE(p) !== 0x02014b50) throw corrupt(file, 'zip 目录项损坏');
    const method = buf.readUInt16LE(p + 10);
    let csize = buf.readUInt32LE(p + 20);
    let usize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (usize === 0xffffffff || csize === 0xffffffff || local === 0xffffffff) {
      // ZIP64 extended information extra field (id 0x0001): values in the fixed order.
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = buf.readUInt16LE(e);
        const len = buf.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (usize === 0xffffffff) { usize = Number(buf.readBigUInt64LE(q)); q += 8; }
          if (csize === 0xffffffff) { csize = Number(buf.readBigUInt64LE(q)); q += 8; }
          if (local === 0xffffffff) { local = Number(buf.readBigUInt64LE(q)); }
          break;
        }
        e += 4 + len;
      }
    }
    total += usize;
    if (total > max) {
      throw bomb(file, `解压总大小超过 ${Math.round(max / MB)} MB 上限`);
    }
    if (usize > MIN_RATIO_BYTES && usize / Math.max(csize, 1) > MAX_RATIO) {
      throw bomb(file, `“${name}”压缩比 ${Math.round(usize / Math.max(csize, 1))}:1 异常`);
    }
    if (method === 8) toInflate.push({ local, csize, usize, method, name });
    else if (method !== 0) throw corrupt(file, `不支持的压缩方式 ${method}`);
    p += 46 + nameLen + extraLen + commentLen;
  }

  // Verify that no deflated entry expands beyond its declared size (lying headers). Deflate
  // cannot expand more than ~1032:1, so a package whose compressed entries could not exceed the
  // limit even at that ratio needs no check (keeps small workbooks fast).
  let compressed = 0;
  for (const en of toInflate) compressed += en.csize;
  if (compressed * DEFLATE_MAX_RATIO <= max) return;
  for (const en of toInflate) {
    const l = en.local;
    if (l + 30 > n || buf.readUInt32LE(l) !== 0x04034b50) throw corrupt(file, `“${en.name}”的本地文件头损坏`);
    const start = l + 30 + buf.readUInt16LE(l + 26) + buf.readUInt16LE(l + 28);
    if (start + en.csize > n) throw corrupt(file, `“${en.name}”数据不完整`);
    let out: Buffer;
    try {
      out = inflateRawSync(buf.subarray(start, start + en.csize), { maxOutputLength: Math.max(en.usize, 1) + 1 });
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
        throw bomb(file, `“${en.name}”实际解压大小超过声明大小`);
      }
      throw corrupt(file, `“${en.name}”无法解压`);
    }
    if (out.length !== en.usize) throw corrupt(file, `“${en.name}”解压大小与目录不符`);
  }
}
