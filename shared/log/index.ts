// The local log file, so that an unexpected failure on a user's machine can be diagnosed: one
// line per event with its ISO time, for unexpected errors (kind `internal`, shared/errors.ts) and
// for start-up and database migration events. Nothing else is written: no file contents, no
// values read from a workbook — only what the user typed (names, paths) and where the code
// failed. Rotated by size: landcheck.log, then landcheck.log.1, .2 (default 1 MB × 3 files).
// Each process or thread that handles calls opens it once (electron/backend.ts in the Electron
// user-data folder, cli/web.ts and the command line in the data folder); writing never throws.
// docs/architecture.md, "Errors and the log file".
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const LOG_FILE_NAME = 'landcheck.log';
export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_FILES = 3;

export type LogLevel = 'INFO' | 'WARN' | 'ERROR';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface LogOptions {
  /** Size at which the file is rotated (default 1 MB). */
  maxBytes?: number;
  /** Files kept, the current one included (default 3). */
  files?: number;
  now?: () => Date;
}

export class LogFile {
  readonly path: string;
  private readonly maxBytes: number;
  private readonly files: number;
  private readonly now: () => Date;

  constructor(
    readonly dir: string,
    opts: LogOptions = {},
  ) {
    this.path = join(dir, LOG_FILE_NAME);
    this.maxBytes = opts.maxBytes ?? LOG_MAX_BYTES;
    this.files = Math.max(1, opts.files ?? LOG_FILES);
    this.now = opts.now ?? (() => new Date());
  }

  /** Appends one line `<ISO time> <LEVEL> <event> key="value" …`; a failure to write is ignored. */
  write(level: LogLevel, event: string, fields: LogFields = {}): void {
    const parts = [this.now().toISOString(), level, event];
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) parts.push(`${k}=${typeof v === 'string' ? JSON.stringify(v) : String(v)}`);
    const line = parts.join(' ') + '\n';
    try {
      mkdirSync(this.dir, { recursive: true });
      this.rotateFor(Buffer.byteLength(line));
      appendFileSync(this.path, line, { encoding: 'utf8', mode: 0o600 });
    } catch {
      // The log must never break what it records.
    }
  }

  /** The current file and its rotated predecessors, newest first. */
  allPaths(): string[] {
    return Array.from({ length: this.files }, (_, i) => (i === 0 ? this.path : `${this.path}.${i}`));
  }

  private rotateFor(adding: number): void {
    let size: number;
    try {
      size = statSync(this.path).size;
    } catch {
      return;
    }
    if (size === 0 || size + adding <= this.maxBytes) return;
    const paths = this.allPaths();
    rmSync(paths[paths.length - 1]!, { force: true });
    for (let i = paths.length - 2; i >= 0; i--) {
      try {
        renameSync(paths[i]!, paths[i + 1]!);
      } catch {
        // missing predecessor: nothing to move
      }
    }
  }
}

let current: LogFile | null = null;

/** Opens the log of this process or thread in `dir` (the data folder's `logs`); later events go there. */
export function openLog(dir: string, opts: LogOptions = {}): LogFile {
  current = new LogFile(dir, opts);
  return current;
}

/** Stops logging in this process or thread (tests). */
export function closeLog(): void {
  current = null;
}

/** Where this process or thread logs, or null when no log is open. */
export function logFilePath(): string | null {
  return current?.path ?? null;
}

export function logEvent(level: LogLevel, event: string, fields: LogFields = {}): void {
  current?.write(level, event, fields);
}

/**
 * Records an unexpected error (kind `internal`): its class, a shortened message with quoted
 * excerpts removed (a parser quotes the text it choked on, which may be file content) and the
 * code frames where it happened. `context` says what was being done (API method, command).
 */
export function logInternal(e: unknown, context: LogFields = {}): void {
  if (!current) return;
  const err = e instanceof Error ? e : null;
  current.write('ERROR', 'internal', {
    ...context,
    error: err?.name ?? typeof e,
    message: scrub(err ? err.message : String(e)),
    at: err?.stack ? frames(err.stack) : undefined,
  });
}

/** A message without quoted excerpts, at most 300 characters. */
export function scrub(message: string): string {
  const s = message.replace(/"[^"\n]*"/g, '"…"').replace(/\s+/g, ' ');
  return s.length > 300 ? s.slice(0, 300) + '…' : s;
}

/** The stack's code frames only (its first line repeats the message), joined on one line. */
function frames(stack: string): string {
  return stack
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('at '))
    .slice(0, 12)
    .join(' | ');
}
