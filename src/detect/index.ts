import { readdirSync } from 'node:fs';
import type { RepoFacts } from '../model.js';
import { readState } from '../state.js';
import { findManifests } from './manifests.js';
import { readGitInfo } from './git.js';
import { indexTree } from './walk.js';

export const RENOVATE_CONFIGS = [
  'renovate.json',
  'renovate.json5',
  '.github/renovate.json',
  '.github/renovate.json5',
  '.gitlab/renovate.json',
  '.gitlab/renovate.json5',
  '.renovaterc',
  '.renovaterc.json',
  '.renovaterc.json5',
];

function isEmptyDir(root: string): boolean {
  try {
    return readdirSync(root).filter((name) => name !== '.git').length === 0;
  } catch {
    return true; // does not exist yet
  }
}

/** Read a directory (which may not exist yet) and report what it holds. No writes. */
export async function detect(root: string): Promise<RepoFacts> {
  const index = indexTree(root);
  const findings = findManifests(root, index);
  const git = await readGitInfo(root);
  const facts: RepoFacts = {
    root,
    isEmpty: isEmptyDir(root),
    languages: findings.languages,
    manifests: findings.manifests,
    artifacts: findings.artifacts,
  };
  if (git.remote) facts.remote = git.remote;
  if (git.defaultBranch) facts.defaultBranch = git.defaultBranch;
  const renovate = RENOVATE_CONFIGS.find((config) => {
    const slash = config.lastIndexOf('/');
    const dir = slash < 0 ? '' : config.slice(0, slash);
    return index.files.get(dir)?.includes(config.slice(slash + 1)) ?? false;
  });
  if (renovate) facts.renovateConfig = renovate;
  const stored = readState(root);
  if (stored) facts.stored = stored;
  return facts;
}
