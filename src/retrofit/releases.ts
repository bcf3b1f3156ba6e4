// Whether the repository has published releases, from its tags: the security policy's statements
// about releases follow them ("until the first release..." is wrong for a project with years of
// releases). A shallow clone or a tree without git history says nothing: 'unknown'.
import { existsSync } from 'node:fs';
import path from 'node:path';

export type ReleaseState = 'tagged' | 'none' | 'unknown';

const VERSION_TAG = /^(?:[\w.-]+[/-])?v?\d+\.\d+(?:\.\d+)?/;

export async function releaseState(root: string): Promise<ReleaseState> {
  if (!existsSync(path.join(root, '.git'))) return 'unknown';
  const { execa } = await import('execa');
  const git = (...args: string[]) => execa('git', args, { cwd: root, reject: false, timeout: 10_000, stdin: 'ignore' });
  const shallow = await git('rev-parse', '--is-shallow-repository');
  if (shallow.exitCode !== 0 || String(shallow.stdout).trim() === 'true') return 'unknown';
  const tags = await git('tag', '--list');
  if (tags.exitCode !== 0) return 'unknown';
  return String(tags.stdout).split('\n').some((tag) => VERSION_TAG.test(tag.trim())) ? 'tagged' : 'none';
}

/** Whether the directory has commit history: without it, it is a project being started, not an existing repository. */
export async function hasHistory(root: string): Promise<boolean> {
  if (!existsSync(path.join(root, '.git'))) return false;
  const { execa } = await import('execa');
  const head = await execa('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: root, reject: false, timeout: 10_000, stdin: 'ignore' });
  return head.exitCode === 0;
}
