import type { Control } from '../catalog/types.js';

export const securityPolicy: Control = {
  id: 'security-policy',
  title: 'Security policy and private vulnerability reporting',
  why: 'Tells reporters how to reach the maintainers privately, what response to expect and how disclosure is coordinated, so vulnerabilities are not filed as public issues.',
  level: 1,
  osps: ['OSPS-VM-02.01', 'OSPS-VM-01.01', 'OSPS-VM-03.01', 'OSPS-DO-02.01'],
  practices: ['security-policy', 'private-vuln-reporting'],
  outputs: (profile) => [
    {
      path: 'SECURITY.md',
      template: 'security-policy/SECURITY.md.ejs',
      data: {
        projectName: profile.answers.projectName,
        repoSlug: `${profile.answers.repository.owner}/${profile.answers.repository.name}`,
        branch: profile.answers.defaultBranch,
        level: profile.answers.level,
      },
    },
  ],
};
