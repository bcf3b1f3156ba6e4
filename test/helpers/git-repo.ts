// Git work trees for tests: a committed repository of given files, and git run in it with a fixed
// identity (test machines have none configured).
import { execFileSync } from 'node:child_process';
import { tempRepo } from './generate.js';

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };

/** git's standard output, trimmed; throws when git fails. */
export function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: root, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** A git repository on branch main holding `files` in one commit; removed by the returned cleanup. */
export function committedRepo(files: Record<string, string>): { root: string; cleanup: () => void } {
  const made = tempRepo(files);
  git(made.root, 'init', '-q', '-b', 'main');
  git(made.root, 'add', '-A');
  git(made.root, 'commit', '-q', '-m', 'start');
  return made;
}
