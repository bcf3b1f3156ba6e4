// Writing a set of files all-or-nothing. Each file is written to a temp file beside it (mode
// copied exactly, not filtered by the umask) and renamed over the target; the target's original
// is first hard-linked to a backup name, so rolling back is a rename that needs no free space and
// restores the original bytes, mode and inode even on a full disk. Directories created for new
// files are removed again on rollback. Temp and backup files a killed run left behind are removed
// by the next run that writes beside them. Every message says exactly what is on disk afterwards.
import { closeSync, fchmodSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { InputError } from './errors.js';

export interface WriteOp {
  /** Where the file goes. */
  absolutePath: string;
  content: string | Uint8Array;
  /** How messages name the file (repository-relative path). */
  label: string;
}

/** Mode of a new file before the umask, as editors and git create them. */
const NEW_FILE_MODE = 0o644;

const SUFFIX = /^\.(.+)\.[0-9a-f]{12}\.(tmp|orig)$/;

function sideName(file: string, kind: 'tmp' | 'orig'): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.${kind}`);
}

/** Remove `.<name>.<hex>.tmp|orig` files an interrupted run of this tool left beside `file`. */
export function removeLeftovers(file: string): string[] {
  const dir = path.dirname(file);
  const base = path.basename(file);
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (SUFFIX.exec(name)?.[1] !== base) continue;
    const full = path.join(dir, name);
    try {
      if (!lstatSync(full).isFile()) continue;
      rmSync(full, { force: true });
      removed.push(full);
    } catch {
      // Not ours to worry about: it stays, the run goes on.
    }
  }
  return removed;
}

/** Write bytes to a new file; `exactMode` is applied as is (open() alone filters it through the umask). */
function writeNewFile(file: string, content: string | Uint8Array, mode: number, exactMode: boolean): void {
  const fd = openSync(file, 'wx', mode);
  try {
    if (exactMode) fchmodSync(fd, mode);
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

interface Done {
  file: string;
  label: string;
  /** Hard link to the original, when the file existed. */
  backup?: string;
  /** The original's bytes and mode, where the file system has no hard links (restored by a write). */
  original?: { bytes: Buffer; mode: number };
  /** The new content is in place (the rename happened). */
  renamed: boolean;
  /** Directories this run created for it, outermost first. */
  createdDirs: string[];
}

/** Directories that do not exist yet on the way to `dir`, outermost first. */
function missingDirs(dir: string): string[] {
  const missing: string[] = [];
  for (let current = dir; ; current = path.dirname(current)) {
    try {
      statSync(current);
      break;
    } catch {
      missing.unshift(current);
      if (path.dirname(current) === current) break;
    }
  }
  return missing;
}

function writeOne(op: WriteOp, done: Done[]): void {
  const file = op.absolutePath;
  let existingMode: number | undefined;
  try {
    existingMode = statSync(file).mode & 0o7777;
  } catch {
    existingMode = undefined;
  }
  // Registered before any change, so a failure below still undoes the directories just made.
  const entry: Done = { file, label: op.label, renamed: false, createdDirs: existingMode === undefined ? missingDirs(path.dirname(file)) : [] };
  done.push(entry);
  if (entry.createdDirs.length > 0) mkdirSync(path.dirname(file), { recursive: true });
  removeLeftovers(file);
  const temp = sideName(file, 'tmp');
  try {
    writeNewFile(temp, op.content, existingMode ?? NEW_FILE_MODE, existingMode !== undefined);
    if (existingMode !== undefined) {
      const backup = sideName(file, 'orig');
      try {
        linkSync(file, backup);
        entry.backup = backup;
      } catch (error) {
        if (!NO_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
        entry.original = { bytes: readFileSync(file), mode: existingMode };
      }
    }
    renameSync(temp, file);
    entry.renamed = true;
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** File systems without hard links answer link() with one of these. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

function restoreByWrite(file: string, original: { bytes: Buffer; mode: number }): void {
  const temp = sideName(file, 'tmp');
  try {
    writeNewFile(temp, original.bytes, original.mode, true);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Undo what was written; returns the files that could not be restored (with where their original is). */
function rollback(done: Done[]): string[] {
  const problems: string[] = [];
  for (const entry of [...done].reverse()) {
    try {
      if (entry.backup && entry.renamed) renameSync(entry.backup, entry.file);
      else if (entry.backup) rmSync(entry.backup, { force: true });
      else if (entry.original && entry.renamed) restoreByWrite(entry.file, entry.original);
      else if (entry.renamed) rmSync(entry.file, { force: true });
    } catch (error) {
      problems.push(`${entry.label}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}${entry.backup ? ` (its original is in ${entry.backup})` : ''}`);
    }
    for (const dir of [...entry.createdDirs].reverse()) {
      try {
        rmdirSync(dir);
      } catch {
        // Not empty (another new file is still there, or someone else wrote into it): it stays.
      }
    }
  }
  return problems;
}

/**
 * Write every op or none. On failure the files written so far are restored byte for byte and the
 * error says so; when a restore itself fails, the error names those files and where their
 * originals are instead of claiming nothing was written.
 */
export function writeAllOrNothing(ops: WriteOp[]): void {
  const done: Done[] = [];
  let index = 0;
  try {
    for (; index < ops.length; index++) writeOne(ops[index] as WriteOp, done);
  } catch (error) {
    const reason = describe(error, ops[index]?.label);
    const problems = rollback(done);
    if (problems.length === 0) throw new InputError(`Nothing was written: ${reason}. Every file is as it was before the run.`);
    throw new InputError(`Writing stopped (${reason}) and these files could not be restored:\n  ${problems.join('\n  ')}`);
  }
  for (const entry of done) {
    if (entry.backup) rmSync(entry.backup, { force: true });
  }
}

function describe(error: unknown, label: string | undefined): string {
  const code = (error as NodeJS.ErrnoException).code;
  const what = code === 'ENOSPC' ? 'no space left on the device' : code === 'EROFS' ? 'read-only file system' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : undefined;
  return `${label ?? 'a file'} could not be written (${what ? `${what}, ${code}` : (code ?? (error as Error).message)})`;
}
