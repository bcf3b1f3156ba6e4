import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A directory this process cannot write to: chmod for ordinary users; for root (who ignores
 * mode bits, as in CI) a read-only tmpfs mount. Undefined when neither is possible.
 */
export function readOnlyDir(): { dir: string; cleanup: () => void } | undefined {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'secure-cncf-ro-'));
  if (process.getuid?.() !== 0) {
    chmodSync(dir, 0o555);
    return { dir, cleanup: () => (chmodSync(dir, 0o755), rmSync(dir, { recursive: true, force: true })) };
  }
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', dir], { stdio: 'ignore' });
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
