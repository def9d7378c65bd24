// Optional PAdES digital signature of a finished report with the user's PKCS#12 certificate.
// The PDF is not re-rendered: an incremental update (ISO 32000-1 §7.5.6) appends a signature field
// with an invisible widget on page 1, an AcroForm with SigFlags 3 and a /Sig dictionary whose
// /Contents is a detached CMS SignedData (RFC 5652) over the whole file except that hex string.
// Profile: PAdES baseline B-B (ETSI EN 319 142-1 §6.3): SubFilter ETSI.CAdES.detached, SHA-256,
// signed attributes content-type, message-digest and ESS signing-certificate-v2; the claimed
// signing time goes into /M of the signature dictionary (the CMS signing-time attribute shall not
// be present in PAdES, EN 319 142-1 §6.3 table 1).
// Everything the report carries (Info dictionary manifest, fingerprint) is left untouched.
import { createHash, createPrivateKey, sign as rsaSign } from 'node:crypto';
import forge from 'node-forge';
import { InputError } from '../errors';

export interface SignOptions {
  /** /Reason of the signature dictionary. */
  reason?: string;
  /** /Location of the signature dictionary. */
  location?: string;
  /** /Name of the signer; defaults to the certificate's common name. */
  name?: string;
  /** Claimed signing time (/M); defaults to now. */
  signingTime?: Date;
  /** Extension: the certificate file's name, used in error messages. */
  certFile?: string;
}

export interface SignerIdentity {
  /** Common name (or the whole subject) of the signing certificate. */
  subject: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  /** The signing certificate first, then the rest of the chain found in the file. */
  chainLength: number;
}

// ------------------------------------------------------------------ PKCS#12

const { asn1, pki } = forge;
type Asn1 = forge.asn1.Asn1;

interface SignerMaterial {
  keyPem: string;
  /** DER of the signing certificate, then the other certificates of the file. */
  certs: Buffer[];
  cert: forge.pki.Certificate;
}

function certCn(cert: forge.pki.Certificate, which: 'subject' | 'issuer'): string {
  const attrs = cert[which].attributes;
  const cn = attrs.find((a) => a.shortName === 'CN' || a.name === 'commonName');
  const decode = (v: unknown) => {
    const s = String(v ?? '');
    // forge keeps UTF8String values as raw UTF-8 bytes in a binary string
    try {
      return forge.util.decodeUtf8(s);
    } catch {
      return s;
    }
  };
  if (cn) return decode(cn.value);
  return attrs.map((a) => `${a.shortName ?? a.name}=${decode(a.value)}`).join(', ');
}

function certDer(cert: forge.pki.Certificate): Buffer {
  return Buffer.from(asn1.toDer(pki.certificateToAsn1(cert)).getBytes(), 'binary');
}

function fmtDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function p12Error(e: unknown, file: string): InputError {
  const msg = e instanceof Error ? e.message : String(e);
  if (/MAC could not be verified|wrong password|Invalid password|decrypt/i.test(msg)) {
    return new InputError(`签名证书文件 ${file} 的密码不正确`, file);
  }
  if (/unsupported/i.test(msg)) {
    return new InputError(`签名证书文件 ${file} 使用了本工具不支持的加密或证书类型（${msg}）`, file);
  }
  return new InputError(`签名证书文件 ${file} 不是有效的 PKCS#12（.p12/.pfx）文件`, file);
}

/** Private key and certificates of a PKCS#12 file; Chinese InputError for every failure. */
function readP12(p12: Uint8Array, password: string, file: string, at: Date): SignerMaterial {
  const binary = Buffer.from(p12).toString('binary');
  const parse = (pw: string, dropMac: boolean): forge.pkcs12.Pkcs12Pfx => {
    const der = asn1.fromDer(forge.util.createBuffer(binary), false);
    if (dropMac && Array.isArray(der.value)) der.value = der.value.slice(0, 2);
    return forge.pkcs12.pkcs12FromAsn1(der, false, pw);
  };
  try {
    asn1.fromDer(forge.util.createBuffer(binary), false);
  } catch {
    throw new InputError(`签名证书文件 ${file} 不是 PKCS#12（.p12/.pfx）文件`, file);
  }
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = parse(password, false);
  } catch (e) {
    // The MAC key (PKCS#12 KDF) takes the password as BMPString, but PBES2 (OpenSSL 3's default
    // AES encryption, RFC 8018) takes its UTF-8 bytes; node-forge uses one string for both. When
    // the MAC was verified with the password as given and decryption failed, decrypt again with
    // the UTF-8 bytes (the MAC is not checked twice).
    const macOk = !/MAC could not be verified/i.test(e instanceof Error ? e.message : String(e));
    if (!(macOk && /[^\x00-\x7f]/.test(password))) throw p12Error(e, file);
    try {
      parsed = parse(forge.util.encodeUtf8(password), true);
    } catch (e2) {
      throw p12Error(e2, file);
    }
  }
  const bags = (type: string) => parsed.getBags({ bagType: type })[type] ?? [];
  const keyBags = [...bags(pki.oids.pkcs8ShroudedKeyBag), ...bags(pki.oids.keyBag)];
  if (keyBags.length === 0) throw new InputError(`签名证书文件 ${file} 中没有私钥（只有证书的文件不能用于签名）`, file);
  const key = keyBags.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new InputError(`签名证书文件 ${file} 中的私钥不是 RSA 密钥，本工具目前只支持 RSA 证书签名`, file);
  const certs = bags(pki.oids.certBag)
    .map((b) => b.cert)
    .filter((c): c is forge.pki.Certificate => !!c);
  const isRsa = (c: forge.pki.Certificate) => 'n' in (c.publicKey as object);
  const own = certs.find((c) => isRsa(c) && (c.publicKey as forge.pki.rsa.PublicKey).n.equals(key.n));
  if (!own) throw new InputError(`签名证书文件 ${file} 中没有与私钥匹配的证书`, file);
  // Refused rather than warned: a signature made with an expired (or not yet valid) certificate
  // is reported invalid by Adobe Reader and other validators.
  if (at > own.validity.notAfter) {
    throw new InputError(
      `签名证书已过期（${certCn(own, 'subject')}，有效期至 ${fmtDate(own.validity.notAfter)}），不能用于签名：${file}`,
      file,
    );
  }
  if (at < own.validity.notBefore) {
    throw new InputError(
      `签名证书尚未生效（${certCn(own, 'subject')}，自 ${fmtDate(own.validity.notBefore)} 起有效），不能用于签名：${file}`,
      file,
    );
  }
  const ownDer = certDer(own);
  const rest = certs.filter((c) => c !== own).map(certDer).filter((d) => !d.equals(ownDer));
  return { keyPem: pki.privateKeyToPem(key), certs: [ownDer, ...rest], cert: own };
}

/** Who would sign: the certificate of a PKCS#12 file (same checks and messages as signPdf). */
export function describeSigner(p12: Uint8Array, password: string, certFile = '签名证书', at = new Date()): SignerIdentity {
  const m = readP12(p12, password, certFile, at);
  return {
    subject: certCn(m.cert, 'subject'),
    issuer: certCn(m.cert, 'issuer'),
    notBefore: m.cert.validity.notBefore,
    notAfter: m.cert.validity.notAfter,
    chainLength: m.certs.length,
  };
}

// ------------------------------------------------------------------ CMS SignedData (RFC 5652)

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  // RFC 5035 §3: id-aa-signingCertificateV2
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
};

const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;
const seq = (v: Asn1[]) => asn1.create(U, T.SEQUENCE, true, v);
const oid = (o: string) => asn1.create(U, T.OID, false, asn1.oidToDer(o).getBytes());
const int = (n: number) => asn1.create(U, T.INTEGER, false, asn1.integerToDer(n).getBytes());
const octets = (b: Buffer) => asn1.create(U, T.OCTETSTRING, false, b.toString('binary'));
const nul = () => asn1.create(U, T.NULL, false, '');
const der = (a: Asn1) => Buffer.from(asn1.toDer(a).getBytes(), 'binary');
const fromDer = (b: Buffer) => asn1.fromDer(forge.util.createBuffer(b.toString('binary')));

/** DER SET OF: elements sorted by their encodings (X.690 §11.6). */
function setOf(items: Asn1[], tagClass = U, tag: number = T.SET): Asn1 {
  const sorted = items
    .map((a) => ({ a, d: der(a) }))
    .sort((x, y) => {
      const n = Math.max(x.d.length, y.d.length);
      return Buffer.compare(Buffer.concat([x.d, Buffer.alloc(n - x.d.length)]), Buffer.concat([y.d, Buffer.alloc(n - y.d.length)]));
    })
    .map((x) => x.a);
  return asn1.create(tagClass, tag, true, sorted);
}

function attribute(type: string, value: Asn1): Asn1 {
  return seq([oid(type), setOf([value])]);
}

/** The detached CMS SignedData over `digest` (SHA-256 of the signed byte ranges). */
function buildCms(digest: Buffer, m: SignerMaterial): Buffer {
  const signer = fromDer(m.certs[0]);
  // Certificate ::= SEQUENCE { tbsCertificate, … }; tbs: [0] version, serial, sigAlg, issuer, …
  const tbs = (signer.value as Asn1[])[0].value as Asn1[];
  const hasVersion = tbs[0].tagClass === asn1.Class.CONTEXT_SPECIFIC;
  const serial = tbs[hasVersion ? 1 : 0];
  const issuer = tbs[hasVersion ? 3 : 2];
  const sha256Alg = () => seq([oid(OID.sha256)]);
  // RFC 5035 §3 SigningCertificateV2 { certs SEQUENCE OF ESSCertIDv2 { (hashAlgorithm DEFAULT
  // sha256 omitted), certHash, issuerSerial { GeneralNames { [4] directoryName }, serial } } }
  const essCertId = seq([
    octets(createHash('sha256').update(m.certs[0]).digest()),
    seq([seq([asn1.create(asn1.Class.CONTEXT_SPECIFIC, 4, true, [issuer])]), serial]),
  ]);
  const signedAttrs = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(digest)),
    attribute(OID.signingCertificateV2, seq([seq([essCertId])])),
  ];
  // RFC 5652 §5.4: the signature is computed over the DER of the attributes with the SET OF tag.
  const signedAttrsSet = setOf(signedAttrs);
  const signature = rsaSign('sha256', der(signedAttrsSet), createPrivateKey(m.keyPem));
  const signerInfo = seq([
    int(1),
    seq([issuer, serial]),
    sha256Alg(),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, signedAttrsSet.value as Asn1[]),
    seq([oid(OID.rsaEncryption), nul()]),
    octets(signature),
  ]);
  const signedData = seq([
    int(1),
    setOf([sha256Alg()]),
    seq([oid(OID.data)]), // detached: no eContent
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, m.certs.map(fromDer)),
    setOf([signerInfo]),
  ]);
  return der(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}

// ------------------------------------------------------------------ reading the PDF's object structure

type PdfNode =
  | { k: 'dict'; start: number; end: number; entries: [string, PdfNode][] }
  | { k: 'array'; start: number; end: number; items: PdfNode[] }
  | { k: 'ref'; start: number; end: number; num: number; gen: number }
  | { k: 'atom'; start: number; end: number };

const WS = new Set([0, 9, 10, 12, 13, 32]);
const DELIM = new Set('()<>[]{}/%'.split('').map((c) => c.charCodeAt(0)));

class PdfReader {
  private readonly offsets = new Map<number, { at: number; gen: number }>();
  readonly trailer: PdfNode & { k: 'dict' };
  readonly xrefAt: number;

  constructor(
    readonly s: string,
    private readonly bad: (why: string) => never,
  ) {
    const tail = s.slice(-2048);
    const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!m) bad('文件末尾没有 startxref');
    this.xrefAt = Number(m[1]);
    if (!/^xref\s/.test(s.slice(this.xrefAt, this.xrefAt + 5))) {
      bad('该文件使用压缩的交叉引用流，本工具只支持普通交叉引用表（本工具生成的报告均为普通交叉引用表）');
    }
    this.trailer = this.readXref(this.xrefAt);
    const seen = new Set([this.xrefAt]);
    for (let t = this.trailer, prev = this.get(t, 'Prev'); prev; prev = this.get(t, 'Prev')) {
      const at = this.int(prev);
      if (seen.has(at) || !/^xref\s/.test(s.slice(at, at + 5))) bad('交叉引用表链损坏');
      seen.add(at);
      t = this.readXref(at);
    }
  }

  /** One classic xref section; the newest definition of an object wins. */
  private readXref(at: number): PdfNode & { k: 'dict' } {
    const s = this.s;
    let i = at + 4;
    const lineRe = /\s*(\d+)\s+(\d+)\s*[\r\n]/y;
    for (;;) {
      lineRe.lastIndex = i;
      const h = lineRe.exec(s);
      if (!h) break;
      const first = Number(h[1]);
      const count = Number(h[2]);
      i = lineRe.lastIndex;
      const entryRe = /\s*(\d{10}) (\d{5}) ([nf])/y;
      for (let n = 0; n < count; n++) {
        entryRe.lastIndex = i;
        const e = entryRe.exec(s);
        if (!e) this.bad('交叉引用表格式错误');
        i = entryRe.lastIndex;
        if (e[3] === 'n' && !this.offsets.has(first + n)) this.offsets.set(first + n, { at: Number(e[1]), gen: Number(e[2]) });
      }
    }
    const t = /\s*trailer\s*/y;
    t.lastIndex = i;
    if (!t.exec(s)) this.bad('缺少 trailer');
    const node = this.parse(t.lastIndex).node;
    if (node.k !== 'dict') this.bad('trailer 不是字典');
    return node;
  }

  raw(n: PdfNode): string {
    return this.s.slice(n.start, n.end);
  }

  get(d: PdfNode | undefined, key: string): PdfNode | undefined {
    if (!d || d.k !== 'dict') return undefined;
    return d.entries.find(([k]) => k === key)?.[1];
  }

  int(n: PdfNode | undefined): number {
    const v = n && n.k === 'atom' ? Number(this.raw(n)) : NaN;
    if (!Number.isInteger(v) || v < 0) this.bad('数值格式错误');
    return v;
  }

  /** The object `num` (its top-level value), with its number and generation. */
  object(num: number): PdfNode {
    const entry = this.offsets.get(num);
    if (entry === undefined) this.bad(`找不到对象 ${num}`);
    const re = /(\d+)\s+(\d+)\s+obj\b/y;
    re.lastIndex = entry.at;
    const m = re.exec(this.s);
    if (!m || Number(m[1]) !== num) this.bad(`对象 ${num} 的位置不正确`);
    return this.parse(re.lastIndex).node;
  }

  /** Generation number of an object in use (0 for new ones). */
  gen(num: number): number {
    return this.offsets.get(num)?.gen ?? 0;
  }

  /** Follows a reference (or returns a direct value). */
  resolve(n: PdfNode | undefined): PdfNode | undefined {
    return n?.k === 'ref' ? this.object(n.num) : n;
  }

  private skipWs(i: number): number {
    const s = this.s;
    for (;;) {
      const c = s.charCodeAt(i);
      if (WS.has(c)) i++;
      else if (c === 37 /* % */) {
        while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
      } else return i;
    }
  }

  private token(i: number): number {
    const s = this.s;
    while (i < s.length && !WS.has(s.charCodeAt(i)) && !DELIM.has(s.charCodeAt(i))) i++;
    return i;
  }

  parse(i0: number): { node: PdfNode; next: number } {
    const s = this.s;
    const i = this.skipWs(i0);
    if (i >= s.length) this.bad('对象意外结束');
    if (s.startsWith('<<', i)) {
      const entries: [string, PdfNode][] = [];
      let j = i + 2;
      for (;;) {
        j = this.skipWs(j);
        if (s.startsWith('>>', j)) return { node: { k: 'dict', start: i, end: j + 2, entries }, next: j + 2 };
        if (s[j] !== '/') this.bad('字典键不是名称');
        const kEnd = this.token(j + 1);
        const key = s.slice(j + 1, kEnd);
        const v = this.parse(kEnd);
        entries.push([key, v.node]);
        j = v.next;
      }
    }
    if (s[i] === '[') {
      const items: PdfNode[] = [];
      let j = i + 1;
      for (;;) {
        j = this.skipWs(j);
        if (s[j] === ']') return { node: { k: 'array', start: i, end: j + 1, items }, next: j + 1 };
        const v = this.parse(j);
        items.push(v.node);
        j = v.next;
      }
    }
    if (s[i] === '<') {
      const end = s.indexOf('>', i);
      if (end < 0) this.bad('十六进制字符串未结束');
      return { node: { k: 'atom', start: i, end: end + 1 }, next: end + 1 };
    }
    if (s[i] === '(') {
      let depth = 0;
      for (let j = i; j < s.length; j++) {
        if (s[j] === '\\') j++;
        else if (s[j] === '(') depth++;
        else if (s[j] === ')' && --depth === 0) return { node: { k: 'atom', start: i, end: j + 1 }, next: j + 1 };
      }
      this.bad('字符串未结束');
    }
    if (s[i] === '/') {
      const end = this.token(i + 1);
      return { node: { k: 'atom', start: i, end }, next: end };
    }
    const end = this.token(i);
    if (end === i) this.bad(`无法识别的内容（位置 ${i}）`);
    const word = s.slice(i, end);
    if (/^\d+$/.test(word)) {
      const ref = /\s+(\d+)\s+R(?![^\s()<>[\]{}/%])/y;
      ref.lastIndex = end;
      const m = ref.exec(s);
      if (m) return { node: { k: 'ref', start: i, end: ref.lastIndex, num: Number(word), gen: Number(m[1]) }, next: ref.lastIndex };
    }
    return { node: { k: 'atom', start: i, end }, next: end };
  }
}

// ------------------------------------------------------------------ writing the update

/** PDF text string as UTF-16BE hex with BOM (ISO 32000-1 §7.9.2.2): safe for any Chinese text. */
function textString(s: string): string {
  const b = Buffer.from(s, 'utf16le');
  b.swap16();
  return `<FEFF${b.toString('hex').toUpperCase()}>`;
}

/** D:YYYYMMDDHHmmSS+00'00' (ISO 32000-1 §7.9.4), in UTC. */
function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `(D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}+00'00')`;
}

function dictWith(r: PdfReader, d: PdfNode & { k: 'dict' }, set: Record<string, string>): string {
  const kept = d.entries.filter(([k]) => !(k in set)).map(([k, v]) => `/${k} ${r.raw(v)}`);
  return `<<\n${[...kept, ...Object.entries(set).map(([k, v]) => `/${k} ${v}`)].join('\n')}\n>>`;
}

function arrayWith(r: PdfReader, a: PdfNode | undefined, extra: string): string {
  const items = a?.k === 'array' ? a.items.map((n) => r.raw(n)) : [];
  return `[${[...items, extra].join(' ')}]`;
}

function firstPage(r: PdfReader, root: PdfNode): { num: number; node: PdfNode & { k: 'dict' } } {
  let ref = r.get(root, 'Pages');
  for (let depth = 0; depth < 64 && ref?.k === 'ref'; depth++) {
    const node = r.object(ref.num);
    if (node.k !== 'dict') break;
    const type = r.get(node, 'Type');
    if (type && r.raw(type) === '/Page') return { num: ref.num, node };
    const kids = r.resolve(r.get(node, 'Kids'));
    ref = kids?.k === 'array' ? kids.items[0] : undefined;
  }
  throw new InputError('PDF 中找不到第 1 页，无法放置签名');
}

/** Bytes of the CMS placeholder: the certificates plus room for the signature and attributes. */
function contentsSize(m: SignerMaterial): number {
  return m.certs.reduce((n, c) => n + c.length, 0) + 4096;
}

/**
 * Signs a PDF (PAdES B-B, ETSI.CAdES.detached) by appending an incremental update. The original
 * bytes are kept unchanged at the start of the result.
 */
export function signPdf(pdf: Uint8Array, p12: Uint8Array, password: string, opts: SignOptions = {}): Uint8Array {
  const file = opts.certFile ?? '签名证书';
  const at = opts.signingTime ?? new Date();
  const material = readP12(p12, password, file, at);

  const orig = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const s = orig.toString('latin1');
  if (!s.startsWith('%PDF-')) throw new InputError('要签名的文件不是 PDF');
  const r = new PdfReader(s, (why) => {
    throw new InputError(`无法在该 PDF 上追加签名：${why}`);
  });

  const rootRef = r.get(r.trailer, 'Root');
  if (rootRef?.k !== 'ref') throw new InputError('无法在该 PDF 上追加签名：trailer 中没有 /Root');
  const root = r.object(rootRef.num);
  if (root.k !== 'dict') throw new InputError('无法在该 PDF 上追加签名：文档目录不是字典');
  const page = firstPage(r, root);

  let next = r.int(r.get(r.trailer, 'Size'));
  const sigNum = next++;
  const fieldNum = next++;
  const objects = new Map<number, string>();

  // AcroForm: keep existing fields (an earlier signature), add ours, SigFlags 3 (ISO 32000-1 §12.7.2).
  const acroEntry = r.get(root, 'AcroForm');
  const acro = r.resolve(acroEntry);
  const fieldsEntry = r.get(acro, 'Fields');
  const fields = r.resolve(fieldsEntry);
  const fieldCount = fields?.k === 'array' ? fields.items.length : 0;
  let fieldName = `LandCheckSignature${fieldCount + 1}`;
  for (let n = fieldCount + 2; s.includes(`(${fieldName})`); n++) fieldName = `LandCheckSignature${n}`;
  const fieldRef = `${fieldNum} 0 R`;
  let fieldsValue = arrayWith(r, fields, fieldRef);
  if (fieldsEntry?.k === 'ref') {
    objects.set(fieldsEntry.num, fieldsValue);
    fieldsValue = r.raw(fieldsEntry);
  }
  const acroDict = dictWith(r, acro?.k === 'dict' ? acro : { k: 'dict', start: 0, end: 0, entries: [] }, {
    Fields: fieldsValue,
    SigFlags: '3',
  });
  const rootSet: Record<string, string> = {};
  if (acroEntry?.k === 'ref') objects.set(acroEntry.num, acroDict);
  else rootSet.AcroForm = acroDict;
  // ETSI.CAdES.detached is an extension of PDF 1.7 (ETSI EN 319 142-1 §5.1 / ISO 32000-1 §7.12):
  // declare the ESIC developer extension and, for older headers, the catalog /Version.
  if (!r.get(root, 'Extensions')) rootSet.Extensions = '<< /ESIC << /BaseVersion /1.7 /ExtensionLevel 2 >> >>';
  const header = /^%PDF-(\d)\.(\d)/.exec(s);
  if (!r.get(root, 'Version') && header && Number(header[1]) * 10 + Number(header[2]) < 17) rootSet.Version = '/1.7';
  if (Object.keys(rootSet).length > 0) objects.set(rootRef.num, dictWith(r, root, rootSet));

  // The widget's page lists it in /Annots.
  const annotsEntry = r.get(page.node, 'Annots');
  if (annotsEntry?.k === 'ref') objects.set(annotsEntry.num, arrayWith(r, r.resolve(annotsEntry), fieldRef));
  else objects.set(page.num, dictWith(r, page.node, { Annots: arrayWith(r, annotsEntry, fieldRef) }));

  // Signature field merged with its invisible widget (ISO 32000-1 §12.7.4.5, §12.5.6.19).
  objects.set(
    fieldNum,
    `<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T (${fieldName})\n/Rect [0 0 0 0]\n/F 132\n/P ${page.num} ${r.gen(page.num)} R\n/V ${sigNum} 0 R\n>>`,
  );

  const hexLen = contentsSize(material) * 2;
  const BR_PLACEHOLDER = `/ByteRange [0 ${'9'.repeat(10)} ${'9'.repeat(10)} ${'9'.repeat(10)}]`;
  const name = opts.name ?? certCn(material.cert, 'subject');
  // ISO 32000-1 §12.8.1 table 252; ETSI EN 319 142-1 §6.3: /M carries the claimed signing time.
  const sigDict = [
    '<<',
    '/Type /Sig',
    '/Filter /Adobe.PPKLite',
    '/SubFilter /ETSI.CAdES.detached',
    BR_PLACEHOLDER,
    `/Contents <${'0'.repeat(hexLen)}>`,
    `/M ${pdfDate(at)}`,
    ...(name ? [`/Name ${textString(name)}`] : []),
    ...(opts.reason ? [`/Reason ${textString(opts.reason)}`] : []),
    ...(opts.location ? [`/Location ${textString(opts.location)}`] : []),
    '/Prop_Build << /App << /Name /LandCheck >> >>',
    '>>',
  ].join('\n');
  objects.set(sigNum, sigDict);

  // Body of the update, then its xref section (one subsection per run of object numbers).
  let out = s.endsWith('\n') || s.endsWith('\r') ? '' : '\n';
  const base = orig.length;
  const offsets = new Map<number, number>();
  for (const num of [...objects.keys()].sort((a, b) => a - b)) {
    offsets.set(num, base + Buffer.byteLength(out, 'latin1'));
    out += `${num} ${r.gen(num)} obj\n${objects.get(num)}\nendobj\n`;
  }
  const xrefAt = base + out.length;
  out += 'xref\n';
  const nums = [...offsets.keys()];
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j] + 1) j++;
    out += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) out += `${String(offsets.get(nums[k])).padStart(10, '0')} ${String(r.gen(nums[k])).padStart(5, '0')} n\r\n`;
    i = j + 1;
  }
  const info = r.get(r.trailer, 'Info');
  const id = r.get(r.trailer, 'ID');
  out +=
    `trailer\n<<\n/Size ${next}\n/Root ${r.raw(rootRef)}\n${info ? `/Info ${r.raw(info)}\n` : ''}` +
    `${id ? `/ID ${r.raw(id)}\n` : ''}/Prev ${r.xrefAt}\n>>\nstartxref\n${xrefAt}\n%%EOF\n`;

  // ByteRange: everything except the hex string <…> of /Contents (ISO 32000-1 §12.8.1).
  const buf = Buffer.concat([orig, Buffer.from(out, 'latin1')]);
  const sigAt = offsets.get(sigNum)!;
  const contentsStart = buf.indexOf(`/Contents <`, sigAt, 'latin1') + '/Contents '.length;
  const contentsEnd = contentsStart + hexLen + 2;
  const range = [0, contentsStart, contentsEnd, buf.length - contentsEnd];
  const brText = `/ByteRange [${range.join(' ')}]`.padEnd(BR_PLACEHOLDER.length, ' ');
  const brAt = buf.indexOf(BR_PLACEHOLDER, sigAt, 'latin1');
  buf.write(brText, brAt, 'latin1');

  const digest = createHash('sha256').update(buf.subarray(0, contentsStart)).update(buf.subarray(contentsEnd)).digest();
  const cms = buildCms(digest, material);
  if (cms.length * 2 > hexLen) throw new Error('signature larger than its placeholder');
  buf.write(cms.toString('hex').toUpperCase(), contentsStart + 1, 'latin1');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
