// Repositories written in common third-party styles, not by this tool, are recognised.
import { afterEach, describe, expect, it } from 'vitest';
import { tempRepo } from '../helpers/generate.js';
import { runCheck } from '../../src/check/run.js';
import type { ControlResult } from '../../src/check/report.js';
import { SCANNING_TOOLS, checkTree } from './fixture-trees.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function audit(files: Record<string, string>, level = 3): Promise<Record<string, ControlResult>> {
  const repo = tempRepo({ 'go.mod': 'module example.com/x\n\ngo 1.22\n', ...files });
  cleanup = repo.cleanup;
  const { report } = await runCheck({ directory: repo.root, level: String(level) });
  return Object.fromEntries(report.controls.map((c) => [c.id, c]));
}


describe('dependency updates', () => {
  for (const file of ['renovate.json', 'renovate.json5', '.github/renovate.json', '.github/renovate.json5', '.gitlab/renovate.json', '.renovaterc', '.renovaterc.json', '.renovaterc.json5']) {
    it(`Renovate (${file}) instead of Dependabot`, async () => {
      const c = await audit({ [file]: '{ "extends": ["config:recommended"] }\n' });
      expect(c['dependency-updates']).toMatchObject({ status: 'pass', locations: [{ file }] });
    });
  }
  it('Renovate configured in package.json', async () => {
    const c = await audit({ 'package.json': '{\n  "name": "x",\n  "renovate": { "extends": ["config:base"] }\n}\n' });
    expect(c['dependency-updates']).toMatchObject({ status: 'pass', locations: [{ file: 'package.json', line: 3 }] });
  });
  it('Dependabot .yaml without github-actions is partial when there are workflows', async () => {
    const c = await audit(checkTree('dependabot-yaml-without-actions'));
    expect(c['dependency-updates']?.status).toBe('partial');
  });
});

describe('static analysis', () => {
  it('CodeQL advanced setup (tag-pinned, real-world layout)', async () => {
    const c = await audit(checkTree('codeql-advanced'));
    expect(c['sast']).toMatchObject({ status: 'pass', locations: [{ file: '.github/workflows/codeql-analysis.yml', line: 16 }, { file: '.github/workflows/codeql-analysis.yml', line: 19 }] });
    expect(c['pinned-actions']?.status).toBe('fail');
    expect(c['pinned-actions']?.summary).toContain('0/3');
    // No top-level permissions, but the only job sets its own.
    expect(c['workflow-permissions']?.status).toBe('partial');
  });
  it('Semgrep and gosec', async () => {
    const c = await audit(checkTree('semgrep-gosec'));
    expect(c['sast']?.status).toBe('pass');
    expect(c['sast']?.summary).toContain('Semgrep, gosec');
  });
  it('CodeQL default setup cannot be seen: partial with a note', async () => {
    const c = await audit({});
    expect(c['sast']?.status).toBe('partial');
    expect(c['sast']?.summary).toMatch(/default setup/);
  });
  it('a shared workflow of the organisation named for the practice is "delegated" (not verified offline)', async () => {
    const c = await audit(checkTree('shared-workflow-delegated'));
    expect(c['sast']).toMatchObject({ status: 'delegated', delegatedTo: 'my-org/.github', locations: [{ file: '.github/workflows/security.yml', line: 7 }] });
    expect(c['sast']?.summary).toContain('delegated to my-org/.github/.github/workflows/codeql.yml@0123456789abcdef0123456789abcdef01234567');
    expect(c['sast']?.summary).toMatch(/not verified/);
  });
  it('a shared workflow not named for the practice is no hedge for it', async () => {
    const c = await audit(checkTree('shared-workflow-unrelated'));
    expect(c['sca-scanning']).toMatchObject({ status: 'fail' });
    expect(c['sca-scanning']?.delegatedTo).toBeUndefined();
  });
});

describe('dependency scanning tools', () => {
  for (const [label] of SCANNING_TOOLS) {
    it(label, async () => {
      const c = await audit(checkTree(`sca-${label}`));
      expect(c['sca-scanning']?.status).toBe('pass');
      expect(c['sca-scanning']?.summary).toContain(label);
    });
  }
  it('Trivy image scans count as container scanning, not dependency scanning', async () => {
    const c = await audit(checkTree('trivy-image'));
    expect(c['sca-scanning']?.status).not.toBe('pass');
    expect(c['container-scanning']?.status).toBe('pass');
  });
});

describe('security policy', () => {
  const policy = '# Security\n\n## Reporting a vulnerability\n\nE-mail security@example.org. We acknowledge within 3 days and disclose after 90 days.\n';
  for (const file of ['docs/SECURITY.md', '.github/SECURITY.md', 'SECURITY.rst', 'docs/security.md']) {
    it(file, async () => {
      const c = await audit({ [file]: policy });
      expect(c['security-policy']).toMatchObject({ status: 'pass', locations: [{ file, line: 3 }] });
    });
  }
  it('a policy without a contact is partial', async () => {
    const c = await audit({ 'SECURITY.md': '# Security\n\nWe take security seriously.\n' });
    expect(c['security-policy']?.status).toBe('partial');
  });
  it('missing: mentions an organisation-level policy', async () => {
    const c = await audit({});
    expect(c['security-policy']?.status).toBe('fail');
    expect(c['security-policy']?.summary).toMatch(/\.github/);
  });
});

describe('releases: SBOMs, signing, provenance', () => {
  it('goreleaser SBOMs and signs with attest-build-provenance', async () => {
    const c = await audit(checkTree('goreleaser-release'));
    expect(c['release-signing']?.status).toBe('pass');
    expect(c['sbom-config']).toMatchObject({ status: 'pass', locations: [{ file: '.goreleaser.yaml', line: 4 }] });
  });
  it('SLSA generator, Notation and cdxgen', async () => {
    const c = await audit(checkTree('slsa-notation-cdxgen'));
    expect(c['release-signing']?.status).toBe('pass');
    expect(c['release-signing']?.summary).toMatch(/Notation.*SLSA generator.*cdxgen/s);
    // The SLSA generator must be referenced by tag: not counted as unpinned.
    expect(c['pinned-actions']?.summary).toContain('0/2');
    expect(c['sbom-config']?.status).toBe('partial');
  });
  it('a README heading alone is partial at most', async () => {
    const c = await audit({ 'README.md': '# x\n\n## SBOM\n\nWe publish SBOMs.\n' });
    expect(c['release-signing']).toMatchObject({ status: 'partial', locations: [{ file: 'README.md', line: 3 }] });
    expect(c['sbom-config']?.status).toBe('partial');
  });
});

describe('workflow hygiene', () => {
  it('pull_request_target checking out the PR head fails with the line', async () => {
    const c = await audit(checkTree('pr-target-head-checkout'));
    expect(c['workflow-permissions']).toMatchObject({ status: 'fail', locations: [{ file: '.github/workflows/pr.yml', line: 11 }] });
    expect(c['pinned-actions']?.status).toBe('pass');
  });
  it('untrusted expression in a run: block, located on its line', async () => {
    const c = await audit(checkTree('injection-run-block'));
    expect(c['workflow-permissions']).toMatchObject({ status: 'fail', locations: [{ file: '.github/workflows/greet.yml', line: 9 }] });
  });
  it('pinned ratio: some pinned is partial', async () => {
    const c = await audit(checkTree('pinned-ratio'));
    expect(c['pinned-actions']?.status).toBe('partial');
    expect(c['pinned-actions']?.summary).toContain('1/2 (50%)');
    expect(c['pinned-actions']?.locations).toEqual([{ file: '.github/workflows/ci.yml', line: 12 }]);
  });
});

describe('ownership, metadata, fuzzing, policies', () => {
  it('CODEOWNERS in docs/ and Prow OWNERS', async () => {
    expect((await audit({ 'docs/CODEOWNERS': '# owners\n* @org/maintainers\n' }))['codeowners']).toMatchObject({ status: 'pass', locations: [{ file: 'docs/CODEOWNERS', line: 2 }] });
    expect((await audit({ OWNERS: 'approvers:\n  - alice\n' }))['codeowners']?.status).toBe('pass');
    expect((await audit({ 'MAINTAINERS.md': '- alice\n' }))['codeowners']?.status).toBe('partial');
  });
  it('Security Insights v2 (lower-case name) passes, v1 is partial', async () => {
    expect((await audit({ 'security-insights.yml': 'header:\n  schema-version: 2.0.0\n' }))['security-insights']?.status).toBe('pass');
    expect((await audit({ 'SECURITY-INSIGHTS.yml': 'header:\n  schema-version: 1.0.0\n' }))['security-insights']?.status).toBe('partial');
  });
  it('fuzzing: CIFuzz, ClusterFuzzLite, go test -fuzz; fuzz targets alone are partial', async () => {
    expect((await audit(checkTree('cifuzz')))['fuzzing']?.status).toBe('pass');
    expect((await audit(checkTree('clusterfuzzlite')))['fuzzing']?.status).toBe('pass');
    expect((await audit(checkTree('go-test-fuzz')))['fuzzing']?.status).toBe('pass');
    const targets = await audit({ 'parser/parse_test.go': 'package parser\n\nimport "testing"\n\nfunc FuzzParse(f *testing.F) {}\n' });
    expect(targets['fuzzing']).toMatchObject({ status: 'partial', locations: [{ file: 'parser/parse_test.go' }] });
  });
  it('admission policies: Kyverno verifyImages and Sigstore ClusterImagePolicy', async () => {
    const kyverno = 'apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata:\n  name: verify\nspec:\n  rules:\n    - name: r\n      verifyImages:\n        - imageReferences: ["ghcr.io/x/*"]\n';
    expect((await audit({ 'charts/x/templates/policy.yaml': kyverno }))['admission-policy']).toMatchObject({ status: 'pass', locations: [{ file: 'charts/x/templates/policy.yaml', line: 8 }] });
    const sigstore = 'apiVersion: policy.sigstore.dev/v1beta1\nkind: ClusterImagePolicy\nmetadata:\n  name: x\nspec:\n  images:\n    - glob: "ghcr.io/x/**"\n  authorities:\n    - keyless: {}\n';
    expect((await audit({ 'config/cip.yaml': sigstore }))['admission-policy']?.status).toBe('pass');
  });
  it('threat model in a CNCF-style self-assessment', async () => {
    const c = await audit({ 'docs/security/self-assessment.md': '# Self-assessment\n\n## Threat modeling\n\nSTRIDE...\n' });
    expect(c['threat-model']?.status).toBe('pass');
  });
});
