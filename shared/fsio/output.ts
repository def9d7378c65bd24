// Writing the files a user asked for (--pdf, --xlsx, …) without ever destroying an input:
// - `checkOutputs` refuses an output that IS one of the inputs — by file identity (device and
//   inode, which also catches another spelling of the path, a symlink and a hard link), not by
//   name — or the same file as another output, or a folder / device / pipe;
// - `writeFileAtomic` writes a temporary file in the same folder, syncs it and renames it over
//   the target, so a crash or a full disk leaves the old file or the new one, never half of one.
// See docs/security.md ("Outputs").
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, promises as fsp, realpathSync, statSync, type BigIntStats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors';

/** A path and what it is, for messages: { path: 'a.xlsx', what: '指标表' }. */
export interface NamedPath {
  path: string;
  what: string;
}

interface Identity {
  stats: BigIntStats | null;
  /** The real path when the file exists, else the resolved path under the real parent folder. */
  real: string;
}

function identity(p: string): Identity {
  let stats: BigIntStats | null = null;
  try {
    stats = statSync(p, { bigint: true });
  } catch {
    stats = null;
  }
  let real: string;
  try {
    real = stats ? realpathSync(p) : join(realpathSync(dirname(resolve(p))), basename(p));
  } catch {
    real = resolve(p);
  }
  return { stats, real };
}

function sameFile(a: Identity, b: Identity): boolean {
  if (a.stats && b.stats && a.stats.ino !== 0n && a.stats.dev === b.stats.dev && a.stats.ino === b.stats.ino) return true;
  return a.real === b.real;
}

/**
 * Throws InputError (one Chinese message) when an output would overwrite an input, two outputs
 * are the same file, or an output exists and is not a regular file.
 */
export function checkOutputs(outputs: readonly NamedPath[], inputs: readonly NamedPath[]): void {
  const ins = inputs.map((i) => ({ ...i, id: identity(i.path) }));
  const outs = outputs.map((o) => ({ ...o, id: identity(o.path) }));
  for (const o of outs) {
    const st = o.id.stats;
    if (st && st.isDirectory()) throw new InputError(`输出文件“${o.path}”（${o.what}）是一个文件夹，请指定文件名`, o.path);
    if (st && !st.isFile()) {
      throw new InputError(`输出文件“${o.path}”（${o.what}）不是普通文件（是设备、管道或套接字等特殊文件），已拒绝写入`, o.path);
    }
    if (!st) {
      let parent: ReturnType<typeof statSync> | null = null;
      try {
        parent = statSync(dirname(resolve(o.path)));
      } catch {
        parent = null;
      }
      if (!parent || !parent.isDirectory()) throw new InputError(`无法写入输出文件“${o.path}”（${o.what}）：所在文件夹不存在`, o.path);
    }
    for (const i of ins) {
      if (i.id.stats && sameFile(o.id, i.id)) {
        throw new InputError(
          `输出文件“${o.path}”（${o.what}）与输入的${i.what}“${i.path}”是同一个文件，写入会覆盖输入，已拒绝。请另选输出文件名`,
          o.path,
        );
      }
    }
  }
  for (let a = 0; a < outs.length; a++) {
    for (let b = a + 1; b < outs.length; b++) {
      if (sameFile(outs[a].id, outs[b].id)) {
        throw new InputError(`两个输出文件“${outs[a].path}”（${outs[a].what}）和“${outs[b].path}”（${outs[b].what}）是同一个文件，请分别指定文件名`, outs[b].path);
      }
    }
  }
}

/**
 * Writes `bytes` to `path` atomically: temporary file in the same folder, fsync, rename, fsync
 * of the folder. An existing regular file is replaced (keeping its permissions); a symlink is
 * written through (its target is replaced). InputError for a folder, a device or a write failure.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array, what = '文件'): Promise<void> {
  const id = identity(path);
  if (id.stats && !id.stats.isFile()) {
    throw new InputError(
      id.stats.isDirectory()
        ? `输出文件“${path}”是一个文件夹，请指定文件名`
        : `输出文件“${path}”不是普通文件（是设备、管道或套接字等特殊文件），已拒绝写入`,
      path,
    );
  }
  const target = id.stats ? id.real : resolve(path);
  const dir = dirname(target);
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fh: fsp.FileHandle | null = null;
  try {
    fh = await fsp.open(tmp, 'wx', id.stats ? Number(id.stats.mode & 0o777n) : 0o644);
    await fh.writeFile(bytes);
    await fh.sync();
    await fh.close();
    fh = null;
    await fsp.rename(tmp, target);
  } catch (e) {
    if (fh) await fh.close().catch(() => {});
    await fsp.rm(tmp, { force: true }).catch(() => {});
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? '所在文件夹不存在' : code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : code === 'ENOSPC' ? '磁盘空间不足' : (code ?? '写入失败');
    throw new InputError(`无法写入${what}“${path}”（${why}），原有文件未改动`, path);
  }
  syncDir(dir);
}

/** fsync a folder after a rename into it (a no-op where folders cannot be opened, as on Windows). */
export function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Folders cannot be opened for fsync on Windows; the rename is atomic there all the same.
  }
}
