import type { Evidence, PlanContext, RepoView } from '../../catalog/types.js';
import { fail, findingLocations, partial, pass } from '../../evidence/kit.js';
import { findTools } from '../../evidence/practices.js';
import { reachableUnits } from '../../evidence/reach.js';
import { selfSlug } from '../../evidence/kit.js';

/** A workflow that runs `secure-cncf check` (or `create-secure-cncf check`) on pull requests. */
export const evidence = (repo: RepoView, { profile }: PlanContext): Evidence => {
  const hits = findTools(repo, [{ label: 'secure-cncf check', run: /\b(create-)?secure-cncf(@\S+)?\s+check\b/ }], reachableUnits(repo, selfSlug(profile)));
  const onPulls = hits.filter((hit) => hit.onPullRequests);
  if (onPulls.length > 0) return pass('secure-cncf check gates pull requests.', findingLocations(onPulls));
  if (hits.length > 0) return partial('secure-cncf check runs, but not on pull requests.', findingLocations(hits));
  return fail('No workflow runs secure-cncf check on pull requests.');
};
