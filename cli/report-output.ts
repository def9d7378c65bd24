// --pdf / --xlsx of `npm run check`: the stamped report and the Excel record of a run.
import type { CheckRun } from '../shared/model/types';
import { renderReportPdf, type ReportOptions } from '../shared/report/pdf';
import { renderReportXlsx } from '../shared/report/excel';
import { fingerprint } from '../shared/report/fingerprint';
import { InputError } from '../shared/errors';
import { INPUT_LIMITS, readInputFileSync } from '../shared/fsio/read';
import { writeFileAtomic } from '../shared/fsio/output';

/** Environment variable holding the PKCS#12 password when --sign-password-env is not given. */
export const DEFAULT_P12_PASSWORD_ENV = 'LANDCHECK_P12_PASSWORD';

/** --sign: PAdES signature of the PDF with a PKCS#12 certificate. */
export interface SignRequest {
  /** Path of the .p12/.pfx file. */
  p12: string;
  /** Name of the environment variable that holds the password (never the password itself). */
  passwordEnv?: string;
  reason?: string;
  location?: string;
}

interface SignInputs {
  p12Path: string;
  p12: Uint8Array;
  password: string;
  reason?: string;
  location?: string;
}

/** Reads the certificate file and its password before anything is rendered. */
function signInputs(req: SignRequest, env: NodeJS.ProcessEnv): SignInputs {
  const envName = req.passwordEnv ?? DEFAULT_P12_PASSWORD_ENV;
  const p12: Uint8Array = readInputFileSync(req.p12, {
    what: '签名证书文件',
    maxBytes: INPUT_LIMITS.certificateBytes,
    missing: `找不到或无法读取签名证书文件：${req.p12}`,
  });
  const password = env[envName];
  if (password === undefined) {
    throw new InputError(
      `未设置环境变量 ${envName}：请在该环境变量中提供签名证书 ${req.p12} 的密码（密码不能写在命令行参数中；用 --sign-password-env 可指定其他变量名）`,
      req.p12,
    );
  }
  return { p12Path: req.p12, p12, password, reason: req.reason, location: req.location };
}

/** The organisation of a report made without --org: a self-check, with no seal (never one in the product's name). */
export const SELF_CHECK_ORG = '未指定审查单位（自查）';

/** Organisation, sign-off and project identity from the command line. */
export function reportOptionsFromFlags(flags: Map<string, string | true>): ReportOptions {
  const str = (k: string) => {
    const v = flags.get(k);
    return typeof v === 'string' ? v : undefined;
  };
  const sealPngPath = str('seal-png');
  let sealPng: Uint8Array | undefined;
  if (sealPngPath) {
    sealPng = readInputFileSync(sealPngPath, { what: '印章图片', maxBytes: INPUT_LIMITS.sealPngBytes, missing: `找不到或无法读取印章图片：${sealPngPath}` });
  }
  const org = str('org');
  if (!org && (sealPngPath || flags.has('cross-seal'))) {
    throw new InputError('使用印章（--seal-png、--cross-seal）需要同时用 --org 指定审查单位名称');
  }
  return {
    org: {
      name: org ?? SELF_CHECK_ORG,
      sealText: str('seal-text') ?? '审查专用章',
      sealPng,
      signatories: { preparer: str('preparer'), checker: str('checker'), approver: str('approver') },
      crossPageSeal: flags.has('cross-seal'),
      ...(org ? {} : { noSeal: true }),
    },
    reportNo: str('report-no'),
    date: str('date'),
    project: { name: str('project'), developer: str('developer'), designer: str('designer') },
  };
}

/** Atomic (temporary file + rename, shared/fsio/output.ts); never half a file. */
async function writeOut(path: string, bytes: Uint8Array): Promise<void> {
  await writeFileAtomic(path, bytes);
}

export async function writeReports(
  run: CheckRun,
  opts: ReportOptions,
  out: { pdf?: string; xlsx?: string; quiet: boolean; sign?: SignRequest },
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  // With --json, stdout carries the result document only: notes go to stderr.
  const say = (s: string) => (out.quiet ? process.stderr : process.stdout).write(`${s}\n`);
  const fp = fingerprint(run);
  if (out.sign && !out.pdf) throw new InputError('--sign 需要与 --pdf 一起使用（签名的对象是 PDF 报告）');
  const sign = out.sign ? signInputs(out.sign, env) : undefined;
  if (out.pdf) {
    let pdf = await renderReportPdf(run, opts);
    if (sign) {
      const { signPdf } = await import('../shared/report/sign');
      pdf = signPdf(pdf, sign.p12, sign.password, {
        certFile: sign.p12Path,
        reason: sign.reason ?? `出具审查报告（报告核验码 ${fp.short}）`,
        location: sign.location,
      });
    }
    await writeOut(out.pdf, pdf);
    say(`已生成审查意见书：${out.pdf}（报告核验码 ${fp.short}${sign ? '，已用证书数字签名' : ''}）`);
  }
  if (out.xlsx) {
    await writeOut(out.xlsx, await renderReportXlsx(run, opts));
    say(`已导出审查记录：${out.xlsx}`);
  }
}
