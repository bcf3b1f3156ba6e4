// The tracked files of a git work tree whose text contains one of some literal strings, found by
// `git grep` (compiled code, several threads) instead of reading every file into Node. Untracked
// files are left to the caller: searching them too would make git walk the whole tree again.
import { execFileSync } from 'node:child_process';

const TIMEOUT_MS = 30_000;

/**
 * Repository-relative paths of tracked files matching `globs` (git pathspecs) that contain one of
 * `needles` (exact, case-sensitive), or undefined when git cannot tell (not installed, failed).
 */
export function gitGrepFiles(root: string, needles: readonly string[], globs: readonly string[]): Set<string> | undefined {
  if (needles.length === 0) return new Set();
  try {
    const listed = execFileSync('git', ['grep', '-l', '-z', '-F', ...needles.flatMap((needle) => ['-e', needle]), '--', ...globs], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
      timeout: TIMEOUT_MS,
    });
    return new Set(listed.split('\0').filter(Boolean));
  } catch (error) {
    // Exit status 1: nothing matched.
    return (error as { status?: number }).status === 1 ? new Set() : undefined;
  }
}
