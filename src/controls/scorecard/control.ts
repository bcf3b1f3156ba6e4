import type { Control } from '../../catalog/types.js';
import { retentionDays, workflowData } from '../common.js';
import { evidence } from './evidence.js';

export const scorecard: Control = {
  id: 'scorecard',
  title: 'OpenSSF Scorecard',
  why: 'Measures the repository against the OpenSSF supply-chain checks every week and on branch-protection changes, publishes the score for users, and files findings in code scanning.',
  level: 1,
  osps: [],
  practices: ['scorecard'],
  outputs: (ctx) => [
    {
      path: '.github/workflows/scorecard.yml',
      template: 'scorecard/scorecard.yml.ejs',
      data: { ...workflowData(ctx.profile, 'scorecard'), retentionDays: retentionDays(ctx, 'scan-result', 5) },
    },
  ],
  evidence,
  fix: 'npx create-secure-cncf retrofit --level 1',
};
