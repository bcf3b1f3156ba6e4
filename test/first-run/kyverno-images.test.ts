// The admission policy must admit this repository's image only: Kyverno matches imageReferences
// as wildcards (`*` any characters, `?` one), so `<image>*` also matched sibling repositories'
// images (ghcr.io/acme/widget-operator).
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planFor } from '../helpers/generate.js';

const wildcard = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);

describe('Kyverno imageReferences', () => {
  it('match the image by tag or digest and nothing else', async () => {
    const plan = await planFor({ level: 3, artifacts: ['container-images'] });
    const policy = parse(plan.files.find((f) => f.path === 'deploy/policy/kyverno-verify-images.yaml')!.content);
    const references: string[] = policy.spec.rules[0].verifyImages[0].imageReferences;
    const matches = (image: string) => references.some((r) => wildcard(r).test(image));
    for (const image of ['ghcr.io/acme/widget', 'ghcr.io/acme/widget:1.2.3', `ghcr.io/acme/widget@sha256:${'a'.repeat(64)}`, `ghcr.io/acme/widget:1.2.3@sha256:${'a'.repeat(64)}`]) {
      expect(matches(image), image).toBe(true);
    }
    for (const image of ['ghcr.io/acme/widget-operator:1.0.0', 'ghcr.io/acme/widgets', 'ghcr.io/acme/widget/charts/widget:0.1.0', 'ghcr.io/acme/widget2@sha256:abc']) {
      expect(matches(image), image).toBe(false);
    }
  });
});
