// `npm run bench` (part): `survey` of 100 repositories, measured as processes with /usr/bin/time
// (wall time and peak resident memory, median of BENCH_RUNS runs):
//   - local: `survey --under` over 100 git repositories on disk (one process, one repository at a time);
//   - remote: `survey --org` through the GitHub API client against a loopback server that answers
//     like api.github.com (list, head commits), fetching from file:// remotes, cold (empty cache)
//     and warm (nothing changed, every answer a 304 and every result from the cache).
// The repositories are copies of a few generator outputs at levels 1-3 and of bare projects.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';

// One run by default: a cold remote survey of 100 repositories takes minutes on a small machine.
const RUNS = Number(process.env.BENCH_SURVEY_RUNS ?? 1);
const COUNT = 100;
const ORG = 'bench';
const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'dist/bin.js');
const work = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-bench-survey-'));
const templates = path.join(work, 'templates');
const remotes = path.join(work, 'remotes', ORG);

const TEMPLATES = [
  ['go-1', ['--language', 'go', '--level', '1', '--artifacts', 'binaries']],
  ['python-2', ['--language', 'python', '--level', '2', '--artifacts', 'libraries']],
  ['js-3', ['--language', 'javascript', '--level', '3', '--artifacts', 'libraries']],
  ['rust-2', ['--language', 'rust', '--level', '2', '--artifacts', 'binaries,container-images']],
];
const manifests = { 'go-1': ['go.mod', 'module example.com/x\n\ngo 1.23\n'], 'python-2': ['pyproject.toml', '[project]\nname = "x"\nversion = "1.0"\n'], 'js-3': ['package.json', '{"name":"x","version":"1.0.0"}\n'], 'rust-2': ['Cargo.toml', '[package]\nname = "x"\nversion = "0.1.0"\n'] };
for (const [name, flags] of TEMPLATES) {
  const dir = path.join(templates, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, manifests[name][0]), manifests[name][1]);
  execFileSync(process.execPath, [bin, dir, '--yes', '--repo', `${ORG}/${name}`, ...flags], { stdio: 'ignore' });
}
const bare = path.join(templates, 'bare');
mkdirSync(bare, { recursive: true });
writeFileSync(path.join(bare, 'README.md'), '# a project without a security setup\n');
writeFileSync(path.join(bare, 'go.mod'), 'module example.com/bare\n\ngo 1.23\n');
const sources = [...TEMPLATES.map(([name]) => path.join(templates, name)), bare];

const git = (cwd, ...args) => execFileSync('git', ['-C', cwd, '-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], { stdio: 'ignore' });
const names = [];
for (let i = 0; i < COUNT; i++) {
  const name = `repo-${String(i).padStart(3, '0')}`;
  const dir = path.join(remotes, `${name}.git`);
  cpSync(sources[i % sources.length], dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'bench');
  names.push(name);
}
const heads = new Map(names.map((name) => [name, execFileSync('git', ['-C', path.join(remotes, `${name}.git`), 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()]));

// The loopback API: the endpoints `survey --org` uses, with ETags.
let requests = 0;
const server = createServer((req, res) => {
  requests += 1;
  const url = new URL(req.url, 'http://127.0.0.1');
  const send = (status, body, headers = {}) => {
    const text = JSON.stringify(body);
    const etag = `"${Buffer.from(text).toString('base64').slice(0, 40)}${text.length}"`;
    if (status === 200 && req.headers['if-none-match'] === etag) return res.writeHead(304, { etag }).end();
    res.writeHead(status, { 'content-type': 'application/json', etag, ...headers }).end(text);
  };
  if (url.pathname === '/rate_limit') return send(200, {});
  if (url.pathname === `/orgs/${ORG}/repos`) {
    const page = Number(url.searchParams.get('page') ?? 1);
    const items = names.slice((page - 1) * 100, page * 100).map((name) => ({ name, full_name: `${ORG}/${name}`, owner: { login: ORG }, default_branch: 'main', archived: false, fork: false, topics: [], size: 10 }));
    return send(200, items);
  }
  const head = /^\/repos\/bench\/([^/]+)\/commits\/main$/.exec(url.pathname);
  if (head && heads.has(head[1])) return send(200, { sha: heads.get(head[1]) });
  send(404, { message: 'Not Found' });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const api = `http://127.0.0.1:${server.address().port}`;

/** Wall ms and peak RSS KiB of one CLI run (async, so the loopback server keeps answering). */
function timed(args, env = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0) return reject(new Error(`survey ${args.join(' ')} exited ${code}: ${stderr.slice(-500)}`));
      resolve({ wall, kib: Number(stderr.trim().split('\n').pop()), stderr });
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
async function measure(label, concurrency, run) {
  const results = [];
  for (let i = 0; i < RUNS; i++) results.push(await run(i));
  const wall = median(results.map((r) => r.wall));
  const mib = median(results.map((r) => r.kib)) / 1024;
  console.log(`  ${label.padEnd(62)} ${`${(wall / 1000).toFixed(1)} s`.padStart(8)}  ${`${(wall / COUNT).toFixed(0)} ms/repo`.padStart(12)}  peak ${mib.toFixed(0)} MiB  concurrency ${concurrency}`);
  return results;
}

console.log(`\nsurvey of ${COUNT} repositories (median of ${RUNS} runs, node ${process.version}, ${os.cpus().length} CPUs)`);
await measure('local: survey --under (one repository at a time)', 1, () => timed(['survey', '--under', remotes, '--format', 'csv', '--output', path.join(work, 'local.csv')]));
const env = { GITHUB_TOKEN: 'bench', GITHUB_API_URL: api };
for (const concurrency of [1, 4]) {
  const remote = ['survey', '--org', ORG, '--git-url', `file://${path.dirname(remotes)}`, '--concurrency', String(concurrency), '--format', 'csv'];
  await measure(`--org, cold (empty cache: list, heads, fetch, check)`, concurrency, (i) => {
    const cache = path.join(work, `cache-${concurrency}-${i}`);
    return timed([...remote, '--cache', cache, '--output', path.join(work, 'cold.csv')], env);
  });
  const before = requests;
  await measure(`--org, warm (nothing changed: 304s and cached results)`, concurrency, () => timed([...remote, '--cache', path.join(work, `cache-${concurrency}-0`), '--output', path.join(work, 'warm.csv')], env));
  if (concurrency === 4) console.log(`  API requests per warm run: ${Math.round((requests - before) / RUNS)} (all but /rate_limit answered 304)`);
}
server.close();
if (existsSync(work)) rmSync(work, { recursive: true, force: true });

