import type { Control } from '../../catalog/types.js';
import { generatorInfo } from '../../version.js';
import { workflowData } from '../common.js';
import { evidence } from './evidence.js';

/** Node.js major the audit runs on (the package supports >= 20.17). */
export const CHECK_NODE_VERSION = '22';

export const checkGate: Control = {
  id: 'check-gate',
  title: 'secure-cncf check on every pull request',
  why: 'Keeps the level from eroding: a change that deletes a security workflow, unpins an action or widens token permissions fails a check and shows up in code scanning, instead of being noticed at the next audit.',
  level: 2,
  osps: [],
  practices: [],
  outputs: ({ profile }) => {
    const { name, version } = generatorInfo();
    return [
      {
        path: '.github/workflows/secure-cncf-check.yml',
        template: 'check-gate/secure-cncf-check.yml.ejs',
        data: { ...workflowData(profile, 'secure-cncf-check'), checkPackage: `${name}@${version}`, nodeVersion: CHECK_NODE_VERSION },
      },
    ];
  },
  evidence,
  fix: 'npx create-secure-cncf retrofit --level 2',
};
