// The directory a command works on, checked before anything is detected or written: retrofit,
// upgrade and pins work on an existing repository (a missing path is a typo, not a request to
// create one), and nothing is ever written into a git directory (a bare repository, or .git itself),
// where .github/ and SECURITY.md would land among git's own files.
import { lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';

function isDir(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function isFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}

/** Whether `dir` is a git directory (bare repository or a .git folder) rather than a work tree. */
export function isGitDirectory(dir: string): boolean {
  const resolved = path.resolve(dir);
  if (resolved.split(path.sep).includes('.git')) return true;
  return !isDir(path.join(resolved, '.git')) && !isFile(path.join(resolved, '.git')) && isFile(path.join(resolved, 'HEAD')) && isDir(path.join(resolved, 'objects')) && isDir(path.join(resolved, 'refs'));
}

function refuseGitDirectory(dir: string, display: string): void {
  if (isGitDirectory(dir)) {
    throw new UsageError(`${display} is a git directory (a bare repository or .git), not a work tree; nothing was written. Run in a clone with a working tree (git clone <url>).`);
  }
}

/** For create: the directory may not exist yet, but if it does it must be a directory and not a git directory. */
export function checkCreateTarget(directory: string): string {
  const root = path.resolve(directory);
  let stat;
  try {
    stat = statSync(root);
  } catch {
    return root;
  }
  if (!stat.isDirectory()) throw new UsageError(`${directory} exists and is not a directory; give a directory to create the setup in.`);
  refuseGitDirectory(root, directory);
  return root;
}

/** For commands that work on an existing repository: it must exist and be a work-tree directory. */
export function requireRepository(directory: string, command: string): string {
  const root = path.resolve(directory);
  let stat;
  try {
    stat = statSync(root);
  } catch {
    const hint = command === 'retrofit' ? ' To start a new repository, run `secure-cncf create <directory>`.' : '';
    throw new UsageError(`${directory} does not exist; \`secure-cncf ${command}\` works on an existing repository.${hint}`);
  }
  if (!stat.isDirectory()) throw new UsageError(`${directory} is not a directory; \`secure-cncf ${command}\` works on a repository directory.`);
  refuseGitDirectory(root, directory);
  return root;
}
