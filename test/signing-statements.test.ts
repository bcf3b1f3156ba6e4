// What SECURITY.md and the docs say about signatures follows the selected controls, not the level:
// a release workflow that signs comes with the verify commands, and no page promises signatures,
// SLSA provenance or an admission policy that the plan does not generate.
import { describe, expect, it } from 'vitest';
import type { Answers, Plan } from '../src/model.js';
import { planFor } from './helpers/generate.js';

const CASES: Array<Partial<Answers>> = [
  { level: 1 },
  { level: 1, compliance: ['soc2'] },
  { level: 1, compliance: ['fedramp-high'] },
  { level: 2 },
  { level: 2, compliance: ['eu-cra'] },
  { level: 3 },
];

function content(plan: Plan, file: string): string | undefined {
  return plan.files.find((f) => f.path === file)?.content;
}

describe.each(CASES)('signing statements: %o', (overrides) => {
  it('SECURITY.md, the docs page and the release workflow agree', async () => {
    const plan = await planFor({ languages: ['go'], artifacts: ['binaries', 'container-images'], ...overrides });
    const release = content(plan, '.github/workflows/release.yml');
    const security = content(plan, 'SECURITY.md')!;
    const signs = release?.includes('cosign sign-blob') ?? false;
    expect(security.includes('cosign verify-blob'), 'verify commands iff the release workflow signs').toBe(signs);
    expect(security.includes('When the project starts signing releases'), '"not signed yet" iff nothing signs').toBe(!signs);
    const slsa = release?.includes('slsa-framework/slsa-github-generator') ?? false;
    expect(security.includes('slsa-verifier'), 'SLSA verification iff the workflow produces SLSA provenance').toBe(slsa);
    const policy = plan.files.some((f) => f.path === 'deploy/policy/kyverno-verify-images.yaml');
    expect(security.includes('kyverno-verify-images.yaml'), 'admission policy mentioned iff generated').toBe(policy);
    const portal = content(plan, 'docs/security/index.md');
    if (portal) expect(portal.includes('signed keylessly'), 'docs page').toBe(signs);
  });
});
