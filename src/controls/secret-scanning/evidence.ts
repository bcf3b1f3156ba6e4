import type { Evidence, PlanContext, RepoView } from '../../catalog/types.js';
import { delegatedOr, fail, findTools, hitLocations, labels, lineMatching, partial, pass } from '../../evidence/kit.js';
import { SECRET_TOOLS } from '../../evidence/tools.js';

const PRE_COMMIT_HOOK = /gitleaks|trufflehog|detect-secrets|ggshield/i;

/** A secret scanner in CI (gitleaks, TruffleHog, ggshield, detect-secrets); a pre-commit hook alone is partial. */
export const evidence = (repo: RepoView, { profile }: PlanContext): Evidence => {
  const hits = findTools(repo, SECRET_TOOLS);
  if (hits.length > 0) return pass(`Commits are scanned for secrets with ${labels(hits)}.`, hitLocations(hits));
  const preCommit = repo.findFirst(['.pre-commit-config.yaml', '.pre-commit-config.yml']);
  if (preCommit && PRE_COMMIT_HOOK.test(repo.read(preCommit) ?? '')) {
    return partial(`${preCommit} has a secret-scanning hook, but hooks run only where contributors install them; scan in CI too.`, [lineMatching(repo, preCommit, PRE_COMMIT_HOOK)]);
  }
  return delegatedOr(
    repo,
    profile,
    /secret|gitleaks|trufflehog/i,
    'Secret scanning',
    fail('No secret scanner in the workflows. GitHub secret scanning and push protection are settings and cannot be seen here; turn them on as well.'),
  );
};
