// Audit one remote repository: its head commit through the API (an empty or unreadable repository
// becomes a row with the reason), a shallow read-only fetch of that commit (credentials only in
// git's environment, never in .git/config), `check`, and a result cache keyed by commit, level and
// tool version so an unchanged repository is not fetched or audited again on the next run.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { runCheck } from '../check/run.js';
import type { CheckReport } from '../check/report.js';
import type { SurveyEntry } from '../check/survey.js';
import type { GitHubClient } from '../github/client.js';
import { GitHubApiError } from '../github/errors.js';
import { treeProblem } from '../github/repos.js';
import { generatorInfo } from '../version.js';
import { isFatal, type PlannedRepo } from './plan.js';

const run = promisify(execFile);

export interface AuditContext {
  client: GitHubClient;
  /** Where clones are made: `https://github.com` (GITHUB_SERVER_URL) or, in tests, a file:// directory. */
  serverUrl: string;
  token?: string | undefined;
  /** Working copies go to <workDir>/<owner>/<name>. */
  workDir: string;
  /** Keep working copies for the next run (survey on one machine) instead of deleting them (Actions jobs). */
  keepClones?: boolean | undefined;
  /** Audit results by commit; none when undefined. */
  resultsDir?: string | undefined;
  level?: string | undefined;
}

export interface AuditEntry extends SurveyEntry {
  /** The commit audited. */
  commit?: string | undefined;
  /** The result came from the results cache (same commit, level and tool version). */
  cached?: boolean | undefined;
  /** Retrofit mode: what happened to the repository's pull request. */
  retrofit?: { outcome: string; url?: string | undefined; detail?: string | undefined } | undefined;
}

/** Environment that gives git the token for one command, without writing it anywhere. */
export function gitAuthEnv(serverUrl: string, token: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0' };
  if (!token || !/^https?:\/\//.test(serverUrl)) return env;
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  return { ...env, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: `http.${serverUrl.replace(/\/+$/, '')}/.extraheader`, GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}` };
}

/** Shallow fetch of `branch` into `dir` and a detached checkout of it; returns the commit. */
export async function fetchWorkingCopy(url: string, branch: string, dir: string, env: NodeJS.ProcessEnv): Promise<string> {
  if (!existsSync(path.join(dir, '.git'))) {
    mkdirSync(dir, { recursive: true });
    await run('git', ['init', '-q', dir], { env });
  }
  const git = (args: string[]) => run('git', ['-C', dir, ...args], { env, maxBuffer: 16 * 1024 * 1024, timeout: 10 * 60_000 });
  await git(['-c', 'protocol.version=2', 'fetch', '-q', '--depth', '1', '--no-tags', url, `refs/heads/${branch}`]);
  await git(['checkout', '-q', '--force', '--detach', 'FETCH_HEAD']);
  await git(['clean', '-q', '-f', '-d', '-x']);
  return (await git(['rev-parse', 'HEAD'])).stdout.trim();
}

interface CachedResult {
  commit: string;
  level: string;
  tool: string;
  report: CheckReport;
}

const slug = (fullName: string) => fullName.replace('/', '__');

function readResult(dir: string | undefined, fullName: string): CachedResult | undefined {
  if (!dir) return undefined;
  try {
    return JSON.parse(readFileSync(path.join(dir, `${slug(fullName)}.json`), 'utf8')) as CachedResult;
  } catch {
    return undefined;
  }
}

function writeResult(dir: string | undefined, fullName: string, result: CachedResult): void {
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${slug(fullName)}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(result));
  renameSync(`${file}.tmp`, file);
}

function firstLine(error: unknown): string {
  return ((error as Error).message ?? String(error)).split('\n')[0] ?? String(error);
}

/** Why git could not fetch, in words for the report. */
function fetchProblem(error: unknown): string {
  const text = `${(error as { stderr?: string }).stderr ?? ''} ${(error as Error).message}`;
  if (/couldn't find remote ref|remote ref does not exist/i.test(text)) return 'default branch not found (empty repository, or renamed since listing)';
  if (/not found|does not appear to be a git repository|403|401|Authentication failed|could not read Username/i.test(text)) return 'not readable with this token';
  return `fetch failed: ${firstLine(error)}`;
}

/** One repository's row. Throws only what stops the whole run (missing scope, rate limit given up, bad token). */
export async function auditRepository(repo: PlannedRepo, ctx: AuditContext, then?: (dir: string, entry: AuditEntry, url: string) => Promise<void>): Promise<AuditEntry> {
  const [owner = '', name = ''] = repo.fullName.split('/');
  let head: string;
  try {
    const { data } = await ctx.client.request<{ sha: string }>(`/repos/${owner}/${name}/commits/${encodeURIComponent(repo.defaultBranch)}`);
    head = data.sha;
  } catch (error) {
    if (isFatal(error)) throw error;
    return { path: repo.fullName, error: treeProblem(error) ?? (error instanceof GitHubApiError ? firstLine(error) : `lookup failed: ${firstLine(error)}`) };
  }
  const level = ctx.level ?? 'stored';
  const tool = generatorInfo().version;
  const cached = readResult(ctx.resultsDir, repo.fullName);
  if (cached && cached.commit === head && cached.level === level && cached.tool === tool) return { path: repo.fullName, report: cached.report, commit: head, cached: true };

  const dir = path.join(ctx.workDir, owner, name);
  try {
    const url = `${ctx.serverUrl.replace(/\/+$/, '')}/${owner}/${name}.git`;
    let commit: string;
    try {
      commit = await fetchWorkingCopy(url, repo.defaultBranch, dir, gitAuthEnv(ctx.serverUrl, ctx.token));
    } catch (error) {
      return { path: repo.fullName, error: fetchProblem(error), commit: head };
    }
    try {
      const { report } = await runCheck({ directory: dir, repo: repo.fullName, level: ctx.level });
      // Keyed by the head the API named, which is what the next run compares against.
      writeResult(ctx.resultsDir, repo.fullName, { commit: head, level, tool, report });
      const entry: AuditEntry = { path: repo.fullName, report, commit };
      await then?.(dir, entry, url);
      return entry;
    } catch (error) {
      return { path: repo.fullName, error: `not audited: ${firstLine(error)}`, commit };
    }
  } finally {
    if (!ctx.keepClones) rmSync(dir, { recursive: true, force: true });
  }
}
