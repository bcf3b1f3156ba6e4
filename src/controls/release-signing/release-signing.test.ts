// The release workflow (control "release-signing") and the "Verify a release" section of SECURITY.md,
// for a spread of language / artifact combinations at every level.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Answers, Artifact, Language } from '../../model.js';
import { actionlint, schemaErrors } from '../../../test/helpers/validators.js';
import { planFor } from '../../../test/helpers/generate.js';
import { loadPins } from '../../pins.js';
import { NATIVE_RUNNERS } from './control.js';

const RELEASE = '.github/workflows/release.yml';
const pins = loadPins();

// Go projects whose only built files are Go binaries release with GoReleaser end to end (see the
// GoReleaser block below); every other mix goes through the workflow's own sign and release jobs.
const COMBOS: Array<{ name: string; languages: Language[]; artifacts: Artifact[]; builds: string[] }> = [
  { name: 'go library (source only)', languages: ['go'], artifacts: ['libraries'], builds: [] },
  { name: 'rust binaries + crate', languages: ['rust'], artifacts: ['binaries', 'libraries'], builds: ['build-rust', 'build-rust-crate'] },
  { name: 'python library', languages: ['python'], artifacts: ['libraries'], builds: ['build-python'] },
  { name: 'npm package + image', languages: ['javascript'], artifacts: ['libraries', 'container-images'], builds: ['build-javascript'] },
  { name: 'maven + gradle', languages: ['java-maven', 'java-gradle'], artifacts: ['libraries'], builds: ['build-maven', 'build-gradle'] },
  { name: 'cpp binaries', languages: ['cpp'], artifacts: ['binaries'], builds: ['build-cpp'] },
  { name: 'go image + chart', languages: ['go'], artifacts: ['container-images', 'helm-charts'], builds: [] },
  {
    name: 'everything',
    languages: ['go', 'rust', 'python', 'javascript', 'java-maven', 'java-gradle', 'cpp'],
    artifacts: ['binaries', 'libraries', 'container-images', 'helm-charts'],
    builds: ['build-go', 'build-rust', 'build-rust-crate', 'build-python', 'build-javascript', 'build-maven', 'build-gradle', 'build-cpp'],
  },
];

// Rendering runs prettier over every file: plan each combination once.
const plans = new Map<string, ReturnType<typeof planFor>>();
function cachedPlan(overrides: Partial<Answers>) {
  const key = JSON.stringify(overrides);
  if (!plans.has(key)) plans.set(key, planFor(overrides));
  return plans.get(key)!;
}

async function release(overrides: Partial<Answers>) {
  const plan = await cachedPlan(overrides);
  const file = plan.files.find((f) => f.path === RELEASE);
  return { plan, file, workflow: file ? parse(file.content) : undefined };
}

const stepsOf = (job: any): any[] => job.steps ?? [];
const usesName = (step: any): string | undefined => (typeof step.uses === 'string' ? step.uses.split('@')[0] : undefined);
const jobUsing = (workflow: any, action: string) =>
  Object.entries<any>(workflow.jobs).filter(([, job]) => stepsOf(job).some((s) => usesName(s) === action)).map(([id]) => id);

describe('release-signing', () => {
  it('is not generated at level 1', async () => {
    const { plan } = await release({ level: 1, artifacts: ['binaries', 'container-images'] });
    expect(plan.files.map((f) => f.path)).not.toContain(RELEASE);
    const security = plan.files.find((f) => f.path === 'SECURITY.md')!.content;
    expect(security).not.toContain('cosign verify');
  });

  describe.each(COMBOS)('$name', ({ languages, artifacts, builds }) => {
    describe.each([2, 3] as const)('level %i', (level) => {
      it('passes actionlint and the workflow schema', async () => {
        const { file } = await release({ languages, artifacts, level });
        expect(file).toBeDefined();
        expect(await actionlint(file!.content, file!.path)).toEqual([]);
        expect(schemaErrors('github-workflow.json', file!.content)).toEqual([]);
      });

      it('follows the hardening rules', async () => {
        const { workflow } = await release({ languages, artifacts, level });
        expect(workflow.on.push.tags).toEqual(['v*.*.*']);
        expect(workflow.permissions).toEqual({});
        expect(workflow.concurrency).toBeDefined();
        for (const [id, job] of Object.entries<any>(workflow.jobs)) {
          expect(job.permissions, `${id} permissions`).toBeDefined();
          if (job['runs-on'] === '${{ matrix.runner }}') {
            // Compiled binaries: one native runner per target, the same bash on each.
            expect(job.strategy.matrix.include.map((m: any) => m.runner), id).toEqual(expect.arrayContaining(NATIVE_RUNNERS.map((r) => r.runner)));
            expect(job.defaults.run.shell, id).toBe('bash');
          } else if (!job.uses) {
            expect(job['runs-on'], id).toBe('ubuntu-24.04');
            expect(job['timeout-minutes'], `${id} timeout`).toBeGreaterThan(0);
          }
          for (const step of stepsOf(job)) {
            if (typeof step.run === 'string') expect(step.run, `${id}: ${step.name}`).not.toContain('${{');
            if (usesName(step) === 'actions/checkout') expect(step.with?.['persist-credentials'], id).toBe(false);
          }
        }
      });

      it('grants each write permission only to the job that needs it', async () => {
        const { workflow } = await release({ languages, artifacts, level });
        const jobs = workflow.jobs as Record<string, any>;
        const withPermission = (scope: string, value: string) =>
          Object.entries(jobs).filter(([, job]) => job.permissions?.[scope] === value).map(([id]) => id).sort();
        // The draft release and the publish step; the SLSA generator's own jobs at level 3.
        const expectedContentsWrite = level >= 3 ? ['provenance', 'publish', 'release'] : ['publish', 'release'];
        expect(withPermission('contents', 'write')).toEqual(expectedContentsWrite);
        const packagesWrite = [
          ...(artifacts.includes('container-images') ? ['image'] : []),
          ...(artifacts.includes('helm-charts') ? ['publish-charts'] : []),
        ].sort();
        expect(withPermission('packages', 'write')).toEqual(packagesWrite);
        // Keyless signing and attestations need the OIDC token; nothing else gets it.
        for (const id of withPermission('id-token', 'write')) {
          const job = jobs[id];
          // npm publish --provenance signs the package's provenance statement with the OIDC token.
          const signs = job.uses || stepsOf(job).some((s) => /cosign (sign|sign-blob) |npm publish .*--provenance/.test(s.run ?? '') || usesName(s) === 'actions/attest-build-provenance');
          expect(signs, `${id} uses its id-token`).toBeTruthy();
        }
        for (const id of jobUsing(workflow, 'actions/attest-build-provenance')) {
          expect(jobs[id].permissions).toMatchObject({ 'id-token': 'write', attestations: 'write' });
        }
        // Build jobs run untrusted build scripts: read-only token, no OIDC.
        for (const id of builds) expect(jobs[id].permissions, id).toEqual({ contents: 'read' });
      });

      it('builds the chosen artifacts with each ecosystem tool', async () => {
        const { workflow } = await release({ languages, artifacts, level });
        const jobIds = Object.keys(workflow.jobs);
        expect(jobIds.filter((id) => id.startsWith('build-') && id !== 'build-charts').sort()).toEqual([...builds].sort());
        expect(jobIds.includes('image')).toBe(artifacts.includes('container-images'));
        expect(jobIds.includes('image-sbom')).toBe(artifacts.includes('container-images'));
        expect(jobIds.includes('build-charts')).toBe(artifacts.includes('helm-charts'));
        expect(jobIds.includes('publish-charts')).toBe(artifacts.includes('helm-charts'));
        // Everything built is signed: the sign job waits for every producer of release files.
        const producers = ['sbom', ...builds, ...(artifacts.includes('helm-charts') ? ['build-charts'] : []), ...(artifacts.includes('container-images') ? ['image-sbom'] : [])];
        expect([...workflow.jobs.sign.needs].sort()).toEqual(producers.sort());
        const runs = JSON.stringify(workflow.jobs);
        if (builds.includes('build-go')) {
          const goreleaser = stepsOf(workflow.jobs['build-go']).find((st) => usesName(st) === 'goreleaser/goreleaser-action');
          expect(goreleaser.with).toEqual({ version: 'v2.17.1', args: 'release --clean --skip=publish' });
        }
        for (const id of ['build-rust', 'build-cpp'].filter((b) => builds.includes(b))) {
          expect(workflow.jobs[id]['runs-on'], id).toBe('${{ matrix.runner }}');
        }
        if (builds.includes('build-rust')) expect(runs).toContain('cargo build --release --locked');
        if (builds.includes('build-rust-crate')) expect(runs).toContain('cargo package --locked');
        if (builds.includes('build-python')) expect(runs).toContain('pipx run build');
        if (builds.includes('build-javascript')) expect(runs).toContain('npm pack');
        if (builds.includes('build-maven')) expect(runs).toContain('mvn --batch-mode');
        if (builds.includes('build-gradle')) expect(runs).toContain('./gradlew');
        if (builds.includes('build-cpp')) expect(runs).toContain('cmake --build');
        if (artifacts.includes('helm-charts')) {
          expect(runs).toContain('helm package');
          expect(runs).toContain('helm push');
          expect(workflow.jobs['publish-charts'].steps.at(-1).env.CHART_REPOSITORY).toBe('oci://ghcr.io/acme/widget/charts');
        }
      });

      it('produces SBOMs, checksums, keyless signatures and attestations, and attaches them to the release', async () => {
        const { workflow } = await release({ languages, artifacts, level });
        const sbomSteps = stepsOf(workflow.jobs.sbom).filter((s) => usesName(s) === 'anchore/sbom-action');
        expect(sbomSteps.map((s) => s.with.format).sort()).toEqual(['cyclonedx-json', 'spdx-json']);
        for (const step of sbomSteps) expect(step.with).toMatchObject({ 'upload-artifact': false, 'upload-release-assets': false });

        const sign = workflow.jobs.sign;
        const script = stepsOf(sign).map((s) => s.run ?? '').join('\n');
        expect(script).toContain('sha256sum');
        expect(script).toContain('SHA256SUMS');
        expect(script).toMatch(/cosign sign-blob --yes --bundle "\$\{file\}\.sigstore\.json" "\$file"/);
        expect(script).not.toMatch(/--key\b/);
        expect(stepsOf(sign).some((s) => usesName(s) === 'sigstore/cosign-installer')).toBe(true);
        expect(stepsOf(sign).find((s) => usesName(s) === 'actions/attest-build-provenance')?.with).toEqual({ 'subject-path': 'dist/*' });
        expect(sign.outputs.hashes).toBe('${{ steps.checksums.outputs.hashes }}');

        const publish = stepsOf(workflow.jobs.release).find((s) => typeof s.run === 'string' && s.run.includes('gh release'));
        expect(publish.run).toContain('gh release create "$TAG"');
        expect(publish.run).toContain('gh release upload "$TAG"');
        expect(publish.env.GH_TOKEN).toBe('${{ secrets.GITHUB_TOKEN }}');
      });

      it('signs and attests container images by digest', async () => {
        const { workflow } = await release({ languages, artifacts, level });
        if (!artifacts.includes('container-images')) return;
        const steps = stepsOf(workflow.jobs.image);
        const build = steps.find((s) => usesName(s) === 'docker/build-push-action');
        expect(build.id).toBe('build');
        expect(build.with.push).toBe(true);
        expect(steps.find((s) => usesName(s) === 'docker/login-action').with).toMatchObject({ registry: 'ghcr.io', password: '${{ secrets.GITHUB_TOKEN }}' });
        expect(steps.find((s) => usesName(s) === 'docker/metadata-action').with.images).toBe('ghcr.io/acme/widget');
        const signStep = steps.find((s) => (s.run ?? '').includes('cosign sign'));
        expect(signStep.run).toBe('cosign sign --yes "${IMAGE}@${DIGEST}"');
        expect(signStep.env).toEqual({ IMAGE: 'ghcr.io/acme/widget', DIGEST: '${{ steps.build.outputs.digest }}' });
        expect(steps.find((s) => usesName(s) === 'actions/attest-build-provenance').with).toEqual({
          'subject-name': 'ghcr.io/acme/widget',
          'subject-digest': '${{ steps.build.outputs.digest }}',
          'push-to-registry': true,
        });
        const sboms = stepsOf(workflow.jobs['image-sbom']).filter((s) => usesName(s) === 'anchore/sbom-action');
        expect(sboms.map((s) => s.with.format).sort()).toEqual(['cyclonedx-json', 'spdx-json']);
        for (const s of sboms) expect(s.with.image).toBe('ghcr.io/acme/widget@${{ needs.image.outputs.digest }}');
        // The image SBOM job must not pick up the source-tree .syft.yaml.
        expect(stepsOf(workflow.jobs['image-sbom']).some((s) => usesName(s) === 'actions/checkout')).toBe(false);
      });

      it('adds harden-runner and SLSA L3 provenance only at level 3', async () => {
        const { workflow } = await release({ languages, artifacts, level });
        for (const [id, job] of Object.entries<any>(workflow.jobs)) {
          if (job.uses) continue;
          const first = stepsOf(job)[0];
          const hardened = stepsOf(job).filter((s) => usesName(s) === 'step-security/harden-runner');
          if (level >= 3) {
            expect(usesName(first), `${id} starts with harden-runner`).toBe('step-security/harden-runner');
            expect(first.with).toEqual({ 'egress-policy': 'audit' });
            expect(job.container, `${id} is not a container job`).toBeUndefined();
          } else {
            expect(hardened, id).toEqual([]);
          }
        }
        const generator = 'slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml';
        if (level >= 3) {
          const provenance = workflow.jobs.provenance;
          expect(provenance.uses).toBe(`${generator}@${pins.actions[generator]!.tag}`);
          // The provenance stays an artifact; the publish job attaches it to the draft release.
          expect(provenance.with).toEqual({ 'base64-subjects': '${{ needs.sign.outputs.hashes }}' });
          expect(provenance.permissions).toEqual({ actions: 'read', 'id-token': 'write', contents: 'write' });
          expect(provenance.needs).toEqual(['sign']);
          expect(workflow.jobs.publish.needs).toEqual(['release', 'provenance']);
        } else {
          expect(workflow.jobs.provenance).toBeUndefined();
        }
      });
    });

    it('level 2 output is a subset of level 3 output', async () => {
      const two = await cachedPlan({ languages, artifacts, level: 2 });
      const three = await cachedPlan({ languages, artifacts, level: 3 });
      const threePaths = three.files.map((f) => f.path);
      for (const file of two.files) expect(threePaths, file.path).toContain(file.path);
      const w2 = parse(two.files.find((f) => f.path === RELEASE)!.content);
      const w3 = parse(three.files.find((f) => f.path === RELEASE)!.content);
      for (const [id, job] of Object.entries<any>(w2.jobs)) {
        expect(w3.jobs[id], id).toBeDefined();
        const names3 = stepsOf(w3.jobs[id]).map((s) => s.name);
        for (const step of stepsOf(job)) expect(names3, `${id}: ${step.name}`).toContain(step.name);
        expect(w3.jobs[id].permissions, id).toEqual(job.permissions);
      }
    });
  });

  describe('SECURITY.md "Verify a release"', () => {
    const identity = String.raw`^https://github\.com/acme/widget/\.github/workflows/release\.yml@refs/tags/v`;

    it.each([2, 3] as const)('gives this repository\'s verify commands at level %i', async (level) => {
      const plan = await planFor({ level, artifacts: ['binaries', 'container-images', 'helm-charts'] });
      const md = plan.files.find((f) => f.path === 'SECURITY.md')!.content;
      expect(md).toContain('### Verify a release');
      expect(md).toContain(`--certificate-identity-regexp '${identity}'`);
      expect(md).toContain('--certificate-oidc-issuer https://token.actions.githubusercontent.com');
      expect(md).toMatch(/cosign verify-blob SHA256SUMS \\\n\s+--bundle SHA256SUMS\.sigstore\.json/);
      expect(md).toContain('cosign verify ghcr.io/acme/widget@sha256:<digest>');
      expect(md).toContain('gh attestation verify <file> --repo acme/widget');
      expect(md).toContain('gh attestation verify oci://ghcr.io/acme/widget@sha256:<digest> --repo acme/widget');
      expect(md).toContain('cosign verify ghcr.io/acme/widget/charts/<chart>@sha256:<digest>');
      if (level >= 3) {
        expect(md).toContain('slsa-verifier verify-artifact <file>');
        expect(md).toContain('--source-uri github.com/acme/widget');
        expect(md).toContain('deploy/policy/kyverno-verify-images.yaml');
      } else {
        expect(md).not.toContain('slsa-verifier');
        expect(md).not.toContain('kyverno');
      }
    });

    it('matches the identity the release workflow really signs with', () => {
      const re = new RegExp(identity);
      expect(re.test('https://github.com/acme/widget/.github/workflows/release.yml@refs/tags/v1.2.3')).toBe(true);
      expect(re.test('https://github.com/acme/widget/.github/workflows/release.yml@refs/heads/main')).toBe(false);
      expect(re.test('https://github.com/acme/widget/.github/workflows/other.yml@refs/tags/v1.2.3')).toBe(false);
      expect(re.test('https://github.com/evil/widget/.github/workflows/release.yml@refs/tags/v1.2.3')).toBe(false);
      expect(re.test('https://githubXcom/acme/widget/.github/workflows/release.yml@refs/tags/v1')).toBe(false);
    });

    it('leaves out image and chart commands when those are not released', async () => {
      const plan = await planFor({ level: 3, artifacts: ['binaries'] });
      const md = plan.files.find((f) => f.path === 'SECURITY.md')!.content;
      expect(md).toContain('cosign verify-blob');
      expect(md).not.toContain('ghcr.io');
      expect(md).not.toContain('kyverno');
    });

    it('escapes regular-expression characters of the repository name and lowercases the image', async () => {
      const plan = await planFor({ level: 2, repository: { owner: 'Acme', name: 'my.tool' }, artifacts: ['container-images'] });
      const md = plan.files.find((f) => f.path === 'SECURITY.md')!.content;
      expect(md).toContain(String.raw`'^https://github\.com/Acme/my\.tool/\.github/workflows/release\.yml@refs/tags/v'`);
      expect(md).toContain('cosign verify ghcr.io/acme/my.tool@sha256:<digest>');
      const workflow = parse(plan.files.find((f) => f.path === RELEASE)!.content);
      expect(stepsOf(workflow.jobs.image).find((s) => usesName(s) === 'docker/metadata-action').with.images).toBe('ghcr.io/acme/my.tool');
    });
  });
});

describe('npm packages', () => {
  it('publishes JavaScript libraries with npm provenance after the GitHub release', async () => {
    const plan = await planFor({ languages: ['javascript'], artifacts: ['libraries'], level: 2 });
    const workflow = parse(plan.files.find((f) => f.path === '.github/workflows/release.yml')!.content);
    const job = workflow.jobs['publish-npm'];
    expect(job.needs).toEqual(['publish']);
    expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(job.steps.at(-1).run).toContain('npm publish "$tarball" --provenance --access public');
  });

  it('does not publish to npm for other languages or without libraries', async () => {
    for (const answers of [{ languages: ['go'] as const, artifacts: ['libraries'] as const }, { languages: ['javascript'] as const, artifacts: ['container-images'] as const }]) {
      const plan = await planFor({ languages: [...answers.languages], artifacts: [...answers.artifacts], level: 2 });
      const workflow = parse(plan.files.find((f) => f.path === '.github/workflows/release.yml')!.content);
      expect(workflow.jobs['publish-npm']).toBeUndefined();
    }
  });
});
