import type { Evidence, PlanContext, RepoView } from '../../catalog/types.js';
import { delegatedOr, fail, findTools, hitLocations, labels, pass } from '../../evidence/kit.js';
import { CONTAINER_SCAN_TOOLS } from '../../evidence/tools.js';

/** A workflow that scans built container images (Grype, Trivy image, Docker Scout, Snyk Container). */
export const evidence = (repo: RepoView, { profile }: PlanContext): Evidence => {
  const hits = findTools(repo, CONTAINER_SCAN_TOOLS);
  if (hits.length > 0) return pass(`Container images are scanned with ${labels(hits)}.`, hitLocations(hits));
  return delegatedOr(repo, profile, /container|image|trivy|grype/i, 'Container scanning', fail('No container image scan in the workflows (Grype, Trivy image, Docker Scout).'));
};
