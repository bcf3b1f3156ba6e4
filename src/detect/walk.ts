import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Directories never searched for manifests: vendored, generated or test-only trees. */
export const SKIPPED_DIRS = new Set(['.git', 'node_modules', 'vendor', 'testdata', 'third_party', '.venv', 'venv', 'target', 'dist', 'build', '__pycache__']);

export interface DirEntryIndex {
  /** Repository-relative directory ("" for the root) -> file names in it. */
  files: Map<string, string[]>;
}

/**
 * One pass over the tree collecting file names per directory. Symlinked directories are not
 * followed (they can point outside the repository or loop).
 */
export function indexTree(root: string): DirEntryIndex {
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
      } else if (entry.isFile()) {
        names.push(entry.name);
      }
    }
    files.set(relative, names);
  }
  return { files };
}
