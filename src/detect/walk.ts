// The files of a repository, once, as an index of file names per directory. In a git work tree
// the files are what git tracks plus untracked files it does not ignore (`git ls-files`), so a
// build tree, a virtualenv or node_modules of the working copy never count, while committed
// folders named build/ or dist/ do. Elsewhere (an export, a tarball) the tree is walked, skipping
// only folders that are never the project's own (dependencies, virtualenvs, caches).
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { runGit } from './git-run.js';

/** Directories never walked outside git: installed dependencies, virtualenvs and caches. */
export const SKIPPED_DIRS = new Set([
  '.git',
  'node_modules',
  '.venv',
  'venv',
  '__pycache__',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.pytest_cache',
  '.gradle',
]);

export interface DirEntryIndex {
  /** Repository-relative directory ("" for the root) -> file names in it. */
  files: Map<string, string[]>;
  /** Every file path, sorted, when the listing already has them (git): spares rebuilding them. */
  paths?: string[];
}

/** A symlink that resolves to a regular file inside the repository (a Dockerfile linked to docker/app). */
function linkInside(root: string, file: string): boolean {
  try {
    const real = realpathSync(path.join(root, file));
    const top = realpathSync(root);
    return (real === top || real.startsWith(`${top}${path.sep}`)) && statSync(real).isFile();
  } catch {
    return false;
  }
}

/** Adds a directory and its missing parents to the index; returns the directory's (new or existing) list. */
function dirList(files: Map<string, string[]>, dir: string): string[] {
  let list = files.get(dir);
  if (list) return list;
  files.set(dir, (list = []));
  for (let parent = dir; parent !== '';) {
    const up = parent.lastIndexOf('/');
    parent = up < 0 ? '' : parent.slice(0, up);
    if (!files.has(parent)) files.set(parent, []);
    else break;
  }
  return list;
}

/** File names per directory, parents included even when they hold no file of their own. */
function indexPaths(listed: readonly string[]): Map<string, string[]> {
  const files = new Map<string, string[]>([['', []]]);
  // Git lists a directory's files together: reusing the last directory's list spares a map
  // look-up and a parent walk per file.
  let lastDir: string | undefined;
  let lastList: string[] = [];
  for (const file of listed) {
    const slash = file.lastIndexOf('/');
    const dir = slash < 0 ? '' : file.slice(0, slash);
    if (dir !== lastDir) {
      lastDir = dir;
      lastList = dirList(files, dir);
    }
    lastList.push(file.slice(slash + 1));
  }
  return files;
}

const NUL = '\0';
const UNTRACKED_TAG = 63; // "?"
const UNMERGED_TAG = 77; // "M"

/**
 * `git ls-files` of a work tree whose root is `root`: tracked files plus untracked files git does
 * not ignore, in one call. `-t` tags each entry ("? " untracked, "H " and the other letters for
 * tracked entries); `--stage` gives tracked entries their mode: "<tag> <mode> <object> <stage>\t<path>".
 * Submodules (mode 160000) are left out; symlinks (mode 120000, or an untracked link) count only
 * when they resolve to a file inside the tree, as in the walk. Undefined when `root` is not the
 * top of a git work tree or git is not available.
 *
 * This runs once per path of large trees, in V8's interpreter (see bin.ts): it reads the output
 * in place (no array of entries, no regular expression per entry) and indexes directories as it
 * goes, since git lists a directory's files together.
 */
function gitFiles(root: string): DirEntryIndex | undefined {
  if (!existsSync(path.join(root, '.git'))) return undefined;
  try {
    const listed = execFileSync('git', [...LIST_FILES], {
      cwd: root,
      encoding: 'buffer',
      stdio: ['ignore', 'pipe', 'ignore'],
      ...LIST_FILES_OPTIONS,
    });
    return parseListing(root, listed.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** `git ls-files` for the index: see gitFiles. */
export const LIST_FILES = [
  '-c',
  'core.quotepath=off',
  'ls-files',
  '--cached',
  '--others',
  '--exclude-standard',
  '--stage',
  '-t',
  '-z',
] as const;
export const LIST_FILES_OPTIONS = {
  maxBuffer: 256 * 1024 * 1024,
  timeout: 30_000,
};

/** The index of `git ls-files` output (LIST_FILES): see gitFiles. */
function parseListing(root: string, listed: string): DirEntryIndex {
  // A path with a line break is left out; most listings have none, so one scan spares one per path.
  const newlines = listed.includes('\n');
  const paths: string[] = [];
  const files = new Map<string, string[]>([['', []]]);
  let last = '';
  let sorted = true;
  // The directory of the previous path, with its trailing slash ("" at the root), and its names.
  let dirPrefix = '';
  let names = files.get('')!;
  for (let start = 0, end = listed.indexOf(NUL); end >= 0; start = end + 1, end = listed.indexOf(NUL, start)) {
    if (end - start < 3) continue; // empty, or too short for "<tag> <path>"
    const tag = listed.charCodeAt(start);
    const from = tag === UNTRACKED_TAG ? start + 2 : listed.indexOf('\t', start) + 1;
    if (from === 0 || from > end) continue;
    const file = listed.slice(from, end);
    // A path appears twice in a row only for a file with merge-conflict stages ("M" entries).
    if (!file || (tag === UNMERGED_TAG && file === last) || (newlines && file.includes('\n'))) continue;
    if (tag === UNTRACKED_TAG) {
      if (!untrackedFile(root, file)) continue;
    } else {
      // "<tag> 1x…": regular files are 100644/100755, submodules 160000, symlinks 120000.
      const kind = listed.charCodeAt(start + 3);
      if (kind === 54 /* 6 */ && listed.startsWith('160000', start + 2)) continue;
      if (kind === 50 /* 2 */ && listed.startsWith('120000', start + 2) && !linkInside(root, file)) continue;
    }
    if (sorted && paths.length > 0 && file < last) sorted = false;
    paths.push(file);
    last = file;
    if (!sorted) continue;
    // Same directory as the previous path: its prefix, and no slash after it.
    const nameAt = from + dirPrefix.length;
    if (listed.startsWith(dirPrefix, from)) {
      const slash = listed.indexOf('/', nameAt);
      if (slash < 0 || slash > end) {
        names.push(listed.slice(nameAt, end));
        continue;
      }
    }
    const slash = file.lastIndexOf('/');
    dirPrefix = file.slice(0, slash + 1);
    names = dirList(files, slash < 0 ? '' : file.slice(0, slash));
    names.push(file.slice(slash + 1));
  }
  // Tracked paths come sorted; untracked ones are listed before them.
  if (sorted) return { files, paths };
  const all = [...new Set(paths)].sort();
  return { files: indexPaths(all), paths: all };
}

/** An untracked path: a regular file, or a symlink to a file inside the tree (untracked entries are few). */
function untrackedFile(root: string, file: string): boolean {
  try {
    const stat = lstatSync(path.join(root, file));
    return stat.isFile() || (stat.isSymbolicLink() && linkInside(root, file));
  } catch {
    return false;
  }
}

/** The directory walk (no git): symlinked directories are not followed (they can leave the tree or loop); symlinked files count when they stay inside. */
function walk(root: string): Map<string, string[]> {
  const files = new Map<string, string[]>();
  const pending: string[] = [''];
  while (pending.length > 0) {
    const relative = pending.pop() as string;
    let entries;
    try {
      entries = readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch {
      continue; // unreadable directory: nothing to detect there
    }
    const names: string[] = [];
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) pending.push(relative ? `${relative}/${entry.name}` : entry.name);
      } else if (entry.isFile() || (entry.isSymbolicLink() && linkInside(root, relative ? `${relative}/${entry.name}` : entry.name))) {
        names.push(entry.name);
      }
    }
    files.set(relative, names);
  }
  return files;
}

/** One pass over the repository collecting file names per directory. */
export function indexTree(root: string): DirEntryIndex {
  return gitFiles(root) ?? { files: walk(root) };
}

/**
 * The same index, with git run asynchronously: a listing bin.ts started before the CLI's modules
 * loaded is taken instead of listing again (see git-run.ts), and other work can go on meanwhile.
 */
export async function indexTreeAsync(root: string): Promise<DirEntryIndex> {
  if (existsSync(path.join(root, '.git'))) {
    const listed = await runGit(root, LIST_FILES, LIST_FILES_OPTIONS);
    if (listed) {
      try {
        return parseListing(root, listed.toString('utf8'));
      } catch {
        // fall through to the walk, as the synchronous listing does
      }
    }
  }
  return { files: walk(root) };
}
