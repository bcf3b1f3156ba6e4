import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyChanges, diffAgainstDisk } from '../../src/apply.js';
import { resolveInside } from '../../src/guard.js';
import { InputError } from '../../src/errors.js';
import type { PlannedFile } from '../../src/model.js';
import { tempRepo } from '../helpers/generate.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});
function repo(files: Record<string, string> = {}) {
  const made = tempRepo(files);
  cleanups.push(made.cleanup);
  return made.root;
}
const file = (p: string, content = `content of ${p}\n`): PlannedFile => ({ path: p, content, controls: ['test'], reason: 'test' });
const isRoot = process.getuid?.() === 0;

describe('path guard', () => {
  it('refuses paths that leave the repository', () => {
    const root = repo();
    expect(() => resolveInside(root, '../x')).toThrow(InputError);
    expect(() => resolveInside(root, 'a/../../x')).toThrow(/leaves the repository/);
    expect(() => resolveInside(root, '/etc/passwd')).toThrow(/leaves the repository/);
  });

  it('refuses to write through a symlinked directory that points outside', () => {
    const outside = repo();
    const root = repo();
    symlinkSync(outside, path.join(root, '.github'));
    expect(() => resolveInside(root, '.github/dependabot.yml')).toThrow(/\.github is a symbolic link that points outside the repository/);
  });

  it('allows a symlinked directory that stays inside, but never a symlinked file', () => {
    const root = repo({ 'real/SECURITY.md': 'x' });
    symlinkSync(path.join(root, 'real'), path.join(root, 'docs'));
    expect(resolveInside(root, 'docs/new.md')).toBe(path.join(root, 'docs/new.md'));
    symlinkSync(path.join(root, 'real/SECURITY.md'), path.join(root, 'SECURITY.md'));
    expect(() => resolveInside(root, 'SECURITY.md')).toThrow(/is a symbolic link/);
  });
});

describe('applyChanges', () => {
  it('creates new files and reports identical ones as unchanged', () => {
    const root = repo({ 'same.txt': 'same\n' });
    const result = applyChanges(diffAgainstDisk(root, [file('a/b/new.yml'), file('same.txt', 'same\n')]), 'skip');
    expect(result.written.map((c) => c.file.path)).toEqual(['a/b/new.yml']);
    expect(result.unchanged.map((c) => c.file.path)).toEqual(['same.txt']);
    expect(readFileSync(path.join(root, 'a/b/new.yml'), 'utf8')).toBe('content of a/b/new.yml\n');
  });

  it('keeps an existing differing file under "skip" and reports it', () => {
    const root = repo({ 'SECURITY.md': 'mine\n' });
    const result = applyChanges(diffAgainstDisk(root, [file('SECURITY.md')]), 'skip');
    expect(result.kept.map((c) => c.file.path)).toEqual(['SECURITY.md']);
    expect(readFileSync(path.join(root, 'SECURITY.md'), 'utf8')).toBe('mine\n');
  });

  it('writes nothing at all under "fail" when one file conflicts', () => {
    const root = repo({ 'SECURITY.md': 'mine\n' });
    expect(() => applyChanges(diffAgainstDisk(root, [file('a.yml'), file('SECURITY.md')]), 'fail')).toThrow(/already exists with different content/);
    expect(existsSync(path.join(root, 'a.yml'))).toBe(false);
  });

  it('overwrites under "overwrite", keeping the file mode and leaving no temp files', () => {
    const root = repo({ 'run.sh': 'old\n' });
    chmodSync(path.join(root, 'run.sh'), 0o755);
    applyChanges(diffAgainstDisk(root, [file('run.sh', 'new\n')]), 'overwrite');
    expect(readFileSync(path.join(root, 'run.sh'), 'utf8')).toBe('new\n');
    expect(statSync(path.join(root, 'run.sh')).mode & 0o777).toBe(0o755);
    expect(readdirSync(root).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it.skipIf(isRoot)('checks every target before writing: an unwritable directory means nothing is written', () => {
    const root = repo();
    mkdirSync(path.join(root, '.github'));
    chmodSync(path.join(root, '.github'), 0o555);
    try {
      expect(() => applyChanges(diffAgainstDisk(root, [file('SECURITY.md'), file('.github/dependabot.yml')]), 'skip')).toThrow(/Nothing was written/);
      expect(existsSync(path.join(root, 'SECURITY.md'))).toBe(false);
    } finally {
      chmodSync(path.join(root, '.github'), 0o755);
    }
  });

  it('reports a file standing where a directory is needed, writing nothing', () => {
    const root = repo({ '.github': 'not a directory' });
    expect(() => applyChanges(diffAgainstDisk(root, [file('SECURITY.md'), file('.github/workflows/a.yml')]), 'skip')).toThrow(/Nothing was written/);
    expect(existsSync(path.join(root, 'SECURITY.md'))).toBe(false);
  });

  it('catches a blocker that appears between planning and writing, before writing anything', () => {
    const root = repo({ 'keep.md': 'original\n' });
    // A directory where a file is planned passes the guard only if created after diffing.
    const changes = diffAgainstDisk(root, [file('keep.md', 'changed\n'), file('new.md'), file('late/x.yml')]);
    writeFileSync(path.join(root, 'late'), 'blocker'); // appears between diff and apply
    expect(() => applyChanges(changes, 'overwrite')).toThrow(InputError);
    expect(readFileSync(path.join(root, 'keep.md'), 'utf8')).toBe('original\n');
    expect(existsSync(path.join(root, 'new.md'))).toBe(false);
  });
});
