// The package checks' XML scanner (shared/import/xmlScan.ts): what it reports and refuses, and
// that a part scanned whole (one buffer) and a part streamed in chunks cut anywhere give the same
// start tags, attributes, text and refusal.
import { describe, expect, it } from 'vitest';
import { CaptureError, DepthError, DtdError, MAX_CAPTURE, XmlScanner } from '../../shared/import/xmlScan';

function scan(data: Buffer, cuts: number[] = [], maxDepth = 100): string[] {
  const log: string[] = [];
  const sc = new XmlScanner(maxDepth, {
    captureAttrs: new Set(['row', 'mergeCell', 'c']),
    captureText: new Set(['definedName']),
    open: (local, attrs) => log.push(`${local}${attrs ? JSON.stringify(attrs) : ''}`),
    text: (local, text) => log.push(`${local}=${text}`),
  });
  try {
    let p = 0;
    for (const c of [...cuts, data.length]) {
      sc.feed(data.subarray(p, c));
      p = c;
    }
  } catch (e) {
    log.push(`!${(e as Error).constructor.name}`);
  }
  return log;
}

/** A deterministic generator of part-like XML, hostile bits included. */
function* documents(count: number): Generator<Buffer> {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const atoms = [
    '<row r="3">', '</row>', '<c r="A1" s="2" t="s">', '<v>12</v>', '</c>', '<x:c r=\'B2\'/>', '<mergeCell ref="A1:C3"/>',
    '<definedName name="区域">S!$A$1:$B$2</definedName>', '<!-- a > b -->', '<![CDATA[<c>]]>', '<?xml version="1.0"?>',
    '<a title="1 > 2" />', '<b>', '</b>', ' ', '\n', '&amp;', '中文', '<!DOCTYPE x>', '<!-x', '<![x', '<', '>', '"', "'", '/',
    '<row r="4" spans="1:7" >', '<c r="C1"\n/>', `<averyveryveryverylongprefixname:${'n'.repeat(70)} a="1">`,
  ];
  for (let d = 0; d < count; d++) {
    let s = '';
    const k = 1 + Math.floor(rnd() * 40);
    for (let i = 0; i < k; i++) s += atoms[Math.floor(rnd() * atoms.length)];
    yield Buffer.from(s);
  }
}

describe('XML scanner', () => {
  it('reports start tags with the attributes asked for, and collected text', () => {
    const xml = '<?xml version="1.0"?><wb><x:row r="1" spans="1:2"><c r="A1"><v>1</v></c><c r="B&amp;1"/></x:row><definedName>S!$A$1</definedName></wb>';
    expect(scan(Buffer.from(xml))).toEqual(['wb', 'row{"r":"1","spans":"1:2"}', 'c{"r":"A1"}', 'v', 'c{"r":"B&1"}', 'definedName', 'definedName=S!$A$1']);
  });

  it('a ">" inside a quoted value does not end the tag; comments, CDATA and instructions are skipped', () => {
    const xml = '<a t="x>y"><!-- <c r="Z9"> --><![CDATA[<c r="Z9">]]><?pi <c?><c r="A1"/></a>';
    expect(scan(Buffer.from(xml))).toEqual(['a', 'c{"r":"A1"}']);
  });

  it('refuses DTDs and entity declarations, and nesting beyond the limit', () => {
    expect(scan(Buffer.from('<!DOCTYPE x [<!ENTITY a "b">]><x/>')).pop()).toBe('!DtdError');
    expect(scan(Buffer.from('<x><![INCLUDE[ ]]></x>')).pop()).toBe('!DtdError');
    expect(scan(Buffer.from('<a><b/><c></c><d><e/></d></a>'), [], 2)).not.toContain('!DepthError');
    expect(scan(Buffer.from('<a><b><e>'), [], 2).pop()).toBe('!DepthError');
    expect(new DepthError()).toBeInstanceOf(Error);
    expect(new DtdError()).toBeInstanceOf(Error);
  });

  it('refuses a captured tag longer than the capture limit', () => {
    const long = Buffer.from(`<row r="1" x="${'a'.repeat(MAX_CAPTURE)}">`);
    expect(scan(long).pop()).toBe(`!${CaptureError.name}`);
    expect(scan(long, [5, 100, 70_000]).pop()).toBe(`!${CaptureError.name}`);
  });

  it('a tag of many quoted values is handled without the fast path, with the same result', () => {
    const attrs = Array.from({ length: 600 }, (_, i) => `a${i}="${i}"`).join(' ');
    const xml = Buffer.from(`<r><row ${attrs} r="7"/><c r="A1"/></r>`);
    const log = scan(xml);
    expect(log[1]).toContain('"r":"7"');
    expect(log[2]).toBe('c{"r":"A1"}');
    expect(scan(xml, [3, 900, 901, 2000])).toEqual(log);
  });

  it('gives the same result whole and cut into chunks anywhere', () => {
    let n = 0;
    for (const doc of documents(3000)) {
      const whole = scan(doc, [], 3);
      const every = Array.from({ length: doc.length - 1 }, (_, i) => i + 1);
      expect(scan(doc, every, 3)).toEqual(whole);
      const some = every.filter((_, i) => (i * 7 + doc.length) % 5 === 0);
      expect(scan(doc, some, 3)).toEqual(whole);
      n += whole.length;
    }
    expect(n).toBeGreaterThan(3000);
  });
});
