import type { Evidence, PlanContext, RepoView } from '../../catalog/types.js';
import { fail, practice, practiceEvidence } from '../../evidence/kit.js';

/** The OpenSSF Scorecard action (or the scorecard CLI) in a workflow. */
export const evidence = (repo: RepoView, { profile }: PlanContext): Evidence =>
  practiceEvidence(practice(repo, 'scorecard', profile), {
    what: 'OpenSSF Scorecard runs in CI',
    absent: fail('No OpenSSF Scorecard workflow (ossf/scorecard-action).'),
  });
