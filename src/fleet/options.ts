// Options shared by `survey --org/--repos` and `fleet`: which repositories, the API client, the cache.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { createGitHub, type GitHub } from '../github/index.js';
import type { RateLimitWait } from '../github/client.js';
import type { OptionSpec, ParsedArgs } from '../cli/command.js';
import { parseLevel } from '../validate.js';
import { parseRepoList, type PlanOptions } from './plan.js';

export const SELECTION_OPTIONS: OptionSpec = {
  org: { type: 'string' },
  repos: { type: 'string' },
  topic: { type: 'string', multiple: true },
  name: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  'include-archived': { type: 'boolean' },
  'include-forks': { type: 'boolean' },
  concurrency: { type: 'string' },
  'api-url': { type: 'string' },
  'git-url': { type: 'string' },
};

export const SELECTION_HELP = `  --org <org>              every repository of this GitHub organisation (or user)
  --repos <file>           the repositories named in this file, one owner/name a line
  --topic <topic>          only repositories with this topic (repeatable: any of them)
  --name <glob>            only names matching this glob, e.g. "kube-*" (repeatable)
  --exclude <glob>         leave out names matching this glob (repeatable)
  --include-archived       also archived repositories (skipped by default)
  --include-forks          also forks (skipped by default)
  --concurrency <n>        repositories in flight at once (default 4; API requests: 8)
  --api-url <url>          GitHub API root (default GITHUB_API_URL, else https://api.github.com)
  --git-url <url>          where repositories are fetched from (default GITHUB_SERVER_URL, else https://github.com)
  The token comes from GITHUB_TOKEN or GH_TOKEN.`;

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const strs = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);

export function positiveInt(value: string | undefined, flag: string, fallback: number, max = 1000): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${flag} must be a whole number from 1 to ${max}, got "${value}".`);
  return n;
}

export function hasSelection(values: ParsedArgs['values']): boolean {
  return Boolean(str(values['org']) || str(values['repos']));
}

export function planOptions(values: ParsedArgs['values']): PlanOptions {
  const org = str(values['org']);
  const reposFile = str(values['repos']);
  if (org && !/^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/.test(org)) throw new UsageError(`--org "${org}" is not a GitHub organisation or user name.`);
  let repos: string[] | undefined;
  if (reposFile) {
    let text: string;
    try {
      text = readFileSync(path.resolve(reposFile), 'utf8');
    } catch (error) {
      throw new UsageError(`Cannot read --repos ${reposFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
    }
    repos = parseRepoList(text, org, reposFile);
  }
  return {
    org,
    repos,
    filters: {
      includeArchived: Boolean(values['include-archived']),
      includeForks: Boolean(values['include-forks']),
      topics: strs(values['topic']).map((t) => t.toLowerCase()),
      names: strs(values['name']),
      exclude: strs(values['exclude']),
    },
    concurrency: positiveInt(str(values['concurrency']), '--concurrency', 4, 64),
  };
}

export function levelOption(values: ParsedArgs['values']): string | undefined {
  const level = str(values['level']);
  if (level !== undefined) parseLevel(level);
  return level;
}

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache'), 'secure-cncf');
}

export function gitHubFor(values: ParsedArgs['values'], log: (text: string) => void, cacheDir?: string): GitHub {
  return createGitHub({
    baseUrl: str(values['api-url']),
    cacheDir: cacheDir ? path.join(cacheDir, 'api') : undefined,
    onWait: (w: RateLimitWait) => log(`GitHub ${w.reason} rate limit: waiting ${Math.ceil(w.waitMs / 1000)} s, then resuming (${w.url}).`),
  });
}

export function serverUrl(values: ParsedArgs['values'], env: NodeJS.ProcessEnv = process.env): string {
  return str(values['git-url']) || env['GITHUB_SERVER_URL'] || 'https://github.com';
}

export function tokenFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env['GITHUB_TOKEN'] || env['GH_TOKEN'] || undefined;
}
