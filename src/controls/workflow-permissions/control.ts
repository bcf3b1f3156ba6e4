import type { Control } from '../../catalog/types.js';
import { evidence } from './evidence.js';

// A property of every generated workflow: `permissions: {}` (or read-only) at the top and only
// what each job needs below; checkouts do not persist the token; no untrusted expression is
// expanded inside `run:`.
export const workflowPermissions: Control = {
  id: 'workflow-permissions',
  title: 'Least-privilege workflow tokens',
  why: 'A compromised step can only do what the job token allows; read-only defaults and per-job grants keep a bug in one tool from becoming write access to the repository.',
  level: 1,
  osps: ['OSPS-AC-04.01', 'OSPS-BR-01.01'],
  practices: ['workflow-least-privilege'],
  outputs: () => [],
  evidence,
  fix: 'npx create-secure-cncf retrofit --level 1',
};
