import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readRegularFile } from '../read-file.js';
import type { RepoFacts } from '../model.js';
import { readState } from '../state.js';
import { findManifests } from './manifests.js';
import { readGitInfo, type GitInfo } from './git.js';
import { indexTree, type DirEntryIndex } from './walk.js';
import { findGoMains, findGoreleaserConfig } from './go-release.js';
import { findChartReleaser } from './charts.js';

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

/** Values Security Insights 2.0 allows for repository.status. */
export const INSIGHTS_STATUSES = ['active', 'abandoned', 'concept', 'inactive', 'moved', 'suspended', 'unsupported', 'WIP'];

/** repository.status of SECURITY-INSIGHTS.yml text (block style, as written by hand or by us). */
export function insightsStatus(text: string): string | undefined {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => /^repository:\s*(#.*)?$/.test(line));
  if (start < 0) return undefined;
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) return undefined;
    const match = /^ {2}status:\s*['"]?([A-Za-z]+)['"]?\s*(#.*)?$/.exec(line);
    if (match) return INSIGHTS_STATUSES.includes(match[1] as string) ? match[1] : undefined;
  }
  return undefined;
}

/** True when the directory holds anything besides git's own data: then create retrofits. */
export function hasExistingContent(directory: string): boolean {
  try {
    return readdirSync(directory).some((name) => name !== '.git');
  } catch {
    return false; // does not exist yet
  }
}

/** Read a directory (which may not exist yet) and report what it holds. No writes. */
export async function detect(root: string): Promise<RepoFacts> {
  return detectFacts(root, indexTree(root));
}

/** Detection over an existing walk of the tree (the session shares it with the evidence view). */
/** `gitInfo`: the git queries when the caller started them early (they then run beside the walk). */
export async function detectFacts(root: string, index: DirEntryIndex, gitInfo: Promise<GitInfo> = readGitInfo(root)): Promise<RepoFacts> {
  const findings = findManifests(root, index);
  const git = await gitInfo;
  const facts: RepoFacts = {
    root,
    isEmpty: !hasExistingContent(root),
    languages: findings.languages,
    manifests: findings.manifests,
    otherManifests: findings.otherManifests,
    artifacts: findings.artifacts,
  };
  if (git.remote) facts.remote = git.remote;
  if (git.remoteUrl) facts.remoteUrl = git.remoteUrl;
  if (git.defaultBranch) facts.defaultBranch = git.defaultBranch;
  const renovate = RENOVATE_CONFIGS.find((config) => {
    const slash = config.lastIndexOf('/');
    const dir = slash < 0 ? '' : config.slice(0, slash);
    return index.files.get(dir)?.includes(config.slice(slash + 1)) ?? false;
  });
  if (renovate) facts.renovateConfig = renovate;
  if (index.files.get('')?.includes('SECURITY-INSIGHTS.yml')) {
    const status = insightsStatus(readRegularFile(path.join(root, 'SECURITY-INSIGHTS.yml')) ?? '');
    if (status) facts.insightsStatus = status;
  }
  const gomod = findings.manifests.gomod;
  if (gomod) {
    // Reading a package clause per Go directory costs more than the rest of detection on large
    // trees, and only a GoReleaser configuration being written asks: found on first read.
    Object.defineProperty(facts, 'goMains', {
      configurable: true,
      enumerable: true,
      get() {
        const goMains = findGoMains(root, index, gomod);
        Object.defineProperty(facts, 'goMains', { value: goMains, configurable: true, enumerable: true, writable: true });
        return goMains;
      },
      set(value: Record<string, string[]> | undefined) {
        Object.defineProperty(facts, 'goMains', { value, configurable: true, enumerable: true, writable: true });
      },
    });
  }
  const goreleaser = findGoreleaserConfig(index);
  if (goreleaser) facts.goreleaserConfig = goreleaser;
  const chartReleaser = findChartReleaser(root, index);
  if (chartReleaser) facts.chartReleaser = chartReleaser;
  const stored = readState(root);
  if (stored) facts.stored = stored;
  return facts;
}
