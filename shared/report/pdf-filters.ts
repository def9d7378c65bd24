// PDF stream filters (ISO 32000-1 §7.4): Flate with PNG predictors, ASCIIHex, ASCII85 and
// RunLength, each bounded by the caller's output limit; image codecs are kept as stored.
import { inflateSync, constants as zc } from 'node:zlib';
import { PdfDict, PdfError, PdfName, type PdfValue } from './pdf-values';

/** PNG predictors (§7.4.4.4) for cross-reference streams and images. */
function unpredict(data: Buffer, parms: PdfDict | undefined): Buffer {
  const pred = typeof parms?.get('Predictor') === 'number' ? (parms!.get('Predictor') as number) : 1;
  if (pred < 10) return data;
  const colors = typeof parms?.get('Colors') === 'number' ? (parms!.get('Colors') as number) : 1;
  const bpc = typeof parms?.get('BitsPerComponent') === 'number' ? (parms!.get('BitsPerComponent') as number) : 8;
  const cols = typeof parms?.get('Columns') === 'number' ? (parms!.get('Columns') as number) : 1;
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLen = Math.ceil((colors * bpc * cols) / 8);
  if (!(rowLen > 0) || rowLen > 1 << 24) throw new PdfError('预测参数无效');
  const rows = Math.floor(data.length / (rowLen + 1));
  const out = Buffer.alloc(rows * rowLen);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLen + 1)];
    const src = r * (rowLen + 1) + 1;
    const dst = r * rowLen;
    for (let i = 0; i < rowLen; i++) {
      const raw = data[src + i];
      const left = i >= bpp ? out[dst + i - bpp] : 0;
      const up = r > 0 ? out[dst - rowLen + i] : 0;
      const ul = r > 0 && i >= bpp ? out[dst - rowLen + i - bpp] : 0;
      let v: number;
      switch (type) {
        case 0:
          v = raw;
          break;
        case 1:
          v = raw + left;
          break;
        case 2:
          v = raw + up;
          break;
        case 3:
          v = raw + ((left + up) >> 1);
          break;
        case 4: {
          const p = left + up - ul;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - ul);
          v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : ul);
          break;
        }
        default:
          throw new PdfError('预测数据格式错误');
      }
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

function asciiHex(data: Buffer): Buffer {
  let s = data.toString('latin1');
  const end = s.indexOf('>');
  if (end >= 0) s = s.slice(0, end);
  s = s.replace(/[^0-9A-Fa-f]/g, '');
  if (s.length % 2) s += '0';
  return Buffer.from(s, 'hex');
}

function ascii85(data: Buffer): Buffer {
  const s = data.toString('latin1').replace(/\s+/g, '');
  const end = s.indexOf('~>');
  const body = (end >= 0 ? s.slice(0, end) : s).replace(/^<~/, '');
  const out: number[] = [];
  let group: number[] = [];
  for (const ch of body) {
    if (ch === 'z' && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    const c = ch.charCodeAt(0) - 33;
    if (c < 0 || c > 84) throw new PdfError('ASCII85 数据格式错误');
    group.push(c);
    if (group.length === 5) {
      const n = group.reduce((a, d) => a * 85 + d, 0);
      out.push((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
      group = [];
    }
  }
  if (group.length) {
    const k = group.length;
    while (group.length < 5) group.push(84);
    const n = group.reduce((a, d) => a * 85 + d, 0);
    const bytes = [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
    out.push(...bytes.slice(0, k - 1));
  }
  return Buffer.from(out);
}

function runLength(data: Buffer, max: number): Buffer {
  const out: number[] = [];
  for (let i = 0; i < data.length; ) {
    const n = data[i++];
    if (n === 128) break;
    if (n < 128) {
      for (let k = 0; k <= n && i < data.length; k++) out.push(data[i++]);
    } else {
      const b = data[i++];
      for (let k = 0; k < 257 - n; k++) out.push(b);
    }
    if (out.length > max) throw new PdfError('数据流解压后超过上限');
  }
  return Buffer.from(out);
}

/** Image codecs are kept as stored: their bytes are what is compared. */
const KEEP = new Set(['DCTDecode', 'JPXDecode', 'CCITTFaxDecode', 'JBIG2Decode', 'Crypt']);

/**
 * The stream's filters applied in order (§7.4), each output within `max` bytes. Image codecs
 * (KEEP) end the chain: their bytes stay as stored.
 */
export function applyFilters(raw: Buffer, filters: Array<PdfValue | undefined>, parmList: Array<PdfDict | undefined>, max: number): Buffer {
  let data = raw;
  for (let i = 0; i < filters.length; i++) {
    const f = filters[i];
    if (!(f instanceof PdfName)) throw new PdfError('数据流过滤器无效');
    const p = parmList[i];
    switch (f.name) {
      case 'FlateDecode':
      case 'Fl':
        data = inflate(data, max);
        data = unpredict(data, p);
        break;
      case 'ASCIIHexDecode':
      case 'AHx':
        data = asciiHex(data);
        break;
      case 'ASCII85Decode':
      case 'A85':
        data = ascii85(data);
        break;
      case 'RunLengthDecode':
      case 'RL':
        data = runLength(data, max);
        break;
      default:
        if (KEEP.has(f.name)) return data;
        throw new PdfError(`不支持的数据流过滤器 ${f.name}`);
    }
    if (data.length > max) throw new PdfError('数据流解压后超过上限');
  }
  return data;
}

function inflate(data: Buffer, max: number): Buffer {
  try {
    return inflateSync(data, { maxOutputLength: max });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw new PdfError('数据流解压后超过上限');
    // truncated but otherwise readable streams (some writers omit the adler32 trailer)
    try {
      return inflateSync(data, { maxOutputLength: max, finishFlush: zc.Z_SYNC_FLUSH });
    } catch {
      throw new PdfError('压缩数据损坏，无法解压');
    }
  }
}
