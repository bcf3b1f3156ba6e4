import type { Evidence, PlanContext, RepoView } from '../../catalog/types.js';
import { fail, practice, practiceEvidence } from '../../evidence/kit.js';

/** actions/dependency-review-action on pull requests. */
export const evidence = (repo: RepoView, { profile }: PlanContext): Evidence =>
  practiceEvidence(practice(repo, 'dependency-review', profile), {
    what: 'Dependency review',
    requirePullRequests: true,
    absent: fail('No dependency review on pull requests (actions/dependency-review-action).'),
  });
