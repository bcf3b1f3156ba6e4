// The GitHub API client: `createGitHub()` for the CLI and `check --online`, or the parts for tests.
import { GitHubClient, type GitHubClientOptions } from './client.js';
import { diskCache } from './cache.js';
import { getContents, getRepo, listRepos, type RepoFilters, type RepoInfo } from './repos.js';

export { GitHubClient, nextLink, hasAnyScope, DEFAULT_API_URL, type GitHubClientOptions, type RateLimitWait, type ApiResponse } from './client.js';
export { GitHubApiError, MissingScopeError, RateLimitError } from './errors.js';
export { cacheFileName, diskCache, memoryCache, type ResponseCache, type CachedResponse } from './cache.js';
export { createLimiter, mapLimit } from './limit.js';
export * from './repos.js';

export interface GitHub {
  client: GitHubClient;
  /** Repositories of an org (or user), archived and forks left out unless the filters keep them. */
  listRepos(org: string, filters?: RepoFilters): Promise<RepoInfo[]>;
  getRepo(owner: string, name: string): Promise<RepoInfo>;
  /** A file's text, or undefined when absent (or a directory); `ref` defaults to the default branch. */
  getContents(owner: string, repo: string, path: string, ref?: string): Promise<string | undefined>;
}

/** A client bound to its functions. `cacheDir` turns on the on-disk ETag cache. */
export function createGitHub(options: GitHubClientOptions & { cacheDir?: string | undefined } = {}): GitHub {
  const client = new GitHubClient({ ...options, cache: options.cache ?? (options.cacheDir ? diskCache(options.cacheDir) : undefined) });
  return {
    client,
    listRepos: (org, filters) => listRepos(client, org, filters),
    getRepo: (owner, name) => getRepo(client, owner, name),
    getContents: (owner, repo, path, ref) => getContents(client, owner, repo, path, ref),
  };
}
