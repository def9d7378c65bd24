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
import { PdfDict, PdfDocument, PdfError, PdfRef, type PdfValue } from './pdf-reader';
import { appendUpdate, dictWith, nextObjectNumber, pdfTextString, serialize, type UpdateBody } from './pdf-writer';
import { textOf } from './sanitize';

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
    const s = textOf(v);
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
    if (!(macOk && hasNonAscii(password))) throw p12Error(e, file);
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

// ------------------------------------------------------------------ the update

function firstPage(doc: PdfDocument): { num: number; dict: PdfDict } {
  const pages = doc.pages();
  const p = pages[0];
  if (!p || !p.ref) throw new InputError('PDF 中找不到第 1 页，无法放置签名');
  return { num: p.ref.num, dict: p.dict };
}

/** Bytes of the CMS placeholder: the certificates plus room for the signature and attributes. */
function contentsSize(m: SignerMaterial): number {
  return m.certs.reduce((n, c) => n + c.length, 0) + 4096;
}

function arrayWith(doc: PdfDocument, a: PdfValue | undefined, extra: string): string {
  const items = doc.array(a) ?? [];
  return `[${[...items.map(serialize), extra].join(' ')}]`;
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
  if (orig.toString('latin1', 0, 5) !== '%PDF-') throw new InputError('要签名的文件不是 PDF');
  let doc: PdfDocument;
  try {
    doc = new PdfDocument(orig);
  } catch (e) {
    throw new InputError(`无法在该 PDF 上追加签名：${e instanceof PdfError ? e.message : String(e)}`);
  }
  const bad = (why: string): never => {
    throw new InputError(`无法在该 PDF 上追加签名：${why}`);
  };
  if (doc.repaired) bad('文件的交叉引用数据已损坏');
  if (doc.sections[0]?.kind !== 'table') {
    bad('该文件使用压缩的交叉引用流，本工具只支持普通交叉引用表（本工具生成的报告均为普通交叉引用表）');
  }
  const rootRef = doc.trailer.get('Root');
  if (!(rootRef instanceof PdfRef)) return bad('trailer 中没有 /Root');
  const root = doc.dict(rootRef);
  if (!root) return bad('文档目录不是字典');
  let page: { num: number; dict: PdfDict };
  try {
    page = firstPage(doc);
  } catch (e) {
    if (e instanceof PdfError) return bad(e.message);
    throw e;
  }

  let next = nextObjectNumber(doc);
  const sigNum = next++;
  const fieldNum = next++;
  const objects = new Map<number, UpdateBody>();

  // AcroForm: keep existing fields (an earlier signature), add ours, SigFlags 3 (ISO 32000-1 §12.7.2).
  const acroEntry = root.get('AcroForm');
  const acro = doc.dict(acroEntry);
  const fieldsEntry = acro?.get('Fields');
  const fieldCount = doc.array(fieldsEntry)?.length ?? 0;
  const s = orig.toString('latin1');
  let fieldName = `LandCheckSignature${fieldCount + 1}`;
  for (let n = fieldCount + 2; s.includes(`(${fieldName})`); n++) fieldName = `LandCheckSignature${n}`;
  const fieldRef = `${fieldNum} 0 R`;
  let fieldsValue = arrayWith(doc, fieldsEntry, fieldRef);
  if (fieldsEntry instanceof PdfRef) {
    objects.set(fieldsEntry.num, fieldsValue);
    fieldsValue = serialize(fieldsEntry);
  }
  const acroDict = dictWith(acro, { Fields: fieldsValue, SigFlags: '3' });
  const rootSet: Record<string, string> = {};
  if (acroEntry instanceof PdfRef) objects.set(acroEntry.num, acroDict);
  else rootSet.AcroForm = acroDict;
  // ETSI.CAdES.detached is an extension of PDF 1.7 (ETSI EN 319 142-1 §5.1 / ISO 32000-1 §7.12):
  // declare the ESIC developer extension and, for older headers, the catalog /Version.
  if (!root.get('Extensions')) rootSet.Extensions = '<< /ESIC << /BaseVersion /1.7 /ExtensionLevel 2 >> >>';
  const header = /^%PDF-(\d)\.(\d)/.exec(orig.toString('latin1', 0, 16));
  if (!root.get('Version') && header && Number(header[1]) * 10 + Number(header[2]) < 17) rootSet.Version = '/1.7';
  if (Object.keys(rootSet).length > 0) objects.set(rootRef.num, dictWith(root, rootSet));

  // The widget's page lists it in /Annots.
  const annotsEntry = page.dict.get('Annots');
  if (annotsEntry instanceof PdfRef) objects.set(annotsEntry.num, arrayWith(doc, annotsEntry, fieldRef));
  else objects.set(page.num, dictWith(page.dict, { Annots: arrayWith(doc, annotsEntry, fieldRef) }));

  // Signature field merged with its invisible widget (ISO 32000-1 §12.7.4.5, §12.5.6.19).
  objects.set(
    fieldNum,
    `<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T (${fieldName})\n/Rect [0 0 0 0]\n/F 132\n/P ${page.num} ${doc.generation(page.num)} R\n/V ${sigNum} 0 R\n>>`,
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
    `/M ${pdfDateWithOffset(at)}`,
    ...(name ? [`/Name ${pdfTextString(name)}`] : []),
    ...(opts.reason ? [`/Reason ${pdfTextString(opts.reason)}`] : []),
    ...(opts.location ? [`/Location ${pdfTextString(opts.location)}`] : []),
    '/Prop_Build << /App << /Name /LandCheck >> >>',
    '>>',
  ].join('\n');
  objects.set(sigNum, sigDict);

  const buf = appendUpdate(orig, doc, objects, next);

  // ByteRange: everything except the hex string <…> of /Contents (ISO 32000-1 §12.8.1).
  const sigAt = buf.indexOf(`\n${sigNum} 0 obj\n`, orig.length - 1, 'latin1');
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

/** D:YYYYMMDDHHmmSS+00'00' (ISO 32000-1 §7.9.4), in UTC. */
function pdfDateWithOffset(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `(D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}+00'00')`;
}

function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return true;
  return false;
}
