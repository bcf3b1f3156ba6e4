// Kyverno admission policy for the project's images (control "admission-policy").
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Answers } from '../../model.js';
import { planFor } from '../../../test/helpers/generate.js';

const FILE = 'deploy/policy/kyverno-verify-images.yaml';

async function policy(overrides: Partial<Answers> = {}) {
  const plan = await planFor({ level: 3, artifacts: ['container-images'], ...overrides });
  const file = plan.files.find((f) => f.path === FILE);
  return file ? parse(file.content) : undefined;
}

describe('admission-policy', () => {
  it.each<[Partial<Answers>, boolean]>([
    [{ level: 2 }, false],
    [{ level: 3, artifacts: ['binaries', 'helm-charts'] }, false],
    [{ level: 3 }, true],
  ])('is generated only at level 3 for container images: %j', async (answers, expected) => {
    expect((await policy(answers)) !== undefined).toBe(expected);
  });

  it('is a Kyverno v1 ClusterPolicy that verifies signature and provenance of this repository', async () => {
    const doc = await policy();
    expect(doc.apiVersion).toBe('kyverno.io/v1');
    expect(doc.kind).toBe('ClusterPolicy');
    expect(doc.metadata.name).toBe('verify-widget-images');
    expect(doc.spec).toMatchObject({ validationFailureAction: 'Enforce', background: false });
    const [rule] = doc.spec.rules;
    expect(rule.match.any[0].resources.kinds).toEqual(['Pod']);
    const [verify] = rule.verifyImages;
    expect(verify).toMatchObject({ imageReferences: ['ghcr.io/acme/widget', 'ghcr.io/acme/widget:*', 'ghcr.io/acme/widget@*'], type: 'SigstoreBundle', mutateDigest: true, verifyDigest: true, required: true });

    const keyless = verify.attestors[0].entries[0].keyless;
    expect(keyless.issuer).toBe('https://token.actions.githubusercontent.com');
    expect(keyless.rekor.url).toBe('https://rekor.sigstore.dev');
    const subject = new RegExp(keyless.subjectRegExp);
    expect(subject.test('https://github.com/acme/widget/.github/workflows/release.yml@refs/tags/v1.2.3')).toBe(true);
    expect(subject.test('https://github.com/acme/widget/.github/workflows/release.yml@refs/heads/main')).toBe(false);
    expect(subject.test('https://github.com/acme/widget/.github/workflows/ci.yml@refs/tags/v1.2.3')).toBe(false);
    expect(subject.test('https://github.com/acme/widget-fork/.github/workflows/release.yml@refs/tags/v1.2.3')).toBe(false);
    expect(subject.test('https://github.com/other/widget/.github/workflows/release.yml@refs/tags/v1.2.3')).toBe(false);

    const [attestation] = verify.attestations;
    expect(attestation.type).toBe('https://slsa.dev/provenance/v1');
    expect(attestation.attestors[0].entries[0].keyless).toEqual(keyless);
    const conditions = Object.fromEntries(attestation.conditions[0].all.map((c: any) => [c.key, [c.operator, c.value]]));
    expect(conditions['{{ buildDefinition.externalParameters.workflow.repository }}']).toEqual(['Equals', 'https://github.com/acme/widget']);
    expect(conditions['{{ buildDefinition.externalParameters.workflow.path }}']).toEqual(['Equals', '.github/workflows/release.yml']);
    expect(conditions['{{ buildDefinition.buildType }}']).toEqual(['Equals', 'https://actions.github.io/buildtypes/workflow/v1']);
  });

  it('uses a valid object name and the lowercase GHCR name for any repository', async () => {
    const doc = await policy({ repository: { owner: 'Big-Org', name: 'My_Tool.v2' } });
    expect(doc.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    expect(doc.metadata.name.length).toBeLessThanOrEqual(63);
    const verify = doc.spec.rules[0].verifyImages[0];
    expect(verify.imageReferences).toEqual(['ghcr.io/big-org/my_tool.v2', 'ghcr.io/big-org/my_tool.v2:*', 'ghcr.io/big-org/my_tool.v2@*']);
    const subject = new RegExp(verify.attestors[0].entries[0].keyless.subjectRegExp);
    expect(subject.test('https://github.com/Big-Org/My_Tool.v2/.github/workflows/release.yml@refs/tags/v2.0.0')).toBe(true);
    expect(subject.test('https://github.com/Big-Org/My_Tool-v2/.github/workflows/release.yml@refs/tags/v2.0.0')).toBe(false);
  });
});
