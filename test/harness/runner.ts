// Runs a generated workflow the way GitHub would, on this machine: jobs in `needs` order, matrix
// expanded, `${{ }}` evaluated, every `run:` script executed under bash in a fresh workspace per job,
// and the actions emulated from what they do (emulators.ts). Tools on PATH are the machine's own
// where it has them, and recording stand-ins (stub.mjs) for the rest.
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { condition, interpolate, type Functions, type Value } from './expressions.js';
import { emulate, type ActionContext } from './emulators.js';

/** Tools that always get a stand-in; the rest are stood in only where the machine lacks them. */
const ALWAYS_STUBBED = ['gh', 'cosign', 'helm', 'docker', 'go', 'govulncheck', 'gitleaks', 'rustup', 'pipx', 'mvn', 'clang', 'clang++', 'npx', 'cargo', 'npm', 'cr'];

export interface ToolCall {
  tool: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  job?: string;
  failed?: string;
  [key: string]: unknown;
}

export interface StepResult {
  job: string;
  name: string;
  outcome: 'success' | 'failure' | 'skipped';
  output: string;
}

export interface RunResult {
  steps: StepResult[];
  jobs: Record<string, 'success' | 'failure' | 'skipped'>;
  calls: ToolCall[];
  /** Events the emulated actions report (artifact overwrites, uploads, attestations). */
  events: Array<{ kind: string; [key: string]: unknown }>;
  artifacts: Record<string, string[]>;
  releases: Record<string, { draft: boolean; assets: string[] }>;
  /** Order in which the release state changed (gh release create/upload/edit). */
  dir: string;
}

export interface RunOptions {
  /** The repository the workflow runs on (a git repository; checkout clones it). */
  repo: string;
  workflow: string;
  event: 'push' | 'pull_request' | 'schedule' | 'workflow_dispatch';
  ref: string;
  /** Extra github.event fields (before, pull_request, ...). */
  payload?: Record<string, Value>;
  /** Module -> minimum Go version of tools installed with `go install` (their go.mod). */
  goRequirements: Record<string, string>;
  /** Only these jobs (and nothing that needs them). */
  jobs?: string[];
}

function gitOut(cwd: string, ...args: string[]): string {
  return spawnSync('git', args, { cwd, encoding: 'utf8' }).stdout.trim();
}

function which(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(':')) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

function parseCommandFile(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const values: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) body.push(lines[i] as string);
      values[heredoc[1] as string] = body.join('\n');
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return values;
}

/** Job ids in an order that respects `needs`. */
function jobOrder(jobs: Record<string, any>): string[] {
  const order: string[] = [];
  const visit = (id: string) => {
    if (order.includes(id)) return;
    const needs = [jobs[id]?.needs ?? []].flat() as string[];
    for (const need of needs) visit(need);
    order.push(id);
  };
  for (const id of Object.keys(jobs)) visit(id);
  return order;
}

function matrixOf(job: any): Array<Record<string, Value>> {
  const matrix = job.strategy?.matrix;
  if (!matrix) return [{}];
  if (Array.isArray(matrix.include) && Object.keys(matrix).length === 1) return matrix.include;
  const keys = Object.keys(matrix).filter((k) => k !== 'include' && k !== 'exclude');
  let combos: Array<Record<string, Value>> = [{}];
  for (const key of keys) combos = combos.flatMap((c) => (matrix[key] as Value[]).map((v) => ({ ...c, [key]: v })));
  return combos;
}

export function runWorkflow(options: RunOptions): RunResult {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-harness-'));
  const bin = path.join(dir, 'bin');
  mkdirSync(bin);
  const log = path.join(dir, 'calls.jsonl');
  writeFileSync(log, '');
  const stub = path.resolve(import.meta.dirname, 'stub.mjs');
  const realPath = process.env['PATH'] ?? '';
  for (const tool of ALWAYS_STUBBED) {
    writeFileSync(path.join(bin, tool), `#!/bin/sh\nexec "${process.execPath}" "${stub}" ${tool} "$@"\n`);
    chmodSync(path.join(bin, tool), 0o755);
  }
  if (!which('jq')) {
    // The runner image has jq; this machine may not: a stand-in for the `jq -r .field` the scripts use.
    writeFileSync(path.join(bin, 'jq'), `#!/bin/sh\nexec "${process.execPath}" -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=JSON.parse(s)[process.argv[2].slice(1)];console.log(v)})' "$2"\n`);
    chmodSync(path.join(bin, 'jq'), 0o755);
  }
  const store = path.join(dir, 'artifacts');
  mkdirSync(store);
  const ghState = path.join(dir, 'releases.json');
  const workflow = parse(readFileSync(options.workflow, 'utf8')) as { env?: Record<string, string>; jobs: Record<string, any> };
  const sha = gitOut(options.repo, 'rev-parse', 'HEAD');
  const repoName = 'widget';
  const refName = options.ref.replace(/^refs\/(heads|tags)\//, '');
  const github: Record<string, Value> = {
    event_name: options.event,
    ref: options.ref,
    ref_name: refName,
    sha,
    repository: `acme/${repoName}`,
    repository_owner: 'acme',
    actor: 'octocat',
    workspace: '',
    server_url: 'https://github.com',
    run_id: '1',
    event: { repository: { name: repoName }, after: sha, ...(options.payload ?? {}) },
  };
  const result: RunResult = { steps: [], jobs: {}, calls: [], events: [], artifacts: {}, releases: {}, dir };
  const jobOutputs: Record<string, { result: string; outputs: Record<string, string> }> = {};

  for (const id of jobOrder(workflow.jobs)) {
    const job = workflow.jobs[id];
    const needs = [job.needs ?? []].flat() as string[];
    if (options.jobs && !options.jobs.includes(id)) {
      result.jobs[id] = 'skipped';
      jobOutputs[id] = { result: 'skipped', outputs: {} };
      continue;
    }
    const needsContext = Object.fromEntries(needs.map((n) => [n, jobOutputs[n] ?? { result: 'skipped', outputs: {} }])) as Record<string, Value>;
    const needsOk = needs.every((n) => jobOutputs[n]?.result === 'success');
    const baseFunctions: Functions = { hashFiles: () => '', status: { success: needsOk, failure: !needsOk, cancelled: false } };
    const baseContext: Record<string, Value> = { github, needs: needsContext, secrets: { GITHUB_TOKEN: 'ghs_token', NPM_TOKEN: '' }, vars: {}, inputs: {}, env: {}, matrix: {}, strategy: {}, runner: { temp: '' }, steps: {}, job: {} };
    if (!condition(job.if, baseContext, baseFunctions)) {
      result.jobs[id] = 'skipped';
      jobOutputs[id] = { result: 'skipped', outputs: {} };
      continue;
    }
    let jobFailed = false;
    const outputs: Record<string, string> = {};
    matrixOf(job).forEach((matrix, index) => {
      // This machine is one linux/amd64 runner: a job (or matrix entry) for another runner is
      // recorded, not run, so the files it would build are not faked with this machine's.
      const runsOn = String(interpolate(String(job['runs-on'] ?? ''), { ...baseContext, matrix }, baseFunctions) ?? '');
      if (runsOn && !['ubuntu-24.04', 'ubuntu-latest'].includes(runsOn)) {
        result.events.push({ kind: 'other-runner', job: id, runsOn, matrix });
        return;
      }
      const temp = path.join(dir, 'runner-temp', `${id}-${index}`);
      const workspace = path.join(dir, 'workspaces', `${id}-${index}`);
      mkdirSync(temp, { recursive: true });
      mkdirSync(workspace, { recursive: true });
      const files = { output: path.join(temp, '_output'), env: path.join(temp, '_env'), path: path.join(temp, '_path'), summary: path.join(temp, '_summary') };
      const exported: Record<string, string> = {};
      const steps: Record<string, { outputs: Record<string, string>; outcome: string }> = {};
      let failed = false;
      const context = (): Record<string, Value> => ({
        ...baseContext,
        github: { ...github, workspace },
        matrix,
        strategy: { 'job-index': index },
        runner: { temp, os: 'Linux' },
        steps: steps as unknown as Value,
        env: { ...(workflow.env ?? {}), ...(job.env ?? {}), ...exported },
      });
      const functions = (): Functions => ({
        hashFiles: (...patterns: string[]) => {
          const hits = patterns.flatMap((p) => (existsSync(path.join(workspace, p)) ? [p] : []));
          return hits.length ? createHash('sha256').update(hits.join()).digest('hex') : '';
        },
        status: { success: !failed && needsOk, failure: failed, cancelled: false },
      });
      const evalMap = (map: Record<string, unknown> | undefined): Record<string, string> =>
        Object.fromEntries(Object.entries(map ?? {}).map(([k, v]) => [k, String(interpolate(String(v), context(), functions()) ?? '')]));

      if (typeof job.uses === 'string') {
        const withValues = evalMap(job.with);
        const emitted = emulate(job.uses, withValues, actionContext());
        Object.assign(outputs, emitted.outputs);
        if (!emitted.ok) failed = true;
        result.steps.push({ job: id, name: job.uses, outcome: emitted.ok ? 'success' : 'failure', output: emitted.message ?? '' });
      }
      function actionContext(): ActionContext {
        return {
          workspace,
          repo: options.repo,
          ref: options.ref,
          store,
          temp,
          events: result.events,
          job: id,
          exportEnv: (key, value) => {
            exported[key] = value;
          },
          runTool: (tool, args) => {
            const ran = spawnSync(path.join(bin, tool), args, { cwd: workspace, encoding: 'utf8', env: toolEnv({}) });
            return { ok: ran.status === 0, output: `${ran.stdout}${ran.stderr}` };
          },
        };
      }
      function toolEnv(stepEnv: Record<string, string>): NodeJS.ProcessEnv {
        const extraPath = existsSync(files.path) ? readFileSync(files.path, 'utf8').split('\n').filter(Boolean).reverse() : [];
        return {
          HOME: process.env['HOME'],
          LANG: 'C.UTF-8',
          CARGO_HOME: process.env['CARGO_HOME'],
          RUSTUP_HOME: process.env['RUSTUP_HOME'],
          npm_config_audit: 'false',
          npm_config_fund: 'false',
          npm_config_update_notifier: 'false',
          npm_config_cache: path.join(dir, 'npm-cache'),
          CI: 'true',
          ...exported,
          ...Object.fromEntries(Object.entries({ ...(workflow.env ?? {}), ...(job.env ?? {}) }).map(([k, v]) => [k, String(interpolate(String(v), context(), functions()))])),
          ...stepEnv,
          PATH: [...extraPath, bin, realPath].join(':'),
          HARNESS_LOG: log,
          HARNESS_REAL_PATH: realPath,
          HARNESS_GH_STATE: ghState,
          HARNESS_GO_REQUIREMENTS: JSON.stringify(options.goRequirements),
          GITHUB_WORKSPACE: workspace,
          GITHUB_REPOSITORY: String(github['repository']),
          GITHUB_REPOSITORY_OWNER: 'acme',
          GITHUB_REF: options.ref,
          GITHUB_REF_NAME: refName,
          GITHUB_SHA: sha,
          GITHUB_EVENT_NAME: options.event,
          GITHUB_ACTOR: 'octocat',
          GITHUB_OUTPUT: files.output,
          GITHUB_ENV: files.env,
          GITHUB_PATH: files.path,
          GITHUB_STEP_SUMMARY: files.summary,
          RUNNER_TEMP: temp,
          RUNNER_OS: 'Linux',
        };
      }

      for (const [stepIndex, step] of (job.steps ?? []).entries()) {
        const name = String(step.name ?? step.uses ?? `step ${stepIndex}`);
        if (!condition(step.if, context(), functions())) {
          result.steps.push({ job: id, name, outcome: 'skipped', output: '' });
          if (step.id) steps[step.id] = { outputs: {}, outcome: 'skipped' };
          continue;
        }
        writeFileSync(files.output, '');
        writeFileSync(files.env, '');
        let ok: boolean;
        let output = '';
        if (typeof step.run === 'string') {
          const stepEnv = evalMap(step.env);
          const cwd = step['working-directory'] ? path.join(workspace, String(interpolate(String(step['working-directory']), context(), functions()))) : workspace;
          const script = path.join(temp, `step-${stepIndex}.sh`);
          writeFileSync(script, step.run);
          const before = readFileSync(log, 'utf8').length;
          const ran = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, encoding: 'utf8', env: toolEnv(stepEnv), timeout: 300_000 });
          ok = ran.status === 0;
          output = `${ran.stdout ?? ''}${ran.stderr ?? ''}${ran.error ? String(ran.error) : ''}`;
          // Tag the calls this step made with its job.
          const fresh = readFileSync(log, 'utf8').slice(before);
          if (fresh) {
            const tagged = fresh.split('\n').filter(Boolean).map((l) => JSON.stringify({ ...JSON.parse(l), job: id })).join('\n');
            writeFileSync(log, `${readFileSync(log, 'utf8').slice(0, before)}${tagged}\n`);
          }
        } else {
          const emitted = emulate(String(step.uses), evalMap(step.with), actionContext());
          ok = emitted.ok;
          output = emitted.message ?? '';
          appendFileSync(files.output, Object.entries(emitted.outputs).map(([k, v]) => `${k}=${v}\n`).join(''));
        }
        for (const [k, v] of Object.entries(parseCommandFile(files.env))) exported[k] = v;
        if (step.id) steps[step.id] = { outputs: parseCommandFile(files.output), outcome: ok ? 'success' : 'failure' };
        result.steps.push({ job: id, name, outcome: ok ? 'success' : 'failure', output });
        if (!ok && !step['continue-on-error']) failed = true;
      }
      for (const [key, value] of Object.entries<string>(job.outputs ?? {})) outputs[key] = String(interpolate(value, context(), functions()));
      if (failed) jobFailed = true;
    });
    result.jobs[id] = jobFailed ? 'failure' : 'success';
    jobOutputs[id] = { result: result.jobs[id], outputs };
  }
  result.calls = readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as ToolCall);
  for (const name of existsSync(store) ? readdirSync(store) : []) result.artifacts[name] = readdirSync(path.join(store, name), { recursive: true }).map(String).sort();
  result.releases = existsSync(ghState) ? (JSON.parse(readFileSync(ghState, 'utf8')) as { releases: RunResult['releases'] }).releases : {};
  return result;
}

export function cleanupRun(result: RunResult): void {
  rmSync(result.dir, { recursive: true, force: true });
}

/** Copy a fixture tree into a fresh git repository with one commit (and a tag when given). */
export function fixtureRepo(files: Record<string, string | { content: string; mode: number }>, tag?: string): { root: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-fixture-'));
  for (const [file, body] of Object.entries(files)) {
    const target = path.join(root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, typeof body === 'string' ? body : body.content);
    if (typeof body !== 'string') chmodSync(target, body.mode);
  }
  const git = (...args: string[]) => {
    const ran = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' });
    if (ran.status !== 0) throw new Error(`git ${args.join(' ')}: ${ran.stderr}`);
    return ran.stdout.trim();
  };
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'initial');
  if (tag) git('tag', tag);
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Add a commit to a fixture repository; returns its SHA. */
export function addCommit(root: string, file: string, content: string): string {
  writeFileSync(path.join(root, file), content);
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' }).stdout.trim();
  git('add', '-A');
  git('commit', '-q', '-m', `change ${file}`);
  return git('rev-parse', 'HEAD');
}

export { cpSync };
