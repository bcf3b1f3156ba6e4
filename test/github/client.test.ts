import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  GitHubApiError,
  GitHubClient,
  MissingScopeError,
  RateLimitError,
  createGitHub,
  cacheFileName,
  diskCache,
  getContents,
  getTree,
  getBlob,
  listRepos,
  mapLimit,
  nextLink,
  upsertPull,
  type GitHubClientOptions,
} from '../../src/github/index.js';
import { FakeGitHub, type FakeRepo } from './fake-github.js';

const ORG = 'acme';

function fleet(count: number): FakeRepo[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `repo-${String(i).padStart(3, '0')}`,
    archived: i % 10 === 3,
    fork: i % 10 === 7,
    topics: i % 5 === 0 ? ['cncf', 'go'] : ['tooling'],
    files: { 'README.md': `# repo ${i}\n`, '.github/workflows/ci.yml': 'on: push\n' },
  }));
}

const server = new FakeGitHub({
  org: ORG,
  repos: [
    ...fleet(250),
    { name: 'empty' },
    { name: 'secret', unreadable: true },
    { name: 'docs', files: { 'SECURITY.md': 'Report to security@acme.example\n', 'guide/a.md': 'a', 'big.txt': 'x' } },
  ],
});

/** No real waiting: sleeps are recorded. */
function fakeTime(start = 1_700_000_000_000) {
  const sleeps: number[] = [];
  let now = start;
  return {
    sleeps,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    now: () => now,
  };
}

const client = (extra: GitHubClientOptions = {}) => {
  const time = fakeTime();
  return new GitHubClient({ baseUrl: server.baseUrl, token: 't0ken', sleep: time.sleep, now: time.now, env: {}, ...extra });
};

beforeAll(async () => {
  await server.start();
});
afterAll(async () => {
  await server.stop();
});
afterEach(() => {
  server.faults.length = 0;
  server.requests.length = 0;
  server.options.scopes = undefined;
});

describe('pagination and repository lists', () => {
  it('follows Link rel="next" across pages and skips archived repositories and forks by default', async () => {
    const repos = await listRepos(client(), ORG);
    const pages = server.requests.filter((r) => r.url.startsWith(`/orgs/${ORG}/repos`));
    expect(pages).toHaveLength(3); // 253 repositories at 100 a page
    expect(pages[1]?.url).toContain('page=2');
    const all = 253;
    const archived = 25; // i % 10 === 3 among 250
    const forks = 25;
    expect(repos).toHaveLength(all - archived - forks);
    expect(repos.some((r) => r.archived || r.fork)).toBe(false);
    expect(repos[0]).toMatchObject({ owner: ORG, fullName: `${ORG}/repo-000`, defaultBranch: 'main' });
  });

  it('keeps archived repositories and forks when asked, and filters by topic and name glob', async () => {
    const gh = client();
    expect(await listRepos(gh, ORG, { includeArchived: true, includeForks: true })).toHaveLength(253);
    const cncf = await listRepos(gh, ORG, { topics: ['cncf'] });
    expect(cncf.length).toBe(50); // i % 5 === 0 is never 3 or 7 mod 10
    expect(cncf.every((r) => r.topics.includes('cncf'))).toBe(true);
    const named = await listRepos(gh, ORG, { names: ['repo-00?'], exclude: ['*-005'] });
    expect(named.map((r) => r.name)).toEqual(['repo-000', 'repo-001', 'repo-002', 'repo-004', 'repo-006', 'repo-008', 'repo-009']);
  });

  it('falls back to a user account when no organisation has the name', async () => {
    server.faults.push({ match: /^\/orgs\//, times: 1, status: 404, body: { message: 'Not Found' } });
    const repos = await listRepos(client(), ORG);
    expect(repos.length).toBe(203);
    expect(server.requests.some((r) => r.url.startsWith(`/users/${ORG}/repos`))).toBe(true);
  });

  it('parses Link headers', () => {
    expect(nextLink('<https://x/a?page=2>; rel="next", <https://x/a?page=9>; rel="last"')).toBe('https://x/a?page=2');
    expect(nextLink('<https://x/a?page=1>; rel="prev"')).toBeUndefined();
    expect(nextLink(null)).toBeUndefined();
  });
});

describe('getContents', () => {
  it('returns the text of a file, undefined for a missing file, a directory or an empty repository, and passes the ref', async () => {
    const gh = createGitHub({ baseUrl: server.baseUrl, token: 't', env: {} });
    expect(await gh.getContents(ORG, 'docs', 'SECURITY.md')).toBe('Report to security@acme.example\n');
    expect(await gh.getContents(ORG, 'docs', 'missing.md')).toBeUndefined();
    expect(await gh.getContents(ORG, 'docs', 'guide')).toBeUndefined();
    expect(await gh.getContents(ORG, 'empty', 'README.md')).toBeUndefined();
    expect(await getContents(gh.client, ORG, 'docs', '/guide/a.md', 'v1.0.0')).toBe('a');
    expect(server.requests.at(-1)?.url).toBe(`/repos/${ORG}/docs/contents/guide/a.md?ref=v1.0.0`);
  });

  it('sends the token from GITHUB_TOKEN, then GH_TOKEN, unless one is given', async () => {
    await new GitHubClient({ baseUrl: server.baseUrl, env: { GH_TOKEN: 'from-gh' } }).request('/rate_limit');
    await new GitHubClient({ baseUrl: server.baseUrl, env: { GITHUB_TOKEN: 'from-github', GH_TOKEN: 'from-gh' } }).request('/rate_limit');
    await new GitHubClient({ baseUrl: server.baseUrl, token: 'given', env: { GITHUB_TOKEN: 'from-github' } }).request('/rate_limit');
    await new GitHubClient({ baseUrl: server.baseUrl, env: {} }).request('/rate_limit');
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer from-gh', 'Bearer from-github', 'Bearer given', undefined]);
    expect(server.requests[0]?.headers['x-github-api-version']).toBe('2022-11-28');
  });

  it('takes the base URL from GITHUB_API_URL (GitHub Enterprise Server, Actions runners)', () => {
    expect(new GitHubClient({ env: { GITHUB_API_URL: 'https://ghe.example/api/v3/' } }).baseUrl).toBe('https://ghe.example/api/v3');
    expect(new GitHubClient({ env: {} }).baseUrl).toBe('https://api.github.com');
  });
});

describe('on-disk ETag cache', () => {
  it('a second run, from a new process-like client, revalidates every page with If-None-Match and fetches only what changed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gh-cache-'));
    try {
      const first = client({ cache: diskCache(dir) });
      await listRepos(first, ORG);
      const tree = await getTree(first, ORG, 'docs', 'main');
      expect(await getContents(first, ORG, 'docs', 'SECURITY.md')).toContain('security@');
      expect(first.stats.notModified).toBe(0);

      server.requests.length = 0;
      const docs = server.repo('docs');
      if (!docs?.files) throw new Error('fixture');
      docs.files['SECURITY.md'] = 'Report to psirt@acme.example\n';
      const second = client({ cache: diskCache(dir) });
      const repos = await listRepos(second, ORG);
      expect(repos).toHaveLength(203);
      expect(server.requests.filter((r) => r.headers['if-none-match'])).toHaveLength(server.requests.length);
      expect(second.stats.notModified).toBe(3); // the three pages, unchanged
      expect(await getContents(second, ORG, 'docs', 'SECURITY.md')).toBe('Report to psirt@acme.example\n');
      expect(second.stats.notModified).toBe(3); // the changed file came over the wire
      const again = await getTree(second, ORG, 'docs', 'main');
      expect(again.commit).not.toBe(tree.commit);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('blobs come back as bytes and a corrupt cache entry is fetched again', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gh-cache-'));
    try {
      const gh = client({ cache: diskCache(dir) });
      const tree = await getTree(gh, ORG, 'docs', 'main');
      const readme = tree.entries.find((e) => e.path === 'guide/a.md');
      expect(readme?.type).toBe('blob');
      expect((await getBlob(gh, ORG, 'docs', readme?.sha ?? '')).toString()).toBe('a');
      expect(tree.entries.filter((e) => e.type === 'tree').map((e) => e.path)).toEqual(['guide']);
      const url = `${server.baseUrl}/repos/${ORG}/docs/git/blobs/${readme?.sha}`;
      writeFileSync(path.join(dir, cacheFileName(url)), '{not json');
      server.requests.length = 0;
      expect((await getBlob(client({ cache: diskCache(dir) }), ORG, 'docs', readme?.sha ?? '')).toString()).toBe('a');
      expect(server.requests[0]?.headers['if-none-match']).toBeUndefined();
      expect(diskCache(dir).get(url)?.body).toContain('"content"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rate limits', () => {
  it('waits for the primary limit reset (X-RateLimit-Reset) and resumes', async () => {
    const time = fakeTime(1_700_000_000_000);
    const resetAt = Math.floor(1_700_000_000_000 / 1000) + 120;
    server.faults.push({ match: /page=2/, times: 1, status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(resetAt) }, body: { message: 'API rate limit exceeded' } });
    const waits: string[] = [];
    const gh = client({ sleep: time.sleep, now: time.now, onWait: (w) => waits.push(w.reason) });
    expect(await listRepos(gh, ORG)).toHaveLength(203);
    expect(time.sleeps).toEqual([121_000]);
    expect(waits).toEqual(['primary']);
  });

  it('honours Retry-After on 429 and 403, and backs off at least a minute on a secondary limit without it', async () => {
    const time = fakeTime();
    server.faults.push(
      { match: /contents\/SECURITY/, times: 1, status: 429, headers: { 'retry-after': '7' }, body: { message: 'slow down' } },
      { match: /contents\/SECURITY/, times: 2, status: 403, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' } },
    );
    const gh = client({ sleep: time.sleep, now: time.now });
    expect(await getContents(gh, ORG, 'docs', 'SECURITY.md')).toContain('acme.example');
    expect(time.sleeps).toEqual([7_000, 120_000, 240_000]);
    expect(gh.stats.waits).toBe(3);
  });

  it('retries a 502 and gives up after maxRetries with a RateLimitError naming the request', async () => {
    const time = fakeTime();
    server.faults.push({ match: /contents\/SECURITY/, times: 1, status: 502, body: { message: 'bad gateway' } });
    const gh = client({ sleep: time.sleep, now: time.now, maxRetries: 2 });
    expect(await getContents(gh, ORG, 'docs', 'SECURITY.md')).toBeDefined();
    server.faults.push({ match: /contents\/SECURITY/, times: 10, status: 429, headers: { 'retry-after': '1' } });
    await expect(getContents(gh, ORG, 'docs', 'SECURITY.md')).rejects.toThrow(RateLimitError);
    await expect(getContents(gh, ORG, 'docs', 'SECURITY.md')).rejects.toThrow(/contents\/SECURITY\.md.*after 2 waits/);
  });

  it('refuses a wait longer than maxWaitMs instead of hanging', async () => {
    server.faults.push({ match: /contents/, times: 1, status: 403, headers: { 'retry-after': '7200' } });
    await expect(getContents(client({ maxWaitMs: 60_000 }), ORG, 'docs', 'SECURITY.md')).rejects.toThrow(/wait 7200 s.*60 s allowed/);
  });
});

describe('scopes and access errors', () => {
  it('names the missing OAuth scope from X-Accepted-OAuth-Scopes on a 404', async () => {
    server.faults.push({ match: /\/repos\/acme\/docs$/, times: 1, status: 404, headers: { 'x-accepted-oauth-scopes': 'repo', 'x-oauth-scopes': 'read:org, gist' }, body: { message: 'Not Found' } });
    const error = await createGitHub({ baseUrl: server.baseUrl, token: 't', env: {} }).getRepo(ORG, 'docs').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingScopeError);
    expect((error as MissingScopeError).needed).toEqual(['repo']);
    expect((error as Error).message).toMatch(/lacks the "repo" scope.*it has: read:org, gist/);
  });

  it('does not blame scopes when the token holds an accepted one (implied scopes count)', async () => {
    server.faults.push({ match: /\/repos\/acme\/docs$/, times: 1, status: 404, headers: { 'x-accepted-oauth-scopes': 'repo, public_repo', 'x-oauth-scopes': 'repo' }, body: { message: 'Not Found' } });
    const error = await createGitHub({ baseUrl: server.baseUrl, token: 't', env: {} }).getRepo(ORG, 'docs').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).not.toBeInstanceOf(MissingScopeError);
    expect((error as Error).message).toMatch(/404.*does not exist, or the token cannot see it/);
  });

  it('names the missing App permission from X-Accepted-GitHub-Permissions on a 403', async () => {
    server.faults.push({ match: /pulls/, times: 1, status: 403, headers: { 'x-accepted-github-permissions': 'pull_requests=write' }, body: { message: 'Resource not accessible by integration' } });
    const error = await upsertPull(client(), ORG, 'docs', { branch: 'b', base: 'main', title: 't', body: 'b' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingScopeError);
    expect((error as Error).message).toMatch(/permission pull_requests=write.*Resource not accessible by integration/);
  });

  it('requireScopes fails early naming the scope, passes with an implying scope, and cannot tell for App tokens', async () => {
    server.options.scopes = ['public_repo', 'read:org'];
    await expect(client().requireScopes(['repo'])).rejects.toThrow(/lacks the "repo" scope \(it has: public_repo, read:org\)/);
    server.options.scopes = ['repo'];
    expect(await client().requireScopes(['public_repo'])).toBe('ok');
    server.options.scopes = undefined;
    expect(await client().requireScopes(['repo'])).toBe('unknown');
  });

  it('says 401 is the token, and an unreachable server by its address', async () => {
    server.faults.push({ match: /rate_limit/, times: 1, status: 401, body: { message: 'Bad credentials' } });
    await expect(client().request('/rate_limit')).rejects.toThrow(/rejected the token \(401\).*Bad credentials.*GITHUB_TOKEN/);
    await expect(new GitHubClient({ baseUrl: 'http://127.0.0.1:9', env: {}, maxRetries: 0 }).request('/x')).rejects.toThrow(/Could not reach http:\/\/127\.0\.0\.1:9\/x/);
    // A dropped connection is retried (twice, 1 s then 2 s), then reported.
    const time = fakeTime();
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      calls += 1;
      if (calls < 3) throw new TypeError('fetch failed', { cause: new Error('read ECONNRESET') });
      return fetch(input, init);
    };
    expect((await client({ fetch: flaky, sleep: time.sleep, now: time.now }).request('/rate_limit')).status).toBe(200);
    expect(time.sleeps).toEqual([1_000, 2_000]);
    calls = -10;
    await expect(client({ fetch: flaky, sleep: time.sleep, now: time.now }).request('/rate_limit')).rejects.toThrow(/Could not reach .*rate_limit: read ECONNRESET/);
  });
});

describe('bounded concurrency', () => {
  it('never has more requests in flight than the bound', async () => {
    let inFlight = 0;
    let peak = 0;
    const counting: typeof fetch = async (input, init) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return await fetch(input, init);
      } finally {
        inFlight -= 1;
      }
    };
    const gh = client({ concurrency: 3, fetch: counting });
    const names = Array.from({ length: 20 }, (_, i) => `repo-${String(i).padStart(3, '0')}`);
    const texts = await Promise.all(names.map((name) => getContents(gh, ORG, name, 'README.md')));
    expect(texts[7]).toBe('# repo 7\n');
    expect(peak).toBe(3);
  });

  it('mapLimit keeps order and bounds its own tasks', async () => {
    let active = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 3, 2, 4], 2, async (n) => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, n));
      active -= 1;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 30, 20, 40]);
    expect(peak).toBe(2);
  });
});

describe('pull requests', () => {
  it('opens one pull request per branch and updates it on the next run', async () => {
    const gh = client();
    const first = await upsertPull(gh, ORG, 'docs', { branch: 'secure-cncf/retrofit', base: 'main', title: 'Harden', body: 'v1' });
    const second = await upsertPull(gh, ORG, 'docs', { branch: 'secure-cncf/retrofit', base: 'main', title: 'Harden', body: 'v2' });
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, number: first.number });
    expect(server.pulls.filter((p) => p.repo === 'docs')).toHaveLength(1);
    expect(server.pulls[0]?.body).toBe('v2');
  });
});
