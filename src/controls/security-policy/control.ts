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
  outputs: ({ profile }) => [
    {
      path: 'SECURITY.md',
      template: 'security-policy/SECURITY.md.ejs',
      data: {
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
  fix: 'npx create-secure-cncf retrofit --level 1',
};
