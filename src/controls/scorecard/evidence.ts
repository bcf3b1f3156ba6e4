import type { Evidence, PlanContext, RepoView } from '../../catalog/types.js';
import { delegatedOr, fail, findTools, hitLocations, pass } from '../../evidence/kit.js';

/** The OpenSSF Scorecard action (or the scorecard CLI) in a workflow. */
export const evidence = (repo: RepoView, { profile }: PlanContext): Evidence => {
  const hits = findTools(repo, [{ label: 'Scorecard', uses: ['ossf/scorecard-action'], run: /\bscorecard\s+--(repo|local)\b/ }]);
  if (hits.length > 0) return pass('OpenSSF Scorecard runs in CI.', hitLocations(hits));
  return delegatedOr(repo, profile, /scorecard/i, 'Scorecard', fail('No OpenSSF Scorecard workflow (ossf/scorecard-action).'));
};
