import { parse } from 'yaml';
import type { Evidence, PlanContext, RepoView } from '../../catalog/types.js';
import { fail, lineMatching, partial, pass } from '../../evidence/kit.js';

const NOTE = 'Whether it is applied is a repository setting that cannot be seen offline (gh api repos/{owner}/{repo}/rulesets).';

function rulesetTypes(text: string): string[] | undefined {
  try {
    const json = JSON.parse(text) as { rules?: Array<{ type?: string }> };
    return Array.isArray(json.rules) ? json.rules.map((rule) => String(rule.type)) : undefined;
  } catch {
    return undefined;
  }
}

/** A committed ruleset (GitHub's export format) or branch protection in .github/settings.yml (Probot settings). */
export const evidence = (repo: RepoView, { profile }: PlanContext): Evidence => {
  const rulesets = repo.filter((file) => /^\.github\/rulesets\/[^/]+\.json$/.test(file));
  for (const file of rulesets) {
    const types = rulesetTypes(repo.read(file) ?? '');
    if (!types) continue;
    if (types.includes('pull_request') && (types.includes('deletion') || types.includes('non_fast_forward'))) {
      return pass(`${file} requires pull requests and blocks force-pushes or deletion. ${NOTE}`, [{ file }]);
    }
    return partial(`${file} lacks ${types.includes('pull_request') ? 'deletion / force-push protection' : 'a pull-request rule'}. ${NOTE}`, [{ file }]);
  }
  const settings = repo.findFirst(['.github/settings.yml', '.github/settings.yaml']);
  if (settings) {
    const text = repo.read(settings) ?? '';
    let protection = false;
    try {
      const doc = parse(text) as { branches?: Array<{ protection?: unknown }> } | null;
      protection = Array.isArray(doc?.branches) && doc.branches.some((b) => b && typeof b.protection === 'object' && b.protection !== null);
    } catch {
      protection = false;
    }
    if (protection) return pass(`Branch protection is declared in ${settings} (Probot settings app). ${NOTE}`, [lineMatching(repo, settings, /^\s*protection\s*:/)]);
  }
  return fail(
    `No branch ruleset committed in .github/rulesets/. Protection configured only in ${profile.answers.repository.owner ? `${profile.answers.repository.owner}/${profile.answers.repository.name}'s` : "the repository's"} settings cannot be seen offline; commit the exported ruleset so it is reviewable.`,
  );
};
