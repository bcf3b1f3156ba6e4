// Runs the generated workflows, not only lints them: the level-3, every-language, every-artifact
// golden output on a fixture repository with every manifest, plus focused fixtures, executed by
// the harness (runner.ts) with the machine's cargo, cmake, npm, node, python3 and git, and recording
// stand-ins for the rest. Assertions are about what GitHub would see: the commands and arguments,
// the artifacts, and the release.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARTIFACTS, LANGUAGES, type Answers } from '../../src/model.js';
import { planFor, repoFacts } from '../helpers/generate.js';
import { addCommit, cleanupRun, fixtureRepo, runWorkflow, type RunResult, type ToolCall } from './runner.js';
import * as fx from './fixtures.js';

const TOOLS = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../data/tool-versions.json'), 'utf8')) as Record<string, { version: string }>;
const GOLDEN: Partial<Answers> = { level: 3, languages: [...LANGUAGES], artifacts: [...ARTIFACTS] };

const cleanups: Array<() => void> = [];
afterAll(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** Generated files the release reads from the repository itself (GoReleaser's configuration and Dockerfile). */
const RELEASE_CONFIGS = ['.goreleaser.yaml', 'Dockerfile.goreleaser'];

/** The generated workflows of a case, written to a directory the runner reads them from. */
async function generate(answers: Partial<Answers>, facts = repoFacts({ languages: answers.languages ?? ['go'], artifacts: answers.artifacts ?? ['binaries'] })): Promise<string> {
  return (await generated(answers, facts)).workflows;
}

/** The workflows' directory and the generated files that belong in the repository under test. */
async function generated(answers: Partial<Answers>, facts = repoFacts({ languages: answers.languages ?? ['go'], artifacts: answers.artifacts ?? ['binaries'] })) {
  const plan = await planFor(answers, facts);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-workflows-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  for (const file of plan.files.filter((f) => f.path.startsWith('.github/workflows/'))) writeFileSync(path.join(dir, path.basename(file.path)), file.content);
  const repoFiles = Object.fromEntries(plan.files.filter((f) => RELEASE_CONFIGS.includes(f.path)).map((f) => [f.path, f.content]));
  return { workflows: dir, repoFiles };
}

function repo(files: Parameters<typeof fixtureRepo>[0], tag?: string): string {
  const made = fixtureRepo(files, tag);
  cleanups.push(made.cleanup);
  return made.root;
}

function run(options: Parameters<typeof runWorkflow>[0]): RunResult {
  const result = runWorkflow(options);
  cleanups.push(() => cleanupRun(result));
  return result;
}

const callsOf = (result: RunResult, tool: string): ToolCall[] => result.calls.filter((c) => c.tool === tool);
const failures = (result: RunResult) => result.steps.filter((s) => s.outcome === 'failure').map((s) => `${s.job} / ${s.name}: ${s.output.slice(-600)}`);

describe('the golden level-3 output, run on a repository with every manifest', () => {
  let workflows: string;
  let root: string;
  let release: RunResult;

  beforeAll(async () => {
    const made = await generated(GOLDEN);
    workflows = made.workflows;
    root = repo({ ...fx.ALL, ...made.repoFiles }, 'v1.2.3');
    release = run({ repo: root, workflow: path.join(workflows, 'release.yml'), event: 'push', ref: 'refs/tags/v1.2.3', goRequirements: fx.goRequirements() });
  }, 600_000);

  it('release: every job succeeds', () => {
    expect(failures(release)).toEqual([]);
    expect(Object.values(release.jobs).every((r) => r === 'success'), JSON.stringify(release.jobs)).toBe(true);
  });

  it('release: no two build jobs write a file of the same name (nothing is silently overwritten)', () => {
    expect(release.events.filter((e) => e.kind === 'artifact-overwrite')).toEqual([]);
  });

  it('release: binary asset names carry their language and target', () => {
    const assets = release.releases['v1.2.3']?.assets ?? [];
    const archives = assets.filter((a) => a.endsWith('.tar.gz') && !a.endsWith('-source.tar.gz') && !/^widget_py/.test(a));
    // GoReleaser: linux and darwin on amd64 and arm64 as .tar.gz (windows as .zip); Rust and C++ from
    // the linux/amd64 runner this machine stands for (the other native runners are recorded only).
    expect(archives.filter((a) => a.includes('_go_')).sort()).toEqual(['darwin_amd64', 'darwin_arm64', 'linux_amd64', 'linux_arm64'].map((t) => `widget_v1.2.3_go_${t}.tar.gz`));
    expect(assets).toEqual(expect.arrayContaining(['widget_v1.2.3_go_windows_amd64.zip', 'widget_v1.2.3_go_windows_arm64.zip', 'widget_v1.2.3_cpp_linux_amd64.tar.gz']));
    for (const archive of archives) expect(archive).toMatch(/_v1\.2\.3_(go_(linux|darwin|windows)_(amd64|arm64)|rust_[a-z0-9_]+-[a-z0-9_-]+|cpp_linux_[a-z0-9_]+)\.tar\.gz$/);
    expect(new Set(archives).size).toBe(archives.length);
    const otherRunners = release.events.filter((e) => e.kind === 'other-runner').map((e) => `${e['job']} ${e['runsOn']}`).sort();
    expect(otherRunners).toEqual(['build-cpp macos-14', 'build-cpp ubuntu-24.04-arm', 'build-cpp windows-latest', 'build-rust macos-14', 'build-rust ubuntu-24.04-arm', 'build-rust windows-latest']);
  });

  it('release: no archive is empty, and every asset is signed', () => {
    const dir = path.join(release.dir, 'artifacts', 'release-assets');
    const files = readdirSync(dir);
    for (const file of files.filter((f) => f.endsWith('.tar.gz'))) {
      const listing = spawnSync('tar', ['-tzf', path.join(dir, file)], { encoding: 'utf8' }).stdout.split('\n').filter((l) => l && l !== './');
      expect(listing.length, file).toBeGreaterThan(0);
    }
    const signed = callsOf(release, 'cosign').filter((c) => c.args[0] === 'sign-blob').map((c) => path.basename(c.args[c.args.length - 1] as string));
    const unsigned = files.filter((f) => !f.endsWith('.sigstore.json') && !signed.includes(f));
    expect(unsigned).toEqual([]);
  });

  it('release: created as a draft, every file attached (SLSA provenance included), published last', () => {
    const gh = callsOf(release, 'gh').filter((c) => ['create', 'upload', 'edit'].includes(c.args[1] as string));
    expect(gh.filter((c) => c.failed)).toEqual([]);
    expect(gh[0]?.args.slice(0, 2)).toEqual(['release', 'create']);
    expect(gh[0]?.args).toContain('--draft');
    const last = gh[gh.length - 1];
    expect(last?.args.slice(0, 2)).toEqual(['release', 'edit']);
    expect(last?.args).toContain('--draft=false');
    expect(gh.filter((c) => c.args[1] === 'edit')).toHaveLength(1);
    const published = release.releases['v1.2.3'];
    expect(published?.draft).toBe(false);
    expect(published?.assets).toEqual(expect.arrayContaining(['SHA256SUMS', 'multiple.intoto.jsonl']));
  });

  it('release: npm publish gets only the npm tarball, after the release is published', () => {
    const publishes = callsOf(release, 'npm').filter((c) => c.args[0] === 'publish');
    expect(publishes.map((c) => ({ npmTarball: c['npmTarball'], failed: c.failed }))).toEqual([{ npmTarball: true, failed: undefined }]);
    const gh = callsOf(release, 'gh');
    const publishedAt = release.calls.indexOf(gh.find((c) => c.args.includes('--draft=false'))!);
    expect(release.calls.indexOf(publishes[0]!)).toBeGreaterThan(publishedAt);
  });

  it('release: no doubled flags in any command', () => {
    for (const call of release.calls) {
      const flags = call.args.filter((a) => /^--[a-z-]+$/.test(a) && !['--repo', '--bundle'].includes(a));
      expect(new Set(flags).size, `${call.tool} ${call.args.join(' ')}`).toBe(flags.length);
    }
  });

  it('vulnerability scan: govulncheck installs on a module older than its Go, cargo-deny gets one --manifest-path, pip-audit audits the project', () => {
    const scan = run({ repo: root, workflow: path.join(workflows, 'vulnerability-scan.yml'), event: 'push', ref: 'refs/heads/main', goRequirements: fx.goRequirements(), jobs: ['govulncheck', 'cargo-deny', 'pip-audit'] });
    expect(failures(scan)).toEqual([]);
    const install = callsOf(scan, 'go').find((c) => c.args[0] === 'install');
    expect(install?.args).toEqual(['install', `golang.org/x/vuln/cmd/govulncheck@${TOOLS['govulncheck']!.version}`]);
    const deny = scan.events.find((e) => e.kind === 'call' && e['tool'] === 'cargo-deny') as { args: string[] } | undefined;
    expect(deny?.args.filter((a) => a === '--manifest-path')).toHaveLength(1);
    const audit = callsOf(scan, 'pipx').find((c) => c.args.includes('pip-audit'));
    expect(audit?.args).toContain(`pip-audit==${TOOLS['pipAudit']!.version}`);
  }, 300_000);

  it('fuzzing: every job succeeds on a pull request and installs the verified cargo-fuzz', () => {
    const fuzz = run({ repo: root, workflow: path.join(workflows, 'fuzzing.yml'), event: 'pull_request', ref: 'refs/pull/1/merge', goRequirements: fx.goRequirements(), payload: { pull_request: { number: 1 } } });
    expect(failures(fuzz)).toEqual([]);
    const install = callsOf(fuzz, 'cargo').find((c) => c.args[0] === 'install');
    expect(install?.args).toEqual(['install', 'cargo-fuzz', '--locked', '--version', TOOLS['cargoFuzz']!.version]);
  }, 300_000);
});

describe('a Go project released with GoReleaser', () => {
  it.each([2, 3] as const)('level %i: binaries, checksums, SBOMs, signature, image and provenance; the release published last', async (level) => {
    const answers: Partial<Answers> = { level, languages: ['go'], artifacts: ['binaries', 'container-images'] };
    const facts = { ...repoFacts({ languages: ['go'], artifacts: ['binaries', 'container-images'] }), goMains: { '/': ['cmd/widget', 'cmd/widgetctl'] } };
    const { workflows, repoFiles } = await generated(answers, facts);
    expect(Object.keys(repoFiles).sort()).toEqual(['.goreleaser.yaml', 'Dockerfile.goreleaser']);
    const root = repo({ ...fx.GO_COMMANDS, ...fx.IMAGE, ...repoFiles }, 'v1.2.3');
    const result = run({ repo: root, workflow: path.join(workflows, 'release.yml'), event: 'push', ref: 'refs/tags/v1.2.3', goRequirements: fx.goRequirements() });
    expect(failures(result)).toEqual([]);
    expect(Object.values(result.jobs).every((r) => r === 'success'), JSON.stringify(result.jobs)).toBe(true);
    const published = result.releases['v1.2.3'];
    expect(published?.draft).toBe(false);
    const targets = ['darwin_amd64', 'darwin_arm64', 'linux_amd64', 'linux_arm64'];
    expect(published?.assets).toEqual(
      expect.arrayContaining([
        ...targets.map((t) => `widget_v1.2.3_go_${t}.tar.gz`),
        ...targets.map((t) => `widget_v1.2.3_go_${t}.tar.gz.spdx.json`),
        'widget_v1.2.3_go_windows_amd64.zip',
        'widget_v1.2.3_source.tar.gz.spdx.json',
        'SHA256SUMS',
        'SHA256SUMS.sigstore.json',
        ...(level >= 3 ? ['multiple.intoto.jsonl'] : []),
      ]),
    );
    // Both main packages are in each archive.
    const dist = path.join(result.dir, 'workspaces', 'goreleaser-0', 'dist');
    const listing = spawnSync('tar', ['-tzf', path.join(dist, 'widget_v1.2.3_go_linux_arm64.tar.gz')], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort();
    expect(listing).toEqual(['widget', 'widgetctl']);
    // Keyless signatures: the checksum file (a Sigstore bundle) and the image by digest.
    const cosign = callsOf(result, 'cosign').map((c) => c.args);
    expect(cosign.filter((a) => a[0] === 'sign-blob').map((a) => path.basename(a[2] as string))).toEqual(['SHA256SUMS']);
    const image = result.events.find((e) => e.kind === 'image');
    expect(image?.['platforms']).toEqual(['linux/amd64', 'linux/arm64']);
    // One image artifact per tag, all of the same digest.
    expect(new Set(cosign.filter((a) => a[0] === 'sign').map((a) => a.join(' ')))).toEqual(new Set([`sign ghcr.io/acme/widget@${image?.['digest']} --yes`]));
    // GitHub attestations: every file in SHA256SUMS, and the image by the digest GoReleaser pushed.
    const attests = result.events.filter((e) => e.kind === 'attest');
    expect(attests[0]?.['subjects']).toEqual(expect.arrayContaining(['widget_v1.2.3_go_linux_amd64.tar.gz', 'widget_v1.2.3_source.tar.gz']));
    expect(attests[1]?.['subject']).toBe(`ghcr.io/acme/widget@${image?.['digest']}`);
    const gh = callsOf(result, 'gh').filter((c) => c.args[0] === 'release');
    expect(gh.at(-1)?.args).toContain('--draft=false');
  }, 300_000);

  it("runs the project's own GoReleaser configuration and attests the checksum file it names", async () => {
    const own = 'version: 2\nproject_name: widget\nbuilds:\n  - main: ./cmd/widget\n    goos: [linux]\n    goarch: [amd64]\narchives:\n  - formats: [tar.gz]\nchecksum:\n  name_template: checksums.txt\nrelease:\n  draft: true\n';
    const facts = { ...repoFacts({ languages: ['go'], artifacts: ['binaries'] }), goreleaserConfig: '.goreleaser.yml' };
    const { workflows, repoFiles } = await generated({ level: 2, languages: ['go'], artifacts: ['binaries'] }, facts);
    expect(repoFiles).toEqual({});
    const root = repo({ ...fx.GO_COMMANDS, '.goreleaser.yml': own }, 'v1.0.0');
    const result = run({ repo: root, workflow: path.join(workflows, 'release.yml'), event: 'push', ref: 'refs/tags/v1.0.0', goRequirements: fx.goRequirements() });
    expect(failures(result)).toEqual([]);
    expect(result.events.find((e) => e.kind === 'attest')?.['subjects']).toEqual(['widget_1.0.0_linux_amd64.tar.gz']);
    expect(result.releases['v1.0.0']?.assets).toEqual(expect.arrayContaining(['checksums.txt']));
    expect(result.releases['v1.0.0']?.draft).toBe(false);
  }, 300_000);

  it('a config whose build points at a missing main package fails the release job', async () => {
    const facts = { ...repoFacts({ languages: ['go'], artifacts: ['binaries'] }), goMains: { '/': ['cmd/missing'] } };
    const { workflows, repoFiles } = await generated({ level: 2, languages: ['go'], artifacts: ['binaries'] }, facts);
    const root = repo({ ...fx.GO, ...repoFiles }, 'v1.0.0');
    const result = run({ repo: root, workflow: path.join(workflows, 'release.yml'), event: 'push', ref: 'refs/tags/v1.0.0', goRequirements: fx.goRequirements() });
    expect(result.jobs['goreleaser']).toBe('failure');
    expect(result.jobs['publish']).toBe('skipped');
    expect(result.releases['v1.0.0']).toBeUndefined();
  }, 300_000);
});

describe('focused fixtures', () => {
  it('a C++ project without install() rules fails its release build instead of shipping an empty archive', async () => {
    const workflows = await generate({ level: 2, languages: ['cpp'], artifacts: ['binaries'] });
    const root = repo({ ...fx.CPP_WITHOUT_INSTALL }, 'v1.0.0');
    const result = run({ repo: root, workflow: path.join(workflows, 'release.yml'), event: 'push', ref: 'refs/tags/v1.0.0', goRequirements: fx.goRequirements(), jobs: ['build-cpp'] });
    expect(result.jobs['build-cpp']).toBe('failure');
    expect(result.steps.find((s) => s.outcome === 'failure')?.output).toMatch(/::error::.*install\(\)/);
    expect(result.artifacts).toEqual({});
  }, 300_000);

  it('pip-audit reads every requirements file at once, and says so when there is nothing to audit', async () => {
    const facts = { ...repoFacts({ languages: ['python'], artifacts: ['libraries'] }), manifests: { pip: ['/', '/empty'] } };
    const workflows = await generate({ level: 1, languages: ['python'], artifacts: ['libraries'] }, facts);
    const root = repo({ 'requirements.txt': 'requests==2.32.0\n', 'requirements-dev.txt': 'pytest==8.0.0\n', 'empty/README.md': 'no Python manifest here\n' });
    const result = run({ repo: root, workflow: path.join(workflows, 'vulnerability-scan.yml'), event: 'push', ref: 'refs/heads/main', goRequirements: fx.goRequirements(), jobs: ['pip-audit'] });
    const audits = callsOf(result, 'pipx').filter((c) => c.args.includes('pip-audit'));
    for (const call of audits) expect(call.args.join(' ')).not.toContain('*');
    expect(audits.map((c) => c['requirements'])).toEqual([['requirements-dev.txt', 'requirements.txt']]);
    const empty = result.steps.filter((s) => s.job === 'pip-audit' && s.outcome === 'failure');
    expect(empty).toHaveLength(1);
    expect(empty[0]?.output).toMatch(/::error::No pyproject\.toml, setup\.py or requirements\*\.txt/);
  }, 300_000);

  it('gitleaks scans only the pushed commits on push, the pull request on pull_request, everything on schedule', async () => {
    const workflows = await generate({ level: 1, languages: ['go'], artifacts: ['binaries'] });
    const root = repo({ ...fx.GO, 'README.md': 'one\n' });
    const before = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
    const after = addCommit(root, 'README.md', 'two\n');
    const gitleaks = (event: RunOptionsEvent, payload: Record<string, unknown>) => {
      const result = run({ repo: root, workflow: path.join(workflows, 'secret-scanning.yml'), event, ref: 'refs/heads/main', goRequirements: fx.goRequirements(), payload: payload as never });
      expect(failures(result)).toEqual([]);
      return callsOf(result, 'gitleaks')[0]?.args ?? [];
    };
    expect(gitleaks('push', { before, after })).toContain(`--log-opts=${before}..${after}`);
    expect(gitleaks('pull_request', { pull_request: { base: { sha: before }, head: { sha: after } } })).toContain(`--log-opts=${before}..${after}`);
    expect(gitleaks('schedule', {}).some((a) => a.startsWith('--log-opts'))).toBe(false);
    // A new branch (no previous commit) and a force push (previous commit gone) scan everything.
    expect(gitleaks('push', { before: '0'.repeat(40), after }).some((a) => a.startsWith('--log-opts'))).toBe(false);
    expect(gitleaks('push', { before: 'f'.repeat(40), after }).some((a) => a.startsWith('--log-opts'))).toBe(false);
  }, 300_000);
});

type RunOptionsEvent = Parameters<typeof runWorkflow>[0]['event'];
