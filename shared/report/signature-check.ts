// Integrity of the PDF signatures of a report (ISO 32000-1 §12.8; PAdES, ETSI EN 319 142-1):
// for every signature dictionary, the /ByteRange must cover the file except exactly its own
// /Contents string, the CMS SignedData (RFC 5652) must carry a message digest equal to the
// digest of those bytes, and its signature over the signed attributes must verify with the
// signer's certificate. Whether the certificate is trusted (a CA chain to a root the reader
// trusts, revocation) is not judged here: an offline tool has no trust store to judge it by.
import { createHash, createPublicKey, verify as cryptoVerify } from 'node:crypto';
import forge from 'node-forge';
import { PdfDict, PdfDocument, PdfStream, PdfString, isName } from './pdf-reader';
import { textOf } from './sanitize';

export interface SignatureCheck {
  /** Signer's common name (or subject), when the CMS could be read. */
  signer: string | null;
  /** Claimed signing time (/M), ISO, when present. */
  signedAt: string | null;
  /** The signed bytes are unchanged and the signature verifies with the signer's certificate. */
  intact: boolean;
  /** Byte offset where the signed part ends. */
  coversTo: number;
  /** The signed part is the whole file (nothing appended after signing). */
  coversWholeFile: boolean;
  /** Chinese: why the signature is not intact. */
  problem?: string;
}

const OID_DIGEST: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.3.14.3.2.26': 'sha1',
};
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const { asn1, pki } = forge;
type Asn1 = forge.asn1.Asn1;

const der = (a: Asn1) => Buffer.from(asn1.toDer(a).getBytes(), 'binary');
const children = (a: Asn1 | undefined): Asn1[] => (a && Array.isArray(a.value) ? (a.value as Asn1[]) : []);

function cn(cert: forge.pki.Certificate): string {
  const attrs = cert.subject.attributes;
  const c = attrs.find((a) => a.shortName === 'CN');
  const dec = (v: unknown) => {
    try {
      return forge.util.decodeUtf8(textOf(v));
    } catch {
      return textOf(v);
    }
  };
  return c ? dec(c.value) : attrs.map((a) => `${a.shortName ?? a.name}=${dec(a.value)}`).join(', ');
}

/** Checks a detached CMS SignedData over `signed`; returns the signer and a problem, if any. */
function checkCms(cmsDer: Buffer, signed: Buffer[]): { signer: string | null; problem?: string } {
  let root: Asn1;
  try {
    root = asn1.fromDer(forge.util.createBuffer(cmsDer.toString('binary')), { parseAllBytes: false } as never);
  } catch {
    return { signer: null, problem: '签名数据无法解析' };
  }
  // ContentInfo { contentType, [0] SignedData }
  const sd = children(children(root)[1])[0];
  const parts = children(sd);
  // SignedData { version, digestAlgorithms, encapContentInfo, [0] certificates?, [1] crls?, signerInfos }
  const certsNode = parts.find((p) => p.tagClass === asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
  const signerInfos = parts[parts.length - 1];
  const si = children(signerInfos)[0];
  if (!si) return { signer: null, problem: '签名数据中没有签名者信息' };
  const certs: forge.pki.Certificate[] = [];
  for (const c of children(certsNode)) {
    try {
      certs.push(pki.certificateFromAsn1(c));
    } catch {
      /* not an X.509 certificate (attribute certificates are ignored) */
    }
  }
  const sif = children(si);
  // SignerInfo { version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature }
  const sid = sif[1];
  const digestOid = asn1.derToOid(children(sif[2])[0].value as string);
  const attrsNode = sif.find((p) => p.tagClass === asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
  const sigValue = Buffer.from(sif[sif.length - 1].value as string, 'binary');
  const algo = OID_DIGEST[digestOid];
  if (!algo) return { signer: null, problem: '签名使用了本工具不支持的摘要算法' };
  // the signer's certificate: issuerAndSerialNumber
  let cert: forge.pki.Certificate | undefined;
  if (sid && sid.tagClass === asn1.Class.UNIVERSAL) {
    const [issuer, serial] = children(sid);
    const serialHex = forge.util.bytesToHex(serial.value as string).replace(/^(00)+(?=.)/, '');
    const issuerDer = der(issuer).toString('hex');
    cert = certs.find((c) => c.serialNumber.replace(/^(00)+(?=.)/, '') === serialHex && der(pki.distinguishedNameToAsn1(c.issuer)).toString('hex') === issuerDer);
  }
  cert ??= certs[0];
  const signer = cert ? cn(cert) : null;
  if (!cert) return { signer, problem: '签名数据中没有签名者证书' };
  const h = createHash(algo);
  for (const b of signed) h.update(b);
  const digest = h.digest();
  if (!attrsNode) return { signer, problem: '签名数据缺少签名属性' };
  const md = children(attrsNode).find((a) => asn1.derToOid(children(a)[0].value as string) === OID_MESSAGE_DIGEST);
  const mdValue = md ? Buffer.from(children(children(md)[1])[0].value as string, 'binary') : null;
  if (!mdValue || !mdValue.equals(digest)) return { signer, problem: '签名后文件内容被修改（摘要不一致）' };
  // RFC 5652 §5.4: the signature covers the DER of the attributes with the SET OF tag
  const attrsSet = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, children(attrsNode));
  try {
    const key = createPublicKey(pki.publicKeyToPem(cert.publicKey as forge.pki.rsa.PublicKey));
    if (!cryptoVerify(algo, der(attrsSet), key, sigValue)) return { signer, problem: '签名值与签名者证书不符' };
  } catch {
    return { signer, problem: '无法用签名者证书验证签名值' };
  }
  return { signer };
}

/** Every signature of the document, in file order. */
export function checkSignatures(doc: PdfDocument): SignatureCheck[] {
  const buf = doc.buf;
  const out: SignatureCheck[] = [];
  const seen = new Set<PdfDict>();
  for (const num of doc.objectNumbers()) {
    let v;
    try {
      v = doc.object(num);
    } catch {
      continue;
    }
    const d = v instanceof PdfDict ? v : v instanceof PdfStream ? null : null;
    if (!d || seen.has(d) || !d.has('ByteRange') || !d.has('Contents')) continue;
    if (!isName(doc.resolve(d.get('Type')), 'Sig') && !isName(doc.resolve(d.get('Type')), 'DocTimeStamp') && !d.has('SubFilter')) continue;
    seen.add(d);
    const br = (doc.array(d.get('ByteRange')) ?? []).map((x) => doc.num(x));
    const m = doc.resolve(d.get('M'));
    const signedAt = m instanceof PdfString ? m.text() : null;
    const fail = (problem: string, signer: string | null = null, coversTo = 0): SignatureCheck => ({
      signer,
      signedAt,
      intact: false,
      coversTo,
      coversWholeFile: coversTo === buf.length,
      problem,
    });
    if (br.length !== 4 || br.some((x) => x === null || !Number.isInteger(x) || x < 0)) {
      out.push(fail('签名的字节范围无效'));
      continue;
    }
    const [a, b, c, l] = br as number[];
    const coversTo = c + l;
    if (a !== 0 || b > c || coversTo > buf.length) {
      out.push(fail('签名的字节范围超出文件', null, Math.min(coversTo, buf.length)));
      continue;
    }
    // the gap must be exactly the hex string <…> of /Contents
    if (buf[b] !== 0x3c || buf[c - 1] !== 0x3e || !/^[0-9A-Fa-f]*$/.test(buf.toString('latin1', b + 1, c - 1))) {
      out.push(fail('签名的字节范围没有恰好排除签名值', null, coversTo));
      continue;
    }
    const contents = doc.resolve(d.get('Contents'));
    const cms = contents instanceof PdfString ? contents.bytes : Buffer.from(buf.toString('latin1', b + 1, c - 1), 'hex');
    const r = checkCms(cms, [buf.subarray(0, b), buf.subarray(c, coversTo)]);
    out.push({
      signer: r.signer,
      signedAt,
      intact: !r.problem,
      coversTo,
      coversWholeFile: coversTo === buf.length,
      ...(r.problem ? { problem: r.problem } : {}),
    });
  }
  return out.sort((x, y) => x.coversTo - y.coversTo);
}
