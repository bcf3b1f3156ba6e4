// End to end, as a user gets it: pack the package, run its bin the way `npm create` does
// (`npm exec --package <tarball> -- create-secure-cncf`) in a fresh `git init` directory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { actionlint, schemaErrors } from '../helpers/validators.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
let work: string;
let tarball: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-e2e-'));
  const { stdout } = await execa('npm', ['pack', '--json', '--pack-destination', work], { cwd: repoRoot });
  const info = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = path.join(work, info[0]!.filename);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

// An npm cache that holds nothing but the tarball: with --offline, any dependency would fail to
// install, which proves the published package is self-contained.
function npmEnv(cache: string) {
  return { npm_config_cache: cache, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
}

async function createSecureCncf(cwd: string, args: string[]) {
  const cache = path.join(work, 'npm-cache');
  await execa('npm', ['cache', 'add', tarball], { env: npmEnv(cache) });
  return execa('npm', ['exec', '--yes', '--offline', `--package=${tarball}`, '--', 'create-secure-cncf', ...args], {
    cwd,
    reject: false,
    env: npmEnv(cache),
  });
}

describe('packed package', () => {
  it('ships the bundle, templates, data and the SBOM, and no tests, sources or source maps', async () => {
    const { stdout } = await execa('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot });
    const files = (JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
    expect(files).toContain('dist/bin.js');
    expect(files).toContain('dist/sbom.cdx.json');
    expect(files).toContain('dist/THIRD-PARTY-LICENSES.txt');
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files).toContain('dist/controls/sast/templates/codeql.yml.ejs');
    expect(files).toContain('data/action-pins.json');
    // the OSCAL catalogs generated component definitions point at
    expect(files).toContain('data/oscal/pci-dss-4.0.1.json');
    expect(files).toContain('README.md');
    expect(files.filter((f) => /^(test|src|generators|scripts|docs)\/|\.test\.|__golden__|fixtures|data\/schemas\//.test(f))).toEqual([]);
  });

  it('has no runtime dependencies and installs offline from the tarball alone', async () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
    const dir = mkdtempSync(path.join(work, 'install-'));
    const cache = mkdtempSync(path.join(work, 'empty-cache-'));
    writeFileSync(path.join(dir, 'package.json'), '{"name":"consumer","version":"1.0.0","private":true}');
    const install = await execa('npm', ['install', '--offline', '--no-package-lock', tarball], { cwd: dir, env: npmEnv(cache), reject: false });
    expect(install.exitCode, install.stderr).toBe(0);
    const project = mkdtempSync(path.join(work, 'installed-run-'));
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: project });
    const run = await execa(path.join(dir, 'node_modules/.bin/create-secure-cncf'), ['--yes', '--repo', 'acme/widget', '--language', 'rust', '--level', '1'], { cwd: project, reject: false });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(readdirSync(path.join(project, '.github/workflows')).length).toBeGreaterThan(3);
    const sbom = JSON.parse(readFileSync(path.join(dir, 'node_modules/create-secure-cncf/dist/sbom.cdx.json'), 'utf8'));
    expect(sbom.bomFormat).toBe('CycloneDX');
    expect(sbom.components.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['yeoman-environment', 'yaml', 'ejs', 'prettier']));
  });

  it('runs like `npm create secure-cncf -- --yes` in a fresh git repository and writes valid files', async () => {
    const project = path.join(work, 'fresh');
    execFileSync('mkdir', ['-p', project]);
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: project });
    const result = await createSecureCncf(project, ['--yes', '--repo', 'acme/widget', '--language', 'go,python']);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.exitCode).toBe(0);
    const workflows = readdirSync(path.join(project, '.github/workflows'));
    expect(workflows.sort()).toEqual(['codeql.yml', 'dependency-review.yml', 'scorecard.yml', 'secret-scanning.yml', 'vulnerability-scan.yml']);
    for (const name of workflows) {
      const source = readFileSync(path.join(project, '.github/workflows', name), 'utf8');
      expect(await actionlint(source, name)).toEqual([]);
      expect(schemaErrors('github-workflow.json', source)).toEqual([]);
    }
    expect(schemaErrors('dependabot-2.0.json', readFileSync(path.join(project, '.github/dependabot.yml'), 'utf8'))).toEqual([]);
    const state = JSON.parse(readFileSync(path.join(project, '.secure-cncf.json'), 'utf8'));
    expect(state.answers.defaultBranch).toBe('main');

    const again = await createSecureCncf(project, ['--yes']);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('Nothing to do');
  });

  it('exits 2 with the valid choices on a bad flag value', async () => {
    const project = mkdtempSync(path.join(work, 'bad-'));
    const result = await createSecureCncf(project, ['--yes', '--repo', 'acme/widget', '--language', 'cobol']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/Unknown language "cobol". Valid languages: go, rust, python, javascript, java-maven, java-gradle, cpp/);
    expect(readdirSync(project)).toEqual([]);
  });
});
