// --pdf / --xlsx of `npm run check`: the stamped report and the Excel record of a run.
// Outputs are written through one function (writeOutput): never over an input file, through a
// temporary file renamed into place, so a failed write leaves no half file.
import { rename, unlink, writeFile } from 'node:fs/promises';
import { readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { CheckRun } from '../shared/model/types';
import { renderReportPdf, type ReportOptions } from '../shared/report/pdf';
import { renderReportXlsx } from '../shared/report/excel';
import { fingerprint } from '../shared/report/fingerprint';
import { InputError } from '../shared/errors';

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
  let p12: Uint8Array;
  try {
    p12 = readFileSync(req.p12);
  } catch {
    throw new InputError(`找不到或无法读取签名证书文件：${req.p12}`, req.p12);
  }
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
    try {
      sealPng = readFileSync(sealPngPath);
    } catch {
      throw new InputError(`找不到或无法读取印章图片：${sealPngPath}`, sealPngPath);
    }
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

function same(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

/**
 * Writes an output file: refused when it is one of the inputs; written to a temporary file next
 * to it, then renamed. (One place to switch to the shared safe-output helper of shared/fsio.)
 */
export async function writeOutput(path: string, bytes: Uint8Array, inputs: string[] = []): Promise<void> {
  for (const input of inputs) {
    if (same(path, input)) throw new InputError(`输出文件 ${path} 与输入文件相同，不能覆盖输入：请换一个输出文件名`, path);
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new InputError(`无法写入文件 ${path}（${(e as NodeJS.ErrnoException).code ?? '写入失败'}）`, path);
  }
}

export async function writeReports(
  run: CheckRun,
  opts: ReportOptions,
  out: { pdf?: string; xlsx?: string; quiet: boolean; sign?: SignRequest; inputs?: string[] },
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  // With --json, stdout carries the result document only: notes go to stderr.
  const say = (s: string) => (out.quiet ? process.stderr : process.stdout).write(`${s}\n`);
  const fp = fingerprint(run);
  if (out.sign && !out.pdf) throw new InputError('--sign 需要与 --pdf 一起使用（签名的对象是 PDF 报告）');
  const sign = out.sign ? signInputs(out.sign, env) : undefined;
  const inputs = [...(out.inputs ?? []), ...(out.sign ? [out.sign.p12] : [])];
  if (out.pdf && out.xlsx && same(out.pdf, out.xlsx)) throw new InputError(`--pdf 与 --xlsx 指定了同一个文件 ${out.pdf}`, out.pdf);
  for (const p of [out.pdf, out.xlsx]) if (p) for (const i of inputs) if (same(p, i)) throw new InputError(`输出文件 ${p} 与输入文件相同，不能覆盖输入：请换一个输出文件名`, p);
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
    await writeOutput(out.pdf, pdf, inputs);
    say(`已生成审查意见书：${out.pdf}（报告核验码 ${fp.short}${sign ? '，已用证书数字签名' : ''}）`);
  }
  if (out.xlsx) {
    await writeOutput(out.xlsx, await renderReportXlsx(run, opts), inputs);
    say(`已导出审查记录：${out.xlsx}`);
  }
}
