// Fixtures for hostile-input tests: temporary repositories written byte for byte, byte snapshots,
// a small tmpfs that can be filled (root only), and the in-process CLI.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { loadPins } from '../../src/pins.js';

export { cli, git } from '../retrofit/helpers.js';

/** A temporary directory holding `files` (strings as UTF-8, Buffers as they are). */
export function tempTree(files: Record<string, string | Buffer> = {}): { root: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-hostile-'));
  writeFiles(root, files);
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
}

/**
 * Every regular file and directory under root (not .git), path -> its exact bytes as a latin1
 * string (one char per byte; large files as a SHA-256), directories -> null.
 */
export function byteSnapshot(root: string): Record<string, string | null> {
  const result: Record<string, string | null> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const rel = path.relative(root, full);
      if (entry.isDirectory() && entry.name !== '.git') {
        result[`${rel}/`] = null;
        walk(full);
      } else if (entry.isFile()) {
        const bytes = readFileSync(full);
        result[rel] = bytes.length > 64 * 1024 ? `sha256:${createHash('sha256').update(bytes).digest('hex')}` : bytes.toString('latin1');
      }
    }
  };
  walk(root);
  return result;
}

/** A tmpfs of `kib` KiB mounted on a new directory; undefined when mounting is not possible here. */
export function smallTmpfs(kib: number): { dir: string; cleanup: () => void } | undefined {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
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

/** Fill the file system holding `dir` until at most `leaveBytes` are free (a filler file). */
export function fillDisk(dir: string, leaveBytes: number): void {
  const filler = path.join(dir, '.filler');
  const { bavail, bsize } = statfs(dir);
  const free = bavail * bsize;
  if (free > leaveBytes) writeFileSync(filler, Buffer.alloc(free - leaveBytes));
}

function statfs(dir: string): { bavail: number; bsize: number } {
  const out = execFileSync('stat', ['-f', '-c', '%a %S', dir], { encoding: 'utf8' }).trim().split(' ');
  return { bavail: Number(out[0]), bsize: Number(out[1]) };
}

export const CHECKOUT_MAJOR = (loadPins().actions['actions/checkout']!.tag as string).split('.')[0] as string;

/** A hand-written workflow retrofit will edit (pin the checkout, add persist-credentials and permissions). */
export function editableWorkflow(comment = '# CI'): string {
  return `${comment}\non: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@${CHECKOUT_MAJOR}\n      - run: make test\n`;
}
