import type { Evidence, PlanContext, RepoView } from '../../catalog/types.js';
import { fail, practice, practiceEvidence } from '../../evidence/kit.js';

/** A workflow that scans built container images (Grype, Trivy image, Docker Scout, Snyk Container, Dockle). */
export const evidence = (repo: RepoView, { profile }: PlanContext): Evidence =>
  practiceEvidence(practice(repo, 'container-scanning', profile), {
    what: 'Container images are scanned',
    absent: fail('No container image scan in the workflows (Grype, Trivy image, Docker Scout).'),
  });
