// The shape both listings of a repository build (git's and the directory walk's), and the helpers
// they share.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

export interface DirEntryIndex {
  /** Repository-relative directory ("" for the root) -> file names in it. */
  files: Map<string, string[]>;
}

/** A symlink that resolves to a regular file inside the repository (a Dockerfile linked to docker/app). */
export function linkInside(root: string, file: string): boolean {
  try {
    const real = realpathSync(path.join(root, file));
    const top = realpathSync(root);
    return (real === top || real.startsWith(`${top}${path.sep}`)) && statSync(real).isFile();
  } catch {
    return false;
  }
}

/** Adds a directory and its missing parents to the index; returns the directory's (new or existing) list. */
export function dirList(files: Map<string, string[]>, dir: string): string[] {
  let list = files.get(dir);
  if (list) return list;
  files.set(dir, (list = []));
  for (let parent = dir; parent !== ''; ) {
    const up = parent.lastIndexOf('/');
    parent = up < 0 ? '' : parent.slice(0, up);
    if (!files.has(parent)) files.set(parent, []);
    else break;
  }
  return list;
}
