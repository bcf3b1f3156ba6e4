// The files of a repository, once, as an index of file names per directory. In a git work tree
// the files are what git tracks plus untracked files it does not ignore (`git ls-files`), so a
// build tree, a virtualenv or node_modules of the working copy never count, while committed
// folders named build/ or dist/ do. Elsewhere (an export, a tarball) the tree is walked, skipping
// only folders that are never the project's own (dependencies, virtualenvs, caches).
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** Directories never walked outside git: installed dependencies, virtualenvs and caches. */
export const SKIPPED_DIRS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.gradle']);

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
    const name = file.slice(slash + 1);
    if (dir !== lastDir) {
      lastDir = dir;
      const list = files.get(dir);
      if (list) lastList = list;
      else {
        files.set(dir, (lastList = []));
        for (let parent = dir; parent !== ''; ) {
          const up = parent.lastIndexOf('/');
          parent = up < 0 ? '' : parent.slice(0, up);
          if (!files.has(parent)) files.set(parent, []);
          else break;
        }
      }
    }
    lastList.push(name);
  }
  return files;
}

/**
 * `git ls-files` of a work tree whose root is `root`: tracked files plus untracked files git does
 * not ignore, in one call (`--stage` gives the mode of tracked entries; untracked ones come bare).
 * Submodules (mode 160000) are left out; symlinks (mode 120000, or an untracked link) count only
 * when they resolve to a file inside the tree, as in the walk. Undefined when `root` is not the
 * top of a git work tree or git is not available.
 */
function gitFiles(root: string): string[] | undefined {
  if (!existsSync(path.join(root, '.git'))) return undefined;
  try {
    const listed = execFileSync('git', ['-c', 'core.quotepath=off', 'ls-files', '--cached', '--others', '--exclude-standard', '--stage', '-z'], {
      cwd: root,
      encoding: 'buffer',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
      timeout: 30_000,
    }).toString('utf8');
    const files: string[] = [];
    let sorted = true;
    for (const entry of listed.split('\0')) {
      if (!entry) continue;
      // test(), not exec(): no match array per file; the prefix ends at the first tab.
      const staged = STAGED.test(entry);
      const file = staged ? entry.slice(entry.indexOf('\t') + 1) : entry;
      // A path appears twice in a row only for a file with merge-conflict stages.
      if (!file || file.includes('\n') || file === files[files.length - 1]) continue;
      if (staged ? entry.startsWith('160000') || (entry.startsWith('120000') && !linkInside(root, file)) : !untrackedFile(root, file)) continue;
      if (sorted && files.length > 0 && file < files[files.length - 1]!) sorted = false;
      files.push(file);
    }
    // Tracked paths come sorted; untracked ones are listed before them.
    return sorted ? files : [...new Set(files)].sort();
  } catch {
    return undefined;
  }
}

/** "<mode> <object> <stage>\t" before a tracked path in `git ls-files --stage` output. */
const STAGED = /^\d{6} [0-9a-f]{40,64} \d\t/;

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
  const listed = gitFiles(root);
  if (!listed) return { files: walk(root) };
  return { files: indexPaths(listed), paths: listed };
}
