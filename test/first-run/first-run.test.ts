// Issue "a first run as good as the best create-* tools": one test (at least) per bullet that
// does not need a terminal; the terminal ones are in terminal.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import helpers, { result } from 'yeoman-test';
import SecureCncfGenerator from '../../generators/app/index.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { EXIT, EXIT_STATUS_HELP } from '../../src/cli/exit-status.js';
import { closeCommand } from '../../src/cli/suggest.js';
import { parseRepository } from '../../src/validate.js';
import { answerDefaults, resolveAnswers } from '../../src/answers.js';
import { questions, needsReleases } from '../../src/questions.js';
import { insightsStatus } from '../../src/detect/index.js';
import { groupByFolder } from '../../src/ending.js';
import { emptyFacts, tempRepo } from '../helpers/generate.js';
import { cli, snapshot } from '../retrofit/helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

function repo(files: Record<string, string> = {}, git = false): string {
  const made = tempRepo(files);
  cleanups.push(made.cleanup);
  if (git) execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: made.root });
  return realpathSync(made.root);
}

/** Runs the CLI from `cwd`, as a person in that directory would. */
async function cliIn(cwd: string, argv: string[]) {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    return await cli(argv);
  } finally {
    process.chdir(before);
  }
}

const BASE = ['--yes', '--repo', 'acme/widget', '--language', 'go'];

describe('a mistyped command does not become a directory', () => {
  it('"chek" with no such directory: exit 2, did you mean `check`?, nothing created', async () => {
    const cwd = repo();
    const run = await cliIn(cwd, ['chek', ...BASE]);
    expect(run.code).toBe(EXIT.usage);
    expect(run.err).toContain('did you mean `check`?');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('an existing directory of that name, or ./chek, is still a target directory', async () => {
    const cwd = repo({ 'chek/.keep': '' });
    expect((await cliIn(cwd, ['chek', ...BASE])).code).toBe(0);
    expect(existsSync(path.join(cwd, 'chek/.github/workflows/codeql.yml'))).toBe(true);
    expect((await cliIn(cwd, ['./upgrad', ...BASE])).code).toBe(0);
    expect(existsSync(path.join(cwd, 'upgrad/SECURITY.md'))).toBe(true);
  });

  it('suggests only close names', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(closeCommand('chek', names)).toBe('check');
    expect(closeCommand('retrofti', names)).toBe('retrofit');
    expect(closeCommand('upgarde', names)).toBe('upgrade');
    expect(closeCommand('my-project', names)).toBeUndefined();
    expect(closeCommand('demo', names)).toBeUndefined();
  });
});

describe('the repository root', () => {
  it('run from a subdirectory without a directory argument: generates at the root', async () => {
    const root = repo({ 'pkg/sub/go.mod': 'module x\n' }, true);
    const run = await cliIn(path.join(root, 'pkg/sub'), BASE);
    expect(run.code).toBe(0);
    expect(existsSync(path.join(root, '.github/workflows/codeql.yml'))).toBe(true);
    expect(existsSync(path.join(root, 'pkg/sub/.github'))).toBe(false);
    expect(run.out).toContain(` in ${root}\n`);
    expect(run.out).toContain(`   cd ${root}\n`);
  });

  it('a directory argument inside a repository but not its root: exit 2, nothing written, the command that works', async () => {
    const root = repo({ 'pkg/go.mod': 'module x\n' }, true);
    const before = snapshot(root);
    const run = await cliIn(root, ['pkg', ...BASE]);
    expect(run.code).toBe(EXIT.usage);
    expect(run.err).toContain(`is inside the git repository ${root}`);
    expect(run.err).toContain('GitHub runs only the workflows at a repository');
    expect(run.err).toContain('secure-cncf "."');
    expect(snapshot(root)).toEqual(before);
  });

  it('reads the origin remote of the root when run from a subdirectory', async () => {
    const root = repo({ 'sub/go.mod': 'module x\n' }, true);
    execFileSync('git', ['remote', 'add', 'origin', 'git@github.com:acme/from-remote.git'], { cwd: root });
    const run = await cliIn(path.join(root, 'sub'), ['--yes', '--language', 'go']);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(root, '.secure-cncf.json'), 'utf8')).answers.repository).toEqual({ owner: 'acme', name: 'from-remote' });
  });
});

describe('idempotent first runs', () => {
  it('a second identical run at level 2 changes no byte (Security Insights status stays WIP)', async () => {
    const root = repo();
    const args = [root, ...BASE, '--level', '2', '--artifacts', 'binaries'];
    expect((await cli(args)).code).toBe(0);
    const first = snapshot(root);
    expect(first['SECURITY-INSIGHTS.yml']).toMatch(/^ {2}status: WIP$/m);
    const second = await cli(args);
    expect(second.code).toBe(0);
    expect(second.out).toContain('Nothing to do');
    expect(snapshot(root)).toEqual(first);
  });

  it('reads repository.status of an existing Security Insights file', () => {
    expect(insightsStatus('header:\n  x: 1\nrepository:\n  url: u\n  status: active # ok\n')).toBe('active');
    expect(insightsStatus("repository:\n  status: 'WIP'\n")).toBe('WIP');
    expect(insightsStatus('repository:\n  core-team:\n    - status: x\n')).toBeUndefined();
    expect(insightsStatus('repository:\n  status: bogus\n')).toBeUndefined();
  });
});

describe('one exit-status contract', () => {
  it('every --help documents the same codes', async () => {
    for (const command of COMMANDS) {
      const run = await cli([command.name, '--help']);
      expect(run.code, command.name).toBe(0);
      expect(run.out, command.name).toContain(EXIT_STATUS_HELP);
    }
    for (const code of Object.values(EXIT)) expect(EXIT_STATUS_HELP).toMatch(new RegExp(`^ {2}${code} `, 'm'));
  });

  it('interactive and --yes agree on a finding with a fix: both exit 1', async () => {
    const files = {
      'go.mod': 'module x\n',
      '.github/workflows/triage.yml':
        'name: triage\non: issues\npermissions:\n  contents: read\njobs:\n  t:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo "${{ github.event.issue.title }}"\n',
    };
    const yes = await cli([repo(files), ...BASE, '--level', '1', '--no-portal', '--compliance', 'none']);
    expect(yes.out).toMatch(/fix: /);
    const outcome = { code: -1 };
    await helpers
      .run(SecureCncfGenerator as never, { namespace: 'secure-cncf:app' } as never)
      .onTargetDirectory((dir) => {
        for (const [file, content] of Object.entries(files)) {
          mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
          writeFileSync(path.join(dir, file), content);
        }
      })
      .withOptions({ outcome } as never)
      .withAnswers({ name: 'widget', repo: 'acme/widget', language: ['go'], level: 1, compliance: [], portal: false, branch: 'main', ok: true });
    result?.cleanup?.();
    expect(yes.code).toBe(EXIT.attention);
    expect(outcome.code).toBe(yes.code);
  });
});

describe('questions that matter', () => {
  const defaults = answerDefaults(emptyFacts('/nonexistent/secure-cncf-test-repository'));

  it('no artifacts question at level 1 unless a compliance preset needs releases', () => {
    const artifacts = questions(defaults, {}).find((q) => q.name === 'artifacts');
    expect(artifacts?.when?.({ level: 1, compliance: [] })).toBe(false);
    expect(artifacts?.when?.({ level: 2, compliance: [] })).toBe(true);
    expect(needsReleases(1, ['nist-ssdf-1.1'])).toBe(true);
    expect(needsReleases(1, [])).toBe(false);
  });

  it('offers compliance presets by their names', () => {
    const compliance = questions(defaults, {}).find((q) => q.name === 'compliance');
    expect(compliance?.choices?.find((c) => c.value === 'eu-cra')?.name).toBe('EU Cyber Resilience Act (Regulation (EU) 2024/2847) (eu-cra)');
  });

  it('defaults the project name from the repository given', async () => {
    const name = questions(defaults, {}).find((q) => q.name === 'name');
    expect((name?.default as (a: Record<string, unknown>) => string)({ repo: 'https://github.com/acme/rocket' })).toBe('rocket');
    expect(resolveAnswers({ repo: 'acme/rocket', language: ['go'] }, defaults).projectName).toBe('rocket');
    const root = repo();
    await cli([root, '--yes', '--repo', 'git@github.com:acme/rocket.git', '--language', 'go']);
    expect(JSON.parse(readFileSync(path.join(root, '.secure-cncf.json'), 'utf8')).answers.projectName).toBe('rocket');
  });

  it.each([
    'https://github.com/acme/rocket',
    'https://github.com/acme/rocket.git',
    'https://github.com/acme/rocket/',
    'git@github.com:acme/rocket.git',
    'ssh://git@github.com/acme/rocket.git',
    'acme/rocket',
  ])('--repo %s', (value) => {
    expect(parseRepository(value)).toEqual({ owner: 'acme', name: 'rocket' });
  });

  it('rejects URLs of other hosts with the usual message', () => {
    expect(() => parseRepository('https://gitlab.com/acme/rocket')).toThrow(/is not a GitHub repository slug/);
  });

  it('--yes --level 2 in a fresh git init names everything missing in one message', async () => {
    const root = repo({}, true);
    const run = await cli([root, '--yes', '--level', '2']);
    expect(run.code).toBe(EXIT.usage);
    expect(run.err).toMatch(/2 answers are missing or invalid:\n {2}- Cannot tell which GitHub repository.*--repo owner\/name.*\n {2}- No languages detected.*--language/);
    expect(readdirSync(root)).toEqual(['.git']);
  });
});

describe('the ending', () => {
  it('groups files by folder, root first', () => {
    expect(groupByFolder(['b/x', 'a.md', '.github/workflows/z.yml', '.github/d.yml'])).toEqual([
      { folder: './', files: ['a.md'] },
      { folder: '.github/', files: ['d.yml'] },
      { folder: '.github/workflows/', files: ['z.yml'] },
      { folder: 'b/', files: ['x'] },
    ]);
  });

  it('--yes at level 2 adds the ruleset import and, for npm libraries, trusted publishing', async () => {
    const root = repo({ 'package.json': '{"name":"@acme/rocket","version":"1.0.0"}\n', 'package-lock.json': '{}\n' });
    const run = await cli([root, '--yes', '--repo', 'acme/rocket', '--language', 'javascript', '--level', '2', '--artifacts', 'libraries']);
    expect(run.out).toContain('gh api --method POST repos/acme/rocket/rulesets --input .github/rulesets/default-branch.json');
    expect(run.out).toContain('https://www.npmjs.com/package/@acme/rocket/access');
    expect(run.out).toMatch(/^Next steps$/m);
  });
});

describe('Ctrl-C outside a prompt (a real SIGINT)', () => {
  it('while planning: the run stops before the first write, says so and exits 130', async () => {
    const root = repo();
    let err = '';
    const io = { stdout: () => undefined, stderr: (t: string) => (err += `${t}\n`), stdinIsTTY: false };
    const { main } = await import('../../src/cli/main.js');
    const before = process.listenerCount('SIGINT');
    const running = main([root, ...BASE], io);
    // What Node does with a SIGINT once a listener exists (a real signal would also reach the test runner).
    process.emit('SIGINT', 'SIGINT');
    expect(await running).toBe(EXIT.cancelled);
    expect(err).toBe('Cancelled: nothing was written.\n');
    expect(readdirSync(root)).toEqual([]);
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});
