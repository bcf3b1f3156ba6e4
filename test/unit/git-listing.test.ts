// The listing of a git work tree and the facts read from .git: read in pieces or whole, started
// early or late, from files or from git itself, they must say the same as git does.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LIST_FILES, ListingParser, listGitFiles, readInPieces, startGitListing, takeGitListing } from '../../src/detect/git-listing.js';
import { readGitInfo, readPlainGitDir } from '../../src/detect/git.js';
import { directoryOf } from '../../src/detect/prefetch.js';
import { indexTree } from '../../src/detect/walk.js';
import { parseWorkflowsWhile } from '../../src/evidence/early-workflows.js';
import { RepoView } from '../../src/evidence/repo-view.js';
import { committedRepo, git } from '../helpers/git-repo.js';

const made: string[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A committed git repository holding `files`, removed after the test. */
function gitRepo(files: Record<string, string>): string {
  const { root, cleanup } = committedRepo(files);
  cleanups.push(cleanup);
  return root;
}

const sortedIndex = (files: Map<string, string[]>) => [...files].map(([dir, names]) => [dir, [...names].sort()] as const).sort(([a], [b]) => a.localeCompare(b));

describe('the git listing', () => {
  it('reads the same index whether the output comes whole or in pieces cut anywhere', () => {
    const root = gitRepo({ 'a.go': '', 'cmd/x/main.go': '', 'cmd/x/y.go': '', 'docs/readme.md': '', 'z.txt': '' });
    writeFileSync(path.join(root, 'untracked.md'), 'new');
    writeFileSync(path.join(root, 'cmd/new.go'), 'new');
    const output = execFileSync('git', [...LIST_FILES], { cwd: root, encoding: 'utf8' });
    const whole = new ListingParser(root);
    whole.push(output);
    const expected = whole.finish().files;
    for (const size of [1, 2, 3, 7, 50]) {
      const parser = new ListingParser(root);
      for (let at = 0; at < output.length; at += size) parser.push(output.slice(at, at + size));
      expect(parser.finish().files, `pieces of ${size}`).toEqual(expected);
    }
    // Untracked files (listed before the tracked ones) are in place and every directory is sorted.
    expect(expected.get('')).toEqual(['a.go', 'untracked.md', 'z.txt']);
    expect(expected.get('cmd')).toEqual(['new.go']);
    expect(expected.get('cmd/x')).toEqual(['main.go', 'y.go']);
  });

  it('reads a listing file in pieces of any size, names of several UTF-8 bytes cut across pieces', () => {
    const files: Record<string, string> = { 'docs/résumé.md': '', 'pkg/日本語/ファイル.go': '', 'a.go': '' };
    for (let i = 0; i < 40; i++) files[`dir${i % 4}/naïve-${'é'.repeat(i)}.txt`] = '';
    const root = gitRepo(files);
    writeFileSync(path.join(root, 'dir1/ünträcked.md'), 'new');
    const output = execFileSync('git', [...LIST_FILES], { cwd: root });
    const whole = new ListingParser(root);
    whole.push(output.toString('utf8'));
    const expected = whole.finish().files;
    expect(expected.get('pkg/日本語')).toEqual(['ファイル.go']);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'listing-'));
    made.push(dir);
    const file = path.join(dir, 'listing');
    writeFileSync(file, output);
    // Pieces smaller than one entry make the buffer grow; 64 KiB holds the whole listing.
    for (const pieceBytes of [1, 2, 5, 16, 100, 64 * 1024]) {
      const fd = openSync(file, 'r');
      const parser = new ListingParser(root);
      try {
        expect(readInPieces(fd, parser, pieceBytes)).toBe(true);
      } finally {
        closeSync(fd);
      }
      expect(sortedIndex(parser.finish().files), `pieces of ${pieceBytes} bytes`).toEqual(sortedIndex(expected));
    }
  });

  it('agrees with the directory walk on a tree of tracked files, ignored files left out', async () => {
    const root = gitRepo({ '.gitignore': 'build/\n', 'src/a.ts': '', 'src/deep/b.ts': '', 'README.md': '' });
    mkdirSync(path.join(root, 'build'));
    writeFileSync(path.join(root, 'build/out.js'), '');
    const listed = await listGitFiles(root);
    expect(listed).toBeDefined();
    const walked = new Map(indexTree(root).files);
    expect(sortedIndex(listed!.files)).toEqual(sortedIndex(walked));
    expect(listed!.files.has('build')).toBe(false);
  });

  it('leaves out submodules, symlinks leaving the tree and paths with line breaks; keeps links to files inside', async () => {
    const root = gitRepo({ 'inside.txt': 'x', 'line\nbreak.txt': '' });
    const outside = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-listing-outside-'));
    made.push(outside);
    writeFileSync(path.join(outside, 'secret.txt'), 'no');
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'leaves.txt'));
    symlinkSync('inside.txt', path.join(root, 'stays.txt'));
    // A gitlink (mode 160000), as a submodule leaves in the index.
    const head = git(root, 'rev-parse', 'HEAD');
    git(root, 'update-index', '--add', '--cacheinfo', `160000,${head},vendor/module`);
    git(root, 'add', '-A');
    const listed = await listGitFiles(root);
    expect(listed!.files.get('')).toEqual(['inside.txt', 'stays.txt']);
    expect(listed!.files.has('vendor')).toBe(false);
  });

  it('lists a path with merge-conflict stages once', async () => {
    const root = gitRepo({ 'file.txt': 'base\n', 'other.txt': '' });
    git(root, 'checkout', '-q', '-b', 'topic');
    writeFileSync(path.join(root, 'file.txt'), 'topic\n');
    git(root, 'commit', '-q', '-am', 'topic');
    git(root, 'checkout', '-q', 'main');
    writeFileSync(path.join(root, 'file.txt'), 'main\n');
    git(root, 'commit', '-q', '-am', 'main');
    try {
      git(root, 'merge', '-q', 'topic');
    } catch {
      // the conflict is the point
    }
    expect(git(root, 'ls-files', '--unmerged')).not.toBe('');
    const listed = await listGitFiles(root);
    expect(listed!.files.get('')).toEqual(['file.txt', 'other.txt']);
  });

  it('hands a listing started early to one reader; the next reader lists again and sees later files', async () => {
    const root = gitRepo({ 'a.txt': '' });
    startGitListing(root);
    const first = await takeGitListing(root);
    writeFileSync(path.join(root, 'b.txt'), '');
    const second = await takeGitListing(root);
    expect(first!.files.get('')).toEqual(['a.txt']);
    expect(second!.files.get('')).toEqual(['a.txt', 'b.txt']);
  });

  it('leaves no temporary file behind', async () => {
    const ours = () => readdirSync(os.tmpdir()).filter((name) => name.startsWith(`secure-cncf-listing-${process.pid}-`));
    const root = gitRepo({ 'a.txt': '' });
    await Promise.all([listGitFiles(root), listGitFiles(root), listGitFiles(path.join(root, 'missing'))]);
    expect(ours()).toEqual([]);
  });

  it('reads the listing through a pipe where no temporary file can be made', async () => {
    const root = gitRepo({ 'a.txt': '', 'dir/b.txt': '' });
    writeFileSync(path.join(root, 'untracked.txt'), '');
    const expected = (await listGitFiles(root))!.files;
    const tmpdir = process.env.TMPDIR;
    process.env.TMPDIR = path.join(root, 'no-such-directory');
    try {
      expect(os.tmpdir()).toBe(process.env.TMPDIR);
      expect((await listGitFiles(root))!.files).toEqual(expected);
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdir;
    }
  });

  it('is undefined outside a work tree top, where the walk takes over', async () => {
    const root = gitRepo({ 'sub/a.txt': '' });
    expect(await listGitFiles(path.join(root, 'nowhere'))).toBeUndefined();
  });
});

describe('origin and branches read from .git', () => {
  it('says what git says for a clone with origin and origin/HEAD, and for a detached HEAD', async () => {
    const upstream = gitRepo({ 'a.txt': '' });
    const clone = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-listing-test-clone-'));
    made.push(clone);
    git(clone, 'clone', '-q', upstream, '.');
    git(clone, 'remote', 'set-url', 'origin', 'https://github.com/acme/widget.git');
    git(clone, 'checkout', '-q', '-b', 'feature');
    const plain = readPlainGitDir(clone);
    expect(plain).toEqual({ url: 'https://github.com/acme/widget.git', current: 'feature', originHead: 'origin/main' });
    expect(plain?.url).toBe(git(clone, 'remote', 'get-url', 'origin'));
    expect(plain?.originHead).toBe(git(clone, 'symbolic-ref', '--short', 'refs/remotes/origin/HEAD'));
    expect(await readGitInfo(clone)).toEqual({ remote: { owner: 'acme', name: 'widget' }, remoteUrl: 'https://github.com/acme/widget.git', defaultBranch: 'main' });
    git(clone, 'checkout', '-q', '--detach');
    expect(readPlainGitDir(clone)?.current).toBeUndefined();
  });

  it('leaves anything but the plain layout to git: URL rewriting, includes, quoting, a worktree', async () => {
    const root = gitRepo({ 'a.txt': '' });
    git(root, 'remote', 'add', 'origin', 'gh:acme/widget');
    expect(readPlainGitDir(root)).toEqual({ url: 'gh:acme/widget', current: 'main', originHead: undefined });
    git(root, 'config', 'url.https://github.com/.insteadOf', 'gh:');
    expect(readPlainGitDir(root)).toBeUndefined();
    // git applies the rewriting, so the slug is still found.
    expect((await readGitInfo(root)).remote).toEqual({ owner: 'acme', name: 'widget' });
    git(root, 'config', '--unset', 'url.https://github.com/.insteadOf');
    git(root, 'config', 'include.path', 'extra.config');
    expect(readPlainGitDir(root)).toBeUndefined();
    git(root, 'config', '--unset', 'include.path');
    git(root, 'config', 'remote.origin.url', 'https://github.com/acme/widget.git # a comment');
    expect(readPlainGitDir(root)).toBeUndefined();
    const worktree = `${root}-worktree`;
    made.push(worktree);
    git(root, 'worktree', 'add', '-q', worktree);
    expect(readPlainGitDir(worktree)).toBeUndefined();
    expect((await readGitInfo(worktree)).defaultBranch).toBe(git(worktree, 'symbolic-ref', '--short', 'HEAD'));
  });

  it("asks git when the URL names no GitHub repository: the user's own configuration may rewrite it", async () => {
    const root = gitRepo({ 'a.txt': '' });
    git(root, 'remote', 'add', 'origin', 'gh:acme/widget');
    const global = path.join(root, '.git', 'global-config');
    writeFileSync(global, '[url "https://github.com/"]\n\tinsteadOf = gh:\n');
    const saved = process.env.GIT_CONFIG_GLOBAL;
    process.env.GIT_CONFIG_GLOBAL = global;
    try {
      expect(readPlainGitDir(root)?.url).toBe('gh:acme/widget');
      expect(await readGitInfo(root)).toMatchObject({ remote: { owner: 'acme', name: 'widget' }, remoteUrl: 'https://github.com/acme/widget' });
    } finally {
      if (saved === undefined) delete process.env.GIT_CONFIG_GLOBAL;
      else process.env.GIT_CONFIG_GLOBAL = saved;
    }
  });
});

describe('what bin.ts starts early', () => {
  it('knows the directory only when the arguments alone make it certain', () => {
    expect(directoryOf(['check'])).toBe('.');
    expect(directoryOf(['check', 'repo', '--format', 'json'])).toBe('repo');
    expect(directoryOf(['retrofit', '../x'])).toBe('../x');
    expect(directoryOf(['check', '--format', 'json', 'repo'])).toBeUndefined();
    expect(directoryOf(['--help'])).toBeUndefined();
    expect(directoryOf(['my-project', '--yes'])).toBeUndefined();
    expect(directoryOf([])).toBeUndefined();
  });
});

describe('workflows parsed while the tree is listed', () => {
  const workflow = (name: string) => `name: ${name}\non: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${name}\n`;

  it('are used only for files in the listing whose text has not changed since', async () => {
    const root = gitRepo({ '.gitignore': '.github/workflows/ignored.yml\n', '.github/workflows/ci.yml': workflow('ci'), '.github/workflows/edited.yml': workflow('old') });
    writeFileSync(path.join(root, '.github/workflows/ignored.yml'), workflow('ignored'));
    const never = new Promise<void>(() => {});
    const early = await parseWorkflowsWhile(root, never);
    expect([...early.keys()].sort()).toEqual(['.github/workflows/ci.yml', '.github/workflows/edited.yml', '.github/workflows/ignored.yml']);
    writeFileSync(path.join(root, '.github/workflows/edited.yml'), workflow('new'));
    const repo = new RepoView(root, (await listGitFiles(root))!, early);
    const workflows = repo.workflows();
    expect(workflows.map((w) => w.file)).toEqual(['.github/workflows/ci.yml', '.github/workflows/edited.yml']);
    expect(workflows[0]).toBe(early.get('.github/workflows/ci.yml')!.workflow);
    expect(workflows[1]!.data.name).toBe('new');
  });

  it('stop once the listing is done, and never follow a symlinked workflows directory', async () => {
    const root = gitRepo({ '.github/workflows/ci.yml': workflow('ci') });
    expect((await parseWorkflowsWhile(root, Promise.resolve())).size).toBe(0);
    const elsewhere = gitRepo({ 'workflows/x.yml': workflow('x') });
    const linked = gitRepo({ 'a.txt': '' });
    symlinkSync(elsewhere, path.join(linked, '.github'), 'dir');
    expect((await parseWorkflowsWhile(linked, new Promise(() => {}))).size).toBe(0);
  });
});
