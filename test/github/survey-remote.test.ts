// `survey --org` and `survey --repos` against the loopback fake GitHub, with file:// git remotes
// standing in for github.com: faulty repositories are rows, the second run fetches nothing that
// did not change, a missing scope stops the run before any repository is fetched.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FakeGitHub, type FakeRepo } from './fake-github.js';
import { commitFiles as commitFilesIn, makeRemote as makeRemoteIn } from './remotes.js';

const ORG = 'acme';
const work = mkdtempSync(path.join(tmpdir(), 'survey-remote-'));
const remotes = path.join(work, 'remotes');

const WORKFLOW = 'name: ci\non: push\npermissions:\n  contents: read\njobs:\n  b:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo hi\n';

const makeRemote = (repo: FakeRepo) => makeRemoteIn(remotes, ORG, repo);
const commitFiles = (name: string, files: Record<string, string>) => commitFilesIn(remotes, ORG, name, files);

const repos: FakeRepo[] = [
  { name: 'api', topics: ['cncf'], files: { 'README.md': '# api\n', 'go.mod': 'module example.com/api\n\ngo 1.23\n', '.github/workflows/ci.yml': WORKFLOW } },
  { name: 'web', files: { 'README.md': '# web\n', 'package.json': '{"name":"web","version":"1.0.0"}\n' } },
  { name: 'old', archived: true, files: { 'README.md': 'old\n' } },
  { name: 'fork', fork: true, files: { 'README.md': 'fork\n' } },
  { name: 'empty' },
  { name: 'secret', unreadable: true, files: { 'README.md': 'secret\n' } },
  // Listed by the API, but its git remote is gone (deleted or made private between listing and fetching).
  { name: 'vanished', files: { 'README.md': 'x\n' } },
];
const server = new FakeGitHub({ org: ORG, repos, perPage: 3 });

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`), stdinIsTTY: false });
  return { code, out, err };
}

beforeAll(async () => {
  await server.start();
  for (const repo of repos) if (repo.name !== 'vanished') makeRemote(repo);
  process.env['GITHUB_TOKEN'] = 'test-token';
});
afterAll(async () => {
  await server.stop();
  delete process.env['GITHUB_TOKEN'];
  rmSync(work, { recursive: true, force: true });
});

const remoteArgs = (cache: string) => ['--api-url', server.baseUrl, '--git-url', `file://${remotes}`, '--cache', cache, '--format', 'csv', '--level', '1'];

describe('survey --org', () => {
  const cache = path.join(work, 'cache');

  it('audits every listed repository; empty, unreadable and unfetchable ones are rows with the reason', async () => {
    const { code, out, err } = await cli(['survey', '--org', ORG, ...remoteArgs(cache)]);
    expect(err).not.toContain('unexpected');
    expect(code).toBe(0);
    const rows = out.trim().split('\r\n').slice(1).map((line) => line.split(','));
    const byName = new Map(rows.map((r) => [r[0], r]));
    expect([...byName.keys()].sort()).toEqual(['acme/api', 'acme/empty', 'acme/secret', 'acme/vanished', 'acme/web']);
    expect(byName.get('acme/api')?.[3]).toMatch(/^[0-3]$/); // achieved level
    expect(byName.get('acme/empty')?.[5]).toBe('empty repository (no commits)');
    expect(byName.get('acme/secret')?.[5]).toBe('not found or not readable with this token');
    expect(byName.get('acme/vanished')?.[5]).toBe('not readable with this token');
    expect(err).toMatch(/5 repositories to audit/);
  });

  it('the second run fetches and audits nothing that did not change, then only the changed repository', async () => {
    const again = await cli(['survey', '--org', ORG, ...remoteArgs(cache)]);
    expect(again.code).toBe(0);
    expect(again.err).toMatch(/acme\/api: level \d, \d+ gaps \(unchanged\)/);
    expect(again.err).toMatch(/acme\/web: level \d, \d+ gaps \(unchanged\)/);
    // The list and every head that exists answered 304; only /rate_limit (never cached), the empty
    // repository (409) and the unreadable one (404) went over the wire again.
    const [, requests, unchanged] = /GitHub API: (\d+) requests, (\d+) unchanged \(304\)/.exec(again.err) ?? [];
    expect(Number(unchanged)).toBe(Number(requests) - 3);
    expect(Number(unchanged)).toBe(4);

    const web = server.repo('web');
    if (!web?.files) throw new Error('fixture');
    web.files['SECURITY.md'] = 'Report vulnerabilities to security@example.com\n';
    commitFiles('web', web.files);
    const third = await cli(['survey', '--org', ORG, ...remoteArgs(cache)]);
    expect(third.err).toMatch(/acme\/api: .*\(unchanged\)/);
    expect(third.err).not.toMatch(/acme\/web: .*\(unchanged\)/);
    expect(third.err).toMatch(/acme\/web: level \d/);
  });

  it('a rate limit waits, says so, and resumes: the repository is still audited', async () => {
    server.faults.push({ match: /\/repos\/acme\/api\/commits\//, times: 1, status: 429, headers: { 'retry-after': '1' }, body: { message: 'slow down' } });
    const { code, err } = await cli(['survey', '--org', ORG, ...remoteArgs(path.join(work, 'cache-rl'))]);
    expect(code).toBe(0);
    expect(err).toMatch(/GitHub retry-after rate limit: waiting 1 s, then resuming \(.*\/repos\/acme\/api\/commits\/main\)/);
    expect(err).toMatch(/acme\/api: level \d, \d+ gaps/);
    expect(err).toMatch(/1 rate-limit waits/);
  });

  it('filters by topic and name, and keeps archived repositories when asked', async () => {
    const topic = await cli(['survey', '--org', ORG, '--topic', 'CNCF', ...remoteArgs(cache)]);
    expect(topic.err).toMatch(/1 repositories to audit/);
    const named = await cli(['survey', '--org', ORG, '--name', 'o*', '--include-archived', ...remoteArgs(cache)]);
    expect(named.out).toContain('acme/old');
  });

  it('--repos takes an explicit list; a name that does not exist is a row', async () => {
    const list = path.join(work, 'repos.txt');
    writeFileSync(list, '# the ones we care about\nacme/api\nweb\nacme/nope\n');
    const { code, out } = await cli(['survey', '--repos', list, '--org', ORG, ...remoteArgs(path.join(work, 'cache2'))]);
    expect(code).toBe(0);
    expect(out).toMatch(/acme\/nope,,,,,not found or not readable with this token/);
    expect(out).toMatch(/acme\/web,acme\/web/);
  });

  it('a token without the needed scope fails early, naming it, before fetching any repository', async () => {
    server.options.scopes = ['read:org'];
    server.requests.length = 0;
    const { code, err } = await cli(['survey', '--org', ORG, ...remoteArgs(cache)]);
    server.options.scopes = undefined;
    expect(code).toBe(2);
    expect(err).toMatch(/lacks the "repo" or "public_repo" scope \(it has: read:org\)/);
    expect(server.requests.map((r) => r.url)).toEqual(['/rate_limit']);
  });

  it('bad selections are usage errors naming the problem', async () => {
    expect((await cli(['survey', '--org', 'bad org!'])).err).toMatch(/--org "bad org!" is not a GitHub organisation/);
    const list = path.join(work, 'bad.txt');
    writeFileSync(list, 'acme/ok\nnot a repo\n');
    expect((await cli(['survey', '--repos', list])).err).toMatch(/bad\.txt line 2: "not a repo" is not a repository/);
    expect((await cli(['survey', '--org', ORG, '--concurrency', '0'])).err).toMatch(/--concurrency must be a whole number from 1 to 64/);
    expect((await cli(['survey', '--org', ORG, 'somedir'])).err).toMatch(/not both/);
  });
});
