// Issue 17, cases 8-16: nothing half-written, a message instead of a crash, nothing silently ignored.
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { byteSnapshot, cli, editableWorkflow, fillDisk, git, smallTmpfs, tempTree } from './helpers.js';
import { readOnlyTree } from '../retrofit/helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});
function tree(files: Record<string, string | Buffer> = {}): string {
  const made = tempTree(files);
  cleanups.push(made.cleanup);
  return made.root;
}
const repoRoot = path.resolve(import.meta.dirname, '../..');

describe('case 8: a full disk during create leaves no empty directories', () => {
  it('ENOSPC: no .github/, .github/workflows/ or .github/rulesets/ left behind, exit 2', async () => {
    const fs = smallTmpfs(1024);
    if (!fs) return;
    cleanups.push(fs.cleanup);
    const target = path.join(fs.dir, 'new');
    mkdirSync(target);
    fillDisk(fs.dir, 12 * 1024);
    const before = byteSnapshot(fs.dir);
    const result = await cli([target, '--yes', '--repo', 'acme/widget', '--language', 'go', '--level', '3']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/Nothing was written: .* \(no space left on the device, ENOSPC\)\. Every file is as it was before the run\./);
    expect(readdirSync(target)).toEqual([]);
    expect(byteSnapshot(fs.dir)).toEqual(before);
  });
});

function state(answers: Record<string, unknown>): string {
  return JSON.stringify({ schemaVersion: 1, generator: { name: 'create-secure-cncf', version: '0.1.0' }, answers, files: {} });
}
const GOOD = { projectName: 'widget', repository: { owner: 'acme', name: 'widget' }, languages: ['go'], level: 1, compliance: [], artifacts: [], defaultBranch: 'main', portal: false };

describe('case 9: exit 2 and a message naming the problem, never a stack trace', () => {
  it.each([
    ['null', 'null', /\.secure-cncf\.json: the top level is null, expected an object/],
    ['projectName: 123', state({ ...GOOD, projectName: 123 }), /answers\.projectName is invalid \(what --name would refuse\): expected a string, got number 123/],
    ['languages: "go"', state({ ...GOOD, languages: 'go' }), /answers\.languages is invalid: expected a list, got string "go"/],
    ['defaultBranch: 5', state({ ...GOOD, defaultBranch: 5 }), /answers\.defaultBranch is invalid \(what --branch would refuse\): expected a string, got number 5/],
    ['compliance: ["../../etc/passwd"]', state({ ...GOOD, compliance: ['../../etc/passwd'] }), /answers\.compliance is invalid \(what --compliance would refuse\): Unknown compliance preset "\.\.\/\.\.\/etc\/passwd"/],
    ['files with a path outside', JSON.stringify({ schemaVersion: 1, answers: GOOD, files: { '../x': 'a'.repeat(64) } }), /files\["\.\.\/x"\] is not a repository-relative path/],
  ])('state file %s', async (_label, content, message) => {
    const root = tree({ 'go.mod': 'module x\n', '.secure-cncf.json': content });
    const before = byteSnapshot(root);
    for (const argv of [['upgrade', root, '--yes'], ['retrofit', root, '--yes'], ['check', root]]) {
      const result = await cli(argv);
      expect(result.code, `${argv[0]}: ${result.err}`).toBe(2);
      expect(result.err).toMatch(message);
    }
    expect(byteSnapshot(root)).toEqual(before);
  });

  it('.github/secure-cncf-pins.json with "tag": 99', async () => {
    const pins = JSON.stringify({ resolvedOn: '2026-01-01', actions: { 'actions/checkout': { tag: 99, sha: 'a'.repeat(40) } } });
    const root = tree({ 'go.mod': 'module x\n', '.github/secure-cncf-pins.json': pins, '.secure-cncf.json': state(GOOD) });
    for (const argv of [['upgrade', root, '--yes'], ['pins', root], ['retrofit', root, '--yes']]) {
      const result = await cli(argv);
      expect(result.code, argv[0]).toBe(2);
      expect(result.err).toMatch(/secure-cncf-pins\.json: actions\["actions\/checkout"\]\.tag is 99, expected a version tag such as "v4\.2\.1"/);
    }
  });

  it('check -o / survey -o to a missing directory, a directory, or a read-only file system: checked before auditing', async () => {
    const root = tree({ 'go.mod': 'module x\n' });
    const missing = path.join(root, 'no/such/dir/report.txt');
    const cases: Array<[string, RegExp]> = [
      [missing, /the directory .*no\/such\/dir does not exist; create it first/],
      [root, /is a directory; give a file name/],
    ];
    const ro = readOnlyTree({});
    if (ro) {
      cleanups.push(ro.cleanup);
      cases.push([path.join(ro.dir, 'report.txt'), /cannot be written \((read-only file system|permission denied), E(ROFS|ACCES)\)/]);
    }
    for (const [output, message] of cases) {
      const check = await cli(['check', root, '-o', output]);
      expect(check.code).toBe(2);
      expect(check.err).toMatch(message);
      const survey = await cli(['survey', root, '-o', output]);
      expect(survey.code).toBe(2);
      expect(survey.err).toMatch(message);
      expect(survey.err).not.toMatch(/\[1\/1\]/); // failed before auditing anything
    }
    expect(existsSync(path.join(root, 'no'))).toBe(false);
  });

  it('--interactive with standard input closed: retrofit and upgrade exit 2 with a message, nothing written', async () => {
    const bin = path.join(repoRoot, 'dist/bin.js');
    expect(existsSync(bin), 'npm run build first (npm test does)').toBe(true);
    const root = tree({ 'go.mod': 'module x\n', '.github/workflows/ci.yml': editableWorkflow() });
    const before = byteSnapshot(root);
    const retrofit = spawnSync(process.execPath, [bin, 'retrofit', root, '--interactive', '--repo', 'acme/widget'], { input: '', encoding: 'utf8' });
    expect(retrofit.stderr).not.toMatch(/unexpected error|\n\s+at /);
    expect(retrofit.stderr).toMatch(/No answer \(standard input was closed or the prompt was cancelled\): nothing was written/);
    expect(retrofit.status).toBe(2);
    expect(byteSnapshot(root)).toEqual(before);
    // --security-policy: retrofit writes SECURITY.md in an existing repository only when told no org policy applies.
    expect((await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', '--security-policy'])).code).toBeLessThanOrEqual(1);
    writeFileSync(path.join(root, '.github/dependabot.yml'), 'version: 2\nupdates:\n  - package-ecosystem: gomod\n    directory: "/"\n    schedule:\n      interval: daily\n');
    const edited = JSON.parse(readFileSync(path.join(root, '.secure-cncf.json'), 'utf8'));
    edited.files['SECURITY.md'] = 'b'.repeat(64); // the template "changed" and so did the file: a question to ask
    writeFileSync(path.join(root, 'SECURITY.md'), `${readFileSync(path.join(root, 'SECURITY.md'), 'utf8')}\nLocal note.\n`);
    writeFileSync(path.join(root, '.secure-cncf.json'), JSON.stringify(edited));
    const mid = byteSnapshot(root);
    const upgrade = spawnSync(process.execPath, [bin, 'upgrade', root, '--interactive'], { input: '', encoding: 'utf8' });
    expect(upgrade.stderr).not.toMatch(/unexpected error|\n\s+at /);
    expect(upgrade.stdout).toMatch(/Change SECURITY\.md\?/);
    expect(upgrade.status).toBe(2);
    expect(byteSnapshot(root)).toEqual(mid);
  });
});

describe('case 10: pins names a missing or wrong directory instead of "nothing changed"', () => {
  it('pins --update /nonexistent and pins <file> exit 2', async () => {
    const root = tree({ 'go.mod': 'module x\n' });
    const update = await cli(['pins', '--update', path.join(root, 'nonexistent')]);
    expect(update.code).toBe(2);
    expect(update.err).toMatch(/nonexistent does not exist; `secure-cncf pins` works on an existing repository/);
    expect(update.out).not.toMatch(/nothing changed/);
    const file = await cli(['pins', path.join(root, 'go.mod')]);
    expect(file.code).toBe(2);
    expect(file.err).toMatch(/go\.mod is not a directory/);
    expect(file.out).toBe('');
  });
});

describe('case 11: retrofit works on an existing repository only', () => {
  it('retrofit <missing dir> exits 2 and creates nothing', async () => {
    const root = tree();
    const missing = path.join(root, 'typo');
    const result = await cli(['retrofit', missing, '--yes', '--repo', 'acme/widget', '--language', 'go']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/typo does not exist; `secure-cncf retrofit` works on an existing repository\. To start a new repository, run `secure-cncf create <directory>`/);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('case 12: empty values are errors, and the last of --x / --no-x wins', () => {
  it("--repo '' and --level '' are refused instead of silently defaulted", async () => {
    const root = tree({ 'go.mod': 'module x\n' });
    git(root, 'init', '-q');
    git(root, 'remote', 'add', 'origin', 'https://github.com/acme/from-origin.git');
    const repo = await cli([root, '--yes', '--repo', '', '--dry-run']);
    expect(repo.code).toBe(2);
    expect(repo.err).toMatch(/"" is not a GitHub repository slug/);
    const level = await cli([root, '--yes', '--repo', 'acme/widget', '--level', '', '--dry-run']);
    expect(level.code).toBe(2);
    expect(level.err).toMatch(/Unknown level ""\. Valid levels/);
    const check = await cli(['check', root, '--level', '']);
    expect(check.code).toBe(2);
    const compliance = await cli([root, '--yes', '--repo', 'acme/widget', '--compliance', '', '--dry-run']);
    expect(compliance.code).toBe(2);
    expect(compliance.err).toMatch(/--compliance is empty/);
  });

  it.each([
    [['--no-portal', '--portal'], true],
    [['--portal', '--no-portal'], false],
    [['--portal', '--no-portal', '--portal'], true],
  ])('%j: portal is %s', async (flags, portal) => {
    const root = tree();
    const result = await cli([root, '--yes', '--repo', 'acme/widget', '--language', 'go', ...flags]);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(root, '.secure-cncf.json'), 'utf8')).answers.portal).toBe(portal);
  });
});

describe('case 13: a refused detected value names its source and the flag that overrides it', () => {
  it.each([
    ['a newline', 'evil\nname', /The project name "evil\\nname" from package\.json \("name"\) cannot be used: .*control characters.* Pass --name to set it\./],
    ['300 characters', 'n'.repeat(300), /The project name "n{20,}\.\.\. from package\.json \("name"\) cannot be used: The project name is 300 characters long; the limit is 100\. Pass --name to set it\./],
  ])('package.json name with %s', async (_label, name, message) => {
    // package.json names the project only when no repository does (--repo or the origin remote).
    const root = tree({ 'package.json': JSON.stringify({ name }) });
    const before = byteSnapshot(root);
    const result = await cli(['retrofit', root, '--yes', '--language', 'javascript']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(byteSnapshot(root)).toEqual(before);
    expect((await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', '--name', 'widget'])).code).toBeLessThanOrEqual(1);
  });

  it('a HEAD branch with ${{ … }} names git and --branch', async () => {
    const root = tree({ 'go.mod': 'module x\n' });
    git(root, 'init', '-q');
    git(root, 'symbolic-ref', 'HEAD', 'refs/heads/x${{github.token}}');
    const result = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/The default branch "x\$\{\{github\.token\}\}" from git \(origin's HEAD, else the current branch\) cannot be used: .* Pass --branch to set it\./);
    expect((await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', '--branch', 'main'])).code).toBeLessThanOrEqual(1);
  });
});

describe('case 14: a symlink loop is called a loop', () => {
  it('.github/workflows pointing at itself: reported as a loop, not as "outside the repository"', async () => {
    const root = tree({ 'go.mod': 'module x\n' });
    mkdirSync(path.join(root, '.github'));
    symlinkSync('workflows', path.join(root, '.github/workflows'));
    const result = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    expect(result.out).toMatch(/symbolic link loop \(ELOOP\)/);
    expect(result.out + result.err).not.toMatch(/points outside the repository/);
    expect(result.code).toBe(3);
  });
});

describe('case 15: "none" with presets is named as such', () => {
  it('--compliance none,soc2 and --artifacts none,binaries', async () => {
    const root = tree({ 'go.mod': 'module x\n' });
    const compliance = await cli([root, '--yes', '--repo', 'acme/widget', '--compliance', 'none,soc2', '--dry-run']);
    expect(compliance.code).toBe(2);
    expect(compliance.err).toMatch(/--compliance combines "none" with soc2; give either "none" or a list of: /);
    expect(compliance.err).not.toMatch(/Unknown/);
    const artifacts = await cli([root, '--yes', '--repo', 'acme/widget', '--artifacts', 'binaries,none', '--dry-run']);
    expect(artifacts.code).toBe(2);
    expect(artifacts.err).toMatch(/--artifacts combines "none" with binaries/);
  });
});

describe('case 16: edited files keep their mode; leftovers of a killed run are cleaned', () => {
  it('0664 and 0755 survive an edit under umask 022', async () => {
    const root = tree({ 'go.mod': 'module x\n', '.github/workflows/ci.yml': editableWorkflow(), '.github/workflows/run.yml': editableWorkflow('#!/usr/bin/env -S echo') });
    chmodSync(path.join(root, '.github/workflows/ci.yml'), 0o664);
    chmodSync(path.join(root, '.github/workflows/run.yml'), 0o755);
    const umask = process.umask(0o022);
    try {
      const result = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', '--security-policy']);
      expect(result.code).toBe(0);
    } finally {
      process.umask(umask);
    }
    expect(readFileSync(path.join(root, '.github/workflows/ci.yml'), 'utf8')).toContain('persist-credentials: false');
    expect(statSync(path.join(root, '.github/workflows/ci.yml')).mode & 0o777).toBe(0o664);
    expect(statSync(path.join(root, '.github/workflows/run.yml')).mode & 0o777).toBe(0o755);
    expect(statSync(path.join(root, 'SECURITY.md')).mode & 0o777).toBe(0o644);
  });

  it('a .<name>.<hex>.tmp left by a killed run is removed by the next run, and said so', async () => {
    const root = tree({ 'go.mod': 'module x\n', '.github/workflows/ci.yml': editableWorkflow() });
    const leftovers = ['.github/workflows/.ci.yml.0123456789ab.tmp', '.github/.dependabot.yml.a1b2c3d4e5f6.orig', '.SECURITY.md.ffffffffffff.tmp'];
    for (const file of leftovers) writeFileSync(path.join(root, file), 'half-written');
    const unrelated = '.github/workflows/.ci.yml.keep.tmp';
    writeFileSync(path.join(root, unrelated), 'not ours');
    const result = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget', '--security-policy']);
    expect(result.code).toBe(0);
    for (const file of leftovers) {
      expect(existsSync(path.join(root, file)), file).toBe(false);
      expect(result.out).toContain(`warning  removed ${file}, a temporary file an interrupted run left behind`);
    }
    expect(existsSync(path.join(root, unrelated))).toBe(true);
    expect(Object.keys(byteSnapshot(root)).filter((f) => /\.(tmp|orig)$/.test(f))).toEqual([unrelated]);
  });
});
