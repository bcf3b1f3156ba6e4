import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
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
 * The three facts as git's own queries give them: the origin URL, origin's default branch, the
 * current branch. Node's own execFile, not execa: loading execa's bundle costs more than the
 * queries themselves.
 */
const GIT_INFO_QUERIES = [
  ['remote', 'get-url', 'origin'],
  ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'],
  ['symbolic-ref', '--quiet', '--short', 'HEAD'],
] as const;

function git(root: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = execFile('git', [...args], { cwd: root, timeout: 5000, encoding: 'utf8' }, (error, stdout) => {
      resolve(error ? undefined : stdout.trim());
    });
    child.stdin?.end();
  });
}

interface RawGitInfo {
  url?: string | undefined;
  originHead?: string | undefined;
  current?: string | undefined;
}

/** Owner/repo from `origin` and the default branch, when the directory is a git work tree. */
export async function readGitInfo(root: string): Promise<GitInfo> {
  if (!existsSync(path.join(root, '.git'))) return {};
  // A URL that does not name a GitHub repository may still become one through URL rewriting in
  // the user's own git configuration (`insteadOf`): git itself resolves those.
  const plain = readPlainGitDir(root);
  const raw = plain && (!plain.url || parseGitHubRemote(plain.url)) ? plain : await askGit(root);
  const info: GitInfo = {};
  const remote = raw.url ? parseGitHubRemote(raw.url) : undefined;
  if (remote && raw.url) [info.remote, info.remoteUrl] = [remote, raw.url];
  const branch = raw.originHead?.replace(/^origin\//, '') || raw.current;
  if (branch) info.defaultBranch = branch;
  return info;
}

async function askGit(root: string): Promise<RawGitInfo> {
  const [url, originHead, current] = await Promise.all(GIT_INFO_QUERIES.map((args) => git(root, args)));
  return { url, originHead, current };
}

/** Anything in a local config that changes how git resolves a remote's URL or where refs live. */
const CONFIG_BEYOND_THE_PLAIN_FORM = /^\s*\[\s*include|insteadof|refstorage|worktreeconfig/im;
const ORIGIN_SECTION = /^\s*\[\s*remote\s+"origin"\s*\]\s*$/i;
const SECTION = /^\s*\[/;
const URL_KEY = /^\s*url\s*=\s*(.*?)\s*$/i;
const SYMBOLIC_REF = /^ref: (refs\/\S+)\s*$/;

/**
 * The same three facts read from the files of a plain `.git` directory, sparing three processes
 * (each costs Node several milliseconds to start). Only the common layout is read here: a `.git`
 * directory (not a worktree's or submodule's pointer file), loose symbolic refs, and an origin URL
 * written plainly in the local config. Anything else (includes, URL rewriting, quoting, the
 * reftable format, legacy remotes files) is undefined, and git itself answers.
 */
export function readPlainGitDir(root: string): RawGitInfo | undefined {
  const gitDir = path.join(root, '.git');
  try {
    if (!statSync(gitDir).isDirectory() || existsSync(path.join(gitDir, 'remotes', 'origin'))) return undefined;
    const config = readFileSync(path.join(gitDir, 'config'), 'utf8');
    if (CONFIG_BEYOND_THE_PLAIN_FORM.test(config)) return undefined;
    const url = originUrl(config);
    if (url === null) return undefined;
    const head = SYMBOLIC_REF.exec(readFileSync(path.join(gitDir, 'HEAD'), 'utf8'));
    const originHeadFile = path.join(gitDir, 'refs', 'remotes', 'origin', 'HEAD');
    const originHead = existsSync(originHeadFile) ? SYMBOLIC_REF.exec(readFileSync(originHeadFile, 'utf8')) : null;
    return {
      url,
      current: head?.[1]?.startsWith('refs/heads/') ? head[1].slice('refs/heads/'.length) : undefined,
      originHead: originHead?.[1]?.startsWith('refs/remotes/') ? originHead[1].slice('refs/remotes/'.length) : undefined,
    };
  } catch {
    return undefined;
  }
}

/** The first `url` of `[remote "origin"]`; undefined without one; null when the value is not plain (quotes, escapes, comments). */
function originUrl(config: string): string | undefined | null {
  let inOrigin = false;
  for (const line of config.split(/\r?\n/)) {
    if (SECTION.test(line)) {
      if (!/\]\s*$/.test(line)) return null; // a key on the header's line
      inOrigin = ORIGIN_SECTION.test(line);
      continue;
    }
    if (!inOrigin) continue;
    const value = URL_KEY.exec(line)?.[1];
    if (value === undefined) continue;
    return value === '' || /["\\;#]/.test(value) ? null : value;
  }
  return undefined;
}
