import type { Evidence, RepoView } from '../catalog/types.js';
import type { Profile } from '../model.js';
import { delegatedOr, findTools, hitLocations, labels, partial, pass, runsOnPullRequests } from '../check/kit.js';
import { SAST_TOOLS } from '../check/tools.js';

/** A SAST workflow (CodeQL advanced setup, Semgrep, gosec, Sonar, ...). CodeQL default setup lives in settings only. */
export const evidence = (repo: RepoView, profile: Profile): Evidence => {
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
