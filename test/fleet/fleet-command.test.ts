// `fleet plan`, `fleet run` and `fleet report` as the workflow calls them, against the loopback
// fake GitHub and file:// remotes: chunks cover the plan, faulty repositories are rows, a chunk
// that never ran is reported, and retrofit mode opens one pull request per repository, updates it
// on the next run on the same branch, and opens nothing where nothing changes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { FleetPlan } from '../../src/fleet/plan.js';
import { FakeGitHub, type FakeRepo } from '../github/fake-github.js';
import { makeRemote, remoteBranches } from '../github/remotes.js';

const ORG = 'acme';
const work = mkdtempSync(path.join(tmpdir(), 'fleet-cmd-'));
const remotes = path.join(work, 'remotes');
const repos: FakeRepo[] = [
  { name: 'alpha', files: { 'README.md': '# alpha\n', 'go.mod': 'module example.com/alpha\n\ngo 1.23\n' } },
  { name: 'beta', files: { 'README.md': '# beta\n', 'package.json': '{"name":"beta","version":"1.0.0"}\n' } },
  { name: 'gamma', files: { 'README.md': '# gamma\n' } },
  { name: 'empty' },
  { name: 'locked', unreadable: true },
];
const server = new FakeGitHub({ org: ORG, repos });

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const code = await main(args, { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`), stdinIsTTY: false });
    return { code, out, err };
  } finally {
    for (const key of Object.keys(env)) if (saved[key] === undefined) delete process.env[key];
  }
}

const common = () => ['--api-url', server.baseUrl, '--git-url', `file://${remotes}`];

beforeAll(async () => {
  await server.start();
  for (const repo of repos) makeRemote(remotes, ORG, repo);
  process.env['GITHUB_TOKEN'] = 'test-token';
});
afterAll(async () => {
  await server.stop();
  delete process.env['GITHUB_TOKEN'];
  rmSync(work, { recursive: true, force: true });
});

describe('fleet plan / run / report', () => {
  const planFile = path.join(work, 'plan.json');
  const results = path.join(work, 'results');

  it('plan writes the chunks and the matrix outputs', async () => {
    const githubOutput = path.join(work, 'gh-output');
    writeFileSync(githubOutput, '');
    const { code, err } = await cli(['fleet', 'plan', '--org', ORG, '--max-jobs', '2', '-o', planFile, ...common()], { GITHUB_OUTPUT: githubOutput });
    expect(code).toBe(0);
    expect(err).toMatch(/5 repositories in 2 jobs/);
    const plan = JSON.parse(readFileSync(planFile, 'utf8')) as FleetPlan;
    expect(plan.chunks.flat().sort()).toEqual([0, 1, 2, 3, 4]);
    expect(readFileSync(githubOutput, 'utf8')).toBe('matrix={"chunk":[0,1]}\ncount=2\nrepositories=5\n');
  });

  it('run writes one row per repository of its chunk; report gathers them and names a chunk that never ran', async () => {
    expect((await cli(['fleet', 'run', '--plan', planFile, '--chunk', '0', '--results', results, '--level', '1', ...common()])).code).toBe(0);
    const plan = JSON.parse(readFileSync(planFile, 'utf8')) as FleetPlan;
    expect(readdirSync(results)).toHaveLength(plan.chunks[0]!.length);
    const csv = path.join(work, 'fleet.csv');
    const html = path.join(work, 'fleet.html');
    const summary = path.join(work, 'summary.md');
    expect((await cli(['fleet', 'report', '--plan', planFile, '--results', results, '--csv', csv, '--html', html, '--markdown', summary])).code).toBe(0);
    const rows = readFileSync(csv, 'utf8').trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(5);
    const chunkOne = plan.chunks[1]!.map((i) => plan.repos[i]!.fullName);
    for (const name of chunkOne) expect(rows.find((r) => r.startsWith(`${name},`))).toContain('no result: the job for chunk 1 did not finish');
    expect(readFileSync(html, 'utf8')).toContain('<h1>secure-cncf survey</h1>');
    expect(readFileSync(summary, 'utf8')).toMatch(/repositories audited, \d could not be audited/);

    expect((await cli(['fleet', 'run', '--plan', planFile, '--chunk', '1', '--results', results, '--level', '1', ...common()])).code).toBe(0);
    await cli(['fleet', 'report', '--plan', planFile, '--results', results, '--csv', csv]);
    const all = readFileSync(csv, 'utf8');
    expect(all).not.toContain('did not finish');
    expect(all).toMatch(/acme\/empty,.*empty repository \(no commits\)/);
    expect(all).toMatch(/acme\/locked,.*not found or not readable with this token/);
  });

  it('bad input names the problem', async () => {
    expect((await cli(['fleet'])).err).toMatch(/Expected one of: plan, run, report/);
    expect((await cli(['fleet', 'run', '--plan', planFile, '--results', results, '--chunk', '9'])).err).toMatch(/Chunk 9 is not in the plan; it has chunks 0 to 1/);
    expect((await cli(['fleet', 'run', '--plan', planFile, '--results', results, '--chunk', '0', '--mode', 'write'])).err).toMatch(/Valid modes: check, retrofit/);
    expect((await cli(['fleet', 'plan', '--org', ORG, '-o', planFile, '--max-jobs', '300'])).err).toMatch(/--max-jobs must be a whole number from 1 to 256/);
    writeFileSync(path.join(work, 'junk.json'), '{"x":1}');
    expect((await cli(['fleet', 'report', '--plan', path.join(work, 'junk.json'), '--results', results])).err).toMatch(/not a secure-cncf fleet plan/);
  });
});

describe('retrofit mode', () => {
  const planFile = path.join(work, 'plan-retrofit.json');

  it('opens one pull request per repository that needs changes, on one branch; a re-run updates it; nothing where nothing changes; a refusal is a row', async () => {
    const list = path.join(work, 'list.txt');
    writeFileSync(list, 'acme/alpha\nacme/gamma\n');
    expect((await cli(['fleet', 'plan', '--repos', list, '--max-jobs', '1', '-o', planFile, ...common()])).code).toBe(0);
    const results = path.join(work, 'results-retrofit');
    const first = await cli(['fleet', 'run', '--plan', planFile, '--chunk', '0', '--results', results, '--mode', 'retrofit', '--level', '1', ...common()]);
    expect(first.err).toMatch(/acme\/alpha: level \d; pull request: opened/);
    // No language to set up: retrofit refuses, and the row says why.
    expect(first.err).toMatch(/acme\/gamma: level \d; pull request: failed \(No languages detected/);
    expect(server.pulls.map((p) => `${p.repo}:${p.head}->${p.base}`)).toEqual(['alpha:secure-cncf/retrofit->main']);
    expect(server.pulls[0]?.body.length).toBeGreaterThan(20);
    expect(remoteBranches(remotes, ORG, 'alpha')).toEqual(['main', 'secure-cncf/retrofit']);

    const second = await cli(['fleet', 'run', '--plan', planFile, '--chunk', '0', '--results', results, '--mode', 'retrofit', '--level', '1', ...common()]);
    expect(second.err).toMatch(/acme\/alpha: level \d; pull request: updated .* \(branch already up to date\)/);
    expect(server.pulls).toHaveLength(1);

    // A repository already carrying the retrofit on its default branch: nothing to open.
    const alpha = path.join(work, 'alpha-merge');
    execFileSync('git', ['clone', '-q', '-b', 'secure-cncf/retrofit', path.join(remotes, ORG, 'alpha.git'), alpha]);
    execFileSync('git', ['-C', alpha, 'push', '-q', 'origin', 'HEAD:refs/heads/main']);
    server.pulls.length = 0;
    const third = await cli(['fleet', 'run', '--plan', planFile, '--chunk', '0', '--results', results, '--mode', 'retrofit', '--level', '1', ...common()]);
    expect(third.err).toMatch(/acme\/alpha: level \d; pull request: nothing-to-change/);
    expect(server.pulls.filter((p) => p.repo === 'alpha')).toEqual([]);
    const summary = path.join(work, 'retrofit-summary.md');
    await cli(['fleet', 'report', '--plan', planFile, '--results', results, '--markdown', summary]);
    expect(readFileSync(summary, 'utf8')).toMatch(/## Pull requests \(retrofit mode\)[\s\S]*acme\/alpha \| nothing-to-change/);
  });

  it('a repository archived after the listing is a row saying so, with nothing pushed', async () => {
    const list = path.join(work, 'list2.txt');
    writeFileSync(list, 'acme/beta\n');
    const plan2 = path.join(work, 'plan-beta.json');
    expect((await cli(['fleet', 'plan', '--repos', list, '-o', plan2, ...common()])).code).toBe(0);
    server.repo('beta')!.archived = true;
    const run = await cli(['fleet', 'run', '--plan', plan2, '--chunk', '0', '--results', path.join(work, 'r-beta'), '--mode', 'retrofit', ...common()]);
    expect(run.err).toMatch(/acme\/beta: level \d; pull request: archived \(archived since the run started; not changed\)/);
    expect(remoteBranches(remotes, ORG, 'beta')).toEqual(['main']);
  });
});
