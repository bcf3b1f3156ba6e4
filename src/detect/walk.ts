// The files of a repository, once, as an index of file names per directory. In a git work tree
// the files are what git tracks plus untracked files it does not ignore (`git ls-files`, see
// git-listing.ts), so a build tree, a virtualenv or node_modules of the working copy never count,
// while committed folders named build/ or dist/ do. Elsewhere (an export, a tarball) the tree is
// walked, skipping only folders that are never the project's own (dependencies, virtualenvs, caches).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { listGitFilesSync, takeGitListing } from './git-listing.js';
import { linkInside, type DirEntryIndex } from './tree-index.js';

export type { DirEntryIndex } from './tree-index.js';

/** Directories never walked outside git: installed dependencies, virtualenvs and caches. */
export const SKIPPED_DIRS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.gradle']);

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

/** A git work tree's top: git lists it (a directory inside a work tree is walked, as an export is). */
const isGitTop = (root: string) => existsSync(path.join(root, '.git'));

/** One pass over the repository collecting file names per directory. */
export function indexTree(root: string): DirEntryIndex {
  return (isGitTop(root) ? listGitFilesSync(root) : undefined) ?? { files: walk(root) };
}

/**
 * The same index, with git run asynchronously: a listing bin.ts started before the CLI's modules
 * loaded is taken instead of listing again (see prefetch.ts), and other work goes on meanwhile.
 */
export async function indexTreeAsync(root: string): Promise<DirEntryIndex> {
  return (isGitTop(root) ? await takeGitListing(root) : undefined) ?? { files: walk(root) };
}
