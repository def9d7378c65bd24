// Hand-made hostile files for the bad-input tests: zips (incl. bombs) and OLE/CFB headers.
import { deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** Raw deflate stream of the content. */
  deflated: Buffer;
  /** Uncompressed size written in the headers. */
  size: number;
}

/** A zip with the given (already deflated) entries. */
export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const nameBuf = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(e.deflated.length, 20);
    cd.writeUInt32LE(e.size, 24);
    cd.writeUInt16LE(nameBuf.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, e.deflated);
    centrals.push(cd, nameBuf);
    offset += local.length + nameBuf.length + e.deflated.length;
  }
  const cdBuf = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdBuf.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBuf, eocd]);
}

/** A zip with one deflated entry; `declared` overrides the size in the headers. */
export function zip(name: string, content: Buffer, declared?: number): Buffer {
  return zipOf([{ name, deflated: deflateRawSync(content, { level: 9 }), size: declared ?? content.length }]);
}

/** An xlsx-looking zip whose entries expand to `gigabytes` GB of zeros (each entry 64 MB). */
export function zipBomb(gigabytes: number): Buffer {
  const chunk = 64 * 1024 * 1024;
  const deflated = deflateRawSync(Buffer.alloc(chunk), { level: 9 });
  const n = Math.ceil((gigabytes * 1024 * 1024 * 1024) / chunk);
  const entries: ZipEntry[] = [{ name: '[Content_Types].xml', deflated: deflateRawSync(Buffer.from('<Types/>')), size: 8 }];
  for (let i = 0; i < n; i++) entries.push({ name: `xl/worksheets/sheet${i + 1}.xml`, deflated, size: chunk });
  return zipOf(entries);
}

/** A minimal CFB (OLE2) header followed by directory entry names (UTF-16LE). */
export function cfb(names: string[]): Buffer {
  const head = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(head);
  const dir = Buffer.alloc(128 * names.length);
  names.forEach((n, i) => dir.write(n, i * 128, 'utf16le'));
  return Buffer.concat([head, dir]);
}
