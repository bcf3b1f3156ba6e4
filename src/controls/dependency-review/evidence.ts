import type { Evidence, PlanContext, RepoView } from '../../catalog/types.js';
import { delegatedOr, fail, findTools, hitLocations, partial, pass, runsOnPullRequests } from '../../evidence/kit.js';

/** actions/dependency-review-action on pull requests. */
export const evidence = (repo: RepoView, { profile }: PlanContext): Evidence => {
  const hits = findTools(repo, [{ label: 'dependency-review-action', uses: ['actions/dependency-review-action'] }]);
  const onPulls = hits.filter((hit) => runsOnPullRequests(hit.workflow));
  if (onPulls.length > 0) return pass('actions/dependency-review-action checks every pull request.', hitLocations(onPulls));
  if (hits.length > 0) return partial('actions/dependency-review-action is used, but not in a workflow triggered by pull requests.', hitLocations(hits));
  return delegatedOr(repo, profile, /dependency-review/i, 'Dependency review', fail('No dependency review on pull requests (actions/dependency-review-action).'));
};
