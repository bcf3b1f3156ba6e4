// Retrofit mode of a fleet run: in the working copy `check` just audited, run `retrofit --yes`;
// when it changes nothing, nothing is pushed or opened. Otherwise one branch (the same name on
// every run) is pushed and one pull request opened or updated, its description from
// `retrofit --pr-body` (or, from a secure-cncf without that option, from the retrofit report).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { GitHubClient } from '../github/client.js';
import { getRepo, upsertPull } from '../github/repos.js';

const run = promisify(execFile);

export const RETROFIT_BRANCH = 'secure-cncf/retrofit';
export const RETROFIT_TITLE = 'Harden the security setup (secure-cncf retrofit)';

export interface RetrofitOutcome {
  outcome: 'nothing-to-change' | 'opened' | 'updated' | 'archived' | 'failed';
  url?: string | undefined;
  detail?: string | undefined;
}

export interface RetrofitContext {
  client: GitHubClient;
  /** Remote URL of the repository (the same the working copy was fetched from). */
  url: string;
  env: NodeJS.ProcessEnv;
  defaultBranch: string;
  level?: string | undefined;
  branch?: string | undefined;
  /** Runs the CLI in-process (the fleet command passes main); returns the exit code. */
  cli: (argv: string[], out: (text: string) => void, err: (text: string) => void) => Promise<number>;
}

async function retrofitWithBody(dir: string, fullName: string, ctx: RetrofitContext): Promise<{ body: string; code: number }> {
  const temp = mkdtempSync(path.join(tmpdir(), 'secure-cncf-pr-'));
  const bodyFile = path.join(temp, 'body.md');
  const base = ['retrofit', dir, '--yes', '--repo', fullName, ...(ctx.level ? ['--level', ctx.level] : [])];
  try {
    let out = '';
    let err = '';
    let code = await ctx.cli([...base, '--pr-body', bodyFile], (t) => (out += `${t}\n`), (t) => (err += `${t}\n`));
    if (code === 2 && /pr-body/.test(err)) {
      // This secure-cncf has no --pr-body yet: the retrofit report is the description.
      out = '';
      err = '';
      code = await ctx.cli(base, (t) => (out += `${t}\n`), (t) => (err += `${t}\n`));
      if (code === 2) throw new Error(err.trim().split('\n')[0]?.replace(/^error: /, '') ?? 'retrofit refused the repository');
      return { body: `secure-cncf retrofit changed the files below. Review each one before merging.\n\n\`\`\`\n${out.trim()}\n\`\`\`\n`, code };
    }
    let body: string;
    try {
      body = readFileSync(bodyFile, 'utf8');
    } catch {
      body = `secure-cncf retrofit report:\n\n\`\`\`\n${out.trim()}\n\`\`\`\n`;
    }
    if (code === 2) throw new Error(err.trim().split('\n')[0]?.replace(/^error: /, '') ?? 'retrofit refused the repository');
    return { body, code };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

export async function retrofitRepository(dir: string, fullName: string, ctx: RetrofitContext): Promise<RetrofitOutcome> {
  const [owner = '', name = ''] = fullName.split('/');
  const branch = ctx.branch ?? RETROFIT_BRANCH;
  const git = (args: string[]) => run('git', ['-C', dir, '-c', 'user.name=secure-cncf', '-c', 'user.email=secure-cncf@users.noreply.github.com', ...args], { env: ctx.env, maxBuffer: 16 * 1024 * 1024 });
  try {
    const { body } = await retrofitWithBody(dir, fullName, ctx);
    if ((await git(['status', '--porcelain'])).stdout.trim() === '') return { outcome: 'nothing-to-change' };
    // Archived between listing and now: pushing would fail; say so instead.
    if ((await getRepo(ctx.client, owner, name)).archived) return { outcome: 'archived', detail: 'archived since the run started; not changed' };
    await git(['checkout', '-q', '-B', branch]);
    await git(['add', '-A']);
    await git(['commit', '-q', '-m', RETROFIT_TITLE]);
    const remote = (await git(['ls-remote', ctx.url, `refs/heads/${branch}`])).stdout.trim();
    let same = false;
    if (remote) {
      await git(['fetch', '-q', '--depth', '1', '--no-tags', ctx.url, `refs/heads/${branch}`]);
      same = (await git(['rev-parse', 'FETCH_HEAD^{tree}'])).stdout.trim() === (await git(['rev-parse', 'HEAD^{tree}'])).stdout.trim();
    }
    // The branch is this tool's own: each run rebuilds it from the current default branch.
    if (!same) await git(['push', '-q', '--force', ctx.url, `HEAD:refs/heads/${branch}`]);
    const pull = await upsertPull(ctx.client, owner, name, { branch, base: ctx.defaultBranch, title: RETROFIT_TITLE, body });
    return { outcome: pull.created ? 'opened' : 'updated', url: pull.htmlUrl, detail: same ? 'branch already up to date' : undefined };
  } catch (error) {
    const message = `${(error as { stderr?: string }).stderr ?? ''} ${(error as Error).message}`.trim();
    return { outcome: 'failed', detail: message.split('\n').find((l) => l.trim()) ?? 'retrofit failed' };
  }
}
