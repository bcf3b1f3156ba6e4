import type { Evidence, PlanContext, RepoView } from '../../catalog/types.js';
import { delegatedOr, fail, findTools, hitLocations, labels, pass } from '../../evidence/kit.js';
import { SCA_TOOLS } from '../../evidence/tools.js';

/** A workflow that scans dependencies for known vulnerabilities (OSV-Scanner, govulncheck, Trivy, Grype, cargo-deny/audit, pip-audit, ...). */
export const evidence = (repo: RepoView, { profile }: PlanContext): Evidence => {
  const hits = findTools(repo, SCA_TOOLS);
  if (hits.length > 0) return pass(`Dependencies are scanned with ${labels(hits)}.`, hitLocations(hits));
  return delegatedOr(
    repo,
    profile,
    /vuln|osv|trivy|grype|audit|sca\b|dependency-scan/i,
    'Dependency vulnerability scanning',
    fail('No dependency vulnerability scanner in the workflows (OSV-Scanner, govulncheck, Trivy, Grype, cargo-deny, cargo-audit, pip-audit). Dependabot alerts, if on, are a setting and not visible here.'),
  );
};
