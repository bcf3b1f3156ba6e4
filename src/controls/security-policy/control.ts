import type { Control } from '../../catalog/types.js';
import { releaseIdentity } from '../release-signing/control.js';
import { evidence } from './evidence.js';

export const securityPolicy: Control = {
  id: 'security-policy',
  title: 'Security policy and private vulnerability reporting',
  why: 'Tells reporters how to reach the maintainers privately, what response to expect and how disclosure is coordinated, so vulnerabilities are not filed as public issues.',
  level: 1,
  osps: ['OSPS-VM-02.01', 'OSPS-VM-01.01', 'OSPS-VM-03.01', 'OSPS-DO-02.01'],
  practices: ['security-policy', 'private-vuln-reporting'],
  outputs: ({ profile, covered, releases }) => [
    {
      path: 'SECURITY.md',
      template: 'security-policy/SECURITY.md.ejs',
      data: {
        policy: profile.answers.policy,
        // Statements about releases follow the repository's tags (retrofit); unknown says nothing specific.
        releases: releases ?? 'unknown',
        // Verification commands only for the release workflow this tool writes, not for the repository's own pipeline.
        ownRelease: !covered?.has('release-signing'),
        // Signing identity, image and chart locations for the "Verify a release" section (level >= 2).
        ...releaseIdentity(profile),
        projectName: profile.answers.projectName,
        repoSlug: `${profile.answers.repository.owner}/${profile.answers.repository.name}`,
        branch: profile.answers.defaultBranch,
        level: profile.answers.level,
      },
    },
  ],
  evidence,
  // An organisation-wide policy in <owner>/.github may apply: retrofit adds SECURITY.md only when told it does not.
  fix: 'npx create-secure-cncf retrofit --security-policy (first check that no organisation-wide SECURITY.md in <owner>/.github applies)',
};
