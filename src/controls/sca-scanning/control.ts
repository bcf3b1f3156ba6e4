import type { Control } from '../../catalog/types.js';
import { fileIn, workflowData, workingDir } from '../common.js';
import { evidence } from './evidence.js';

export const scaScanning: Control = {
  id: 'sca-scanning',
  title: 'Dependency vulnerability scanning',
  why: 'Finds known vulnerabilities in the dependencies already in the repository, daily, with OSV-Scanner over every lockfile and the ecosystem scanners (govulncheck, cargo-deny, pip-audit) where they exist.',
  level: 1,
  osps: ['OSPS-VM-05.03'],
  practices: ['sca-scanning'],
  outputs: ({ profile }) => {
    const dirs = (...ecosystems: Array<keyof typeof profile.ecosystems>) =>
      [...new Set(ecosystems.flatMap((e) => profile.ecosystems[e] ?? []))].map(workingDir);
    return [
      {
        path: '.github/workflows/vulnerability-scan.yml',
        template: 'sca-scanning/vulnerability-scan.yml.ejs',
        data: {
          ...workflowData(profile, 'vulnerability-scan'),
          goDirs: profile.languages.includes('go') ? dirs('gomod') : [],
          cargoDirs: profile.languages.includes('rust') ? (profile.ecosystems.cargo ?? []).map((d) => fileIn(d, 'Cargo.toml')) : [],
          pythonDirs: profile.languages.includes('python') ? dirs('pip', 'uv') : [],
        },
      },
    ];
  },
  evidence,
  fix: 'npx create-secure-cncf retrofit --level 1',
};
