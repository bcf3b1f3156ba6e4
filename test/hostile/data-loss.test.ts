// Issue 17, cases 1-5: data loss and security. Each case has its own fixture.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { byteSnapshot, cli, editableWorkflow, fillDisk, git, smallTmpfs, tempTree, writeFiles } from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});
function tree(files: Record<string, string | Buffer> = {}): string {
  const made = tempTree(files);
  cleanups.push(made.cleanup);
  return made.root;
}

const LATIN1_COMMENT = Buffer.from('# Caf\xe9 \xa9 2024\n', 'latin1');
const DEPENDABOT = 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: "/"\n    schedule:\n      interval: weekly\n';

describe('case 1: bytes that are not UTF-8 are never re-encoded', () => {
  it('a workflow and a dependabot.yml with Latin-1 comments stay byte-identical and are reported', async () => {
    const workflow = Buffer.concat([LATIN1_COMMENT, Buffer.from(editableWorkflow(''))]);
    const dependabot = Buffer.concat([LATIN1_COMMENT, Buffer.from(DEPENDABOT)]);
    const root = tree({ 'go.mod': 'module x\n', '.github/workflows/ci.yml': workflow, '.github/dependabot.yml': dependabot });
    const result = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    expect(readFileSync(path.join(root, '.github/workflows/ci.yml')).equals(workflow)).toBe(true);
    expect(readFileSync(path.join(root, '.github/dependabot.yml')).equals(dependabot)).toBe(true);
    expect(result.out).toMatch(/error\s+\.github\/workflows\/ci\.yml\s+.*not valid UTF-8 \(first bad byte at offset 5, line 1\).*left untouched/);
    expect(result.out).toMatch(/error\s+\.github\/dependabot\.yml\s+.*not valid UTF-8/);
    expect(result.out).not.toContain('\uFFFD');
    expect(result.code).toBe(3);
  });

  it('the state file and pins file are not trusted either when they are not UTF-8', async () => {
    const root = tree({ 'go.mod': 'module x\n', '.secure-cncf.json': Buffer.from('{"schemaVersion":1,"answers":{"projectName":"caf\xe9"}}', 'latin1') });
    const result = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/\.secure-cncf\.json is not valid UTF-8/);
  });
});

describe('case 2: rollback restores the original bytes and says so truthfully', () => {
  it('ENOSPC part-way through: every file as before, no temp file, no new directory, a true message', async () => {
    const fs = smallTmpfs(2048);
    if (!fs) return; // cannot mount a tmpfs here (not root)
    cleanups.push(fs.cleanup);
    const root = path.join(fs.dir, 'repo');
    // Non-ASCII UTF-8, a byte-order mark and CRLF: the bytes a string round trip could change.
    const dependabot = `\uFEFF# Café © — maintainers\r\n${DEPENDABOT.replace(/\n/g, '\r\n')}`;
    writeFiles(root, { 'go.mod': 'module x\n', '.github/dependabot.yml': dependabot, '.github/workflows/ci.yml': editableWorkflow('# Ünïcode CI') });
    fillDisk(fs.dir, 8 * 1024);
    const before = byteSnapshot(fs.dir);
    const result = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/Nothing was written: (\S+) could not be written \(no space left on the device, ENOSPC\)\. Every file is as it was before the run\./);
    // dependabot.yml sorts first and is edited in place: it was written, then restored.
    expect(result.err).not.toMatch(/Nothing was written: \.github\/dependabot\.yml/);
    expect(byteSnapshot(fs.dir)).toEqual(before);
  });
});

function generated(root: string): Promise<{ code: number }> {
  return cli([root, '--yes', '--repo', 'acme/widget', '--language', 'go']);
}

function editState(root: string, edit: (state: Record<string, any>) => void): void {
  const file = path.join(root, '.secure-cncf.json');
  const state = JSON.parse(readFileSync(file, 'utf8'));
  edit(state);
  writeFileSync(file, JSON.stringify(state, null, 2));
}

describe('case 3: the state file is validated like the flags it stands for', () => {
  it('an owner carrying a Markdown link does not reach SECURITY.md: exit 2 naming the field', async () => {
    const root = tree({ 'go.mod': 'module x\n' });
    expect((await generated(root)).code).toBe(0);
    editState(root, (s) => (s.answers.repository.owner = 'x> [Report here](https://evil.example/) <x'));
    const before = byteSnapshot(root);
    const result = await cli(['upgrade', root, '--yes']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/\.secure-cncf\.json: answers\.repository is invalid \(what --repo would refuse\): .*not a GitHub repository slug/);
    expect(byteSnapshot(root)).toEqual(before);
    expect(readFileSync(path.join(root, 'SECURITY.md'), 'utf8')).not.toContain('evil.example');
  });

  it('answers.level = 7 is refused by check and upgrade, not printed as "level 7 (undefined)"', async () => {
    const root = tree({ 'go.mod': 'module x\n' });
    expect((await generated(root)).code).toBe(0);
    editState(root, (s) => (s.answers.level = 7));
    const before = byteSnapshot(root);
    for (const argv of [['check', root], ['upgrade', root, '--yes'], ['retrofit', root, '--yes']]) {
      const result = await cli(argv);
      expect(result.code, argv[0]).toBe(2);
      expect(result.err).toMatch(/answers\.level is invalid \(what --level would refuse\): Unknown level "7"\. Valid levels: 1 \(sandbox\), 2 \(incubating\), 3 \(graduated\)/);
      expect(result.out).not.toContain('undefined');
    }
    expect(byteSnapshot(root)).toEqual(before);
  });
});

describe('case 4: a detected origin remote goes through the --repo validation', () => {
  it('https://github.com/example-org/...git is refused, naming the remote and --repo; nothing written', async () => {
    const root = tree({ 'go.mod': 'module x\n' });
    git(root, 'init', '-q');
    git(root, 'remote', 'add', 'origin', 'https://github.com/example-org/...git');
    const before = byteSnapshot(root);
    const result = await cli(['retrofit', root, '--yes']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/The GitHub repository "example-org\/\.\." from the "origin" remote \(https:\/\/github\.com\/example-org\/\.\.\.git\) cannot be used: .* Pass --repo to set it\./);
    expect(byteSnapshot(root)).toEqual(before);
    const fixed = await cli(['retrofit', root, '--yes', '--repo', 'acme/widget']);
    expect(fixed.code).toBe(0);
    for (const content of Object.values(byteSnapshot(root))) expect(content ?? '').not.toContain('example-org/..');
  });
});

describe('case 5: nothing is written into a git directory', () => {
  it('a bare repository is refused by create and retrofit; .git itself too', async () => {
    const root = tree();
    git(root, 'init', '-q', '--bare');
    const before = byteSnapshot(root);
    for (const argv of [[root, '--yes', '--repo', 'acme/widget', '--language', 'go'], ['retrofit', root, '--yes', '--repo', 'acme/widget', '--language', 'go']]) {
      const result = await cli(argv);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/is a git directory \(a bare repository or \.git\), not a work tree; nothing was written/);
    }
    expect(byteSnapshot(root)).toEqual(before);
    expect(existsSync(path.join(root, '.github'))).toBe(false);
    const work = tree({ 'go.mod': 'module x\n' });
    git(work, 'init', '-q');
    const inGitDir = await cli(['retrofit', path.join(work, '.git'), '--yes', '--repo', 'acme/widget']);
    expect(inGitDir.code).toBe(2);
    expect(readdirSync(path.join(work, '.git'))).not.toContain('SECURITY.md');
  });
});
