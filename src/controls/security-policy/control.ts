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
  outputs: (ctx) => {
    const { profile, covered, releases } = ctx;
    // What SECURITY.md says about signatures follows the selected controls, never the level: a
    // level-1 project with a compliance preset that adds release signing gets the verify commands.
    const signedReleases = ctx.has('release-signing');
    return [
      {
        path: 'SECURITY.md',
        template: 'security-policy/SECURITY.md.ejs',
        data: {
          policy: profile.answers.policy,
          // Statements about releases follow the repository's tags (retrofit); unknown says nothing specific.
          releases: releases ?? 'unknown',
          // Verification commands only for the release workflow this tool writes, not for the repository's own pipeline.
          ownRelease: !covered?.has('release-signing'),
          // Signing identity, image and chart locations for the "Verify a release" section.
          ...releaseIdentity(profile),
          projectName: profile.answers.projectName,
          repoSlug: `${profile.answers.repository.owner}/${profile.answers.repository.name}`,
          branch: profile.answers.defaultBranch,
          level: profile.answers.level,
          signedReleases,
          // The release workflow adds SLSA Build L3 provenance at level 3 (its own condition).
          slsaProvenance: signedReleases && profile.answers.level >= 3,
          admissionPolicy: ctx.has('admission-policy'),
        },
      },
    ];
  },
  evidence,
  // An organisation-wide policy in <owner>/.github may apply: retrofit adds SECURITY.md only when told it does not.
  fix: 'npx create-secure-cncf retrofit --security-policy (first check that no organisation-wide SECURITY.md in <owner>/.github applies)',
};
