import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Repository } from '../model.js';
import { runGit } from './git-run.js';

/** Parse the GitHub owner/name out of the remote URL forms git accepts. */
export function parseGitHubRemote(url: string): Repository | undefined {
  const match =
    /^(?:https?:\/\/(?:[^@/]+@)?github\.com\/|git@github\.com:|ssh:\/\/git@github\.com(?::\d+)?\/|git:\/\/github\.com\/)([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(
      url.trim(),
    );
  if (!match) return undefined;
  return { owner: match[1] as string, name: match[2] as string };
}

export interface GitInfo {
  remote?: Repository;
  remoteUrl?: string;
  defaultBranch?: string;
}

/**
 * The three short queries: the origin URL, origin's default branch, the current branch. Node's own
 * execFile (in git-run.ts), not execa: this runs on every `check`, and loading execa's bundle
 * costs more than the queries themselves.
 */
export const GIT_INFO_QUERIES = [
  ['remote', 'get-url', 'origin'],
  ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'],
  ['symbolic-ref', '--quiet', '--short', 'HEAD'],
] as const;
export const GIT_INFO_OPTIONS = { timeout: 5000 };

async function git(root: string, args: readonly string[]): Promise<string | undefined> {
  return (await runGit(root, args, GIT_INFO_OPTIONS))?.toString('utf8').trim();
}

/** Owner/repo from `origin` and the default branch, when the directory is a git work tree. */
export async function readGitInfo(root: string): Promise<GitInfo> {
  if (!existsSync(path.join(root, '.git'))) return {};
  const [url, originHead, current] = await Promise.all(GIT_INFO_QUERIES.map((args) => git(root, args)));
  const info: GitInfo = {};
  const remote = url ? parseGitHubRemote(url) : undefined;
  if (remote && url) [info.remote, info.remoteUrl] = [remote, url];
  const branch = originHead?.replace(/^origin\//, '') || current;
  if (branch) info.defaultBranch = branch;
  return info;
}
