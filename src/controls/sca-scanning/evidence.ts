import type { Evidence, PlanContext, RepoView } from '../../catalog/types.js';
import { fail, practice, practiceEvidence } from '../../evidence/kit.js';

/** Dependencies scanned for known vulnerabilities (OSV-Scanner, govulncheck, Trivy, Grype, cargo-deny/audit, pip-audit, Snyk, ...). */
export const evidence = (repo: RepoView, { profile }: PlanContext): Evidence =>
  practiceEvidence(practice(repo, 'sca', profile), {
    what: 'Dependencies are scanned for known vulnerabilities',
    absent: fail('No dependency vulnerability scanner in the workflows (OSV-Scanner, govulncheck, Trivy, Grype, cargo-deny, cargo-audit, pip-audit). Dependabot alerts, if on, are a setting and not visible here.'),
  });
