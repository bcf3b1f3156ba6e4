import { parse } from 'yaml';
import type { Evidence, RepoView } from '../../catalog/types.js';
import { RENOVATE_CONFIGS } from '../../detect/index.js';
import { fail, lineMatching, partial, pass } from '../../evidence/kit.js';

const DEPENDABOT = ['.github/dependabot.yml', '.github/dependabot.yaml'];

function dependabotUpdates(text: string): Array<{ ecosystem: string }> | undefined {
  try {
    const doc = parse(text) as { updates?: Array<{ 'package-ecosystem'?: string }> } | null;
    if (!doc || !Array.isArray(doc.updates)) return undefined;
    return doc.updates.map((u) => ({ ecosystem: String(u['package-ecosystem'] ?? '') }));
  } catch {
    return undefined;
  }
}

/** Dependabot version updates or Renovate (every config file name Renovate reads, or a "renovate" key in package.json). */
export const evidence = (repo: RepoView): Evidence => {
  const renovate = repo.findFirst(RENOVATE_CONFIGS);
  if (renovate) return pass(`Renovate is configured (${renovate}).`, [{ file: renovate }]);
  if (repo.has('package.json') && /"renovate"\s*:/.test(repo.read('package.json') ?? '')) {
    return pass('Renovate is configured in package.json ("renovate" key).', [lineMatching(repo, 'package.json', /"renovate"\s*:/)]);
  }
  const dependabot = repo.findFirst(DEPENDABOT);
  if (!dependabot) return fail('No Dependabot (.github/dependabot.yml) or Renovate configuration.');
  const updates = dependabotUpdates(repo.read(dependabot) ?? '');
  if (!updates) return partial(`${dependabot} does not parse or has no "updates" list.`, [{ file: dependabot }]);
  if (updates.length === 0) return partial(`${dependabot} has an empty "updates" list (security updates only).`, [{ file: dependabot }]);
  const ecosystems = [...new Set(updates.map((u) => u.ecosystem))];
  const location = lineMatching(repo, dependabot, /^\s*updates\s*:/);
  if (!ecosystems.includes('github-actions') && repo.workflows().length > 0) {
    return partial(`${dependabot} updates ${ecosystems.join(', ')} but not github-actions, so pinned actions go stale.`, [location]);
  }
  return pass(`Dependabot version updates for ${ecosystems.join(', ')}.`, [location]);
};
