// Shared by the command-line entry points: argument parsing, the one-message error exit,
// and column layout that counts CJK characters as two columns.
import { isInputError } from '../shared/errors';

export const EXIT_BAD_INPUT = 3;

/** Print one Chinese message on stderr and exit 3 — never a stack trace. */
export function failInput(message: string): never {
  process.stderr.write(`错误：${message}\n`);
  process.exit(EXIT_BAD_INPUT);
}

/** Run a CLI main function: input errors and anything unexpected become one message and exit 3. */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      if (isInputError(e)) failInput(e.message);
      const detail = e instanceof Error ? e.message : String(e);
      failInput(`处理时发生意外错误（${detail}）。输入文件未被修改。`);
    },
  );
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
