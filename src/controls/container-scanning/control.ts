import type { Control } from '../../catalog/types.js';
import { retentionDays, workflowData } from '../common.js';
import { dockerContext } from '../release-signing/control.js';
import { evidence } from './evidence.js';

export const containerScanning: Control = {
  evidence,
  fix: 'npx create-secure-cncf retrofit --level 3',
  id: 'container-scanning',
  title: 'Container image vulnerability scanning',
  why: 'Builds the release image from every change and on a schedule and scans it with Grype, so a critical vulnerability that already has a fix (usually in the base image or an OS package) blocks the change instead of shipping; findings appear in code scanning.',
  level: 3,
  osps: ['OSPS-VM-05.03'],
  practices: ['container-scanning'],
  appliesTo: (profile) => profile.artifacts.includes('container-images'),
  outputs: (ctx) => [
    {
      path: '.github/workflows/container-scan.yml',
      template: 'container-scanning/container-scan.yml.ejs',
      data: {
        ...workflowData(ctx.profile, 'container-scan'),
        dockerContext: dockerContext(ctx.profile),
        // with a compliance preset, the SARIF is also kept as an artifact for the preset's period
        keepResultsDays: ctx.settings ? retentionDays(ctx, 'scan-result', 5) : undefined,
      },
    },
  ],
};
