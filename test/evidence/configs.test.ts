// Configuration that decides what a tool does (golangci-lint's gosec, GoReleaser's signs/sboms,
// chart-releaser's GPG, BuildKit attestations, pre-commit hooks, Gradle/Maven signing, JQF, npm
// provenance), and security work outside GitHub Actions (Prow, Cloud Build, CircleCI, OSS-Fuzz).
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from './fixtures.js';
import { at, observe } from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('tool configuration', () => {
  it('golangci-lint v1 config enabling gosec: static analysis, the config located', async () => {
    const fx = fixture('golangci-v1');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) {
      expect(seen.practices.sast).toEqual({ verdict: 'present', tools: ['gosec (golangci-lint)'], locations: [at(fx, '.github/workflows/lint.yml', 'golangci-lint-action')], onPullRequests: true, onRelease: false });
    }
    expect(o.practice('sast').findings[0]!.config).toEqual(at(fx, '.golangci.yml', '- gosec'));
  });

  it('golangci-lint v2 `default: all` through a make variable and --config', async () => {
    const fx = fixture('golangci-v2');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) expect(seen.practices.sast).toMatchObject({ verdict: 'present', tools: ['gosec (golangci-lint)'], locations: [at(fx, 'GNUmakefile', '$(GOLANGCI_LINT) run')] });
    expect(o.practice('sast').findings[0]!.config).toEqual(at(fx, 'build/golangci.yaml', 'default: all'));
  });

  it('golangci-lint with gosec disabled is no static analysis', async () => {
    const o = await observe(fixture('golangci-gosec-disabled'), cleanups);
    for (const seen of o.both) expect(seen.practices.sast.verdict).toBe('absent');
  });

  it('GoReleaser docker_signs and sboms on a release; a snapshot run of the same config counts for nothing', async () => {
    const fx = fixture('goreleaser');
    const o = await observe(fx, cleanups);
    const call = at(fx, '.github/workflows/release.yml', 'goreleaser-action');
    for (const seen of o.both) {
      expect(seen.practices.signing).toEqual({ verdict: 'present', tools: ['GoReleaser signs'], locations: [call], onPullRequests: false, onRelease: true });
      expect(seen.practices.sbom).toEqual({ verdict: 'present', tools: ['GoReleaser sboms'], locations: [call], onPullRequests: false, onRelease: true });
    }
    expect(o.practice('signing').findings.map((f) => f.config)).toEqual([at(fx, '.goreleaser.yaml', 'docker_signs:')]);
    expect(o.practice('sbom').findings.map((f) => f.config)).toEqual([at(fx, '.goreleaser.yaml', 'sboms:')]);
  });

  it('goreleaser --snapshot and goreleaser check do not sign anything', async () => {
    const o = await observe(fixture('goreleaser-snapshot-only'), cleanups);
    for (const seen of o.both) {
      expect(seen.practices.signing.verdict).toBe('absent');
      expect(seen.practices.sbom.verdict).toBe('absent');
    }
  });

  it("chart-releaser signs with GPG only with `sign: true` in its config", async () => {
    const fx = fixture('chart-releaser');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) expect(seen.practices.signing).toMatchObject({ verdict: 'present', tools: ['chart-releaser (GPG)'], locations: [at(fx, '.github/workflows/charts.yml', 'chart-releaser-action')] });
    expect(o.practice('signing').findings[0]!.config).toEqual(at(fx, '.github/cr.yaml', 'sign: true'));
    const unsigned = await observe(fixture('chart-releaser-unsigned'), cleanups);
    for (const seen of unsigned.both) expect(seen.practices.signing.verdict).toBe('absent');
  });

  it('BuildKit provenance and SBOM attestations (build-push-action inputs; provenance: false is none)', async () => {
    const fx = fixture('buildkit');
    const o = await observe(fx, cleanups);
    const call = at(fx, '.github/workflows/image.yml', 'build-push-action');
    for (const seen of o.both) {
      expect(seen.practices.provenance).toEqual({ verdict: 'present', tools: ['BuildKit provenance'], locations: [call], onPullRequests: false, onRelease: true });
      expect(seen.practices.sbom).toMatchObject({ verdict: 'present', tools: ['BuildKit SBOM'], locations: [call] });
    }
    // The second job's `provenance: false` adds no finding.
    expect(o.practice('provenance').findings).toHaveLength(1);
  });

  it('docker buildx build --sbom / --provenance on the command line', async () => {
    const fx = fixture('buildx-cli');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) {
      expect(seen.practices.provenance).toMatchObject({ verdict: 'present', tools: ['BuildKit provenance'], locations: [at(fx, '.github/workflows/image.yml', 'docker buildx build')] });
      expect(seen.practices.sbom).toMatchObject({ verdict: 'present', tools: ['BuildKit SBOM'] });
    }
  });

  it('pre-commit in CI counts as secret scanning only with a secret hook', async () => {
    const fx = fixture('pre-commit');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) expect(seen.practices['secret-scanning']).toMatchObject({ verdict: 'present', tools: ['pre-commit secret hook'], locations: [at(fx, '.github/workflows/pre-commit.yml', 'pre-commit/action')], onPullRequests: true });
    expect(o.practice('secret-scanning').findings[0]!.config).toEqual(at(fx, '.pre-commit-config.yaml', 'id: gitleaks'));
    const without = await observe(fixture('pre-commit-without-secret-hook'), cleanups);
    for (const seen of without.both) expect(seen.practices['secret-scanning'].verdict).toBe('absent');
  });

  it('Gradle publishing with the signing plugin', async () => {
    const fx = fixture('gradle-signing');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) expect(seen.practices.signing).toEqual({ verdict: 'present', tools: ['GPG (Gradle/Maven signing)'], locations: [at(fx, '.github/workflows/publish.yml', 'gradlew publish')], onPullRequests: false, onRelease: true });
    expect(o.practice('signing').findings[0]!.config).toEqual(at(fx, 'build.gradle.kts', 'signing {'));
  });

  it('Maven deploy with maven-gpg-plugin; JQF fuzz tests of the root module run by mvn verify', async () => {
    const fx = fixture('maven-signing-and-jqf');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) {
      expect(seen.practices.signing).toMatchObject({ verdict: 'present', tools: ['GPG (Gradle/Maven signing)'], locations: [at(fx, '.github/workflows/deploy.yml', 'mvn -B deploy')], onRelease: true });
      expect(seen.practices.fuzzing).toEqual({ verdict: 'present', tools: ['JQF (fuzz tests in the test suite)'], locations: [at(fx, '.github/workflows/maven.yml', 'mvnw -B verify')], onPullRequests: true, onRelease: false });
    }
    expect(o.practice('signing').findings[0]!.config).toEqual(at(fx, 'core/pom.xml', 'maven-gpg-plugin'));
    expect(o.practice('fuzzing').findings[0]!.config).toEqual(at(fx, 'src/test/java/org/example/ParserFuzzTest.java', 'JQF'));
  });

  it('npm provenance from publishConfig and from .npmrc in the working directory', async () => {
    const fx = fixture('npm-provenance');
    const o = await observe(fx, cleanups);
    const wf = '.github/workflows/publish.yml';
    const publishes = fx.files[wf]!.split('\n').flatMap((line, i) => (line.includes('npm publish') ? [{ file: wf, line: i + 1 }] : []));
    for (const seen of o.both) expect(seen.practices.provenance).toEqual({ verdict: 'present', tools: ['npm provenance'], locations: publishes, onPullRequests: false, onRelease: true });
    expect(o.practice('provenance').findings.map((f) => f.config)).toEqual([at(fx, 'package.json', '"provenance"'), at(fx, 'cli/.npmrc', 'provenance')]);
  });
});

describe('arguments and versions that decide', () => {
  it('cargo deny (with a +toolchain) scans for vulnerabilities only when its check includes advisories', async () => {
    const fx = fixture('cargo-deny-checks');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) expect(seen.practices.sca).toEqual({ verdict: 'present', tools: ['cargo-deny'], locations: [at(fx, '.github/workflows/advisories.yml', 'check advisories')], onPullRequests: false, onRelease: false });
  });

  it('pypi-publish uploads attestations from v1.10 (the version in the pin comment counts) unless turned off', async () => {
    const fx = fixture('pypi-attestations');
    const o = await observe(fx, cleanups);
    const wf = '.github/workflows/publish.yml';
    // The last of the three calls: v1.9.0 predates attestations, the second turns them off.
    const calls = fx.files[wf]!.split('\n').flatMap((line, i) => (line.includes('gh-action-pypi-publish') ? [{ file: wf, line: i + 1 }] : []));
    const current = calls[calls.length - 1]!;
    for (const seen of o.both) {
      expect(seen.practices.provenance).toEqual({ verdict: 'present', tools: ['PyPI trusted publishing (attestations)'], locations: [current], onPullRequests: false, onRelease: true });
      expect(seen.practices.signing).toMatchObject({ verdict: 'present', locations: [current] });
    }
  });

  it('super-linter with VALIDATE_GITLEAKS: false is no secret scanning; zizmor is static analysis of workflows; Dependabot and Renovate together; Dockerfile-<name> and <name>.Dockerfile', async () => {
    const fx = fixture('linters-and-names');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) {
      expect(seen.practices['secret-scanning'].verdict).toBe('absent');
      expect(seen.practices.sast).toMatchObject({ verdict: 'present', tools: ['zizmor'], locations: [at(fx, '.github/workflows/lint.yml', 'zizmor')] });
      expect(seen.updateTool).toEqual({ tool: 'both', files: ['.github/dependabot.yml', 'renovate.json5'] });
      expect(seen.ecosystems.docker).toEqual({ production: ['/build', '/images'], other: [] });
      expect(seen.ecosystems.pip).toEqual({ production: ['/'], other: [] });
    }
  });
});

describe('outside GitHub Actions', () => {
  it('a Makefile target no workflow calls, with Prow (OWNERS): elsewhere, located', async () => {
    const fx = fixture('prow');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) expect(seen.practices.sca).toEqual({ verdict: 'elsewhere', tools: ['govulncheck'], locations: [at(fx, 'Makefile', 'govulncheck')], onPullRequests: false, onRelease: false, elsewhere: 'Prow' });
  });

  it('Cloud Build and CircleCI configurations', async () => {
    const gcb = fixture('cloud-build');
    for (const seen of (await observe(gcb, cleanups)).both) {
      expect(seen.practices.signing).toMatchObject({ verdict: 'elsewhere', tools: ['cosign'], locations: [at(gcb, 'cloudbuild.yaml', 'cosign sign')], elsewhere: 'Google Cloud Build' });
    }
    const circle = fixture('circleci');
    for (const seen of (await observe(circle, cleanups)).both) {
      expect(seen.practices['container-scanning']).toMatchObject({ verdict: 'elsewhere', tools: ['Trivy (image)'], locations: [at(circle, '.circleci/config.yml', 'trivy image')], elsewhere: 'CircleCI' });
    }
  });

  it('a script no workflow and no other CI runs: absent, but the probes keep where it is', async () => {
    const fx = fixture('found-but-never-run');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) expect(seen.practices['secret-scanning']).toMatchObject({ verdict: 'absent', tools: [], locations: [] });
    expect(o.practice('secret-scanning').unreached.map((f) => f.location)).toEqual([at(fx, 'scripts/secrets.sh', 'gitleaks')]);
  });

  it('OSS-Fuzz (README badge) and ClusterFuzzLite (.clusterfuzzlite/) run fuzzing elsewhere', async () => {
    for (const name of ['oss-fuzz', 'clusterfuzzlite']) {
      for (const seen of (await observe(fixture(name), cleanups)).both) {
        expect(seen.practices.fuzzing, name).toMatchObject({ verdict: 'elsewhere', elsewhere: 'OSS-Fuzz' });
      }
    }
  });
});
