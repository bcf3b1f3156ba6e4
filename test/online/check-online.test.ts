// `check --online`: shared workflows and actions of other repositories are read at the ref the
// repository names, so a delegated practice becomes pass or fail; the organisation's default
// SECURITY.md counts for a repository without its own. Against a loopback fake of the GitHub API.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runCheck } from '../../src/check/run.js';
import type { CheckReport } from '../../src/check/report.js';
import { createGitHub } from '../../src/github/index.js';
import { FakeGitHub } from '../github/fake-github.js';
import { captureIo } from '../check/helpers.js';

const SHARED_SECURITY = `on:
  workflow_call: {}
permissions: {}
jobs:
  analyse:
    runs-on: ubuntu-latest
    permissions:
      security-events: write
    steps:
      - uses: actions/checkout@3d3c42e5aa5ba8a3e1ec8ad8e3ba3d3c42e5aa5b # v7.0.1
      - uses: github/codeql-action/init@0123456789abcdef0123456789abcdef01234567 # v4.31.0
      - uses: github/codeql-action/analyze@0123456789abcdef0123456789abcdef01234567 # v4.31.0
  secrets:
    uses: acme/shared-ci/.github/workflows/leaks.yml@v1
`;

const SHARED_LEAKS = `on:
  workflow_call: {}
jobs:
  scan:
    runs-on: ubuntu-latest
    steps:
      - run: gitleaks git --redact .
`;

// Named for security, but does no scanning: read online, it must not count.
const SHARED_SCAN_NOTHING = `on:
  workflow_call: {}
jobs:
  noop:
    runs-on: ubuntu-latest
    steps:
      - run: echo "nothing to see"
`;

const ORG_POLICY = `# Security policy
Report vulnerabilities privately at https://github.com/acme/widget/security/advisories/new.
We acknowledge reports within 5 working days and coordinate disclosure with the reporter.
`;

function caller(root: string, workflows: Record<string, string>): void {
  mkdirSync(path.join(root, '.github/workflows'), { recursive: true });
  for (const [name, text] of Object.entries(workflows)) writeFileSync(path.join(root, '.github/workflows', name), text);
  writeFileSync(path.join(root, 'go.mod'), 'module example.com/widget\n\ngo 1.22\n');
}

const CALLS_SECURITY = `on:
  pull_request: {}
  push:
    branches: [main]
permissions: {}
jobs:
  security:
    uses: acme/shared-ci/.github/workflows/security.yml@v1
    permissions:
      security-events: write
`;

const CALLS_SCAN_NOTHING = `on:
  pull_request: {}
permissions: {}
jobs:
  sast:
    uses: acme/shared-ci/.github/workflows/sast-scan.yml@v2
`;

describe('check --online', () => {
  const fake = new FakeGitHub({
    org: 'acme',
    repos: [
      { name: 'shared-ci', files: { '.github/workflows/security.yml': SHARED_SECURITY, '.github/workflows/leaks.yml': SHARED_LEAKS, '.github/workflows/sast-scan.yml': SHARED_SCAN_NOTHING } },
      { name: '.github', files: { 'SECURITY.md': ORG_POLICY } },
    ],
  });
  let baseUrl = '';
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-online-'));
    dirs.push(dir);
    return dir;
  };
  beforeAll(async () => {
    baseUrl = await fake.start();
  });
  afterAll(async () => {
    await fake.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const reader = () => {
    const github = createGitHub({ baseUrl, token: 'test-token', cacheDir: path.join(tempDir(), 'cache') });
    return (owner: string, repo: string, file: string, ref: string | undefined) => github.getContents(owner, repo, file, ref);
  };
  const status = (report: CheckReport, id: string) => report.controls.find((c) => c.id === id)!;

  it('offline, a shared security workflow is delegated (not verified) and the org policy is unknown', async () => {
    const root = tempDir();
    caller(root, { 'security.yml': CALLS_SECURITY });
    const { report } = await runCheck({ directory: root, repo: 'acme/widget', level: '1' });
    expect(status(report, 'sast').status).toBe('delegated');
    expect(status(report, 'sast').summary).toContain('--online');
    expect(status(report, 'security-policy').status).toBe('fail');
    expect(status(report, 'security-policy').summary).toContain('acme/.github');
  });

  it('online, the shared workflow is read at its ref and what it runs decides (nested calls followed)', async () => {
    const root = tempDir();
    caller(root, { 'security.yml': CALLS_SECURITY });
    const { report } = await runCheck({ directory: root, repo: 'acme/widget', level: '1', readRemote: reader() });
    const sast = status(report, 'sast');
    expect(sast.status).toBe('pass');
    expect(sast.summary).toContain('CodeQL');
    expect(sast.locations.map((l) => l.file)).toContain('acme/shared-ci/.github/workflows/security.yml@v1');
    // gitleaks two calls deep, still on the caller's pull requests.
    const secrets = status(report, 'secret-scanning');
    expect(secrets.status).toBe('pass');
    expect(secrets.locations.map((l) => l.file)).toContain('acme/shared-ci/.github/workflows/leaks.yml@v1');
    expect(fake.requests.some((r) => r.url.includes('/repos/acme/shared-ci/contents/.github%2Fworkflows%2Fsecurity.yml?ref=v1') || r.url.includes('/repos/acme/shared-ci/contents/.github/workflows/security.yml?ref=v1'))).toBe(true);
  });

  it('online, a shared workflow named for the practice that does not run it is a fail, not a hedge', async () => {
    const root = tempDir();
    caller(root, { 'sast.yml': CALLS_SCAN_NOTHING });
    const offline = await runCheck({ directory: root, repo: 'acme/widget', level: '1' });
    expect(status(offline.report, 'sast').status).toBe('delegated');
    const online = await runCheck({ directory: root, repo: 'acme/widget', level: '1', readRemote: reader() });
    const sast = status(online.report, 'sast');
    expect(['fail', 'partial']).toContain(sast.status);
    expect(sast.summary).not.toContain('delegated');
  });

  it("online, the organisation's default SECURITY.md applies to a repository without its own", async () => {
    const root = tempDir();
    caller(root, { 'security.yml': CALLS_SECURITY });
    const { report } = await runCheck({ directory: root, repo: 'acme/widget', level: '1', readRemote: reader() });
    const policy = status(report, 'security-policy');
    expect(policy.status).toBe('pass');
    expect(policy.locations[0]?.file).toBe('acme/.github:SECURITY.md');
  });

  it('online, an organisation without a default policy is a fail that says it was looked for', async () => {
    const root = tempDir();
    caller(root, { 'security.yml': CALLS_SECURITY });
    const { report } = await runCheck({ directory: root, repo: 'other/widget', level: '1', readRemote: reader() });
    expect(status(report, 'security-policy').status).toBe('fail');
    expect(status(report, 'security-policy').summary).toContain('other/.github has no default SECURITY.md');
  });

  it('a file that cannot be read online stays delegated and says why', async () => {
    const root = tempDir();
    caller(root, { 'security.yml': CALLS_SECURITY });
    fake.faults.push({ match: /shared-ci\/contents/, times: 100, status: 500, body: { message: 'boom' } });
    try {
      const github = createGitHub({ baseUrl, token: 't', maxRetries: 0, sleep: async () => {} });
      const { report } = await runCheck({ directory: root, repo: 'acme/widget', level: '1', readRemote: (o, r, f, ref) => github.getContents(o, r, f, ref) });
      const sast = status(report, 'sast');
      expect(sast.status).toBe('delegated');
      expect(sast.summary).toContain('could not be read online');
      expect(report.notes.join('\n')).toMatch(/could not be read/);
    } finally {
      fake.faults.length = 0;
    }
  });

  it('the CLI reads through the on-disk cache: a second run revalidates with ETags and gets 304s', async () => {
    const root = tempDir();
    caller(root, { 'security.yml': CALLS_SECURITY });
    const cache = tempDir();
    const env = { GITHUB_API_URL: baseUrl, GITHUB_TOKEN: 'test-token', SECURE_CNCF_CACHE_DIR: cache };
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const first = captureIo();
      await main(['check', root, '--repo', 'acme/widget', '--level', '1', '--online', '--format', 'json'], first);
      expect(JSON.parse(first.out.join('')).controls.find((c: { id: string }) => c.id === 'sast').status).toBe('pass');
      const before = fake.requests.length;
      const second = captureIo();
      await main(['check', root, '--repo', 'acme/widget', '--level', '1', '--online', '--format', 'json'], second);
      const again = fake.requests.slice(before);
      expect(again.length).toBeGreaterThan(0);
      expect(again.every((r) => typeof r.headers['if-none-match'] === 'string')).toBe(true);
      const withoutTime = (text: string) => ({ ...JSON.parse(text), generatedAt: undefined });
      expect(withoutTime(second.out.join(''))).toEqual(withoutTime(first.out.join('')));
    } finally {
      process.env = saved;
    }
  });
});
