// The public URL of this repository, for links from docs/ to files outside docs/ (MkDocs builds
// only docs/, so a relative link to src/ or backstage/ would be broken on the site). The slug is
// the one the project uses for itself in .secure-cncf.json.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../src/paths.js';

const state = JSON.parse(readFileSync(path.join(packageRoot, '.secure-cncf.json'), 'utf8')) as {
  answers: { repository: { owner: string; name: string }; defaultBranch: string };
};
const { owner, name } = state.answers.repository;

export const REPOSITORY_URL = `https://github.com/${owner}/${name}`;
export const DEFAULT_BRANCH = state.answers.defaultBranch;

/** `https://github.com/<owner>/<name>/(blob|tree)/<branch>/<file>` for a file or directory of this repository. */
export function repositoryLink(file: string): string {
  const clean = file.replace(/\/$/, '');
  const full = path.join(packageRoot, clean);
  if (!existsSync(full)) throw new Error(`${clean} does not exist in this repository`);
  return `${REPOSITORY_URL}/${statSync(full).isDirectory() ? 'tree' : 'blob'}/${DEFAULT_BRANCH}/${clean}${statSync(full).isDirectory() ? '/' : ''}`;
}

/** The repository path a repository URL points at, or undefined for other URLs. */
export function repositoryPathOf(url: string): string | undefined {
  const prefix = new RegExp(`^${REPOSITORY_URL.replace(/[.]/g, '\\.')}/(?:blob|tree)/${DEFAULT_BRANCH}/`);
  return prefix.test(url) ? url.replace(prefix, '').replace(/[#?].*$/, '').replace(/\/$/, '') : undefined;
}
