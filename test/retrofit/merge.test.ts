// Retrofit changes a maintainer would merge: each case reproduces a way real CNCF repositories
// rejected the change (a second copy of a tool they run, a starved job, an edited generated file,
// Dependabot noise, a second dependabot file after upgrade), and pins the behaviour.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { tempRepo } from '../helpers/generate.js';
import { cli, git, snapshot } from './helpers.js';
import { hardenWorkflow } from '../../src/retrofit/workflow-harden.js';
import { runCheck } from '../../src/check/run.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});
function repo(files: Record<string, string>): string {
  const made = tempRepo(files);
  cleanups.push(made.cleanup);
  return made.root;
}

const lines = (...l: string[]) => `${l.join('\n')}\n`;

async function controlStatus(root: string, id: string): Promise<string | undefined> {
  const { report } = await runCheck({ directory: root, repo: 'acme/widget' });
  return report.controls.find((c) => c.id === id)?.status;
}

describe('plan from evidence: no second copy of a tool the repository runs', () => {
  const files = {
    'go.mod': 'module example.com/widget\n',
    'main.go': 'package main\n',
    'Cargo.toml': '[package]\nname = "w"\nversion = "0.1.0"\n',
    'src/lib.rs': '',
    '.github/workflows/codeql-analysis.yml': lines(
      'name: CodeQL',
      'on:',
      '  push:',
      '    branches: [main]',
      '  pull_request:',
      '    branches: [main]',
      'permissions:',
      '  contents: read',
      'jobs:',
      '  analyze:',
      '    runs-on: ubuntu-24.04',
      '    permissions:',
      '      security-events: write',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: github/codeql-action/init@v3',
      '      - uses: github/codeql-action/analyze@v3',
    ),
    '.github/workflows/scorecards.yml': lines(
      'name: Scorecard',
      'on:',
      '  push:',
      '    branches: [main]',
      'permissions: read-all',
      'jobs:',
      '  analysis:',
      '    runs-on: ubuntu-24.04',
      '    permissions:',
      '      security-events: write',
      '      id-token: write',
      '    steps:',
      '      - uses: ossf/scorecard-action@v2.4.0',
    ),
    '.github/workflows/security.yml': lines(
      'name: security',
      'on: [push, pull_request]',
      'permissions:',
      '  contents: read',
      'jobs:',
      '  secrets:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: gitleaks detect --source .',
      '  deny:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - uses: EmbarkStudios/cargo-deny-action@v2',
      '  audit:',
      '    runs-on: ubuntu-24.04',
      '    permissions:',
      '      issues: write',
      '      checks: write',
      '    steps:',
      '      - uses: actions-rust-lang/audit@v1',
    ),
    '.goreleaser.yaml': lines('version: 2', 'builds:', '  - main: .', 'signs:', '  - cmd: cosign', 'sboms:', '  - artifacts: archive'),
    '.github/workflows/release.yml': lines(
      'name: release',
      'on:',
      '  push:',
      '    tags: ["v*"]',
      'permissions:',
      '  contents: write',
      '  id-token: write',
      'jobs:',
      '  goreleaser:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: goreleaser/goreleaser-action@v6',
      '        with:',
      '          args: release --clean',
    ),
  };

  it('creates no CodeQL, Scorecard, secret-scanning, vulnerability-scan or release workflow beside the repository\'s own', async () => {
    const root = repo(files);
    const body = path.join(mkdtempSync(path.join(os.tmpdir(), 'prbody-')), 'pr.md');
    cleanups.push(() => rmSync(path.dirname(body), { recursive: true, force: true }));
    const run = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', '--level', '2', '--pr-body', body]);
    expect([0, 1]).toContain(run.code);
    const after = snapshot(root);
    for (const file of ['codeql.yml', 'scorecard.yml', 'secret-scanning.yml', 'vulnerability-scan.yml', 'release.yml']) {
      const generated = after[`.github/workflows/${file}`];
      expect(generated === undefined || !generated.includes('secure-cncf: generated'), `${file} is a second copy`).toBe(true);
    }
    expect(after['.syft.yaml'], 'goreleaser sboms: already configures SBOMs').toBeUndefined();
    for (const control of ['sast', 'scorecard', 'secret-scanning', 'sca-scanning', 'release-signing', 'sbom-config']) {
      expect(run.out).toMatch(new RegExp(`^covered  ${control}  `, 'm'));
    }
    // The ruleset requires no check of a workflow that was not written.
    const ruleset = JSON.parse(after['.github/rulesets/default-branch.json'] ?? '{}') as { rules?: Array<{ type: string; parameters?: { required_status_checks?: Array<{ context: string }> } }> };
    const contexts = (ruleset.rules ?? []).flatMap((r) => r.parameters?.required_status_checks ?? []).map((c) => c.context);
    expect(contexts.some((c) => /^Analyze|^Scorecard|gitleaks/i.test(c))).toBe(false);
    // The pull-request description says what was left as it is and by what.
    const text = readFileSync(body, 'utf8');
    expect(text).toMatch(/### Left as it is/);
    expect(text).toMatch(/Static analysis with CodeQL \(`sast`\): already covered\. Static analysis: CodeQL on pull requests/);
    expect(text).toMatch(/\(`release-signing`\): partly covered by what the repository runs\. GoReleaser signs already runs here/);
    expect(text).toMatch(/### What a maintainer must still do/);
    // upgrade afterwards changes nothing (it plans from the same evidence).
    const before = snapshot(root);
    const upgrade = await cli(['upgrade', root, '--yes']);
    expect([0, 1]).toContain(upgrade.code);
    expect(snapshot(root)).toEqual(before);
  });
});

describe('permissions that fail safe', () => {
  const job = (id: string, ...steps: string[]) => [`  ${id}:`, '    runs-on: ubuntu-24.04', '    steps:', ...steps.map((s) => `      - ${s}`)];

  it('gives jobs that write their own block: create-pull-request, audit that opens issues, cross-run artifacts', () => {
    const text = lines(
      'on: push',
      'jobs',
    ).replace('jobs\n', ['jobs:', ...job('bump', 'run: make bump', 'uses: peter-evans/create-pull-request@v7'), ...job('audit', 'uses: actions-rust-lang/audit@v1'), ...job('fetch', 'uses: dawidd6/action-download-artifact@v6')].join('\n') + '\n');
    const { after, changes } = hardenWorkflow('.github/workflows/w.yml', text);
    const model = parse(after) as { permissions: unknown; jobs: Record<string, { permissions?: Record<string, string> }> };
    expect(model.permissions).toEqual({ contents: 'read' });
    expect(model.jobs['bump']?.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    expect(model.jobs['audit']?.permissions).toEqual({ contents: 'read', checks: 'write', issues: 'write' });
    expect(model.jobs['fetch']?.permissions).toEqual({ contents: 'read', actions: 'read' });
    expect(changes.join('\n')).toMatch(/writes moved to the jobs that need them/);
    expect(hardenWorkflow('.github/workflows/w.yml', after).after).toBe(after);
  });

  it('moves the maintainers\' comments with the writes they explain (level-2 review: tetragon)', () => {
    const text = lines(
      'on:',
      '  push:',
      '    tags: ["v*"]',
      'permissions:',
      '  # To check out the repository and upload release assets',
      '  contents: write',
      '  id-token: write # OIDC token for keyless signing',
      'jobs:',
      ...job('release', 'uses: actions/checkout@v4', 'uses: sigstore/cosign-installer@v3', 'run: cosign sign-blob --yes dist/app', 'run: gh release upload v1 dist/*'),
      ...job('lint', 'uses: actions/checkout@v4', 'run: make lint'),
    );
    const { after } = hardenWorkflow('.github/workflows/release.yml', text);
    const model = parse(after) as { permissions: unknown; jobs: Record<string, { permissions?: Record<string, string> }> };
    expect(model.permissions).toEqual({ contents: 'read' });
    expect(model.jobs['release']?.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
    // Each reason sits above the scope it explains, in the job that now holds that scope.
    expect(after).toContain(['    permissions:', '      # To check out the repository and upload release assets', '      contents: write', '      # OIDC token for keyless signing', '      id-token: write'].join('\n'));
    // A job that only reads gets no comment written for a write it does not have.
    expect(after.match(/upload release assets/g)).toHaveLength(1);
    expect(hardenWorkflow('.github/workflows/release.yml', after).after).toBe(after);
  });

  it('sets the new top-level permissions off with a blank line where the file separates its sections so (level-2 review: tetragon)', () => {
    const spaced = lines('name: ci', '', 'on: push', '', 'jobs:', ...job('test', 'run: make test'));
    expect(hardenWorkflow('.github/workflows/ci.yml', spaced).after).toBe(lines('name: ci', '', 'on: push', '', 'permissions:', '  contents: read', '', 'jobs:', ...job('test', 'run: make test')));
    const dense = lines('name: ci', 'on: push', 'jobs:', ...job('test', 'run: make test'));
    expect(hardenWorkflow('.github/workflows/ci.yml', dense).after).toBe(lines('name: ci', 'on: push', 'permissions:', '  contents: read', 'jobs:', ...job('test', 'run: make test')));
  });

  it('leaves a workflow alone when one step is unknown (github-script), and says which', () => {
    const text = lines('on: push', 'permissions: write-all', 'jobs:', ...job('a', 'uses: actions/checkout@v4'), ...job('b', 'uses: actions/github-script@v7'));
    const result = hardenWorkflow('.github/workflows/w.yml', text);
    expect(result.after).toContain('permissions: write-all');
    expect(result.findings.map((f) => f.message).join('\n')).toMatch(/write-all; left as is because what some jobs need is not known: job "b": actions\/github-script/);
  });

  it('write-all: the fix check prints works (retrofit moves each write, check then passes)', async () => {
    const root = repo({
      'go.mod': 'module example.com/w\n',
      '.github/workflows/ci.yml': lines('name: ci', 'on: [push, pull_request]', 'permissions: write-all', 'jobs:', ...job('test', 'uses: actions/checkout@v4', 'run: go test ./...'), ...job('pr', 'run: gh pr comment 1 --body hi')),
    });
    expect(await controlStatus(root, 'workflow-permissions')).toBe('fail');
    const run = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    expect(run.out).not.toMatch(/Nothing to do/);
    const ci = parse(readFileSync(path.join(root, '.github/workflows/ci.yml'), 'utf8')) as { permissions: unknown; jobs: Record<string, { permissions?: unknown }> };
    expect(ci.permissions).toEqual({ contents: 'read' });
    expect(ci.jobs['pr']?.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(ci.jobs['test']?.permissions).toBeUndefined();
    expect(await controlStatus(root, 'workflow-permissions')).toBe('pass');
  });
});

describe('generated workflows are never edited', () => {
  it('reports the changes for the source named in the header, and leaves the file byte for byte', async () => {
    const generated = lines(
      '# Code generated by hack/gen-workflows.sh from .github/templates/ci.yml. DO NOT EDIT.',
      'name: ci',
      'on: [push, pull_request]',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: make test',
    );
    const root = repo({ 'go.mod': 'module example.com/w\n', '.github/workflows/ci.yml': generated });
    const run = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    expect(readFileSync(path.join(root, '.github/workflows/ci.yml'), 'utf8')).toBe(generated);
    expect(run.out).toMatch(/\.github\/workflows\/ci\.yml is generated \(line 1: .*\); make these changes in \.github\/templates\/ci\.yml: added persist-credentials: false/);
  });
});

describe('Dependabot that follows the repository', () => {
  const files = {
    'go.mod': 'module example.com/w\n',
    'main.go': 'package main\n',
    'tests/e2e/go.mod': 'module example.com/w/e2e\n',
    'examples/demo/package.json': '{"name":"demo"}\n',
    'web/package.json': '{"name":"web"}\n',
    'web/package-lock.json': '{}\n',
    '.devcontainer/Dockerfile': 'FROM golang\n',
    '.github/dependabot.yaml': lines(
      'version: 2',
      'updates:',
      '  - package-ecosystem: gomod',
      '    directory: /',
      '    schedule:',
      '      interval: daily',
      '      time: "04:00"',
      '    labels: ["dependencies"]',
      '  - package-ecosystem: github-actions',
      '    directory: /',
      '    schedule:',
      '      interval: daily',
      '      time: "04:00"',
      '    labels: ["dependencies"]',
    ),
  };

  it('adds production manifests only, in the config\'s own style; records dependabot.yaml; upgrade writes no second file', async () => {
    const root = repo(files);
    const run = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    expect([0, 1]).toContain(run.code);
    const config = parse(readFileSync(path.join(root, '.github/dependabot.yaml'), 'utf8')) as { updates: Array<Record<string, unknown>> };
    const npm = config.updates.find((u) => u['package-ecosystem'] === 'npm');
    expect(npm).toEqual({ 'package-ecosystem': 'npm', directory: '/web', schedule: { interval: 'daily', time: '04:00' }, labels: ['dependencies'] });
    const dirs = config.updates.flatMap((u) => [u['directory'], ...((u['directories'] as string[]) ?? [])]).filter(Boolean);
    expect(dirs.some((d) => /tests|examples|devcontainer/.test(String(d)))).toBe(false);
    expect(run.out).toMatch(/^left out gomod \/tests\/e2e/m);
    expect(existsSync(path.join(root, '.github/dependabot.yml'))).toBe(false);
    const state = JSON.parse(readFileSync(path.join(root, '.secure-cncf.json'), 'utf8')) as { merged?: Record<string, string> };
    expect(state.merged).toEqual({ '.github/dependabot.yml': '.github/dependabot.yaml' });
    const before = snapshot(root);
    await cli(['upgrade', root, '--yes']);
    expect(existsSync(path.join(root, '.github/dependabot.yml'))).toBe(false);
    expect(snapshot(root)).toEqual(before);
  });

  it('reports an ecosystem another update workflow keeps current instead of adding it', async () => {
    const root = repo({
      ...files,
      '.github/workflows/update-deps.yml': lines('name: update deps', 'on:', '  schedule:', '    - cron: "0 3 * * 1"', 'jobs:', '  npm:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: cd web && npx npm-check-updates -u && npm install'),
    });
    const run = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    const config = parse(readFileSync(path.join(root, '.github/dependabot.yaml'), 'utf8')) as { updates: Array<Record<string, unknown>> };
    expect(config.updates.some((u) => u['package-ecosystem'] === 'npm')).toBe(false);
    expect(run.out).toMatch(/npm is not in this config and \.github\/workflows\/update-deps\.yml updates it/);
  });

  type Config = { updates: Array<Record<string, unknown>> };
  const entryOf = (root: string, ecosystem: string, file = '.github/dependabot.yml') =>
    (parse(readFileSync(path.join(root, file), 'utf8')) as Config).updates.find((u) => u['package-ecosystem'] === ecosystem);
  const goRepo = { 'go.mod': 'module example.com/w\n', 'main.go': 'package main\n', 'web/package.json': '{"name":"web"}\n', 'web/package-lock.json': '{}\n' };

  it('takes schedule and labels from the package entries most share, not from a github-actions entry first in the file (harbor)', async () => {
    const root = repo({
      ...goRepo,
      '.github/dependabot.yml': lines(
        'version: 2',
        'updates:',
        '  - package-ecosystem: "github-actions"',
        '    directory: "/"',
        '    schedule:',
        '      interval: "daily"',
        '    labels:',
        '      - "release-note/infra"',
        '  - package-ecosystem: "gomod"',
        '    directory: "/"',
        '    schedule:',
        '      interval: "weekly"',
        '    labels:',
        '      - "release-note/bump-version"',
        '  - package-ecosystem: "gomod"',
        '    directory: "/"',
        '    target-branch: "release-1.0"',
        '    schedule:',
        '      interval: "weekly"',
        '    labels:',
        '      - "release-note/bump-version"',
      ),
    });
    await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    expect(entryOf(root, 'npm')).toEqual({ 'package-ecosystem': 'npm', directory: '/web', schedule: { interval: 'weekly' }, labels: ['release-note/bump-version'] });
  });

  it('copies the house group shape (patch-only, with its patterns) instead of widening to minor and patch', async () => {
    const root = repo({
      ...goRepo,
      '.github/dependabot.yml': lines(
        'version: 2',
        'updates:',
        '  - package-ecosystem: gomod',
        '    directory: /',
        '    schedule:',
        '      interval: weekly',
        '    groups:',
        '      patch-updates:',
        '        patterns: ["*"]',
        '        update-types: ["patch"]',
        '  - package-ecosystem: github-actions',
        '    directory: /',
        '    schedule:',
        '      interval: weekly',
      ),
    });
    await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    expect(entryOf(root, 'npm')?.['groups']).toEqual({ 'patch-updates': { patterns: ['*'], 'update-types': ['patch'] } });
  });

  it('copies keys the package entries share (rebase-strategy, pull-request limit), never ignore/target-branch, nor an option the new ecosystem does not take', async () => {
    const root = repo({
      ...goRepo,
      '.github/dependabot.yml': lines(
        'version: 2',
        'updates:',
        '  - package-ecosystem: npm',
        '    directory: /web',
        '    schedule:',
        '      interval: daily',
        '    versioning-strategy: increase',
        '    open-pull-requests-limit: 3',
        '    rebase-strategy: disabled',
        '    ignore:',
        '      - dependency-name: left-pad',
        '  - package-ecosystem: github-actions',
        '    directory: /',
        '    schedule:',
        '      interval: daily',
        '    rebase-strategy: disabled',
      ),
    });
    await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    expect(entryOf(root, 'gomod')).toEqual({ 'package-ecosystem': 'gomod', directory: '/', schedule: { interval: 'daily' }, 'open-pull-requests-limit': 3, 'rebase-strategy': 'disabled' });
  });

  it('writes new entries as the house does: blank lines between entries, its quotes, its key order; the existing text stays byte for byte', async () => {
    const existing = lines(
      'version: 2',
      'updates:',
      "  - package-ecosystem: 'gomod'",
      '    schedule:',
      '      interval: weekly',
      "    directory: '/'",
      '',
      "  - package-ecosystem: 'github-actions'",
      '    schedule:',
      '      interval: weekly',
      "    directory: '/'",
    );
    const root = repo({ ...goRepo, '.github/dependabot.yml': existing });
    await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    const after = readFileSync(path.join(root, '.github/dependabot.yml'), 'utf8');
    expect(after).toBe(existing + lines('', "  - package-ecosystem: 'npm'", '    schedule:', '      interval: weekly', "    directory: '/web'"));
  });

  it('gives Dependabot only docker directories whose FROM lines name a version or a digest; the others are reported', async () => {
    const root = repo({
      'go.mod': 'module example.com/w\n',
      'main.go': 'package main\n',
      'build/Dockerfile': lines('FROM golang:1.22-alpine AS builder', 'FROM scratch', 'COPY --from=builder /w /w'),
      'image/app.Dockerfile': lines('FROM --platform=$BUILDPLATFORM gcr.io/distroless/static@sha256:' + 'a'.repeat(64)),
      'nightly/Dockerfile': lines('FROM golang:alpine AS builder', 'FROM alpine:latest', 'COPY --from=builder /w /w'),
      'images/base/Dockerfile': lines('ARG BASE', 'FROM ${BASE}', 'FROM gcr.io/distroless/static-debian12:nonroot'),
      '.github/dependabot.yml': lines('version: 2', 'updates:', '  - package-ecosystem: gomod', '    directory: /', '    schedule:', '      interval: weekly'),
    });
    const run = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    expect(entryOf(root, 'docker')?.['directories']).toEqual(['/build', '/image']);
    expect(run.out).toMatch(/docker: \/images\/base, \/nightly not added; their FROM lines name no version or digest/);
    // A repository without a Dependabot config gets a new one that leaves them out too.
    rmSync(path.join(root, '.github/dependabot.yml'));
    rmSync(path.join(root, '.secure-cncf.json'));
    const fresh = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    expect(fresh.out).toMatch(/^create {3}\.github\/dependabot\.yml/m);
    expect(entryOf(root, 'docker')?.['directories']).toEqual(['/build', '/image']);
    expect(fresh.out).toMatch(/docker: \/images\/base, \/nightly not added; their FROM lines name no version or digest/);
  });
});

describe('a change people can review', () => {
  it('--commit makes one commit per group, with the state file in the last one', async () => {
    const root = repo({
      'go.mod': 'module example.com/w\n',
      'main.go': 'package main\n',
      '.github/workflows/ci.yml': lines('name: ci', 'on: [push, pull_request]', 'jobs:', '  test:', '    runs-on: ubuntu-24.04', '    steps:', '      - uses: actions/checkout@v4', '      - run: go test ./...'),
    });
    git(root, 'init', '-q');
    git(root, 'config', 'user.name', 'test');
    git(root, 'config', 'user.email', 'test@example.invalid');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'initial');
    const run = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', '--commit']);
    expect([0, 1]).toContain(run.code);
    const log = git(root, 'log', '--format=%s').trim().split('\n');
    expect(log).toEqual([
      'Add security policy and metadata (secure-cncf retrofit)',
      'Add security workflows (secure-cncf retrofit)',
      'Harden the existing workflows (secure-cncf retrofit)',
      'initial',
    ]);
    expect(git(root, 'status', '--porcelain').trim()).toBe('');
    expect(git(root, 'show', '--name-only', '--format=', 'HEAD~2').trim()).toBe('.github/workflows/ci.yml');
  });
});

describe('a security policy it does not invent', () => {
  const base = { 'go.mod': 'module example.com/w\n', 'main.go': 'package main\n' };

  it('keeps a policy GitHub finds whatever its case (.github/security.md) and says so, even with --security-policy', async () => {
    const root = repo({ ...base, '.github/security.md': '# Security\n\nReport vulnerabilities to security@example.org.\n' });
    const run = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', '--security-policy']);
    expect(run.out).toMatch(/^kept +\.github\/security\.md +your security policy/m);
    expect(run.out).toMatch(/\.github\/security\.md.*supported versions/);
    expect(existsSync(path.join(root, 'SECURITY.md'))).toBe(false);
  });

  it('writes no SECURITY.md unless told no organisation policy applies; then states no number nobody chose', async () => {
    const root = repo(base);
    const first = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    expect(existsSync(path.join(root, 'SECURITY.md'))).toBe(false);
    expect(first.out).toMatch(/secure-cncf retrofit --security-policy/);
    // upgrade does not add it behind the maintainers' back either.
    await cli(['upgrade', root, '--yes']);
    expect(existsSync(path.join(root, 'SECURITY.md'))).toBe(false);
    await cli(['retrofit', root, '--yes', '--security-policy']);
    const policy = readFileSync(path.join(root, 'SECURITY.md'), 'utf8');
    expect(policy).not.toMatch(/\d+\s+(working\s+)?days|\d+\s+months/);
    expect(policy).not.toMatch(/Until the first release/);
    expect(policy).toMatch(/The maintainers acknowledge your report, assess it/);
  });

  it('states the commitments given with flags, keeps them for upgrade, and follows the real tags', async () => {
    const root = repo(base);
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'initial');
    git(root, 'tag', 'v1.4.0');
    await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', '--security-policy', '--ack-days', '5']);
    const policy = readFileSync(path.join(root, 'SECURITY.md'), 'utf8');
    expect(policy).toContain('| Acknowledge your report | 5 working days |');
    expect(policy).not.toMatch(/30 days|90 days|3 working days/);
    expect(policy).toMatch(/Security fixes are made on the `main` branch and shipped in the next release/);
    const state = JSON.parse(readFileSync(path.join(root, '.secure-cncf.json'), 'utf8')) as { answers: { policy?: unknown } };
    expect(state.answers.policy).toEqual({ acknowledgeDays: 5 });
    const before = snapshot(root);
    await cli(['upgrade', root, '--yes']);
    expect(snapshot(root)).toEqual(before);
    expect((await cli(['retrofit', root, '--yes', '--ack-days', '0'])).code).toBe(2);
  });

  it('upgrade after a retrofit of a repository whose policy is .github/SECURITY.md adds no second one', async () => {
    const root = repo({ ...base, '.github/SECURITY.md': '# Security\n\nReport to security@example.org; we acknowledge reports.\n' });
    await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', '--security-policy']);
    await cli(['upgrade', root, '--yes']);
    expect(existsSync(path.join(root, 'SECURITY.md'))).toBe(false);
  });

  it('online: an organisation policy in <owner>/.github means no SECURITY.md here', async () => {
    const { orgPolicy } = await import('../../src/retrofit/org-policy.js');
    const answer = (status: number) => (async () => new Response(null, { status })) as unknown as typeof fetch;
    expect((await orgPolicy('acme', answer(200))).state).toBe('present');
    expect((await orgPolicy('acme', answer(404))).state).toBe('absent');
    expect((await orgPolicy('acme', answer(500))).state).toBe('unknown');
    const offline = (async () => {
      throw new Error('getaddrinfo ENOTFOUND');
    }) as unknown as typeof fetch;
    expect(await orgPolicy('acme', offline)).toEqual({ state: 'unknown', why: 'could not reach GitHub (getaddrinfo ENOTFOUND)' });
  });
});

describe('production manifests (lessons of real repositories)', () => {
  it('integration-test images and a chart\'s own subcharts get no Dependabot entry', async () => {
    const { nonProductionReason } = await import('../../src/detect/production.js');
    expect(nonProductionReason('/integration/images/volume-copy-up', 'docker')).toBe('integration/'); // containerd
    expect(nonProductionReason('/charts/kyverno/charts/crds', 'helm')).toBe('charts/kyverno/charts/'); // kyverno
    expect(nonProductionReason('/charts/kyverno', 'helm')).toBeUndefined();
    expect(nonProductionReason('/integrations/slack', 'gomod')).toBeUndefined();
  });
});

describe('moving writes never widens them (prometheus lock.yml lesson)', () => {
  it('a top level granting issues: write to lock-threads gives the job issues: write only', () => {
    const text = `name: lock\non:\n  schedule:\n    - cron: '13 23 * * *'\npermissions:\n  issues: write\njobs:\n  action:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: dessant/lock-threads@v6\n`;
    const { after } = hardenWorkflow('.github/workflows/lock.yml', text);
    const model = parse(after) as { permissions: unknown; jobs: { action: { permissions?: unknown } } };
    expect(model.permissions).toEqual({ contents: 'read' });
    expect(model.jobs.action.permissions).toEqual({ contents: 'read', issues: 'write' });
  });
});

describe('helm entries only for charts with dependencies (gatekeeper lesson)', () => {
  it('a chart without dependencies: gets no Dependabot entry and is reported', async () => {
    const root = repo({
      'go.mod': 'module example.com/w\n',
      'main.go': 'package main\n',
      'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\n',
      'charts/stack/Chart.yaml': 'apiVersion: v2\nname: stack\nversion: 0.1.0\ndependencies:\n  - name: redis\n    version: 1.0.0\n    repository: https://charts.example.org\n',
      '.github/dependabot.yml': lines('version: 2', 'updates:', '  - package-ecosystem: gomod', '    directory: /', '    schedule:', '      interval: weekly'),
    });
    const run = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', '--artifacts', 'binaries,helm-charts']);
    const config = parse(readFileSync(path.join(root, '.github/dependabot.yml'), 'utf8')) as { updates: Array<Record<string, unknown>> };
    const helm = config.updates.filter((u) => u['package-ecosystem'] === 'helm').flatMap((u) => [u['directory'], ...((u['directories'] as string[]) ?? [])]).filter(Boolean);
    expect(helm).toEqual(['/charts/stack']);
    expect(run.out).toMatch(/helm: \/charts\/app not added; that chart declares no dependencies/);
  });
});

describe('cargo-deny without advisories is a choice (linkerd2-proxy lesson)', () => {
  it('adds no second cargo-deny for advisories and says how to turn them on', async () => {
    const root = repo({
      'Cargo.toml': '[package]\nname = "p"\nversion = "0.1.0"\n',
      'Cargo.lock': '',
      'src/main.rs': 'fn main() {}\n',
      'deny.toml': '[advisories]\n',
      '.github/workflows/pr.yml': lines('name: pr', 'on: pull_request', 'permissions:', '  contents: read', 'jobs:', '  deny:', '    runs-on: ubuntu-24.04', '    steps:', '      - uses: actions/checkout@v4', '        with:', '          persist-credentials: false', '      - run: cargo deny --all-features check bans licenses sources'),
    });
    const run = await cli(['retrofit', root, '--yes', '--repo', 'acme/proxy']);
    expect(existsSync(path.join(root, '.github/workflows/vulnerability-scan.yml'))).toBe(false);
    expect(run.out).toMatch(/^covered  sca-scanning  cargo-deny \(advisories left out, \.github\/workflows\/pr\.yml:12\)/m);
  });
});

describe('never a second release pipeline (level-2 review lessons)', () => {
  const goProject = {
    'go.mod': 'module example.com/ctl\n',
    'cmd/ctl/main.go': 'package main\n',
    '.github/workflows/ci.yml': lines(
      'name: ci',
      'on:',
      '  pull_request: {}',
      'permissions:',
      '  contents: read',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '        with:',
      '          persist-credentials: false',
      '      - run: go test ./...',
      '      - run: docker build -t ctl:pr .',
    ),
  };
  const workflowsWritten = (root: string) => Object.keys(snapshot(root)).filter((f) => f === '.github/workflows/release.yml' || f === '.goreleaser.yaml' || f === '.syft.yaml').sort();

  it('a manual release workflow that pushes to the registry is the release pipeline, whatever its name (crossplane promote.yml)', async () => {
    const root = repo({
      ...goProject,
      '.github/workflows/promote.yml': lines(
        'name: Promote',
        'on:',
        '  workflow_dispatch:',
        '    inputs:',
        '      version:',
        "        description: 'Release version (e.g. v1.18.0)'",
        '        required: true',
        'permissions:',
        '  contents: read',
        'jobs:',
        '  promote:',
        '    permissions:',
        '      contents: read',
        '      packages: write',
        '    runs-on: ubuntu-24.04',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '        with:',
        '          persist-credentials: false',
        '      - env:',
        '          VERSION: ${{ inputs.version }}',
        '        run: nix run .#promote-images -- ghcr.io/acme/ctl "$VERSION"',
      ),
    });
    const run = await cli(['retrofit', root, '--yes', '--repo', 'acme/ctl', '--level', '2']);
    expect([0, 1]).toContain(run.code);
    expect(workflowsWritten(root), 'no release workflow, GoReleaser config or orphan Syft config beside promote.yml').toEqual([]);
    expect(run.out).toMatch(/^covered  release-signing  \.github\/workflows\/promote\.yml:12 \(publishes packages\) already runs here/m);
    expect(run.out).toMatch(/^skipped  sbom-config  .*No \.syft\.yaml: it would configure the release workflow secure-cncf adds/m);
    expect(run.out).toMatch(/SBOM generator configuration: generate SBOMs in the existing release pipeline \(\.github\/workflows\/promote\.yml:12 \(publishes packages\)\)/);
  });

  it('a branch-push workflow that pushes images counts too; a pull-request image build does not', async () => {
    const pushing = repo({
      ...goProject,
      '.github/workflows/images.yml': lines(
        'name: images',
        'on:',
        '  push:',
        '    branches: [main, "release-*"]',
        'permissions:',
        '  contents: read',
        'jobs:',
        '  image:',
        '    runs-on: ubuntu-24.04',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - uses: docker/build-push-action@v6',
        '        with:',
        '          push: true',
        '          tags: quay.io/acme/ctl:latest',
      ),
    });
    const run = await cli(['retrofit', pushing, '--yes', '--repo', 'acme/ctl', '--level', '2']);
    expect(workflowsWritten(pushing)).toEqual([]);
    expect(run.out).toMatch(/^covered  release-signing  \.github\/workflows\/images\.yml \(docker\/build-push-action \(push\), \.github\/workflows\/images\.yml:12\)/m);

    // The same project whose only image build runs on pull requests releases nothing yet: it gets the release workflow.
    const fresh = repo(goProject);
    await cli(['retrofit', fresh, '--yes', '--repo', 'acme/ctl', '--level', '2']);
    expect(workflowsWritten(fresh)).toEqual(['.github/workflows/release.yml', '.goreleaser.yaml', '.syft.yaml']);
  });

  it('no .syft.yaml beside a release pipeline of the repository that generates no SBOM (containerd, etcd, in-toto)', async () => {
    const root = repo({
      ...goProject,
      '.github/workflows/release.yml': lines(
        'name: Release',
        'on:',
        '  push:',
        '    tags: ["v*"]',
        'permissions:',
        '  contents: read',
        'jobs:',
        '  release:',
        '    runs-on: ubuntu-24.04',
        '    permissions:',
        '      contents: write',
        '      id-token: write',
        '      attestations: write',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '        with:',
        '          persist-credentials: false',
        '      - run: make release',
        '      - uses: actions/attest-build-provenance@v2',
        '        with:',
        '          subject-path: bin/*',
      ),
    });
    const run = await cli(['retrofit', root, '--yes', '--repo', 'acme/ctl', '--level', '2']);
    expect(existsSync(path.join(root, '.syft.yaml'))).toBe(false);
    expect(run.out).toMatch(/^covered  release-signing  /m);
    expect(run.out).toMatch(/SBOM generator configuration: generate SBOMs in the existing release pipeline \(GitHub build-provenance attestation\)/);
  });

  it('release build targets that another CI runs mean releases are built there (tikv: Prow and make dist_release)', async () => {
    const files = {
      'Cargo.toml': '[package]\nname = "kv"\nversion = "0.1.0"\n',
      'Cargo.lock': '',
      'src/main.rs': 'fn main() {}\n',
      Makefile: lines('release:', '\tcargo build --release', '', '# The target used by CI/CD to build the distributable release artifacts.', 'dist_release:', '\tmake release', '\tcp target/release/kv bin/'),
      '.github/workflows/clippy.yml': lines('name: clippy', 'on: pull_request', 'permissions:', '  contents: read', 'jobs:', '  clippy:', '    runs-on: ubuntu-24.04', '    steps:', '      - uses: actions/checkout@v4', '        with:', '          persist-credentials: false', '      - run: cargo clippy'),
    };
    const prow = repo({ ...files, OWNERS: lines('approvers:', '  - alice') });
    const run = await cli(['retrofit', prow, '--yes', '--repo', 'acme/kv', '--level', '2']);
    expect(workflowsWritten(prow)).toEqual([]);
    expect(run.out).toMatch(/^covered  release-signing  make dist_release in Makefile, run outside GitHub Actions \(Prow\) already runs here/m);

    // Without another CI in sight, a Makefile target proves nothing about where releases are built.
    const alone = repo(files);
    await cli(['retrofit', alone, '--yes', '--repo', 'acme/kv', '--level', '2']);
    expect(workflowsWritten(alone)).toContain('.github/workflows/release.yml');
  });
});

describe('rulesets where Prow merges (level-2 review: cert-manager, etcd, tikv)', () => {
  it('asks for no GitHub approval when Prow decides merges, and says why; elsewhere one approval', async () => {
    const prow = repo({ 'go.mod': 'module example.com/w\n', 'main.go': 'package main\n', OWNERS: 'approvers:\n  - alice\n', '.prow.yaml': 'presubmits: []\n' });
    // An OWNERS file alone is not Prow: projects that merge on GitHub keep one too (argo-cd).
    const plain = repo({ 'go.mod': 'module example.com/w\n', 'main.go': 'package main\n', OWNERS: 'approvers:\n  - alice\n' });
    for (const root of [prow, plain]) expect([0, 1]).toContain((await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', '--level', '2'])).code);
    const approvals = (root: string) => {
      const ruleset = JSON.parse(readFileSync(path.join(root, '.github/rulesets/default-branch.json'), 'utf8')) as { rules: Array<{ type: string; parameters?: Record<string, unknown> }> };
      return ruleset.rules.find((rule) => rule.type === 'pull_request')?.parameters?.['required_approving_review_count'];
    };
    expect(approvals(prow)).toBe(0);
    expect(readFileSync(path.join(prow, '.github/rulesets/README.md'), 'utf8')).toMatch(/Approvals stay with Prow \(`\/lgtm`, `\/approve`\)/);
    expect(approvals(plain)).toBe(1);
    // The audit agrees: a Prow repository's ruleset without GitHub approvals passes.
    const check = await cli(['check', prow, '--level', '2', '--format', 'json']);
    const report = JSON.parse(check.out) as { controls: Array<{ id: string; status: string }> };
    expect(report.controls.find((c) => c.id === 'branch-ruleset')?.status).toBe('pass');
  });
});

describe('a GoReleaser release that does not sign gets signing in its own files (level-2 review: nats-server, copacetic)', () => {
  const release = (permissions: string[]) => ({
    'go.mod': 'module example.com/widget\n',
    'main.go': 'package main\n',
    '.goreleaser.yml': lines('# Our release.', 'version: 2', 'builds:', '  - main: .', 'archives:', '  - formats: [tar.gz]'),
    '.github/workflows/release.yaml': lines(
      'name: Release',
      'on:',
      '  push:',
      '    tags: ["v*"]',
      ...permissions,
      'jobs:',
      '  publish:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '        with:',
      '          fetch-depth: 0',
      '      - uses: goreleaser/goreleaser-action@v6',
      '        with:',
      '          args: release --clean',
      '        env:',
      '          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}',
    ),
  });

  it('edits .goreleaser.yml and the release job, writes no release workflow of its own, and check then sees the signing', async () => {
    const root = repo(release(['permissions:', '  contents: write']));
    expect(await controlStatus(root, 'release-signing')).toBe('fail');
    const run = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', '--level', '2']);
    expect([0, 1]).toContain(run.code);
    const after = snapshot(root);
    expect(after['.github/workflows/release.yml'], 'no second release pipeline').toBeUndefined();
    expect(after['.goreleaser.yaml']).toBeUndefined();
    const config = parse(after['.goreleaser.yml']!);
    expect(config.signs[0].cmd).toBe('cosign');
    expect(after['.goreleaser.yml']!.startsWith('# Our release.\nversion: 2\n')).toBe(true);
    const workflow = parse(after['.github/workflows/release.yaml']!);
    expect(workflow.jobs.publish.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
    expect(workflow.jobs.publish.steps.map((s: { uses?: string }) => s.uses?.replace(/@.*/, ''))).toEqual([
      'actions/checkout', 'sigstore/cosign-installer', 'anchore/sbom-action/download-syft', 'goreleaser/goreleaser-action',
    ]);
    expect(run.out).toMatch(/^harden   \.goreleaser\.yml \[release-signing\]  added checksum .*sboms .*signs /m);
    // GoReleaser's new sboms: cover the SBOM configuration: no .syft.yaml, and no manual step asking for SBOMs.
    expect(after['.syft.yaml']).toBeUndefined();
    expect(run.out).toMatch(/^covered  sbom-config  SBOMs are configured in \.goreleaser\.yml \(sboms:\), by the edit of \.goreleaser\.yml and \.github\/workflows\/release\.yaml above\./m);
    expect(run.out).not.toMatch(/generate SBOMs in the existing release pipeline/);
    const { report } = await runCheck({ directory: root, repo: 'acme/widget' });
    const signing = report.controls.find((c) => c.id === 'release-signing');
    expect(signing?.summary).toMatch(/signatures \(GoReleaser signs/);
    // A second retrofit and upgrade change nothing.
    const before = snapshot(root);
    await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', '--level', '2']);
    await cli(['upgrade', root, '--yes']);
    expect(snapshot(root)).toEqual(before);
  });

  it('edits neither file where the job\'s permissions are not known, and names the manual step', async () => {
    const root = repo(release([]));
    const before = snapshot(root);
    const run = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', '--level', '2']);
    expect([0, 1]).toContain(run.code);
    const after = snapshot(root);
    expect(after['.goreleaser.yml']).toBe(before['.goreleaser.yml']);
    expect(after['.github/workflows/release.yml']).toBeUndefined();
    expect(run.out).toMatch(/Sign releases: GoReleaser releases from \.github\/workflows\/release\.yaml \(job "publish"\) with \.goreleaser\.yml, which does not sign; .*sets no permissions/);
  });
});

describe('reusable workflows get their token from the caller (level-2 review: keda template-trivy-scan.yml)', () => {
  const scan = (triggers: string[]) =>
    lines(
      'name: scan',
      ...triggers,
      'jobs:',
      '  trivy:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: trivy fs --format sarif -o trivy.sarif .',
      '      - uses: github/codeql-action/upload-sarif@v3',
      '        with:',
      '          sarif_file: trivy.sarif',
    );
  const caller = lines(
    'name: main',
    'on: push',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  scan:',
    '    permissions:',
    '      contents: read',
    '      security-events: write',
    '    uses: ./.github/workflows/scan.yml',
  );

  it('a workflow only ever called is left as is: a block asking for more than the caller grants (actions: read) would stop the caller', async () => {
    const root = repo({ 'go.mod': 'module example.com/w\n', '.github/workflows/main.yml': caller, '.github/workflows/scan.yml': scan(['on:', '  workflow_call:']) });
    const run = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    const after = parse(readFileSync(path.join(root, '.github/workflows/scan.yml'), 'utf8')) as { permissions?: unknown; jobs: Record<string, { permissions?: unknown }> };
    expect(after.permissions).toBeUndefined();
    expect(after.jobs['trivy']?.permissions).toBeUndefined();
    expect(run.out).toMatch(/scan\.yml.*reusable workflow \(its only trigger is workflow_call\).*set where it is called \(\.github\/workflows\/main\.yml:10\)/);
    // check agrees: the caller's job decides that token.
    const { report } = await runCheck({ directory: root, repo: 'acme/widget' });
    expect(report.controls.find((c) => c.id === 'workflow-permissions')?.summary ?? '').not.toMatch(/scan\.yml/);
  });

  it('a workflow that is also called gets no job block a caller does not grant', () => {
    const text = scan(['on:', '  push:', '  workflow_call:']);
    const callers = [{ file: '.github/workflows/main.yml', job: 'scan', line: 10, permissions: { contents: 'read', 'security-events': 'write' } }];
    const result = hardenWorkflow('.github/workflows/scan.yml', text, undefined, { callers });
    const model = parse(result.after) as { permissions?: unknown; jobs: Record<string, { permissions?: unknown }> };
    expect(model.jobs['trivy']?.permissions).toBeUndefined();
    expect(result.findings.map((f) => f.message).join('\n')).toMatch(/also a reusable workflow.*job "trivy" needs .*actions: read.*\.github\/workflows\/main\.yml:10 may not grant/);
    // A caller that grants everything the block asks for: the block is added.
    const generous = [{ ...callers[0]!, permissions: { contents: 'read', actions: 'read', 'security-events': 'write' } }];
    const fits = parse(hardenWorkflow('.github/workflows/scan.yml', text, undefined, { callers: generous }).after) as { jobs: Record<string, { permissions?: unknown }> };
    expect(fits.jobs['trivy']?.permissions).toEqual({ contents: 'read', actions: 'read', 'security-events': 'write' });
  });
});

describe('a repository\'s own reusable workflow called by branch (level-2 review: keda, containerd)', () => {
  it('is pointed at the local form, which needs no pin, instead of being told to pin', () => {
    const text = lines('on: push', 'permissions:', '  contents: read', 'jobs:', '  scan:', '    uses: acme/widget/.github/workflows/scan.yml@main');
    const own = hardenWorkflow('.github/workflows/main.yml', text, undefined, { self: 'Acme/Widget' });
    expect(own.findings.map((f) => f.message)).toContain("acme/widget/.github/workflows/scan.yml@main calls this repository's own workflow at main; `uses: ./.github/workflows/scan.yml` needs no pin (it runs the caller's commit rather than main), or pin main to its commit SHA by hand");
    const other = hardenWorkflow('.github/workflows/main.yml', text, undefined, { self: 'acme/other' });
    expect(other.findings.map((f) => f.message).join('\n')).toMatch(/is not pinned and is not in the pin table/);
  });
});

describe('actions/stale keeps actions: write (level-2 review: keda stale.yml)', () => {
  it('moving the top level\'s writes to the job keeps the one stale needs to delete its saved state', () => {
    const text = lines('name: stale', 'on:', '  schedule:', "    - cron: '0 0 * * *'", 'permissions:', '  actions: write', '  issues: write', '  pull-requests: write', 'jobs:', '  stale:', '    runs-on: ubuntu-24.04', '    steps:', '      - uses: actions/stale@v9');
    const model = parse(hardenWorkflow('.github/workflows/stale.yml', text).after) as { permissions: unknown; jobs: Record<string, { permissions?: unknown }> };
    expect(model.permissions).toEqual({ contents: 'read' });
    expect(model.jobs['stale']?.permissions).toEqual({ contents: 'read', actions: 'write', issues: 'write', 'pull-requests': 'write' });
  });
});

describe('no scanning workflow where it would scan nothing that ships (level-2 review: falco)', () => {
  it('a CMake project whose only lockfile belongs to a test module gets no vulnerability scan, and the step to take instead', async () => {
    const root = repo({
      'CMakeLists.txt': 'cmake_minimum_required(VERSION 3.20)\nproject(probe C)\nadd_executable(probe main.c)\n',
      'main.c': 'int main(void) { return 0; }\n',
      'chart/probe/tests/go.mod': 'module example.com/charttests\n\ngo 1.22\n',
      'chart/probe/tests/go.sum': '',
    });
    const run = await cli(['retrofit', root, '--yes', '--repo', 'acme/probe']);
    expect([0, 1]).toContain(run.code);
    expect(existsSync(path.join(root, '.github/workflows/vulnerability-scan.yml'))).toBe(false);
    expect(run.out).toMatch(/^skipped  sca-scanning  No manifest or lockfile that OSV-Scanner or an ecosystem scanner reads outside tests and examples \(only gomod \/chart\/probe\/tests, left out as non-production\)/m);
    // check prints the same step, not a command that would add the workflow.
    const { report } = await runCheck({ directory: root, repo: 'acme/probe' });
    expect(report.controls.find((c) => c.id === 'sca-scanning')?.fix).toMatch(/^by hand: Dependency vulnerability scanning: No manifest or lockfile/);
    // With a production module there is something to scan again.
    const go = repo({ 'go.mod': 'module example.com/w\n', 'main.go': 'package main\n' });
    await cli(['retrofit', go, '--yes', '--repo', 'acme/w']);
    expect(existsSync(path.join(go, '.github/workflows/vulnerability-scan.yml'))).toBe(true);
  });
});

describe('a SHA pin whose comment names another release (level-2 review: copacetic)', () => {
  it('is reported: the commit is the pin table\'s release, not the one the comment says', async () => {
    const { loadPins } = await import('../../src/pins.js');
    const pin = loadPins().actions['actions/checkout']!;
    const workflow = (comment: string) => lines('on: push', 'permissions:', '  contents: read', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    steps:', `      - uses: actions/checkout@${pin.sha} # ${comment}`, '        with:', '          persist-credentials: false');
    const wrong = hardenWorkflow('.github/workflows/ci.yml', workflow('v4.2.2'));
    expect(wrong.findings.map((f) => `${f.line}: ${f.message}`)).toContain(`8: actions/checkout@${pin.sha.slice(0, 12)}… is commented v4.2.2, but that commit is ${pin.tag}; correct the comment so people and update bots read the right version`);
    const major = pin.tag!.replace(/\..*$/, '');
    for (const right of [pin.tag!, major]) expect(hardenWorkflow('.github/workflows/ci.yml', workflow(right)).findings).toEqual([]);
  });
});
