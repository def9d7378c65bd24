// exceljs is given the parts the package checks read (docs/security.md, "Limits"). exceljs 4.4.0
// reads an xlsx through `JSZip.loadAsync(buffer)` and then asks each entry of `zip.files` for its
// content (lib/xlsx/xlsx.js, `load`). For a package that passed checkPackage (guard.ts), that call
// answers with the checked directory instead of a second reading of the zip: the same names and
// order, each part inflated natively from the bytes the checks scanned, never beyond the size they
// checked. So exceljs parses exactly what was checked (a part cannot be read under another name,
// nor from other bytes, than the checks saw), and the package is inflated by zlib instead of
// JSZip's JavaScript inflater. Any other caller of JSZip is answered by JSZip as before.
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { type Entry, inflatePart } from './zipEntries';

/** What exceljs uses of a loaded JSZip: `files`, and of each file `name`, `dir` and `async`. */
interface CheckedFile {
  name: string;
  dir: boolean;
  async(type: string): Promise<Buffer | string>;
}
interface CheckedZip {
  files: Record<string, CheckedFile>;
}
type JSZipStatic = { loadAsync: (this: unknown, data: unknown, options?: unknown) => Promise<unknown> } & Record<symbol, unknown>;

const require = createRequire(import.meta.url);
/** The JSZip module exceljs itself requires. */
const jszip = (): JSZipStatic => createRequire(require.resolve('exceljs'))('jszip') as JSZipStatic;
const PACKAGES = Symbol.for('landcheck.checkedPackages');

/**
 * The checked packages JSZip answers for, keyed by the buffer handed to exceljs. The answering
 * `loadAsync` is installed once per JSZip module (the one exceljs itself requires), whatever the
 * number of times this module is evaluated.
 */
function checkedPackages(): WeakMap<object, CheckedZip> {
  const JSZip = jszip();
  let known = JSZip[PACKAGES] as WeakMap<object, CheckedZip> | undefined;
  if (!known) {
    const packages = new WeakMap<object, CheckedZip>();
    const original = JSZip.loadAsync;
    JSZip.loadAsync = function loadAsync(this: unknown, data: unknown, options?: unknown) {
      const checked = typeof data === 'object' && data !== null ? packages.get(data) : undefined;
      return checked ? Promise.resolve(checked) : original.call(this, data, options);
    };
    JSZip[PACKAGES] = known = packages;
  }
  return known;
}

/** Whether exceljs's JSZip answers with checked packages (tests; false would mean a second reading). */
export function answersCheckedPackages(): boolean {
  const JSZip = jszip();
  checkedPackages();
  return JSZip[PACKAGES] instanceof WeakMap;
}

/**
 * Loads `wb` from `parts`, the directory checkPackage returned for `buf`. A part is inflated when
 * exceljs asks for it (one at a time, as JSZip would), as a string (UTF-8) or a buffer; a part the
 * checks already inflated (`inflated`) is given from their bytes.
 */
export async function loadCheckedParts(
  wb: ExcelJS.Workbook,
  buf: Buffer,
  parts: readonly Entry[],
  file: string,
  inflated?: Map<Entry, Buffer>,
): Promise<void> {
  // JSZip keys its files by name in a prototype-less object: a later entry of the same name
  // replaces the content of an earlier one and keeps its place; folders are skipped by exceljs.
  const files = Object.create(null) as Record<string, CheckedFile>;
  for (const en of parts) {
    if (en.dir) continue;
    files[en.name] = {
      name: en.name,
      dir: false,
      async(type: string) {
        // the bytes the checks scanned, when they kept them (guard.ts), else inflated again
        const data = inflated?.get(en) ?? inflatePart(buf, en, file);
        inflated?.delete(en);
        return Promise.resolve(type === 'string' ? data.toString('utf8') : data);
      },
    };
  }
  const key = buf.subarray(0); // a buffer of its own identity, with the file's bytes
  const packages = checkedPackages();
  packages.set(key, { files });
  try {
    await wb.xlsx.load(key as unknown as ExcelJS.Buffer);
  } finally {
    packages.delete(key);
  }
}
