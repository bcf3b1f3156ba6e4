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
    const { profile } = ctx;
    // What SECURITY.md says about signatures follows the selected controls, never the level: a
    // level-1 project with a compliance preset that adds release signing gets the verify commands.
    const signedReleases = ctx.has('release-signing');
    return [
      {
        path: 'SECURITY.md',
        template: 'security-policy/SECURITY.md.ejs',
        data: {
          // Signing identity, image and chart locations for the "Verify a release" section.
          ...releaseIdentity(profile),
          projectName: profile.answers.projectName,
          repoSlug: `${profile.answers.repository.owner}/${profile.answers.repository.name}`,
          branch: profile.answers.defaultBranch,
          signedReleases,
          // The release workflow adds SLSA Build L3 provenance at level 3 (its own condition).
          slsaProvenance: signedReleases && profile.answers.level >= 3,
          admissionPolicy: ctx.has('admission-policy'),
        },
      },
    ];
  },
  evidence,
  fix: 'npx create-secure-cncf retrofit --level 1',
};
