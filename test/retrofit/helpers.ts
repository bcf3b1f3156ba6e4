import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { diffLines } from 'diff';
import { tempRepo } from '../helpers/generate.js';
import { main, type Io } from '../../src/cli/main.js';

/** Lines of `before` that are gone from `after` (changed or removed); inserted lines do not count. */
export function removedLines(before: string, after: string): string[] {
  return diffLines(before, after)
    .filter((part) => part.removed)
    .flatMap((part) => part.value.split(/\r?\n/).filter((line) => line !== ''));
}

export async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`), stdinIsTTY: false };
  const code = await main(argv, io);
  return { code, out, err };
}

/** Every regular file under root (symlinks and .git not followed), path -> content. */
export function snapshot(root: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== '.git') walk(full);
      else if (entry.isFile()) result[path.relative(root, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return result;
}

export function writeTree(root: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
}

export function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd: root, encoding: 'utf8' });
}

/**
 * A directory holding `files` that this process then cannot write to: chmod for ordinary users,
 * a tmpfs remounted read-only for root. Undefined when neither works here.
 */
export function readOnlyTree(files: Record<string, string>): { dir: string; cleanup: () => void } | undefined {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-rotree-'));
  if (process.getuid?.() !== 0) {
    writeTree(dir, files);
    const lock = (mode: number, fileMode: number) => {
      const walk = (d: string) => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          const full = path.join(d, e.name);
          if (e.isDirectory()) walk(full);
          chmodSync(full, e.isDirectory() ? mode : fileMode);
        }
        chmodSync(d, mode);
      };
      walk(dir);
    };
    lock(0o555, 0o444);
    return { dir, cleanup: () => (lock(0o755, 0o644), rmSync(dir, { recursive: true, force: true })) };
  }
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' });
    writeTree(dir, files);
    execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'ignore' });
  } catch {
    try {
      execFileSync('umount', [dir], { stdio: 'ignore' });
    } catch {
      // not mounted
    }
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    dir,
    cleanup: () => {
      execFileSync('umount', [dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A maker of temporary git repositories, each removed after the test that made it. */
export function tempRepos(): (files: Record<string, string>) => string {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    while (cleanups.length) cleanups.pop()?.();
  });
  return (files) => {
    const made = tempRepo(files);
    cleanups.push(made.cleanup);
    return made.root;
  };
}
