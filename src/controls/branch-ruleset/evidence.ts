import { parse } from 'yaml';
import type { Evidence, PlanContext, RepoView } from '../../catalog/types.js';
import { fail, lineMatching, partial, pass } from '../../evidence/kit.js';

const NOTE = 'Whether it is applied is a repository setting that cannot be seen offline (gh api repos/{owner}/{repo}/rulesets).';

interface Rule {
  type?: string;
  parameters?: { required_approving_review_count?: unknown };
}

function rulesetRules(text: string): Rule[] | undefined {
  try {
    const json = JSON.parse(text) as { rules?: Rule[] };
    return Array.isArray(json.rules) ? json.rules.filter((rule): rule is Rule => typeof rule === 'object' && rule !== null) : undefined;
  } catch {
    return undefined;
  }
}

/** A committed ruleset (GitHub's export format) or branch protection in .github/settings.yml (Probot settings). */
export const evidence = (repo: RepoView, { profile, settings: preset }: PlanContext): Evidence => {
  const rulesets = repo.filesIn('.github/rulesets').filter((file) => /^\.github\/rulesets\/[^/]+\.json$/.test(file));
  for (const file of rulesets) {
    const rules = rulesetRules(repo.read(file) ?? '');
    if (!rules) continue;
    const types = rules.map((rule) => String(rule.type));
    if (types.includes('pull_request') && (types.includes('deletion') || types.includes('non_fast_forward'))) {
      // The selected compliance presets ask for a number of approving reviews (settings.requiredReviewers).
      const wanted = preset?.requiredReviewers ?? 0;
      const approvals = Math.max(...rules.filter((r) => r.type === 'pull_request').map((r) => Number(r.parameters?.required_approving_review_count ?? 0)));
      if (approvals < wanted) {
        return partial(`${file} requires ${approvals} approving review${approvals === 1 ? '' : 's'}; the selected compliance presets ask for ${wanted}. ${NOTE}`, [{ file }]);
      }
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
