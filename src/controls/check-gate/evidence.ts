import type { Evidence, PlanContext, RepoView } from '../../catalog/types.js';
import { fail, findingLocations, partial, pass } from '../../evidence/kit.js';
import { findTools } from '../../evidence/practices.js';
import { input, type ToolSpec } from '../../evidence/tools.js';
import { reachableUnits } from '../../evidence/reach.js';
import { selfSlug } from '../../evidence/kit.js';
import { CHECK_ACTION } from './names.js';

/** The ways a workflow runs the audit: the action (its default command is check) or the CLI. */
function checkRunners(self: string | undefined): ToolSpec[] {
  const specs: ToolSpec[] = [
    { label: 'secure-cncf action', uses: [CHECK_ACTION], when: (unit) => ['', 'check'].includes(input(unit, 'command').trim()) },
    { label: 'secure-cncf check', run: /\b(create-)?secure-cncf(@\S+)?\s+check\b/ },
  ];
  // The tool's own repository audits itself with the CLI built from the commit under test.
  if (self?.toLowerCase() === CHECK_ACTION) specs.push({ label: 'secure-cncf check (own build)', run: /\bnode\s+(\.\/)?dist\/bin\.js\s+check\b/ });
  return specs;
}

/** A workflow that runs `secure-cncf check` (the action, or the CLI) on pull requests. */
export const evidence = (repo: RepoView, { profile }: PlanContext): Evidence => {
  const self = selfSlug(profile);
  const hits = findTools(repo, checkRunners(self), reachableUnits(repo, self));
  const onPulls = hits.filter((hit) => hit.onPullRequests);
  if (onPulls.length > 0) return pass('secure-cncf check gates pull requests.', findingLocations(onPulls));
  if (hits.length > 0) return partial('secure-cncf check runs, but not on pull requests.', findingLocations(hits));
  return fail('No workflow runs secure-cncf check on pull requests.');
};
