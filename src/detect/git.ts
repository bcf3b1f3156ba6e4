import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Repository } from '../model.js';

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
 * One short git query. Node's own execFile, not execa: this runs on every `check`, and loading
 * execa's bundle costs more than the three queries themselves.
 */
function git(root: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = execFile('git', args, { cwd: root, timeout: 5000, encoding: 'utf8' }, (error, stdout) => {
      resolve(error ? undefined : stdout.trim());
    });
    child.stdin?.end();
  });
}

/** Owner/repo from `origin` and the default branch, when the directory is a git work tree. */
export async function readGitInfo(root: string): Promise<GitInfo> {
  if (!existsSync(path.join(root, '.git'))) return {};
  const [url, originHead, current] = await Promise.all([
    git(root, ['remote', 'get-url', 'origin']),
    git(root, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']),
    git(root, ['symbolic-ref', '--quiet', '--short', 'HEAD']),
  ]);
  const info: GitInfo = {};
  const remote = url ? parseGitHubRemote(url) : undefined;
  if (remote && url) [info.remote, info.remoteUrl] = [remote, url];
  const branch = originHead?.replace(/^origin\//, '') || current;
  if (branch) info.defaultBranch = branch;
  return info;
}
