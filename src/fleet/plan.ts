// The plan of a fleet run: which repositories (an organisation's, filtered, or an explicit list),
// which ones could not even be looked up (a row each in the report, with the reason), and the
// chunks the matrix jobs take. Written once by the listing job, read by every matrix job.
import { readFileSync } from 'node:fs';
import { InputError, UsageError } from '../errors.js';
import { GitHubApiError, MissingScopeError, RateLimitError } from '../github/errors.js';
import type { GitHubClient } from '../github/client.js';
import { mapLimit } from '../github/limit.js';
import { getRepo, listRepos, type RepoFilters } from '../github/repos.js';
import { chunk, type ChunkOptions } from './chunks.js';

export interface PlannedRepo {
  fullName: string;
  defaultBranch: string;
}

export interface FleetPlan {
  schemaVersion: 1;
  /** The organisation listed, when there was one. */
  org?: string | undefined;
  repos: PlannedRepo[];
  /** Repositories named in an explicit list that could not be looked up, with the reason. */
  problems: Array<{ fullName: string; reason: string }>;
  /** Indexes into `repos`, one list per matrix job. */
  chunks: number[][];
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;

/** Repository names from a file: one `owner/name` (or a bare name with `org`) a line; `#` comments and blank lines ignored. */
export function parseRepoList(text: string, org?: string, source = 'the repository list'): string[] {
  const names: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const full = line.includes('/') ? line.replace(/^https:\/\/github\.com\//, '').replace(/\.git$/, '') : org ? `${org}/${line}` : line;
    if (!NAME.test(full)) throw new UsageError(`${source} line ${i + 1}: "${line}" is not a repository; write owner/name${org ? ' or a name in ' + org : ''}.`);
    if (!names.includes(full)) names.push(full);
  });
  if (names.length === 0) throw new UsageError(`${source} names no repositories.`);
  return names;
}

export interface PlanOptions extends ChunkOptions {
  org?: string | undefined;
  /** Explicit `owner/name` list; the filters then do not apply (the list is what was asked for). */
  repos?: string[] | undefined;
  filters?: RepoFilters | undefined;
  concurrency?: number | undefined;
}

/** Errors that stop a run (the token or GitHub itself is the problem), as opposed to one bad repository. */
export function isFatal(error: unknown): boolean {
  return error instanceof MissingScopeError || error instanceof RateLimitError || (error instanceof GitHubApiError && (error.status === 401 || error.status === 0));
}

export async function buildPlan(client: GitHubClient, options: PlanOptions): Promise<FleetPlan> {
  if (!options.org && !options.repos?.length) throw new UsageError('Name an organisation (--org) or a repository list (--repos).');
  // A classic token that cannot read private repositories fails here, before any job starts.
  await client.requireScopes(['repo', 'public_repo']);
  const repos: PlannedRepo[] = [];
  const problems: FleetPlan['problems'] = [];
  if (options.repos?.length) {
    const found = await mapLimit(options.repos, options.concurrency ?? 8, async (fullName) => {
      const [owner = '', name = ''] = fullName.split('/');
      try {
        const info = await getRepo(client, owner, name);
        return { fullName: info.fullName, defaultBranch: info.defaultBranch };
      } catch (error) {
        if (isFatal(error)) throw error;
        problems.push({ fullName, reason: error instanceof GitHubApiError && error.status === 404 ? 'not found or not readable with this token' : (error as Error).message });
        return undefined;
      }
    });
    for (const repo of found) if (repo) repos.push(repo);
  } else if (options.org) {
    for (const info of await listRepos(client, options.org, options.filters)) repos.push({ fullName: info.fullName, defaultBranch: info.defaultBranch });
  }
  repos.sort((a, b) => a.fullName.localeCompare(b.fullName));
  problems.sort((a, b) => a.fullName.localeCompare(b.fullName));
  const indexes = repos.map((_, i) => i);
  return { schemaVersion: 1, org: options.org, repos, problems, chunks: chunk(indexes, options) };
}

export function readPlan(file: string): FleetPlan {
  let plan: FleetPlan;
  try {
    plan = JSON.parse(readFileSync(file, 'utf8')) as FleetPlan;
  } catch (error) {
    throw new InputError(`Cannot read the fleet plan ${file}: ${(error as Error).message}`);
  }
  if (plan?.schemaVersion !== 1 || !Array.isArray(plan.repos) || !Array.isArray(plan.chunks)) throw new InputError(`${file} is not a secure-cncf fleet plan.`);
  return plan;
}

export function chunkRepos(plan: FleetPlan, index: number): PlannedRepo[] {
  const indexes = plan.chunks[index];
  if (!Number.isInteger(index) || !indexes) throw new UsageError(`Chunk ${index} is not in the plan; it has chunks 0 to ${plan.chunks.length - 1}.`);
  return indexes.map((i) => plan.repos[i]).filter((r): r is PlannedRepo => Boolean(r));
}
