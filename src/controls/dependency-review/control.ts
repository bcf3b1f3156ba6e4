import type { Control } from '../../catalog/types.js';
import { workflowData } from '../common.js';
import { evidence } from './evidence.js';

export const dependencyReview: Control = {
  id: 'dependency-review',
  title: 'Dependency review on pull requests',
  why: 'Stops a pull request that adds or upgrades to a dependency version with a known vulnerability, before it reaches the default branch.',
  level: 1,
  osps: ['OSPS-VM-05.03'],
  practices: ['dependency-review'],
  outputs: ({ profile }) => [
    {
      path: '.github/workflows/dependency-review.yml',
      template: 'dependency-review/dependency-review.yml.ejs',
      data: { ...workflowData(profile, 'dependency-review'), failOnSeverity: profile.answers.level >= 3 ? 'moderate' : 'high' },
    },
  ],
  evidence,
  fix: 'npx create-secure-cncf retrofit --level 1',
};
