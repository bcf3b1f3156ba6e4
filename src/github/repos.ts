// The GitHub endpoints secure-cncf uses: an organisation's repositories, one repository, a file's
// contents, a commit's tree and blobs (to audit a repository without cloning it), and pull requests.
import { GitHubApiError } from './errors.js';
import type { GitHubClient } from './client.js';

export interface RepoInfo {
  owner: string;
  name: string;
  /** "owner/name". */
  fullName: string;
  defaultBranch: string;
  archived: boolean;
  fork: boolean;
  private: boolean;
  topics: string[];
  /** Kilobytes as GitHub reports it; 0 for an empty repository (or a very small one). */
  size: number;
  pushedAt?: string | undefined;
  htmlUrl?: string | undefined;
}

export interface RepoFilters {
  /** Keep archived repositories (skipped by default). */
  includeArchived?: boolean | undefined;
  /** Keep forks (skipped by default). */
  includeForks?: boolean | undefined;
  /** Keep only repositories with at least one of these topics. */
  topics?: string[] | undefined;
  /** Keep only names matching one of these globs (`*` any run of characters, `?` one), case-insensitive. */
  names?: string[] | undefined;
  /** Leave out names matching one of these globs. */
  exclude?: string[] | undefined;
}

interface ApiRepo {
  name: string;
  full_name: string;
  owner: { login: string };
  default_branch?: string;
  archived?: boolean;
  fork?: boolean;
  private?: boolean;
  topics?: string[];
  size?: number;
  pushed_at?: string | null;
  html_url?: string;
}

function toRepoInfo(repo: ApiRepo): RepoInfo {
  return {
    owner: repo.owner.login,
    name: repo.name,
    fullName: repo.full_name,
    defaultBranch: repo.default_branch ?? 'main',
    archived: Boolean(repo.archived),
    fork: Boolean(repo.fork),
    private: Boolean(repo.private),
    topics: repo.topics ?? [],
    size: repo.size ?? 0,
    pushedAt: repo.pushed_at ?? undefined,
    htmlUrl: repo.html_url,
  };
}

export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/** The filters of a fleet run applied to one repository: why it is left out, or undefined to keep it. */
export function filterReason(repo: RepoInfo, filters: RepoFilters = {}): string | undefined {
  if (repo.archived && !filters.includeArchived) return 'archived';
  if (repo.fork && !filters.includeForks) return 'fork';
  if (filters.topics?.length && !repo.topics.some((t) => filters.topics?.includes(t.toLowerCase()) || filters.topics?.includes(t))) return 'no matching topic';
  if (filters.names?.length && !filters.names.some((g) => globToRegExp(g).test(repo.name))) return 'name not matched';
  if (filters.exclude?.some((g) => globToRegExp(g).test(repo.name))) return 'name excluded';
  return undefined;
}

const enc = encodeURIComponent;
const encPath = (p: string) => p.split('/').map(enc).join('/');

/**
 * Repositories of an organisation (or, when no organisation has that name, of a user), filtered:
 * archived repositories and forks are left out unless asked for.
 */
export async function listRepos(client: GitHubClient, org: string, filters: RepoFilters = {}): Promise<RepoInfo[]> {
  let repos: ApiRepo[];
  try {
    repos = await client.paginate<ApiRepo>(`/orgs/${enc(org)}/repos?type=all&per_page=100`);
  } catch (error) {
    if (!(error instanceof GitHubApiError) || error.status !== 404) throw error;
    repos = await client.paginate<ApiRepo>(`/users/${enc(org)}/repos?type=owner&per_page=100`);
  }
  return repos.map(toRepoInfo).filter((repo) => filterReason(repo, filters) === undefined);
}

/** One repository; GitHubApiError (404) when it does not exist or the token cannot see it. */
export async function getRepo(client: GitHubClient, owner: string, name: string): Promise<RepoInfo> {
  const { data } = await client.request<ApiRepo>(`/repos/${enc(owner)}/${enc(name)}`);
  return toRepoInfo(data);
}

interface ApiContent {
  type: 'file' | 'dir' | 'symlink' | 'submodule';
  encoding?: string;
  content?: string;
}

/**
 * The text of one file in a GitHub repository, or undefined when there is no such file (404, an
 * empty repository) or the path is a directory, symlink or submodule. `ref` is a branch, tag or
 * commit; the default branch when omitted. Other failures (rate limit exhausted, missing scope,
 * 5xx) throw GitHubApiError with a message naming the cause.
 *
 *   const text = await getContents(client, 'my-org', '.github', 'SECURITY.md');
 *   const wf = await getContents(client, 'my-org', 'ci', '.github/workflows/go.yml', 'v1.2.0');
 */
export async function getContents(client: GitHubClient, owner: string, repo: string, path: string, ref?: string): Promise<string | undefined> {
  const query = ref ? `?ref=${enc(ref)}` : '';
  const url = `/repos/${enc(owner)}/${enc(repo)}/contents/${encPath(path.replace(/^\/+/, ''))}${query}`;
  const response = await client.request<ApiContent | ApiContent[]>(url, { allow: [404] });
  if (response.status === 404) return undefined;
  const data = response.data;
  if (Array.isArray(data) || data?.type !== 'file') return undefined;
  if (data.encoding === 'base64' && typeof data.content === 'string') return Buffer.from(data.content, 'base64').toString('utf8');
  // Files of 1-100 MB come without content ("encoding": "none"); the raw media type returns them.
  const raw = await client.request<string>(url, { accept: 'application/vnd.github.raw+json', allow: [404] });
  return raw.status === 404 ? undefined : typeof raw.data === 'string' ? raw.data : JSON.stringify(raw.data);
}

export interface TreeEntry {
  path: string;
  type: 'blob' | 'tree' | 'commit';
  mode: string;
  sha: string;
  size?: number;
}

export interface RepoTree {
  /** The commit the tree was read at. */
  commit: string;
  entries: TreeEntry[];
  /** GitHub cut the listing short (more than 100,000 entries or 7 MB). */
  truncated: boolean;
}

/** Why a repository has no tree to audit, in words for a report row; undefined for any other error. */
export function treeProblem(error: unknown): string | undefined {
  if (!(error instanceof GitHubApiError)) return undefined;
  if (error.status === 409) return 'empty repository (no commits)';
  if (error.status === 404) return 'not found or not readable with this token';
  if (error.status === 451) return 'unavailable for legal reasons';
  if (error.status === 403 && /archived/i.test(error.apiMessage ?? '')) return 'archived';
  return undefined;
}

/**
 * The head commit of `ref` (default branch by default) and its whole file tree. The commit look-up
 * is cached by ETag; the tree is addressed by its SHA, so it comes from the cache once seen.
 */
export async function getTree(client: GitHubClient, owner: string, repo: string, ref: string): Promise<RepoTree> {
  const base = `/repos/${enc(owner)}/${enc(repo)}`;
  const { data: commit } = await client.request<{ sha: string; commit: { tree: { sha: string } } }>(`${base}/commits/${enc(ref)}`);
  const { data: tree } = await client.request<{ tree: TreeEntry[]; truncated?: boolean }>(`${base}/git/trees/${commit.commit.tree.sha}?recursive=1`);
  return { commit: commit.sha, entries: tree.tree, truncated: Boolean(tree.truncated) };
}

/** A blob's bytes; blobs are addressed by SHA, so a cached one never changes. */
export async function getBlob(client: GitHubClient, owner: string, repo: string, sha: string): Promise<Buffer> {
  const { data } = await client.request<{ content: string; encoding: string }>(`/repos/${enc(owner)}/${enc(repo)}/git/blobs/${sha}`);
  return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
}

export interface PullInfo {
  number: number;
  state: string;
  htmlUrl: string;
  head: string;
}

/** Open pull requests from `branch` (in the same repository) into the base. */
export async function findPulls(client: GitHubClient, owner: string, repo: string, branch: string): Promise<PullInfo[]> {
  const pulls = await client.paginate<{ number: number; state: string; html_url: string; head: { ref: string } }>(
    `/repos/${enc(owner)}/${enc(repo)}/pulls?state=open&head=${enc(`${owner}:${branch}`)}&per_page=100`,
  );
  return pulls.map((p) => ({ number: p.number, state: p.state, htmlUrl: p.html_url, head: p.head.ref }));
}

/** Open a pull request, or update the title and body of the open one from the same branch. */
export async function upsertPull(
  client: GitHubClient,
  owner: string,
  repo: string,
  pull: { branch: string; base: string; title: string; body: string },
): Promise<{ number: number; htmlUrl: string; created: boolean }> {
  const [existing] = await findPulls(client, owner, repo, pull.branch);
  const base = `/repos/${enc(owner)}/${enc(repo)}/pulls`;
  if (existing) {
    await client.request(`${base}/${existing.number}`, { method: 'PATCH', body: { title: pull.title, body: pull.body } });
    return { number: existing.number, htmlUrl: existing.htmlUrl, created: false };
  }
  const { data } = await client.request<{ number: number; html_url: string }>(base, {
    method: 'POST',
    body: { title: pull.title, body: pull.body, head: pull.branch, base: pull.base },
  });
  return { number: data.number, htmlUrl: data.html_url, created: true };
}
