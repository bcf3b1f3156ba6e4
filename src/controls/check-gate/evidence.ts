import type { Evidence, RepoView } from '../../catalog/types.js';
import { fail, findTools, hitLocations, partial, pass, runsOnPullRequests } from '../../evidence/kit.js';

/** A workflow that runs `secure-cncf check` (or `create-secure-cncf check`) on pull requests. */
export const evidence = (repo: RepoView): Evidence => {
  const hits = findTools(repo, [{ label: 'secure-cncf check', run: /\b(create-)?secure-cncf(@\S+)?\s+check\b/ }]);
  const onPulls = hits.filter((hit) => runsOnPullRequests(hit.workflow));
  if (onPulls.length > 0) return pass('secure-cncf check gates pull requests.', hitLocations(onPulls));
  if (hits.length > 0) return partial('secure-cncf check runs, but not on pull requests.', hitLocations(hits));
  return fail('No workflow runs secure-cncf check on pull requests.');
};
