// PAdES signature with a PKCS#12 certificate: a real report is signed with a self-signed certificate
// made by openssl, then checked by independent tools (poppler's pdfsig, qpdf, openssl cms) and by
// our own manifest reader and verifier.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_TITLE } from '../../shared/report/pdf';
import { describeSigner, signPdf } from '../../shared/report/sign';
import { readReportManifest } from '../../shared/report/manifest';
import { verifyReportFile } from '../../shared/report/verify';
import type { OriginalInputs } from '../../shared/report/rederive';
import { sampleInputs, sampleReport } from './samples';
import { InputError } from '../../shared/errors';
import { pdfinfo, pdftotext, tempDir, writePdf } from './helpers';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PASSWORD = 'pa55-审查';
const CN = '测试审查机构';
let pdf: Uint8Array;
let signed: Uint8Array;
let signedPath: string;
let p12: Buffer;
let inputs: OriginalInputs;

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

function pdfsig(path: string): string {
  // pdfsig exits non-zero for invalid signatures; its report is what we assert on.
  const r = spawnSync('pdfsig', [path], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`;
}

function byteRange(bytes: Uint8Array): number[] {
  const s = Buffer.from(bytes).toString('latin1');
  const all = [...s.matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/g)];
  return all[all.length - 1].slice(1).map(Number);
}

/** The DER CMS inside the last /Contents placeholder (its length read from the DER header). */
function cmsOf(bytes: Uint8Array): Buffer {
  const [, a, b] = byteRange(bytes);
  const hex = Buffer.from(bytes.subarray(a + 1, b - 1)).toString('latin1');
  const raw = Buffer.from(hex, 'hex');
  expect(raw[0]).toBe(0x30);
  const lenBytes = raw[1] & 0x7f;
  const len = raw[1] & 0x80 ? raw.subarray(2, 2 + lenBytes).reduce((n, x) => n * 256 + x, 0) : raw[1];
  return raw.subarray(0, (raw[1] & 0x80 ? 2 + lenBytes : 2) + len);
}

function flipped(bytes: Uint8Array, at: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[at] = copy[at] === 0x41 ? 0x42 : 0x41;
  return copy;
}

beforeAll(async () => {
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '30', '-utf8', '-subj', `/CN=${CN}/O=LandCheck Test`);
  // OpenSSL 3 default PKCS#12 (AES-256-CBC, PBKDF2, SHA-256 MAC): node-forge reads it.
  openssl('pkcs12', '-export', '-in', 'cert.pem', '-inkey', 'key.pem', '-out', 'signer.p12', '-passout', `pass:${PASSWORD}`);
  openssl('pkcs12', '-export', '-legacy', '-in', 'cert.pem', '-inkey', 'key.pem', '-out', 'legacy.p12', '-passout', 'pass:legacy');
  openssl('pkcs12', '-export', '-nokeys', '-in', 'cert.pem', '-out', 'nokey.p12', '-passout', `pass:${PASSWORD}`);
  p12 = readFileSync(join(dir, 'signer.p12'));
  pdf = await sampleReport('residential-jiading', { org: { name: '某某施工图审查中心' } });
  inputs = await sampleInputs('residential-jiading');
  signed = signPdf(pdf, p12, PASSWORD, { reason: '出具审查报告', location: '上海市', certFile: 'signer.p12' });
  signedPath = writePdf(dir, 'signed.pdf', signed);
}, 60_000);

describe('signPdf', () => {
  it('pdfsig reports one valid ETSI.CAdES.detached signature over the whole document', () => {
    const out = pdfsig(signedPath);
    expect(out).toContain('Signature #1');
    expect(out).not.toContain('Signature #2');
    expect(out).toContain(`Signer Certificate Common Name: ${CN}`);
    expect(out).toContain('Signing Hash Algorithm: SHA-256');
    expect(out).toContain('Signature Type: ETSI.CAdES.detached');
    expect(out).toContain('Total document signed');
    expect(out).toContain('Signature Validation: Signature is Valid.');
  });

  it('is an incremental update: the original bytes are untouched and the byte range covers all but /Contents', () => {
    expect(Buffer.from(signed.subarray(0, pdf.length)).equals(Buffer.from(pdf))).toBe(true);
    const [a, b, c, d] = byteRange(signed);
    expect(a).toBe(0);
    expect(c + d).toBe(signed.length);
    expect(String.fromCharCode(signed[b], signed[c - 1])).toBe('<>');
    expect(Buffer.from(signed.subarray(b + 1, c - 1)).toString('latin1')).toMatch(/^[0-9A-F]+$/);
    const tail = Buffer.from(signed.subarray(pdf.length)).toString('latin1');
    expect(tail).toMatch(/\/Filter \/Adobe\.PPKLite\n\/SubFilter \/ETSI\.CAdES\.detached/);
    expect(tail).toMatch(/\/SigFlags 3/);
    expect(tail).toMatch(/\/Annots \[[^\]]*\d+ 0 R\]/);
    const prev = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(Buffer.from(pdf).toString('latin1'))![1];
    expect(tail).toContain(`/Prev ${prev}\n`);
    expect(tail).toMatch(/\/M \(D:\d{14}\+00'00'\)/);
    // ETSI.CAdES.detached is a PDF 1.7 extension: the catalog declares it (pdfkit writes %PDF-1.3)
    expect(tail).toContain('/Extensions << /ESIC << /BaseVersion /1.7 /ExtensionLevel 2 >> >>');
    expect(pdfinfo(signedPath)['PDF version']).toBe('1.7');
  });

  it('also signs the report after qpdf rewrote it (QDF form, linearized); refuses xref streams clearly', () => {
    const src = writePdf(dir, 'plain.pdf', pdf);
    for (const [name, args] of [
      ['qdf.pdf', ['--qdf']],
      ['lin.pdf', ['--object-streams=disable', '--linearize']],
    ] as const) {
      execFileSync('qpdf', [...args, src, join(dir, name)]);
      const out = writePdf(dir, `signed-${name}`, signPdf(readFileSync(join(dir, name)), p12, PASSWORD));
      const sig = pdfsig(out);
      expect(sig, name).toContain('Total document signed');
      expect(sig, name).toContain('Signature is Valid.');
      expect(spawnSync('qpdf', ['--check', out]).status, name).toBe(0);
    }
    execFileSync('qpdf', ['--object-streams=generate', src, join(dir, 'xs.pdf')]);
    expect(() => signPdf(readFileSync(join(dir, 'xs.pdf')), p12, PASSWORD)).toThrow(
      new InputError('无法在该 PDF 上追加签名：该文件使用压缩的交叉引用流，本工具只支持普通交叉引用表（本工具生成的报告均为普通交叉引用表）'),
    );
  });

  it('qpdf --check finds no structural error in the signed file', () => {
    const r = spawnSync('qpdf', ['--check', signedPath], { encoding: 'utf8' });
    expect(r.stdout).toContain('No syntax or stream encoding errors found');
    expect(r.status).toBe(0);
  });

  it('changing one byte in either signed range makes the signature invalid', () => {
    const [, b, c] = byteRange(signed);
    // first range: the binary comment on the second line of the original file
    const early = writePdf(dir, 'tampered-1.pdf', flipped(signed, 10));
    const out1 = pdfsig(early);
    expect(out1).toContain('Signature #1');
    expect(out1).not.toContain('Signature is Valid');
    expect(out1).toMatch(/Digest Mismatch|Signature is Invalid/);
    // second range: a hex digit of /Location, right after /Contents
    const tail = Buffer.from(signed).toString('latin1');
    const loc = tail.indexOf('/Location <FEFF', c) + '/Location <FEFF'.length;
    expect(loc).toBeGreaterThan(c);
    expect(b).toBeLessThan(loc);
    const late = writePdf(dir, 'tampered-2.pdf', flipped(signed, loc));
    const out2 = pdfsig(late);
    expect(out2).toContain('Signature #1');
    expect(out2).not.toContain('Signature is Valid');
  });

  it('the CMS is PAdES B-B: openssl verifies it over the byte ranges; ESS signing-certificate-v2, no CMS signing-time', () => {
    const [a, b, c, d] = byteRange(signed);
    const content = Buffer.concat([signed.subarray(a, a + b), signed.subarray(c, c + d)]);
    writeFileSync(join(dir, 'content.bin'), content);
    writeFileSync(join(dir, 'sig.der'), cmsOf(signed));
    const verify = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'sig.der', '-content', 'content.bin', '-CAfile', 'cert.pem', '-purpose', 'any', '-out', '/dev/null'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(verify.stderr).toContain('Verification successful');
    const printed = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'sig.der'], { cwd: dir, encoding: 'utf8' });
    expect(printed).toContain('contentType (1.2.840.113549.1.9.3)');
    expect(printed).toContain('messageDigest (1.2.840.113549.1.9.4)');
    expect(printed).toContain('1.2.840.113549.1.9.16.2.47'); // id-aa-signingCertificateV2
    expect(printed).not.toContain('signingTime');
    expect(printed).toMatch(/eContent: <ABSENT>/);
    // the certificate hash in signing-certificate-v2 is the SHA-256 of the signer's certificate
    const certHash = execFileSync('sh', ['-c', 'openssl x509 -in cert.pem -outform DER | sha256sum'], { cwd: dir, encoding: 'utf8' }).slice(0, 64);
    expect(printed.replace(/\s+/g, '').toLowerCase()).toContain(certHash);
  });

  it('the report stays a LandCheck report: Chinese text, embedded data, verification with the signature checked', async () => {
    expect(pdftotext(signedPath)).toContain(REPORT_TITLE);
    expect(readReportManifest(signed)).toEqual(readReportManifest(pdf));
    const out = await verifyReportFile(signed, inputs);
    expect(out).toMatchObject({ ok: true, status: 'genuine', differences: [] });
    expect(out.signatures).toMatchObject([{ signer: CN, intact: true, coversWholeFile: true }]);
    expect(out.notes.join('\n')).toContain(`数字签名完整有效：由“${CN}”的证书签署`);
  }, 30_000);

  it('a signed report changed after signing: the broken signature is named, the report is altered', async () => {
    const at = Buffer.from(signed).toString('latin1').indexOf('/Location <FEFF') + '/Location <FEFF'.length;
    const out = await verifyReportFile(flipped(signed, at), inputs);
    expect(out.status).toBe('altered');
    expect(out.details.join('\n')).toMatch(/数字签名（“测试审查机构”的证书）校验失败：签名后文件内容被修改/);
  }, 30_000);

  it('signs an already signed report again; both signatures stay valid (legacy OpenSSL p12 too)', async () => {
    const twice = signPdf(signed, readFileSync(join(dir, 'legacy.p12')), 'legacy', { reason: '复核签署' });
    const path = writePdf(dir, 'twice.pdf', twice);
    const out = pdfsig(path);
    expect(out).toContain('Signature #2');
    expect(out).toContain('Signature Field Name: LandCheckSignature2');
    expect(out.match(/Signature is Valid\./g)).toHaveLength(2);
    expect(spawnSync('qpdf', ['--check', path]).status).toBe(0);
    const v = await verifyReportFile(twice, inputs);
    expect(v.status).toBe('genuine');
    expect(v.signatures.map((x) => [x.intact, x.coversWholeFile])).toEqual([
      [true, false],
      [true, true],
    ]);
  }, 30_000);

  it('embeds the chain of a CA-issued certificate and signs with the certificate that matches the key', () => {
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30', '-subj', '/CN=LandCheck Test CA');
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=Leaf Signer');
    openssl('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'leaf.pem', '-days', '10');
    openssl('pkcs12', '-export', '-in', 'leaf.pem', '-inkey', 'leaf.key', '-certfile', 'ca.pem', '-out', 'chain.p12', '-passout', 'pass:chain');
    const chainP12 = readFileSync(join(dir, 'chain.p12'));
    expect(describeSigner(chainP12, 'chain')).toMatchObject({ subject: 'Leaf Signer', issuer: 'LandCheck Test CA', chainLength: 2 });
    const out = signPdf(pdf, chainP12, 'chain');
    const path = writePdf(dir, 'chain.pdf', out);
    const sig = pdfsig(path);
    expect(sig).toContain('Signer Certificate Common Name: Leaf Signer');
    expect(sig).toContain('Signature is Valid.');
    writeFileSync(join(dir, 'chain.der'), cmsOf(out));
    const certs = execFileSync('openssl', ['pkcs7', '-inform', 'DER', '-in', 'chain.der', '-print_certs', '-noout'], { cwd: dir, encoding: 'utf8' });
    expect(certs).toMatch(/subject=CN ?= ?Leaf Signer/);
    expect(certs).toMatch(/subject=CN ?= ?LandCheck Test CA/);
  });

  it('describeSigner names the certificate', () => {
    const who = describeSigner(p12, PASSWORD);
    expect(who.subject).toBe(CN);
    expect(who.chainLength).toBe(1);
    expect(who.notAfter.getTime()).toBeGreaterThan(Date.now());
  });
});

describe('signPdf: bad certificates are one Chinese InputError naming the file', () => {
  const attempt = (bytes: Uint8Array, password: string, signingTime?: Date) => {
    try {
      signPdf(pdf, bytes, password, { certFile: 'cert.p12', signingTime });
    } catch (e) {
      return e;
    }
    return null;
  };

  it('wrong password', () => {
    const e = attempt(p12, 'wrong');
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toBe('签名证书文件 cert.p12 的密码不正确');
    expect((e as InputError).file).toBe('cert.p12');
  });

  it('not a PKCS#12 file (a PDF, random bytes)', () => {
    for (const bytes of [pdf, Buffer.from('hello, not a certificate')]) {
      const e = attempt(bytes, PASSWORD);
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).message).toMatch(/^签名证书文件 cert\.p12 (不是 PKCS#12|不是有效的 PKCS#12)/);
    }
  });

  it('a PKCS#12 with the certificate only (no private key)', () => {
    const e = attempt(readFileSync(join(dir, 'nokey.p12')), PASSWORD);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toBe('签名证书文件 cert.p12 中没有私钥（只有证书的文件不能用于签名）');
  });

  it('refuses an expired or not yet valid certificate', () => {
    const expired = attempt(p12, PASSWORD, new Date(Date.now() + 40 * 86400_000));
    expect(expired).toBeInstanceOf(InputError);
    expect((expired as InputError).message).toMatch(new RegExp(`^签名证书已过期（${CN}，有效期至 \\d{4}-\\d{2}-\\d{2}），不能用于签名：cert\\.p12$`));
    const early = attempt(p12, PASSWORD, new Date(Date.now() - 2 * 86400_000));
    expect((early as InputError).message).toMatch(/^签名证书尚未生效/);
  });

  it('refuses a file that is not a PDF', () => {
    expect(() => signPdf(Buffer.from('not a pdf'), p12, PASSWORD)).toThrow(InputError);
  });
});

describe('npm run check -- --pdf --sign', () => {
  const ROOT = process.cwd();
  const S = join(ROOT, 'seeds', 'samples', 'residential-jiading');
  const run = (env: Record<string, string>, ...extra: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'build', 'run-cli.mjs'), 'check', `${S}.xlsx`, '--conditions', `${S}.conditions.json`, ...extra], {
      encoding: 'utf8',
      cwd: ROOT,
      env: { ...process.env, LANDCHECK_P12_PASSWORD: '', ...env },
    });

  it('reads the password from the environment variable named by --sign-password-env and writes a signed PDF', () => {
    const out = join(dir, 'cli.pdf');
    const r = run({ MY_P12_PW: PASSWORD }, '--pdf', out, '--sign', join(dir, 'signer.p12'), '--sign-password-env', 'MY_P12_PW');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已用证书数字签名');
    const sig = pdfsig(out);
    expect(sig).toContain('Signature is Valid.');
    const hex = /\/Reason <FEFF([0-9A-F]+)>/.exec(readFileSync(out, 'latin1'))![1];
    const reason = Buffer.from(hex, 'hex').swap16().toString('utf16le');
    expect(reason).toMatch(/^出具审查报告（报告核验码 LC-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}）$/);
  }, 60_000);

  it('missing environment variable or wrong password: exit 3, one Chinese message, no PDF written', () => {
    const out = join(dir, 'cli-bad.pdf');
    const env = { ...process.env };
    delete env.LANDCHECK_P12_PASSWORD;
    const missing = spawnSync(
      process.execPath,
      [join(ROOT, 'build', 'run-cli.mjs'), 'check', `${S}.xlsx`, '--conditions', `${S}.conditions.json`, '--pdf', out, '--sign', join(dir, 'signer.p12')],
      { encoding: 'utf8', cwd: ROOT, env },
    );
    expect(missing.status).toBe(3);
    expect(missing.stderr).toMatch(/^错误：未设置环境变量 LANDCHECK_P12_PASSWORD：/);
    const wrong = run({ LANDCHECK_P12_PASSWORD: 'nope' }, '--pdf', out, '--sign', join(dir, 'signer.p12'));
    expect(wrong.status).toBe(3);
    expect(wrong.stderr).toBe(`错误：签名证书文件 ${join(dir, 'signer.p12')} 的密码不正确\n`);
    expect(spawnSync('test', ['-e', out]).status).toBe(1);
    const noPdf = run({}, '--sign', join(dir, 'signer.p12'));
    expect(noPdf.status).toBe(3);
    expect(noPdf.stderr).toMatch(/--sign 需要与 --pdf 一起使用/);
  }, 60_000);
});
