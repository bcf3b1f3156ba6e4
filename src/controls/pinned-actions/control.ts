import type { Control } from '../../catalog/types.js';
import { evidence } from './evidence.js';

// A property of every generated workflow rather than a file of its own: each `uses:` is a full
// commit SHA with its release tag as a comment, from the pin table shipped in the package.
export const pinnedActions: Control = {
  id: 'pinned-actions',
  title: 'Actions pinned to full commit SHAs',
  why: 'A tag can be moved to malicious code (as happened to tj-actions/changed-files and trivy-action); a commit SHA cannot. The version comment lets Dependabot update SHA and tag together.',
  level: 1,
  osps: ['OSPS-BR-01.03'],
  practices: ['pinned-actions'],
  outputs: () => [],
  evidence,
  fix: 'npx create-secure-cncf retrofit --level 1',
};
