import type { Control } from '../../catalog/types.js';
import { releaseIdentity } from '../release-signing/control.js';
import { evidence } from './evidence.js';

/** A Kubernetes object name (DNS-1123 subdomain label subset) derived from the repository name. */
function policyName(repoName: string): string {
  const slug = repoName.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return `verify-${slug || 'release'}-images`.slice(0, 63).replace(/-+$/, '');
}

export const admissionPolicy: Control = {
  evidence,
  fix: 'npx create-secure-cncf retrofit --level 3',
  id: 'admission-policy',
  title: 'Admission policy for signed images (Kyverno)',
  why: 'Lets clusters that run the project refuse any of its images that this repository\'s release workflow did not sign and attest, so a leaked registry token or a hand-pushed image cannot reach production under the project\'s name.',
  level: 3,
  osps: [],
  practices: ['artifact-signing', 'build-provenance'],
  appliesTo: (profile) => profile.artifacts.includes('container-images'),
  outputs: ({ profile }) => {
    const identity = releaseIdentity(profile);
    return [
      {
        path: 'deploy/policy/kyverno-verify-images.yaml',
        template: 'admission-policy/kyverno-verify-images.yaml.ejs',
        data: {
          ...identity,
          policyName: policyName(profile.answers.repository.name),
          projectName: profile.answers.projectName,
          // Kyverno matches the whole subject against the expression: anchor the end as well.
          subjectRegExp: `${identity.identityRegexp}.*$`,
        },
      },
    ];
  },
};
