// End to end, as a user gets it: pack the package, run its bin the way `npm create` does
// (`npm exec --package <tarball> -- create-secure-cncf`) in a fresh `git init` directory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

async function createSecureCncf(cwd: string, args: string[]) {
  return execa('npm', ['exec', '--yes', '--prefer-offline', `--package=${tarball}`, '--', 'create-secure-cncf', ...args], {
    cwd,
    reject: false,
    env: { npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
  });
}

describe('packed package', () => {
  it('ships the bin, templates and data, and no tests or sources', async () => {
    const { stdout } = await execa('tar', ['tzf', tarball]);
    const files = stdout.split('\n').map((f) => f.replace(/^package\//, ''));
    expect(files).toContain('dist/bin.js');
    expect(files).toContain('templates/sast/codeql.yml.ejs');
    expect(files).toContain('data/action-pins.json');
    expect(files).toContain('README.md');
    expect(files.filter((f) => /^(test|src)\/|\.test\.|__golden__|data\/schemas\//.test(f))).toEqual([]);
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
