import type { Evidence, PlanContext, RepoView } from '../../catalog/types.js';
import { delegatedOr, findTools, hitLocations, labels, partial, pass, runsOnPullRequests } from '../../evidence/kit.js';
import { SAST_TOOLS } from '../../evidence/tools.js';

/** A SAST workflow (CodeQL advanced setup, Semgrep, gosec, Sonar, ...). CodeQL default setup lives in settings only. */
export const evidence = (repo: RepoView, { profile }: PlanContext): Evidence => {
  const hits = findTools(repo, SAST_TOOLS);
  const onPulls = hits.filter((hit) => runsOnPullRequests(hit.workflow));
  if (onPulls.length > 0) return pass(`${labels(onPulls)} runs on pull requests.`, hitLocations(onPulls));
  if (hits.length > 0) return partial(`${labels(hits)} runs, but not on pull requests, so findings arrive after the merge.`, hitLocations(hits));
  const config = repo.findFirst(['.github/codeql/codeql-config.yml', '.github/codeql/codeql-config.yaml', '.github/codeql.yml']);
  const note = 'CodeQL default setup is turned on in Settings > Code security and leaves no file, so it cannot be seen here: if it is on, this is covered.';
  return delegatedOr(
    repo,
    profile,
    /codeql|sast|semgrep|gosec|static/i,
    'Static analysis',
    partial(`No SAST workflow found${config ? ` (only ${config})` : ''}. ${note}`, config ? [{ file: config }] : []),
  );
};
