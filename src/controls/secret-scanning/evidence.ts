import type { Evidence, PlanContext, RepoView } from '../../catalog/types.js';
import { fail, lineMatching, partial, practice, practiceEvidence } from '../../evidence/kit.js';

const PRE_COMMIT_HOOK = /gitleaks|trufflehog|detect-secrets|ggshield|detect-private-key/i;

/** A secret scanner in CI (gitleaks, TruffleHog, ggshield, detect-secrets); a pre-commit hook alone is partial. */
export const evidence = (repo: RepoView, { profile }: PlanContext): Evidence => {
  const preCommit = repo.findFirst(['.pre-commit-config.yaml', '.pre-commit-config.yml']);
  const hook = preCommit && PRE_COMMIT_HOOK.test(repo.read(preCommit) ?? '');
  return practiceEvidence(practice(repo, 'secret-scanning', profile), {
    what: 'Commits are scanned for secrets',
    absent: hook
      ? partial(`${preCommit} has a secret-scanning hook, but hooks run only where contributors install them; scan in CI too.`, [lineMatching(repo, preCommit!, PRE_COMMIT_HOOK)])
      : fail('No secret scanner in the workflows. GitHub secret scanning and push protection are settings and cannot be seen here; turn them on as well.'),
  });
};
