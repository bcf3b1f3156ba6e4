import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolveInside } from '../guard.js';
import { readEditableText } from '../read-file.js';

/**
 * The current text of a repository file (undefined when absent), refusing paths that leave the
 * root. Anything that is not a regular, valid UTF-8 file is an InputError naming it (never read
 * from a FIFO, never decoded lossily), so callers leave it untouched and report it.
 */
export function readRepoFile(root: string, file: string): string | undefined {
  return readEditableText(resolveInside(root, file), file);
}

/**
 * Workflow files (.yml/.yaml) under .github/workflows, repository-relative, sorted. Entries with a
 * workflow name that are not regular files (a FIFO, a socket, a directory) are listed too: reading
 * them through readRepoFile reports them instead of skipping them silently.
 */
export function listWorkflows(root: string): string[] {
  const dir = resolveInside(root, '.github/workflows');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.isSymbolicLink() && /\.ya?ml$/i.test(e.name))
    .map((e) => `.github/workflows/${e.name}`)
    .sort();
}
