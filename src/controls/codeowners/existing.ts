// An existing repository gets no generated CODEOWNERS. Offline, the only owner secure-cncf can name
// is the repository's owner, usually an organisation, and GitHub accepts only users and teams
// (@org/team) as code owners: a file giving every path to @org is one maintainers reject. The
// maintainers know their teams, so retrofit and check name the step instead.
import type { PlanContext, RepoView } from '../../catalog/types.js';
import { sensitivePaths } from './control.js';
import { MAINTAINERS_FILES } from './evidence.js';

export const CODEOWNERS_PATH = '.github/CODEOWNERS';

/** Whether a pattern this control writes ("/dir/", "/file", or a name anywhere) matches a file here. */
function matchesAFile(pattern: string, repo: RepoView): boolean {
  if (pattern.startsWith('/') && pattern.endsWith('/')) return repo.hasFilesUnder(pattern.slice(1, -1));
  if (pattern.startsWith('/')) return repo.has(pattern.slice(1));
  if (!pattern.includes('/')) return repo.filesNamed(new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`)).length > 0;
  return repo.files.some((file) => file === pattern || file.endsWith(`/${pattern}`));
}

/** The manual step that replaces a generated CODEOWNERS: who to name, and which existing paths to list. */
export function codeownersStep(repo: RepoView, ctx: PlanContext): string {
  const owner = ctx.profile.answers.repository.owner || '<owner>';
  const maintainers = repo.findFirst(MAINTAINERS_FILES);
  // Only paths that exist: an entry for a file the repository does not have assigns nothing.
  const existing = sensitivePaths(ctx.profile)
    .map((entry) => entry.pattern)
    .filter((pattern) => matchesAFile(pattern, repo));
  const sensitive = existing.length > 0 ? `, then the security-sensitive paths (${existing.join(', ')}) to the same or a smaller team` : '';
  return (
    `Code owners: add ${CODEOWNERS_PATH} giving every path (*) to a team (@${owner}/<team>) or to maintainers by user name${maintainers ? ` (those in ${maintainers})` : ''}${sensitive}. ` +
    `secure-cncf writes none here: the only owner it can name is @${owner}, which may be an organisation, and GitHub accepts only users and teams as code owners.`
  );
}
