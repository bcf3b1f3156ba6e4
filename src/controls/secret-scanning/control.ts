import type { Control } from '../../catalog/types.js';
import { workflowData } from '../common.js';
import { evidence } from './evidence.js';

export const secretScanning: Control = {
  id: 'secret-scanning',
  title: 'Secret scanning',
  why: 'Catches credentials committed by mistake in every push and pull request, so they can be revoked before anyone uses them.',
  level: 1,
  osps: ['OSPS-BR-07.01'],
  practices: ['secret-scanning'],
  outputs: ({ profile }) => [
    {
      path: '.github/workflows/secret-scanning.yml',
      template: 'secret-scanning/secret-scanning.yml.ejs',
      data: workflowData(profile, 'secret-scanning'),
    },
  ],
  evidence,
  fix: 'npx create-secure-cncf retrofit --level 1',
};
