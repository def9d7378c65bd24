// Hostile and faulty inputs, generated on the fly (nothing big is committed), and a runner for
// the command line that measures the child process's peak memory (/usr/bin/time -f %M).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { zipOf, type ZipEntry } from '../helpers/files';

export const ROOT = process.cwd();
export const SAMPLES = join(ROOT, 'seeds', 'samples');
export const SAMPLE_XLSX = join(SAMPLES, 'residential-jiading.xlsx');
export const SAMPLE_CONDITIONS = join(SAMPLES, 'residential-jiading.conditions.json');
/** Generous bounds: each case must end this fast, and this small, on a busy 2-core machine. */
export const TIME_BOUND_MS = 20_000;
export const MEMORY_BOUND_MB = 1024;

export function tempDir(prefix = 'landcheck-hostile-'): { dir: string; path(name: string): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, path: (n) => join(dir, n), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

// ------------------------------------------------------------------ xlsx parts

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

export interface Part {
  name: string;
  content: Buffer | string;
}

function entry(p: Part): ZipEntry {
  const b = Buffer.isBuffer(p.content) ? p.content : Buffer.from(p.content);
  return { name: p.name, deflated: deflateRawSync(b, { level: 6 }), size: b.length };
}

/** A valid minimal xlsx package with these sheets (and extra parts / a custom workbook.xml). */
export function xlsxOf(sheets: Array<{ name: string; xml: Buffer | string }>, extra: Part[] = [], workbookExtra = ''): Buffer {
  return zipOf(xlsxEntries(sheets, workbookExtra).concat(extra.map(entry)));
}

export function xlsxEntries(sheets: Array<{ name: string; xml: Buffer | string }>, workbookExtra = ''): ZipEntry[] {
  const ct = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join('')}</Types>`;
  const rels = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const wb = `${XML_HEAD}<workbook ${NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</sheets>${workbookExtra}</workbook>`;
  const wbRels = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('')}</Relationships>`;
  return [
    entry({ name: '[Content_Types].xml', content: ct }),
    entry({ name: '_rels/.rels', content: rels }),
    entry({ name: 'xl/workbook.xml', content: wb }),
    entry({ name: 'xl/_rels/workbook.xml.rels', content: wbRels }),
    ...sheets.map((s, i) => entry({ name: `xl/worksheets/sheet${i + 1}.xml`, content: s.xml })),
  ];
}

/** Sheet XML around `sheetData` content, with optional parts after it (mergeCells, dataValidations…). */
export function sheetXml(sheetData: string, after = '', before = ''): string {
  return `${XML_HEAD}<worksheet ${NS}>${before}<sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

/** A small real-looking indicator sheet (label/value pairs). */
export const SMALL_SHEET = sheetXml(
  '<row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c><c r="B1" t="inlineStr"><is><t>测试项目</t></is></c></row>' +
    '<row r="2"><c r="A2" t="inlineStr"><is><t>容积率</t></is></c><c r="B2"><v>2.1</v></c></row>',
);

function colName(n: number): string {
  let s = '';
  for (n++; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `rows` × `cols` numeric cells, as sheet XML. */
export function gridSheet(rows: number, cols: number): Buffer {
  const parts: string[] = [`${XML_HEAD}<worksheet ${NS}><sheetData>`];
  const names = Array.from({ length: cols }, (_, c) => colName(c));
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < cols; c++) row += `<c r="${names[c]}${r}"><v>${r + c}</v></c>`;
    parts.push(`${row}</row>`);
  }
  parts.push('</sheetData></worksheet>');
  return Buffer.from(parts.join(''));
}

/** The issue's workbook: `sheets` sheets of `mb` MB of XML each, which compresses ~340:1. */
export function manyBigSheets(sheets: number, mb: number): Buffer {
  const row = '<row r="1"><c r="A1" s="1"/></row>';
  const xml = Buffer.from(`${XML_HEAD}<worksheet ${NS}><sheetData>${row.repeat(Math.floor((mb * 1024 * 1024) / row.length))}</sheetData></worksheet>`);
  const deflated = deflateRawSync(xml, { level: 9 });
  const base = xlsxEntries(Array.from({ length: sheets }, (_, i) => ({ name: `表${i + 1}`, xml: SMALL_SHEET })));
  // Replace each sheet's content by the big one (same deflated bytes, declared honestly).
  const entries = base.map((e) => (/^xl\/worksheets\/sheet\d+\.xml$/.test(e.name) ? { name: e.name, deflated, size: xml.length } : e));
  return zipOf(entries);
}

/** One sheet whose content is nested `depth` elements deep. */
export function deepSheet(depth: number): Buffer {
  return Buffer.from(sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is>${'<r>'.repeat(depth)}${'</r>'.repeat(depth)}</is></c></row>`));
}

/** A "billion laughs" entity expansion in the sheet XML. */
export const XML_BOMB =
  `${XML_HEAD}<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">` +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('') +
  `]><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&j;</t></is></c></row></sheetData></worksheet>`;

/** An external entity pointing at a local file. */
export const XXE = `${XML_HEAD}<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>`;

/** sharedStrings.xml with `n` entries (`distinct`: each a different text, as Excel writes them). */
export function sharedStrings(n: number, distinct = false): Buffer {
  const items = distinct ? Array.from({ length: n }, (_, i) => `<si><t>${(i * 2654435761) % 1e9}</t></si>`).join('') : '<si><t>x</t></si>'.repeat(n);
  return Buffer.from(`${XML_HEAD}<sst ${NS} count="${n}" uniqueCount="${n}">${items}</sst>`);
}

/** A zip of `n` tiny entries. */
export function manyEntries(n: number): Buffer {
  const d = deflateRawSync(Buffer.from('x'));
  const entries: ZipEntry[] = xlsxEntries([{ name: 'S', xml: SMALL_SHEET }]);
  for (let i = 0; i < n; i++) entries.push({ name: `junk/${i}.bin`, deflated: d, size: 1 });
  return zipOf(entries);
}

/** A package whose first sheet entry carries the given flags / method in its central directory. */
export function patchCentral(buf: Buffer, name: string, patch: { flags?: number; method?: number }): Buffer {
  const out = Buffer.from(buf);
  const target = Buffer.from(name);
  for (let p = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p - 1)) {
    const nameLen = out.readUInt16LE(p + 28);
    if (out.subarray(p + 46, p + 46 + nameLen).equals(target)) {
      if (patch.flags !== undefined) out.writeUInt16LE(patch.flags, p + 8);
      if (patch.method !== undefined) out.writeUInt16LE(patch.method, p + 10);
      return out;
    }
    if (p === 0) break;
  }
  throw new Error(`no central entry ${name}`);
}

// ------------------------------------------------------------------ running the CLI

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory of the child process (all its threads), in MB. */
  rssMb: number;
}

/** `npm run <cmd> -- …` as npm runs it (build/run-cli.mjs), under /usr/bin/time. */
export async function cli(cmd: 'check' | 'verify' | 'audit', args: string[], opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliRun> {
  const t = tempDir('landcheck-time-');
  const timeFile = t.path('time.txt');
  const started = Date.now();
  const child = spawn('/usr/bin/time', ['-f', '%M', '-o', timeFile, process.execPath, join(ROOT, 'build', 'run-cli.mjs'), cmd, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
  const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
  clearTimeout(timer);
  const ms = Date.now() - started;
  let rssMb = NaN;
  try {
    rssMb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) / 1024;
  } catch {
    // killed by the timeout: no report
  }
  t.cleanup();
  // /usr/bin/time reports a failing command on stderr ("Command exited with non-zero status 3")
  // only without -o; with -o the report goes to the file, so stderr is the command's own.
  return { code, stdout, stderr, ms, rssMb };
}

/** A web host (cli/web.ts) in a child process, under /usr/bin/time. */
export async function webHostChild(dbPath: string): Promise<{ url: string; token: string; stderr: () => string; stop(): Promise<{ rssMb: number; code: number | null }> }> {
  const t = tempDir('landcheck-webtime-');
  const timeFile = t.path('time.txt');
  const child = spawn('/usr/bin/time', ['-f', '%M', '-o', timeFile, process.execPath, '--import', 'tsx', 'cli/web.ts', '--db', dbPath, '--port', '0', '--static', join(t.dir, 'no-ui')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const [url, token] = await new Promise<[string, string]>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${err}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /LISTENING (http:\/\/127\.0\.0\.1:\d+)\/#token=([A-Za-z0-9_-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve([m[1], m[2]]);
      }
    });
    child.once('exit', (code) => reject(new Error(`web host exited (${code}): ${err}`)));
  });
  return {
    url,
    token,
    stderr: () => err,
    async stop() {
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      // /usr/bin/time forwards nothing: signal the node process itself (its only child).
      const pgrep = spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' });
      const nodePid = Number(pgrep.stdout.trim().split('\n')[0]);
      if (nodePid > 0) process.kill(nodePid, 'SIGTERM');
      const code = await exited;
      const rssMb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) / 1024;
      t.cleanup();
      return { rssMb, code };
    },
  };
}

export function write(path: string, bytes: Buffer | string): string {
  writeFileSync(path, bytes);
  return path;
}
