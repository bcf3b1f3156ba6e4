// Whether the repository already publishes a Helm chart index with chart-releaser: its config file
// or a workflow that runs it. That makes chart-releaser the default answer for chart publishing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DirEntryIndex } from './walk.js';

const CR_CONFIGS = ['cr.yaml', '.cr.yaml', '.github/cr.yaml', '.github/cr.yml', 'cr.yml'];

/** The file that shows chart-releaser in use (a config or a workflow), if any. */
export function findChartReleaser(root: string, index: DirEntryIndex): string | undefined {
  const has = (file: string) => {
    const slash = file.lastIndexOf('/');
    return index.files.get(slash < 0 ? '' : file.slice(0, slash))?.includes(file.slice(slash + 1)) ?? false;
  };
  const config = CR_CONFIGS.find(has);
  if (config) return config;
  for (const name of index.files.get('.github/workflows') ?? []) {
    if (!/\.ya?ml$/.test(name)) continue;
    try {
      if (readFileSync(path.join(root, '.github/workflows', name), 'utf8').includes('helm/chart-releaser-action')) return `.github/workflows/${name}`;
    } catch {
      // unreadable: not evidence either way
    }
  }
  return undefined;
}
