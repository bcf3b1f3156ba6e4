// `retrofit --commit`: one commit per group of changes (hardening of existing workflows, new
// workflows, policy and metadata), so a reviewer can take them one at a time.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { STATE_FILE } from '../state.js';
import type { ProposedChange } from './plan.js';
import { GROUP_TITLES, groupOf, type ChangeGroup } from './pr-body.js';

/** Commit the written files by group; returns one report line per commit. */
export async function commitGroups(root: string, written: ProposedChange[]): Promise<string[]> {
  if (!existsSync(path.join(root, '.git'))) throw new InputError(`--commit: ${root} is not the top of a git repository; the files were written but not committed.`);
  const { execa } = await import('execa');
  const git = (...args: string[]) => execa('git', args, { cwd: root, stdin: 'ignore', timeout: 30_000 });
  const lines: string[] = [];
  // The state file goes with the last group, so every commit before it leaves a consistent tree.
  const groups = (Object.keys(GROUP_TITLES) as ChangeGroup[]).map((group) => ({
    group,
    paths: written.filter((c) => c.path !== STATE_FILE && groupOf(c) === group).map((c) => c.path),
  }));
  const state = written.find((c) => c.path === STATE_FILE);
  const last = [...groups].reverse().find((g) => g.paths.length > 0);
  if (state) (last ?? groups[groups.length - 1]!).paths.push(STATE_FILE);
  for (const { group, paths } of groups) {
    if (paths.length === 0) continue;
    await git('add', '--', ...paths);
    await git('commit', '--quiet', '--no-verify', '-m', `${GROUP_TITLES[group]} (secure-cncf retrofit)`, '--', ...paths);
    lines.push(`commit   ${GROUP_TITLES[group]}: ${paths.length} file${paths.length === 1 ? '' : 's'}`);
  }
  return lines;
}
