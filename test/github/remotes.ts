// Bare git repositories under a directory laid out like github.com (<org>/<name>.git), so the
// fleet code fetches from file:// exactly as it fetches from https://github.com.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FakeRepo } from './fake-github.js';

export function makeRemote(root: string, org: string, repo: FakeRepo): void {
  const bare = path.join(root, org, `${repo.name}.git`);
  mkdirSync(bare, { recursive: true });
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', bare]);
  if (repo.files && Object.keys(repo.files).length > 0) commitFiles(root, org, repo.name, repo.files);
}

export function commitFiles(root: string, org: string, name: string, files: Record<string, string>): void {
  const bare = path.join(root, org, `${name}.git`);
  const wt = mkdtempSync(path.join(root, 'wt-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(wt, file)), { recursive: true });
    writeFileSync(path.join(wt, file), content);
  }
  const git = (...args: string[]) => execFileSync('git', ['-C', wt, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args]);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'c');
  git('push', '-q', '--force', bare, 'HEAD:refs/heads/main');
  rmSync(wt, { recursive: true, force: true });
}

export function remoteBranches(root: string, org: string, name: string): string[] {
  return execFileSync('git', ['-C', path.join(root, org, `${name}.git`), 'for-each-ref', '--format=%(refname:short)', 'refs/heads'], { encoding: 'utf8' }).trim().split('\n');
}
