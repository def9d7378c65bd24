// The one error module: every error LandCheck raises on purpose is a LandCheckError carrying a
// kind from a closed list and one Chinese message for the user (naming the file and the sheet,
// cell or condition where it applies). The kind crosses every boundary — worker threads
// (shared/work/protocol.ts), the API envelope on IPC and HTTP (shared/api/dispatch.ts), the
// renderer (renderer/api.ts) — and decides the command line's exit code. Anything else that is
// thrown is unexpected: it becomes kind `internal` with a neutral message and is written to the
// log file (shared/log/). docs/architecture.md, "Errors and the log file".

/**
 * What went wrong, in the words the code really distinguishes:
 * - `invalid`: the input or request is not acceptable (bad condition document, unknown indicator,
 *   bad argument, missing prerequisite such as conditions not set yet);
 * - `bad_file`: a file cannot be read as what it claims to be (corrupt, encrypted, .xls, not a
 *   LandCheck database, a report PDF that cannot be parsed);
 * - `too_large`: a size, depth, memory or time limit was reached;
 * - `not_found`: no such file, project, run, batch or condition set;
 * - `conflict`: the current state forbids it (batch still running, run made by an older engine,
 *   database opened read-only or newer than the app);
 * - `busy`: another heavy task or process holds what is needed; try again later;
 * - `denied`: the caller may not ask (web host token, origin, host name; IPC sender);
 * - `unknown_method`: no such API method;
 * - `internal`: unexpected — a bug or an environment failure; logged, never shown in detail.
 */
export const ERROR_KINDS = ['invalid', 'bad_file', 'too_large', 'not_found', 'conflict', 'busy', 'denied', 'unknown_method', 'internal'] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

export function isErrorKind(k: unknown): k is ErrorKind {
  return typeof k === 'string' && (ERROR_KINDS as readonly string[]).includes(k);
}

/** Where the problem is; every field optional, each already in the user's words. */
export interface ErrorPlace {
  /** File name or path as the user gave it. */
  file?: string;
  /** Free-form place in that file ("单体指标!G4", "工作表“单体指标”"). */
  where?: string;
  sheet?: string;
  cell?: string;
  /** Condition id (C3) in a condition document. */
  condition?: string;
}

/** The neutral message of an unexpected error: no detail, which goes to the log file only. */
export const INTERNAL_MESSAGE = '程序内部出错，操作未能完成（输入文件未被修改）。详情已记入日志文件，请重试；如仍出错，请将日志文件提供给技术支持。';

export class LandCheckError extends Error {
  readonly kind: ErrorKind;
  readonly file?: string;
  readonly where?: string;
  readonly sheet?: string;
  readonly cell?: string;
  readonly condition?: string;

  /** `message`: one Chinese sentence for the user, naming the file and place where it applies. */
  constructor(kind: ErrorKind, message: string, place: ErrorPlace = {}) {
    super(message);
    this.name = 'LandCheckError';
    this.kind = kind;
    if (place.file !== undefined) this.file = place.file;
    if (place.where !== undefined) this.where = place.where;
    if (place.sheet !== undefined) this.sheet = place.sheet;
    if (place.cell !== undefined) this.cell = place.cell;
    if (place.condition !== undefined) this.condition = place.condition;
  }
}

/** Bad input from the user (exit code 3): by default `invalid`, or the kind given. */
export class InputError extends LandCheckError {
  constructor(message: string, file?: string, where?: string, kind: ErrorKind = 'invalid') {
    super(kind, message, { ...(file !== undefined ? { file } : {}), ...(where !== undefined ? { where } : {}) });
    this.name = 'InputError';
  }
}

export function isLandCheckError(e: unknown): e is LandCheckError {
  return e instanceof LandCheckError;
}

/** Raised on purpose with a message for the user (any kind but `internal`). */
export function isInputError(e: unknown): e is LandCheckError {
  return e instanceof LandCheckError && e.kind !== 'internal';
}

/** The kind of anything thrown: its own kind, or `internal` for what nobody raised on purpose. */
export function kindOf(e: unknown): ErrorKind {
  return e instanceof LandCheckError ? e.kind : 'internal';
}

/** What the user reads for anything thrown: the message of a deliberate error, else the neutral one. */
export function userMessage(e: unknown): string {
  return isInputError(e) ? e.message : INTERNAL_MESSAGE;
}

/**
 * Exit code of a command that failed with an error of this kind (docs/formats.md, command line):
 * 0 pass, 1 fail and 2 incomplete come from the verdict; every error, whatever its kind, is 3
 * (bad input, or input that could not be processed — the input files are never modified).
 */
export const EXIT_CODE_OF_KIND: Record<ErrorKind, 3> = {
  invalid: 3,
  bad_file: 3,
  too_large: 3,
  not_found: 3,
  conflict: 3,
  busy: 3,
  denied: 3,
  unknown_method: 3,
  internal: 3,
};

export function exitCodeOf(e: unknown): number {
  return EXIT_CODE_OF_KIND[kindOf(e)];
}
