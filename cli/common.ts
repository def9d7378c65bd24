// Shared by the command-line entry points: argument parsing, the one-message error exit (its
// code derived from the error's kind, shared/errors.ts; unexpected errors are written to the log
// file in the data folder), and column layout that counts CJK characters as two columns.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { exitCodeOf, isInputError } from '../shared/errors';
import { logFilePath, logInternal, openLog } from '../shared/log/index';

export const EXIT_BAD_INPUT = 3;

/** The data folder of the command line and the web host: LANDCHECK_DATA_DIR, else ~/.landcheck. */
export function dataDir(): string {
  return process.env.LANDCHECK_DATA_DIR || join(homedir(), '.landcheck');
}

/** The message (one line) and exit code of an error that ends a command; an unexpected one is logged. */
export function describeFailure(e: unknown, command: string): { message: string; code: number } {
  if (isInputError(e)) return { message: e.message, code: exitCodeOf(e) };
  const path = logFilePath() ?? openLog(join(dataDir(), 'logs')).path;
  logInternal(e, { doing: command });
  return { message: `处理时发生意外错误，未能完成（输入文件未被修改）。详情已记入日志文件 ${path}`, code: exitCodeOf(e) };
}

/** Print one Chinese message on stderr and exit 3 — never a stack trace. */
export function failInput(message: string): never {
  process.stderr.write(`错误：${message}\n`);
  process.exit(EXIT_BAD_INPUT);
}

/**
 * Run a CLI main function: errors become one message and the exit code of their kind (3); an
 * unexpected one is logged. `command` names the command in the log.
 */
export function runMain(main: () => Promise<number>, command = process.argv[1] ?? 'cli'): void {
  main().then(
    (code) => exitWhenWritten(code),
    (e: unknown) => {
      const { message, code } = describeFailure(e, command);
      process.stderr.write(`错误：${message}\n`);
      exitWhenWritten(code);
    },
  );
}

/**
 * Exit once everything written to stdout and stderr has left the process. Writes to a pipe are
 * asynchronous: `process.exit` straight after a large `--json` document cut it off at 64 KB. A
 * write's callback runs after every earlier write of the stream is flushed.
 */
export function exitWhenWritten(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/**
 * `--name value` and `--name=value` for flags listed in `valued`, `--flag` for booleans.
 * Unknown flags are an input error naming the flag.
 */
export function parseArgs(argv: string[], valued: string[], booleans: string[], usage: string): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (valued.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) failInput(`参数 --${name} 缺少取值。\n用法：${usage}`);
      flags.set(name, value);
    } else if (booleans.includes(name) && eq < 0) {
      flags.set(name, true);
    } else {
      failInput(`未知参数 ${arg}。\n用法：${usage}`);
    }
  }
  return { positional, flags };
}

/** Display width: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** Rows as aligned columns separated by two spaces. */
export function formatTable(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : padEnd(c, widths[i]))).join('  ')).join('\n');
}
