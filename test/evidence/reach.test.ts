// How a workflow reaches a tool: reusable workflows (remote: delegated; local: inherited triggers),
// composite actions, Makefile targets, package scripts, shell scripts, tox and matrix variants.
// Each case is asserted through the public functions and through `check --format json`.
import { afterEach, describe, expect, it } from 'vitest';
import { SHA, fixture } from './fixtures.js';
import { at, observe } from './helpers.js';
import { PRACTICES } from '../../src/evidence/tools.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const absentExcept = (practices: Record<string, { verdict: string }>, present: string[]) =>
  PRACTICES.filter((id) => !present.includes(id)).filter((id) => practices[id]!.verdict !== 'absent');

describe('reusable workflows and shared actions', () => {
  it('a remote reusable workflow named for the practice is delegated (located at the call); one not named for it is no hedge', async () => {
    const fx = fixture('remote-reusable-workflow');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) {
      expect(seen.practices.sast).toEqual({
        verdict: 'delegated',
        tools: [],
        locations: [at(fx, '.github/workflows/security.yml', 'codeql-go.yml')],
        onPullRequests: false,
        onRelease: false,
        delegatedTo: [`example-org/shared-workflows/.github/workflows/codeql-go.yml@${SHA}`],
      });
      // build.yml says nothing about any practice.
      expect(absentExcept(seen.practices, ['sast'])).toEqual([]);
    }
    expect(o.practice('sast').delegations.map((d) => [d.repo, d.ref])).toEqual([['example-org/shared-workflows', SHA]]);
  });

  it("the repository's own reusable workflow called by full name is read like a local one", async () => {
    const fx = fixture('own-reusable-workflow-by-full-name');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) {
      expect(seen.practices.sca).toMatchObject({ verdict: 'present', tools: ['OSV-Scanner'], locations: [at(fx, '.github/workflows/scan.yml', 'osv-scanner')], onPullRequests: true });
    }
  });

  it('a local reusable workflow inherits its callers\' triggers (pull requests, releases)', async () => {
    const fx = fixture('local-reusable-workflow');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) {
      expect(seen.practices.sast).toEqual({
        verdict: 'present',
        tools: ['CodeQL'],
        locations: [at(fx, '.github/workflows/codeql.yml', 'codeql-action/init'), at(fx, '.github/workflows/codeql.yml', 'codeql-action/analyze')],
        onPullRequests: true,
        onRelease: false,
      });
      // sign.yml runs only on workflow_call, from a tag-push release workflow.
      expect(seen.practices.signing).toMatchObject({ verdict: 'present', tools: ['cosign'], locations: [at(fx, '.github/workflows/sign.yml', 'cosign sign-blob')], onPullRequests: false, onRelease: true });
    }
    expect(o.practice('sast').findings[0]!.unit.triggers).toEqual(['pull_request']);
  });

  it('composite actions of the repository, nested, are followed', async () => {
    const fx = fixture('composite-action');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) {
      expect(seen.practices['secret-scanning']).toMatchObject({ verdict: 'present', tools: ['gitleaks'], locations: [at(fx, '.github/actions/scan/action.yml', 'gitleaks')], onPullRequests: true });
      expect(seen.practices.sca).toMatchObject({ verdict: 'present', tools: ['govulncheck'], locations: [at(fx, '.github/actions/deps/action.yaml', 'govulncheck ./...')], onPullRequests: true });
    }
    expect(o.practice('sca').findings[0]!.via).toEqual(['.github/workflows/ci.yml (scan)', './.github/actions/scan', './.github/actions/deps']);
  });

  it("shared actions: the project's own organisation and an actions folder delegate; a third-party action does not; a tool vendor's workflow is no delegation for others", async () => {
    const fx = fixture('shared-actions-and-vendors');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) {
      expect(seen.practices['secret-scanning']).toMatchObject({ verdict: 'delegated', delegatedTo: [`acme/actions/secret-scan@${SHA}`], locations: [at(fx, '.github/workflows/ci.yml', 'acme/actions/secret-scan')] });
      expect(seen.practices.fuzzing).toMatchObject({ verdict: 'delegated', delegatedTo: [`other-org/ci/.github/actions/fuzz-smoke@${SHA}`] });
      expect(seen.practices.sbom.verdict).toBe('absent');
      expect(seen.practices.scorecard.verdict).toBe('absent');
    }
  });

  it("a tool vendor's own projects delegate to the vendor's shared workflows like anyone else", async () => {
    const fx = fixture('vendor-own-org');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) {
      expect(seen.practices.scorecard).toMatchObject({ verdict: 'delegated', delegatedTo: ['sigstore/community/.github/workflows/reusable-scorecard.yml@main'], locations: [at(fx, '.github/workflows/vendor.yml', 'uses:')] });
    }
  });
});

describe('make, package scripts, shell scripts, tox, matrix', () => {
  it('make: included *.mk, $(VAR) commands, -C with its default goal, $(MAKE) recursion with prerequisites; a dynamic target runs nothing known', async () => {
    const fx = fixture('makefile');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) {
      // hack/scan.mk's `$(TRIVY) fs` with TRIVY := go run .../trivy; tools/Makefile's first target.
      expect(seen.practices.sca).toEqual({
        verdict: 'present',
        tools: ['Trivy', 'govulncheck'],
        locations: [at(fx, 'hack/scan.mk', '$(TRIVY) fs'), at(fx, 'tools/Makefile', 'govulncheck')],
        onPullRequests: true,
        onRelease: false,
      });
      // release -> $(MAKE) sign -> `$(COSIGN) sign-blob`, COSIGN ?= $(LOCALBIN)/cosign.
      expect(seen.practices.signing).toEqual({ verdict: 'present', tools: ['cosign'], locations: [at(fx, 'Makefile', '$(COSIGN) sign-blob')], onPullRequests: false, onRelease: true });
      // `make "image-$PLATFORM"`: the pattern rule's syft is never assumed to run, nor the default goal.
      expect(seen.practices.sbom.verdict).toBe('absent');
      expect(seen.practices['secret-scanning'].verdict).toBe('absent');
      // A rule line with a trailing `##` comment is still a rule.
      expect(seen.practices['container-scanning']).toMatchObject({ verdict: 'present', locations: [at(fx, 'Makefile', 'trivy image')], onPullRequests: true });
    }
    expect(o.practice('signing').findings[0]!.via).toEqual(['.github/workflows/release.yml (release)', 'make release', 'make sign']);
    expect(o.practice('sbom').unreached.map((f) => f.location)).toEqual([at(fx, 'Makefile', 'syft dir:.')]);
    // `check: build ## quicker than secrets-scan`: the comment is no prerequisite; tools/Makefile's `other` is not its default goal.
    expect(o.practice('secret-scanning').unreached.map((f) => f.location)).toEqual([at(fx, 'Makefile', 'gitleaks'), at(fx, 'tools/Makefile', 'gitleaks')]);
  });

  it('make without a target runs the default goal (the first target, comments and .PHONY skipped)', async () => {
    const fx = fixture('make-default-goal');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) {
      expect(seen.practices.sbom).toEqual({ verdict: 'present', tools: ['Syft'], locations: [at(fx, 'Makefile', 'syft')], onPullRequests: false, onRelease: true });
    }
  });

  it('package scripts in the job working directory, by npm run and yarn', async () => {
    const fx = fixture('package-scripts');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) {
      expect(seen.practices.sca).toMatchObject({ verdict: 'present', tools: ['npm audit'], locations: [at(fx, 'web/package.json', '"audit:ci"')], onPullRequests: true });
      expect(seen.practices.sbom).toMatchObject({ verdict: 'present', tools: ['CycloneDX'], locations: [at(fx, 'web/package.json', '"sbom"')] });
    }
  });

  it('shell scripts: extension-less (./hack/x), by bash, and by path without ./', async () => {
    const fx = fixture('shell-scripts');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) {
      expect(seen.practices['secret-scanning']).toMatchObject({ verdict: 'present', tools: ['gitleaks'], locations: [at(fx, 'hack/verify-secrets', 'gitleaks')], onPullRequests: true });
      expect(seen.practices.sbom).toMatchObject({ verdict: 'present', tools: ['Syft'], locations: [at(fx, 'scripts/release/sbom.sh', 'syft')], onRelease: true });
      expect(seen.practices.signing).toMatchObject({ verdict: 'present', tools: ['cosign'], locations: [at(fx, 'scripts/release/sign.sh', 'cosign sign-blob')], onRelease: true });
    }
  });

  it('tox -e envs: the commands of each environment, on their own lines', async () => {
    const fx = fixture('tox');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) {
      expect(seen.practices.sast).toMatchObject({ verdict: 'present', tools: ['Bandit'], locations: [at(fx, 'tox.ini', 'bandit -r')], onPullRequests: true });
      expect(seen.practices.sca).toMatchObject({ verdict: 'present', tools: ['pip-audit'], locations: [at(fx, 'tox.ini', '    pip-audit')] });
    }
  });

  it('${{ matrix.x }} expands to every value, include entries too', async () => {
    const fx = fixture('matrix');
    const o = await observe(fx, cleanups);
    for (const seen of o.both) {
      expect(seen.practices.sca).toMatchObject({ verdict: 'present', tools: ['govulncheck'], locations: [at(fx, 'Makefile', 'govulncheck')] });
      expect(seen.practices.sbom).toMatchObject({ verdict: 'present', tools: ['Syft'], locations: [at(fx, 'Makefile', 'syft')] });
      // lint runs golangci-lint without a config enabling gosec: not static analysis.
      expect(seen.practices.sast.verdict).toBe('absent');
    }
  });
});
