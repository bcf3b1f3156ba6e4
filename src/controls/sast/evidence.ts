import type { Evidence, PlanContext, RepoView } from '../../catalog/types.js';
import { partial, practice, practiceEvidence } from '../../evidence/kit.js';

/** SAST on pull requests (CodeQL advanced setup, Semgrep, gosec directly or through golangci-lint, ...). CodeQL default setup lives in settings only. */
export const evidence = (repo: RepoView, { profile }: PlanContext): Evidence => {
  const config = repo.findFirst(['.github/codeql/codeql-config.yml', '.github/codeql/codeql-config.yaml', '.github/codeql.yml']);
  const note = 'CodeQL default setup is turned on in Settings > Code security and leaves no file, so it cannot be seen here: if it is on, this is covered.';
  return practiceEvidence(practice(repo, 'sast', profile), {
    what: 'Static analysis',
    requirePullRequests: true,
    absent: partial(`No SAST workflow found${config ? ` (only ${config})` : ''}. ${note}`, config ? [{ file: config }] : []),
  });
};
