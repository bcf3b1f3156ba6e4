import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { resolveInside } from '../guard.js';
import { InputError } from '../errors.js';

/** The current text of a repository file (undefined when absent), refusing paths that leave the root. */
export function readRepoFile(root: string, file: string): string | undefined {
  const absolute = resolveInside(root, file);
  if (!existsSync(absolute)) return undefined;
  if (!statSync(absolute).isFile()) throw new InputError(`${file}: something other than a regular file is in the way.`);
  return readFileSync(absolute, 'utf8');
}

/** Workflow files (.yml/.yaml) under .github/workflows, repository-relative, sorted. */
export function listWorkflows(root: string): string[] {
  const dir = resolveInside(root, '.github/workflows');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
    .map((e) => `.github/workflows/${e.name}`)
    .sort();
}
