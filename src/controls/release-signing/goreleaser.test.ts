// Go projects release with GoReleaser: the generated .goreleaser.yaml (validated against the
// schema of the pinned GoReleaser release, and with `goreleaser check` where a binary is at hand)
// and the short release workflow that runs it.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Answers, RepoFacts } from '../../model.js';
import { actionlint, goreleaserCheck, goreleaserSchemaErrors, schemaErrors } from '../../../test/helpers/validators.js';
import { planFor, repoFacts } from '../../../test/helpers/generate.js';
import { checkWorkflow } from '../../../test/helpers/action-facts.js';
import { toolVersions } from '../../tools.js';

const RELEASE = '.github/workflows/release.yml';
const usesName = (step: any): string | undefined => (typeof step.uses === 'string' ? step.uses.split('@')[0] : undefined);

async function files(overrides: Partial<Answers>, facts?: RepoFacts) {
  const plan = await planFor(overrides, facts);
  const get = (p: string) => plan.files.find((f) => f.path === p)?.content;
  return { plan, release: get(RELEASE)!, goreleaser: get('.goreleaser.yaml'), dockerfile: get('Dockerfile.goreleaser'), security: get('SECURITY.md')! };
}

const CASES = [
  { name: 'binaries', artifacts: ['binaries'] },
  { name: 'binaries + image', artifacts: ['binaries', 'container-images'] },
] as const;

describe.each(CASES)('GoReleaser release of Go $name', ({ artifacts }) => {
  const images = artifacts.includes('container-images' as never);
  describe.each([2, 3] as const)('level %i', (level) => {
    const answers: Partial<Answers> = { languages: ['go'], artifacts: [...artifacts], level };

    it('is a short workflow that passes actionlint, the schema and the action facts', async () => {
      const { release } = await files(answers);
      expect(await actionlint(release, RELEASE)).toEqual([]);
      expect(schemaErrors('github-workflow.json', release)).toEqual([]);
      expect(checkWorkflow(RELEASE, release, { release: true })).toEqual([]);
      // The point of using the ecosystem's tool: a reviewer reads it in one sitting.
      expect(release.trimEnd().split('\n').length).toBeLessThan(120);
    });

    it('runs the pinned GoReleaser with the least privilege per job', async () => {
      const { release } = await files(answers);
      const workflow = parse(release);
      expect(workflow.permissions).toEqual({});
      expect(Object.keys(workflow.jobs).sort()).toEqual(level >= 3 ? ['goreleaser', 'provenance', 'publish'] : ['goreleaser', 'publish']);
      const job = workflow.jobs.goreleaser;
      expect(job.permissions).toEqual({
        contents: 'write',
        'id-token': 'write',
        attestations: 'write',
        ...(images ? { packages: 'write', 'artifact-metadata': 'write' } : {}),
      });
      const steps: any[] = job.steps;
      const checkout = steps.find((s) => usesName(s) === 'actions/checkout');
      expect(checkout.with).toEqual({ 'fetch-depth': 0, 'persist-credentials': false });
      const run = steps.find((s) => usesName(s) === 'goreleaser/goreleaser-action');
      expect(run.with).toEqual({ version: toolVersions().goreleaser, args: 'release --clean' });
      expect(run.env).toEqual({ GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}' });
      // cosign and Syft are on PATH before GoReleaser signs and catalogues.
      const before = steps.slice(0, steps.indexOf(run)).map(usesName);
      expect(before).toEqual(expect.arrayContaining(['sigstore/cosign-installer', 'anchore/sbom-action/download-syft', 'actions/setup-go']));
      expect(before.includes('docker/login-action')).toBe(images);
      const attests = steps.filter((s) => usesName(s) === 'actions/attest-build-provenance').map((s) => s.with);
      expect(attests[0]).toEqual({ 'subject-checksums': 'dist/SHA256SUMS' });
      if (images) expect(attests[1]).toEqual({ 'subject-name': 'ghcr.io/acme/widget', 'subject-digest': '${{ steps.out.outputs.digest }}', 'push-to-registry': true });
      else expect(attests).toHaveLength(1);
      for (const step of steps) if (typeof step.run === 'string') expect(step.run).not.toContain('${{');
      expect(workflow.jobs.publish.permissions).toEqual({ contents: 'write' });
      expect(workflow.jobs.publish.steps.at(-1).run).toContain('--draft=false');
      if (level >= 3) {
        expect(workflow.jobs.provenance.with).toEqual({ 'base64-subjects': '${{ needs.goreleaser.outputs.hashes }}' });
        expect(workflow.jobs.publish.needs).toEqual(['goreleaser', 'provenance']);
        for (const [id, j] of Object.entries<any>(workflow.jobs)) if (!j.uses) expect(usesName(j.steps[0]), id).toBe('step-security/harden-runner');
      }
    });

    it('writes a .goreleaser.yaml that GoReleaser accepts', async () => {
      const { goreleaser } = await files(answers);
      expect(goreleaser).toBeDefined();
      expect(goreleaserSchemaErrors(goreleaser!)).toEqual([]);
      const checked = goreleaserCheck(goreleaser!);
      if ('skipped' in checked) console.info(`goreleaser check skipped: ${checked.skipped}`);
      else expect(checked, checked.output).toMatchObject({ ok: true });
      const config = parse(goreleaser!);
      expect(config.version).toBe(2);
      expect(config.builds[0]).toMatchObject({ goos: ['linux', 'darwin', 'windows'], goarch: ['amd64', 'arm64'], env: ['CGO_ENABLED=0'] });
      expect(config.archives[0].name_template).toContain('_go_{{ .Os }}_{{ .Arch }}');
      expect(config.checksum).toEqual({ name_template: 'SHA256SUMS', algorithm: 'sha256' });
      expect(config.sboms.map((s: any) => s.artifacts)).toEqual(['archive', 'source']);
      expect(config.signs).toEqual([{ cmd: 'cosign', artifacts: 'checksum', signature: '${artifact}.sigstore.json', args: ['sign-blob', '--bundle=${signature}', '${artifact}', '--yes'] }]);
      expect(config.release).toMatchObject({ draft: true });
      if (images) {
        expect(config.dockers_v2[0]).toMatchObject({ images: ['ghcr.io/acme/widget'], platforms: ['linux/amd64', 'linux/arm64'], dockerfile: 'Dockerfile.goreleaser' });
        expect(config.docker_signs).toEqual([{ args: ['sign', '${artifact}@${digest}', '--yes'] }]);
      } else {
        expect(config.dockers_v2).toBeUndefined();
      }
    });
  });
});

describe('GoReleaser builds', () => {
  const facts = (goMains: Record<string, string[]>, gomod = ['/']): RepoFacts => ({
    ...repoFacts({ languages: ['go'], artifacts: ['binaries', 'container-images'] }),
    manifests: { gomod, docker: ['/'] },
    goMains,
  });

  it('builds every main package of every module, each binary named after its directory', async () => {
    const { goreleaser, dockerfile } = await files({ languages: ['go'], artifacts: ['binaries', 'container-images'], level: 2 }, facts({ '/': ['cmd/widget', 'cmd/widgetctl'], '/svc/api': ['.'] }, ['/', '/svc/api']));
    const config = parse(goreleaser!);
    expect(config.builds.map((b: any) => [b.id, b.dir, b.main, b.binary])).toEqual([
      ['cmd-widget', '.', './cmd/widget', 'widget'],
      ['cmd-widgetctl', '.', './cmd/widgetctl', 'widgetctl'],
      ['svc-api', 'svc/api', '.', 'api'],
    ]);
    expect(goreleaserSchemaErrors(goreleaser!)).toEqual([]);
    // The image copies each binary GoReleaser built for the platform; the first is the entrypoint.
    expect(dockerfile).toContain('COPY $TARGETPLATFORM/widgetctl /usr/bin/widgetctl');
    expect(dockerfile).toContain('ENTRYPOINT ["/usr/bin/widget"]');
    expect(dockerfile).toMatch(/^FROM scratch$/m);
  });

  it('leaves out a main package whose path GoReleaser would read as a template', async () => {
    const { goreleaser } = await files({ languages: ['go'], artifacts: ['binaries'], level: 2 }, facts({ '/': ['cmd/ok', 'cmd/{{ .Env.X }}'] }));
    expect(parse(goreleaser!).builds.map((b: any) => b.main)).toEqual(['./cmd/ok']);
  });

  it('keeps an existing GoReleaser configuration: no second one, the workflow runs the project\'s', async () => {
    const { plan, release } = await files({ languages: ['go'], artifacts: ['binaries'], level: 2 }, { ...facts({ '/': ['.'] }), goreleaserConfig: '.goreleaser.yml' });
    expect(plan.files.map((f) => f.path)).not.toContain('.goreleaser.yaml');
    expect(release).toContain('GoReleaser (.goreleaser.yml)');
    // Its checksum file has the project's name for it: the attestation reads it from artifacts.json.
    expect(await actionlint(release, RELEASE)).toEqual([]);
    expect(checkWorkflow(RELEASE, release, { release: true })).toEqual([]);
    const steps: any[] = parse(release).jobs.goreleaser.steps;
    expect(steps.find((s) => usesName(s) === 'actions/attest-build-provenance').with).toEqual({ 'subject-checksums': '${{ steps.out.outputs.file }}' });
    expect(steps.find((s) => s.id === 'out').run).toContain('select(.type == "Checksum")');
  });

  it('with other languages, GoReleaser only builds the Go archives and the workflow signs everything', async () => {
    const { release, goreleaser } = await files({ languages: ['go', 'rust'], artifacts: ['binaries'], level: 2 });
    const workflow = parse(release);
    expect(workflow.jobs['build-go'].permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.sign.needs).toContain('build-go');
    const config = parse(goreleaser!);
    expect(config.signs).toBeUndefined();
    expect(config.sboms).toBeUndefined();
    expect(goreleaserSchemaErrors(goreleaser!)).toEqual([]);
  });

  it('the schema check rejects what GoReleaser would reject', () => {
    expect(goreleaserSchemaErrors('version: 2\nbuilds:\n  - goos: linux\n')).not.toEqual([]);
    expect(goreleaserSchemaErrors('version: 2\nsigns:\n  - artifact: checksum\n')).not.toEqual([]);
  });
});

describe('SECURITY.md for GoReleaser releases', () => {
  it('says that SHA256SUMS is what is signed, and where the image SBOM is', async () => {
    const { security } = await files({ languages: ['go'], artifacts: ['binaries', 'container-images'], level: 2 });
    expect(security).toContain('The checksum list of a release, `SHA256SUMS`, is signed keylessly');
    expect(security).not.toContain('Every file of a release is signed');
    expect(security).toContain('BuildKit attestation');
    expect(security).toContain('cosign verify-blob SHA256SUMS');
  });
});
