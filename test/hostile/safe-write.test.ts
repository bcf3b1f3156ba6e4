// The write path behind every command (src/safe-write.ts): all-or-nothing, byte-exact rollback,
// modes kept, created directories removed, and a message that says what is on disk.
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { byteSnapshot, tempTree } from './helpers.js';
import { writeAllOrNothing } from '../../src/safe-write.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

describe('writeAllOrNothing', () => {
  it('a failure after two writes restores both (bytes, mode, inode) and removes the new directories', () => {
    const made = tempTree({ 'a.txt': Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a, 0xc3, 0xa9]), 'blocker': 'a file where a directory is needed' });
    cleanups.push(made.cleanup);
    const root = made.root;
    chmodSync(path.join(root, 'a.txt'), 0o640);
    const inode = statSync(path.join(root, 'a.txt')).ino;
    const before = byteSnapshot(root);
    expect(() =>
      writeAllOrNothing([
        { absolutePath: path.join(root, 'a.txt'), content: 'replaced', label: 'a.txt' },
        { absolutePath: path.join(root, 'new/deep/b.txt'), content: 'new', label: 'new/deep/b.txt' },
        { absolutePath: path.join(root, 'blocker/c.txt'), content: 'cannot', label: 'blocker/c.txt' },
      ]),
    ).toThrow(/^Nothing was written: blocker\/c\.txt could not be written \((ENOTDIR|EEXIST)\)\. Every file is as it was before the run\.$/);
    expect(byteSnapshot(root)).toEqual(before);
    expect(existsSync(path.join(root, 'new'))).toBe(false);
    expect(statSync(path.join(root, 'a.txt')).mode & 0o777).toBe(0o640);
    expect(statSync(path.join(root, 'a.txt')).ino).toBe(inode);
  });

  it('success: contents written, existing modes kept exactly, no temp or backup file left', () => {
    const made = tempTree({ 'x.sh': '#!/bin/sh\n' });
    cleanups.push(made.cleanup);
    chmodSync(path.join(made.root, 'x.sh'), 0o775);
    writeAllOrNothing([
      { absolutePath: path.join(made.root, 'x.sh'), content: '#!/bin/sh\necho hi\n', label: 'x.sh' },
      { absolutePath: path.join(made.root, 'd/y.txt'), content: Buffer.from([0xff, 0x00]), label: 'd/y.txt' },
    ]);
    expect(readFileSync(path.join(made.root, 'x.sh'), 'utf8')).toBe('#!/bin/sh\necho hi\n');
    expect(statSync(path.join(made.root, 'x.sh')).mode & 0o777).toBe(0o775);
    expect(readFileSync(path.join(made.root, 'd/y.txt'))).toEqual(Buffer.from([0xff, 0x00]));
    expect(Object.keys(byteSnapshot(made.root)).sort()).toEqual(['d/', 'd/y.txt', 'x.sh']);
  });

  it('a leftover of a killed run beside a written file is removed; a look-alike name is not', () => {
    const made = tempTree({ 'f.yml': 'a: 1\n', '.f.yml.0123456789ab.tmp': 'half', '.f.yml.0123456789ab.orig': 'old', '.f.yml.notours.tmp': 'keep' });
    cleanups.push(made.cleanup);
    writeAllOrNothing([{ absolutePath: path.join(made.root, 'f.yml'), content: 'a: 2\n', label: 'f.yml' }]);
    expect(Object.keys(byteSnapshot(made.root)).sort()).toEqual(['.f.yml.notours.tmp', 'f.yml']);
  });
});

describe('writeAllOrNothing on a file system without hard links', () => {
  it('keeps the original in memory and still restores it byte for byte', async () => {
    const { vi } = await import('vitest');
    vi.resetModules();
    let linkCalls = 0;
    vi.doMock('node:fs', async (importOriginal) => {
      const fs = await importOriginal<typeof import('node:fs')>();
      return {
        ...fs,
        linkSync: () => {
          linkCalls++;
          throw Object.assign(new Error('link not supported'), { code: 'EPERM' });
        },
      };
    });
    const { writeAllOrNothing: write } = await import('../../src/safe-write.js');
    const made = tempTree({ 'a.txt': Buffer.from('caf\xe9', 'latin1'), 'blocker': 'x' });
    cleanups.push(made.cleanup);
    const before = byteSnapshot(made.root);
    expect(() =>
      write([
        { absolutePath: path.join(made.root, 'a.txt'), content: 'replaced', label: 'a.txt' },
        { absolutePath: path.join(made.root, 'blocker/c.txt'), content: 'x', label: 'blocker/c.txt' },
      ]),
    ).toThrow(/Nothing was written: blocker\/c\.txt could not be written/);
    expect(linkCalls).toBe(1);
    expect(byteSnapshot(made.root)).toEqual(before);
    vi.doUnmock('node:fs');
  });
});
